#include "auth/client_credentials.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "fake_http.h"

namespace dbsql::auth {
namespace {

using namespace testing;
using std::chrono::seconds;

struct FakeClock {
  TimePoint now = TimePoint{} + std::chrono::hours(1000);
  Clock clock() {
    return [this] { return now; };
  }
};

config::Settings settings() {
  return workspace_settings(config::AuthKind::kClientCredentials, "sp-id", "sp-secret-value");
}

SourceOptions options(FakeClock& clock) {
  SourceOptions o;
  o.clock = clock.clock();
  o.endpoint.sleep = [](std::chrono::milliseconds) {};
  return o;
}

// A workspace whose token endpoint hands out numbered tokens living `expires_in` seconds.
class ClientCredentialsTest : public ::testing::Test {
 protected:
  void SetUp() override { serve_discovery(http); }
  void serve_tokens(int expires_in = 3600) {
    http.on(kTokenUrl, [this, expires_in](const http::Request&) {
      return token_response("tok-" + std::to_string(++issued), expires_in);
    });
  }
  std::unique_ptr<ClientCredentialsTokenSource> source(config::Settings s = settings()) {
    return std::make_unique<ClientCredentialsTokenSource>(s, http, options(clock));
  }

  FakeHttp http;
  FakeClock clock;
  std::atomic<int> issued{0};
};

TEST_F(ClientCredentialsTest, DiscoversOnceAndReusesTheToken) {
  serve_tokens();
  auto src = source();
  EXPECT_EQ(src->token(), "tok-1");
  clock.now += seconds(3000);
  EXPECT_EQ(src->token(), "tok-1");
  EXPECT_EQ(http.count(kDiscoveryUrl), 1u);
  EXPECT_EQ(http.count(kTokenUrl), 1u);
  EXPECT_EQ(form_field(http.requests().back().body, "scope"), "all-apis");
}

TEST_F(ClientCredentialsTest, RefreshesAheadOfExpiryWithFortySecondMargin) {
  serve_tokens();
  auto src = source();
  EXPECT_EQ(src->token(), "tok-1");
  clock.now += seconds(3600 - 41);
  EXPECT_EQ(src->token(), "tok-1");
  clock.now += seconds(1);  // 40 s before expiry
  EXPECT_EQ(src->token(), "tok-2");
  EXPECT_EQ(http.count(kTokenUrl), 2u);
}

TEST_F(ClientCredentialsTest, ShortLivedTokensAreStillReused) {
  serve_tokens(10);
  auto src = source();
  EXPECT_EQ(src->token(), "tok-1");
  clock.now += seconds(4);
  EXPECT_EQ(src->token(), "tok-1");
  clock.now += seconds(1);  // half of the 10 s lifetime
  EXPECT_EQ(src->token(), "tok-2");
}

TEST_F(ClientCredentialsTest, CustomScopeAndEndpointOverride) {
  http.on("https://idp.example/token",
          [&](const http::Request&) { return token_response("acct-" + std::to_string(++issued)); });
  auto s = settings();
  s.oauth.scope = "sql";
  s.oauth.token_endpoint = "https://idp.example/token";
  EXPECT_EQ(source(s)->token(), "acct-1");
  EXPECT_EQ(http.count(kDiscoveryUrl), 0u);
  EXPECT_EQ(form_field(http.requests()[0].body, "scope"), "sql");
}

TEST_F(ClientCredentialsTest, RenewAfterRejectionFetchesOnceForManyRejections) {
  serve_tokens();
  auto src = source();
  EXPECT_EQ(src->token(), "tok-1");
  EXPECT_TRUE(src->renew_after_rejection("tok-1"));
  EXPECT_EQ(src->token(), "tok-2");
  // A second statement whose request carried the old token: no second fetch.
  EXPECT_TRUE(src->renew_after_rejection("tok-1"));
  EXPECT_EQ(src->token(), "tok-2");
  EXPECT_EQ(http.count(kTokenUrl), 2u);
}

TEST_F(ClientCredentialsTest, ManyThreadsOneRequest) {
  std::atomic<int> in_handler{0};
  std::atomic<bool> release{false};
  http.on(kTokenUrl, [&](const http::Request&) {
    ++in_handler;
    // Hold the first request in flight until every thread has asked.
    while (!release) std::this_thread::yield();
    return token_response("tok-" + std::to_string(++issued));
  });
  auto src = source();
  constexpr int kThreads = 16;
  std::atomic<int> started{0};
  std::vector<std::string> got(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      ++started;
      got[i] = src->token();
    });
  while (started < kThreads || in_handler < 1) std::this_thread::yield();
  release = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(http.count(kTokenUrl), 1u);
  for (const auto& g : got) EXPECT_EQ(g, "tok-1");
}

TEST_F(ClientCredentialsTest, OldTokenServedWhileRenewalAheadOfExpiryIsInFlight) {
  std::atomic<bool> hold{false};
  std::atomic<bool> release{false};
  std::atomic<int> in_handler{0};
  http.on(kTokenUrl, [&](const http::Request&) {
    if (hold) {
      ++in_handler;
      while (!release) std::this_thread::yield();
    }
    return token_response("tok-" + std::to_string(++issued));
  });
  auto src = source();
  EXPECT_EQ(src->token(), "tok-1");
  clock.now += seconds(3580);  // inside the margin, not expired
  hold = true;
  std::string renewed;
  std::thread renewer([&] { renewed = src->token(); });
  while (in_handler < 1) std::this_thread::yield();
  EXPECT_EQ(src->token(), "tok-1");  // does not block on the flight
  release = true;
  renewer.join();
  EXPECT_EQ(renewed, "tok-2");
  EXPECT_EQ(src->token(), "tok-2");
}

TEST_F(ClientCredentialsTest, WrongSecretGivesServerReasonWithoutTheSecret) {
  http.script(
      kTokenUrl,
      {json_response(
          401,
          R"({"error":"invalid_client","error_description":"client authentication failed"})")});
  auto e = caught([&] { source()->token(); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "client authentication failed"));
  EXPECT_TRUE(contains(e.what(), "Auth_Client_Secret"));
  EXPECT_FALSE(contains(e.what(), "sp-secret-value"));
}

TEST_F(ClientCredentialsTest, MissingCredentialsRefusedUpFront) {
  auto s = settings();
  s.oauth.client_secret.clear();
  EXPECT_THROW(source(s), Error);
  EXPECT_EQ(http.requests().size(), 0u);
}

}  // namespace
}  // namespace dbsql::auth
