// The whole auth layer at the most verbose log level: the log says what happened and never
// holds a token, refresh token, code, verifier or client secret.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "auth/browser_token_source.h"
#include "auth/client_credentials.h"
#include "fake_browser.h"
#include "fake_http.h"
#include "fake_idp.h"
#include "temp_folder.h"
#include "util/log.h"

namespace dbsql::auth {
namespace {

using namespace testing;
using std::chrono::seconds;

class LogSecretsTest : public ::testing::Test {
 protected:
  void SetUp() override { util::Logger::instance().configure(6, logs.path); }
  void TearDown() override { util::Logger::instance().reset(); }

  std::string log_text() {
    util::Logger::instance().reset();  // flush and close
    std::ifstream in(std::filesystem::path(logs.path) / util::kLogFileName);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  TempFolder logs;
  TempFolder cache;
};

TEST_F(LogSecretsTest, BrowserSignInRefreshAndRejection) {
  FakeHttp http;
  FakeBrowser browser;
  browser.code = "code-4f1d8e2a9b";
  FakeIdp idp(http, browser);
  TimePoint now = TimePoint{} + seconds(1'700'000'000);
  auto s = workspace_settings(config::AuthKind::kBrowser, "confidential-app", "conf-secret-77c1a0");
  s.oauth.redirect_port = 0;
  BrowserOptions o;
  o.clock = [&] { return now; };
  o.cache_folder = cache.path;
  o.open_url = browser.opener();
  o.unattended_browser = true;
  BrowserTokenSource source(s, http, std::move(o));
  std::vector<std::string> secrets{browser.code, s.oauth.client_secret};
  secrets.push_back(source.token());
  browser.join();
  secrets.push_back(idp.last_verifier);
  now += seconds(3600);
  secrets.push_back(source.token());             // refreshed with rt-1
  source.renew_after_rejection(source.token());  // refreshed with rt-2
  secrets.push_back(source.token());
  idp.revoke_all();
  source.renew_after_rejection(source.token());  // refused: a new sign-in
  browser.join();
  for (const auto& rt : idp.refresh_tokens_seen) secrets.push_back(rt);
  ASSERT_GE(idp.refresh_tokens_seen.size(), 3u);

  std::string log = log_text();
  EXPECT_TRUE(contains(log, "browser sign-in")) << log;
  EXPECT_TRUE(contains(log, "refresh token was refused")) << log;
  for (const auto& secret : secrets) {
    ASSERT_FALSE(secret.empty());
    EXPECT_FALSE(contains(log, secret)) << secret << " leaked into:\n" << log;
  }
}

TEST_F(LogSecretsTest, MachineToMachineSuccessAndWrongSecret) {
  FakeHttp http;
  serve_discovery(http);
  http.script(
      kTokenUrl,
      {token_response("m2m-access-token-0a9f3c"),
       json_response(
           401,
           R"({"error":"invalid_client","error_description":"client authentication failed"})")});
  auto s = workspace_settings(config::AuthKind::kClientCredentials, "sp-app", "sp-secret-5be2d1");
  SourceOptions o;
  o.endpoint.sleep = [](std::chrono::milliseconds) {};
  ClientCredentialsTokenSource source(s, http, o);
  EXPECT_EQ(source.token(), "m2m-access-token-0a9f3c");
  EXPECT_THROW(source.renew_after_rejection("m2m-access-token-0a9f3c"), Error);
  std::string log = log_text();
  EXPECT_TRUE(contains(log, "invalid_client")) << log;
  EXPECT_FALSE(contains(log, "m2m-access-token-0a9f3c")) << log;
  EXPECT_FALSE(contains(log, "sp-secret-5be2d1")) << log;
}

}  // namespace
}  // namespace dbsql::auth
