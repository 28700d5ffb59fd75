#include "http/retry.h"

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <variant>

#include "http/fake_clock.h"
#include "http/transport_failure.h"

namespace dbsql::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::failure_kind;
using testing::FakeClock;

// Answers from a script: a Response, or a TransportError to throw.
class ScriptedHttp : public HttpClient {
 public:
  using Step = std::variant<Response, TransportError>;
  void add(Step step) { steps_.push_back(std::move(step)); }
  void add_status(long status, std::vector<Header> headers = {}) {
    Response r;
    r.status = status;
    r.headers = std::move(headers);
    add(std::move(r));
  }
  Response send(const Request&, const CancelToken*) override {
    ++sends;
    if (steps_.empty()) throw std::logic_error("unexpected request");
    Step step = steps_.front();
    if (steps_.size() > 1 || !repeat_last) steps_.pop_front();
    if (auto* error = std::get_if<TransportError>(&step)) throw *error;
    return std::get<Response>(step);
  }
  int sends = 0;
  bool repeat_last = false;

 private:
  std::deque<Step> steps_;
};

Request get_request() {
  Request r;
  r.method = "GET";
  r.url = "https://example.test/api";
  return r;
}

TEST(RetryAfter, ParsesDeltaSeconds) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(parse_retry_after("3", now), milliseconds(3000));
  EXPECT_EQ(parse_retry_after("  120 ", now), milliseconds(120'000));
  EXPECT_EQ(parse_retry_after("0", now), milliseconds(0));
}

TEST(RetryAfter, ParsesHttpDateRelativeToNow) {
  // Sun, 06 Nov 1994 08:49:37 GMT is 784111777 seconds after the epoch.
  const auto now = std::chrono::system_clock::from_time_t(784111777 - 10);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), milliseconds(10'000));
  const auto later = std::chrono::system_clock::from_time_t(784111777 + 60);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", later), milliseconds(0));
}

TEST(RetryAfter, RejectsGarbageAndNegatives) {
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(parse_retry_after("", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("-5", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("3 apples", now), std::nullopt);
}

TEST(RetryableStatus, SubmitOnlyOnRefusal) {
  for (long status : {429L, 503L}) {
    EXPECT_TRUE(is_retryable_status(status, Replay::kOnlyIfRefused)) << status;
    EXPECT_TRUE(is_retryable_status(status, Replay::kIdempotent)) << status;
  }
  for (long status : {500L, 502L, 504L}) {
    EXPECT_FALSE(is_retryable_status(status, Replay::kOnlyIfRefused)) << status;
    EXPECT_TRUE(is_retryable_status(status, Replay::kIdempotent)) << status;
  }
  for (long status : {200L, 400L, 401L, 403L, 404L})
    EXPECT_FALSE(is_retryable_status(status, Replay::kIdempotent)) << status;
}

TEST(SendWithRetry, HonoursRetryAfterThenSucceeds) {
  ScriptedHttp http;
  http.add_status(429, {{"retry-after", "3"}});
  http.add_status(200);
  FakeClock clock;
  Response r = send_with_retry(http, get_request(), Replay::kOnlyIfRefused, RetryPolicy{}, clock);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(http.sends, 2);
  ASSERT_EQ(clock.sleeps().size(), 1u);
  EXPECT_GE(clock.sleeps()[0], seconds(3));
}

TEST(SendWithRetry, RetryAfterDateUsesTheWallClock) {
  ScriptedHttp http;
  http.add_status(503, {{"retry-after", "Sun, 06 Nov 1994 08:49:37 GMT"}});
  http.add_status(200);
  FakeClock clock;
  clock.set_wall(std::chrono::system_clock::from_time_t(784111777 - 20));
  send_with_retry(http, get_request(), Replay::kIdempotent, RetryPolicy{}, clock);
  ASSERT_EQ(clock.sleeps().size(), 1u);
  EXPECT_GE(clock.sleeps()[0], seconds(20));
}

TEST(SendWithRetry, StopsWhenTheBudgetIsSpentAndReturnsTheRefusal) {
  ScriptedHttp http;
  http.repeat_last = true;
  http.add_status(503, {{"retry-after", "50"}});
  FakeClock clock;
  RetryPolicy policy;
  policy.budget = seconds(120);
  Response r = send_with_retry(http, get_request(), Replay::kIdempotent, policy, clock);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(http.sends, 3);  // at 0 s, 50 s, 100 s; a wait to 150 s would pass the budget
  EXPECT_LE(clock.total_slept(), seconds(120));
}

TEST(SendWithRetry, BackoffGrowsWithJitterAndIsCapped) {
  ScriptedHttp http;
  http.repeat_last = true;
  http.add_status(429);
  FakeClock clock;
  RetryPolicy policy;
  policy.initial_backoff = milliseconds(100);
  policy.max_backoff = milliseconds(800);
  policy.budget = seconds(10);
  send_with_retry(http, get_request(), Replay::kIdempotent, policy, clock);
  const auto sleeps = clock.sleeps();
  ASSERT_GE(sleeps.size(), 6u);
  milliseconds nominal = policy.initial_backoff;
  for (milliseconds slept : sleeps) {
    EXPECT_GE(slept, nominal / 2);
    EXPECT_LE(slept, nominal);
    nominal = std::min(nominal * 2, policy.max_backoff);
  }
}

TEST(SendWithRetry, SubmitIsNotRepeatedAfterAServerError) {
  ScriptedHttp http;
  http.add_status(500);
  FakeClock clock;
  Response r = send_with_retry(http, get_request(), Replay::kOnlyIfRefused, RetryPolicy{}, clock);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(http.sends, 1);
}

// A submit may already run on the server; a TLS failure will not go away by itself.
TEST(SendWithRetry, SomeTransportFailuresAreNeverRepeated) {
  const std::pair<TransportFailure, Replay> cases[] = {
      {TransportFailure::kDropped, Replay::kOnlyIfRefused},
      {TransportFailure::kTls, Replay::kIdempotent},
      {TransportFailure::kTimeout, Replay::kIdempotent},
  };
  for (auto [kind, replay] : cases) {
    ScriptedHttp http;
    http.add(TransportError(kind, "failed"));
    FakeClock clock;
    EXPECT_EQ(
        failure_kind([&] { send_with_retry(http, get_request(), replay, RetryPolicy{}, clock); }),
        kind);
    EXPECT_EQ(http.sends, 1);
  }
}

TEST(SendWithRetry, IdempotentRequestSurvivesDroppedConnections) {
  ScriptedHttp http;
  http.add(TransportError(TransportFailure::kDropped, "connection reset"));
  http.add(TransportError(TransportFailure::kConnect, "refused"));
  http.add_status(200);
  FakeClock clock;
  EXPECT_EQ(send_with_retry(http, get_request(), Replay::kIdempotent, RetryPolicy{}, clock).status,
            200);
  EXPECT_EQ(http.sends, 3);
}

TEST(SendWithRetry, TransportRetriesAreBounded) {
  ScriptedHttp http;
  http.repeat_last = true;
  http.add(TransportError(TransportFailure::kDropped, "connection reset"));
  FakeClock clock;
  RetryPolicy policy;
  policy.max_transport_retries = 2;
  EXPECT_EQ(failure_kind(
                [&] { send_with_retry(http, get_request(), Replay::kIdempotent, policy, clock); }),
            TransportFailure::kDropped);
  EXPECT_EQ(http.sends, 3);
}

TEST(SendWithRetry, CancelDuringTheWaitEndsIt) {
  ScriptedHttp http;
  http.repeat_last = true;
  http.add_status(429, {{"retry-after", "30"}});
  FakeClock clock;
  CancelToken cancel;
  clock.on_sleep = [&](milliseconds) { cancel.cancel(); };
  EXPECT_EQ(failure_kind([&] {
              send_with_retry(http, get_request(), Replay::kIdempotent, RetryPolicy{}, clock,
                              &cancel);
            }),
            TransportFailure::kCancelled);
  EXPECT_EQ(http.sends, 1);
}

TEST(SendWithRetry, ARetryThatCannotFinishBeforeTheDeadlineIsNotWaitedFor) {
  ScriptedHttp http;
  http.repeat_last = true;
  http.add_status(503, {{"retry-after", "30"}});
  FakeClock clock;
  http.set_deadline(clock.now() + seconds(5));
  EXPECT_EQ(failure_kind([&] {
              send_with_retry(http, get_request(), Replay::kIdempotent, RetryPolicy{}, clock);
            }),
            TransportFailure::kDeadline);
  EXPECT_EQ(http.sends, 1);
  EXPECT_TRUE(clock.sleeps().empty());
}

TEST(SendWithRetry, RetriesThatFitBeforeTheDeadlineStillHappen) {
  ScriptedHttp http;
  http.add_status(503, {{"retry-after", "1"}});
  http.add_status(200);
  FakeClock clock;
  http.set_deadline(clock.now() + seconds(5));
  EXPECT_EQ(send_with_retry(http, get_request(), Replay::kIdempotent, RetryPolicy{}, clock).status,
            200);
  EXPECT_EQ(http.sends, 2);
}

TEST(SystemClock, SleepReturnsEarlyOnceCancelled) {
  CancelToken cancel;
  cancel.cancel();
  Clock& clock = system_clock();
  const auto before = clock.now();
  clock.sleep_for(std::chrono::hours(1), &cancel);
  EXPECT_LT(clock.now() - before, std::chrono::minutes(1));
}

}  // namespace
}  // namespace dbsql::http
