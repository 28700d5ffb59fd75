#include "auth/token_cell.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace dbsql::auth {
namespace {

using std::chrono::seconds;

// A fixed clock that counts its readers: a caller reads it under the cell's lock right
// before deciding to wait, which lets a test know every waiter is queued.
struct CountingClock {
  TimePoint now = TimePoint{} + std::chrono::hours(1000);
  std::atomic<int> reads{0};
  Clock clock() {
    return [this] {
      ++reads;
      return now;
    };
  }
};

TEST(TokenCell, WaitersShareTheFailureOfTheFlight) {
  CountingClock clock;
  TokenCell cell(clock.clock());
  std::atomic<bool> release{false};
  std::atomic<int> renewals{0};
  auto failing = [&](const Token&) -> Token {
    ++renewals;
    while (!release) std::this_thread::yield();
    throw std::runtime_error("identity provider down");
  };
  std::atomic<int> failures{0};
  auto call = [&] {
    try {
      cell.get(failing);
    } catch (const std::runtime_error&) {
      ++failures;
    }
  };
  std::thread first(call);
  while (renewals < 1) std::this_thread::yield();
  constexpr int kWaiters = 6;
  std::vector<std::thread> waiters;
  for (int i = 0; i < kWaiters; ++i) waiters.emplace_back(call);
  while (clock.reads < 1 + kWaiters) std::this_thread::yield();
  release = true;
  first.join();
  for (auto& t : waiters) t.join();
  EXPECT_EQ(renewals, 1);
  EXPECT_EQ(failures, 1 + kWaiters);
  // The next caller tries again rather than replaying an old failure forever.
  EXPECT_EQ(cell.get([](const Token&) {
    return make_token("ok", "", TimePoint{} + std::chrono::hours(1000), seconds(60));
  }),
            "ok");
}

TEST(TokenCell, RenewRejectedPassesCurrentAndSkipsWhenAlreadyNewer) {
  CountingClock clock;
  TokenCell cell(clock.clock());
  int renewals = 0;
  auto renew = [&](const Token& current) {
    ++renewals;
    return make_token("t" + std::to_string(renewals), current.access_token + "-rt", clock.now,
                      seconds(3600));
  };
  EXPECT_EQ(cell.get(renew), "t1");
  EXPECT_EQ(cell.peek().refresh_token, "-rt");
  EXPECT_EQ(cell.renew_rejected("t1", renew), "t2");
  EXPECT_EQ(cell.peek().refresh_token, "t1-rt");  // the renewal saw the rejected token
  EXPECT_EQ(cell.renew_rejected("t1", renew), "t2");
  EXPECT_EQ(renewals, 2);
}

TEST(TokenCell, ExpiredTokenIsNotHandedOutDuringARenewal) {
  CountingClock clock;
  TokenCell cell(clock.clock());
  cell.get([&](const Token&) { return make_token("old", "", clock.now, seconds(100)); });
  clock.now += seconds(200);  // expired
  std::atomic<bool> release{false};
  std::atomic<int> renewals{0};
  auto slow = [&](const Token&) {
    ++renewals;
    while (!release) std::this_thread::yield();
    return make_token("new", "", clock.now, seconds(100));
  };
  std::thread renewer([&] { cell.get(slow); });
  while (renewals < 1) std::this_thread::yield();
  std::string got;
  const int reads_before = clock.reads;
  std::thread waiter([&] { got = cell.get(slow); });
  // The waiter reads the clock twice under the lock (usability, then expiry) before waiting.
  while (clock.reads < reads_before + 2) std::this_thread::yield();
  release = true;
  renewer.join();
  waiter.join();
  EXPECT_EQ(got, "new");
  EXPECT_EQ(renewals, 1);
}

}  // namespace
}  // namespace dbsql::auth
