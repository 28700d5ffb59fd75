#include "auth/browser_token_source.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "fake_browser.h"
#include "fake_http.h"
#include "fake_idp.h"
#include "temp_folder.h"

namespace dbsql::auth {
namespace {

using namespace testing;
using std::chrono::seconds;

struct FakeClock {
  TimePoint now = TimePoint{} + seconds(1'700'000'000);
};

class BrowserTokenSourceTest : public ::testing::Test {
 protected:
  BrowserTokenSourceTest() : idp(http, browser) {
    settings.host = kHost;
    settings.auth = config::AuthKind::kBrowser;
    settings.oauth.redirect_port = 0;
  }

  std::unique_ptr<BrowserTokenSource> source(bool unattended_browser = true) {
    BrowserOptions o;
    o.clock = [this] { return clock.now; };
    o.endpoint.sleep = [](std::chrono::milliseconds) {};
    o.cache_folder = cache.path + "/dbsql-odbc";
    o.open_url = browser.opener();
    o.unattended_browser = unattended_browser;
    return std::make_unique<BrowserTokenSource>(settings, http, std::move(o));
  }

  // The token as the next connection would get it.
  std::string connect_and_get() {
    auto s = source();
    std::string t = s->token();
    browser.join();
    return t;
  }

  // Signs in, then the refresh token is revoked and the access token expires.
  void sign_in_then_lose_refresh(BrowserTokenSource& src) {
    EXPECT_EQ(src.token(), "u2m-access-1");
    browser.join();
    idp.revoke_all();
    clock.now += seconds(3600);
  }

  config::Settings settings;
  FakeHttp http;
  FakeBrowser browser;
  FakeIdp idp;
  FakeClock clock;
  TempFolder cache;
};

TEST_F(BrowserTokenSourceTest, FirstTokenSignsInWithPkceAndState) {
  auto src = source();
  EXPECT_EQ(src->token(), "u2m-access-1");
  browser.join();
  EXPECT_EQ(browser.opened, 1);
  auto& p = browser.authorize_params;
  EXPECT_EQ(p["response_type"], "code");
  EXPECT_EQ(p["client_id"], kU2MDefaultClientId);
  EXPECT_EQ(p["scope"], "sql offline_access");
  EXPECT_EQ(p["code_challenge_method"], "S256");
  EXPECT_EQ(p["code_challenge"].size(), 43u);
  EXPECT_GE(p["state"].size(), 22u);
  EXPECT_EQ(p["redirect_uri"].rfind("http://127.0.0.1:", 0), 0u);
  EXPECT_EQ(browser.answer.status, 200);
  EXPECT_TRUE(contains(browser.answer.body, "Signed in"));
  EXPECT_EQ(idp.code_exchanges, 1);
  // A public client: no secret, the id in the body.
  EXPECT_EQ(form_field(idp.last_body, "client_id"), kU2MDefaultClientId);
  EXPECT_EQ(form_field(idp.last_body, "client_secret"), "");
  struct stat st {};
  ASSERT_EQ(::stat(src->cache_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(BrowserTokenSourceTest, AuthorizeUrlStartsAtTheDiscoveredEndpoint) {
  std::string seen;
  BrowserOptions o;
  o.cache_folder = cache.path;
  auto approve = browser.opener();
  o.open_url = [&](const std::string& url) {
    seen = url;
    return approve(url);
  };
  BrowserTokenSource src(settings, http, std::move(o));
  src.token();
  browser.join();
  EXPECT_EQ(seen.rfind(std::string(kAuthorizeUrl) + "?", 0), 0u) << seen;
}

TEST_F(BrowserTokenSourceTest, NextConnectionUsesTheCacheWithoutBrowser) {
  EXPECT_EQ(connect_and_get(), "u2m-access-1");
  EXPECT_EQ(connect_and_get(), "u2m-access-1");
  EXPECT_EQ(browser.opened, 1);
  EXPECT_EQ(idp.code_exchanges, 1);
  EXPECT_EQ(idp.refreshes, 0);
}

TEST_F(BrowserTokenSourceTest, ConcurrentFirstConnectionsShareOneSignIn) {
  browser.think = std::chrono::milliseconds(300);
  auto a = source();
  auto b = source();
  std::string from_a, from_b;
  std::thread first([&] { from_a = a->token(); });
  // b asks while a's browser sign-in is in progress.
  while (browser.opened == 0) std::this_thread::yield();
  std::thread second([&] { from_b = b->token(); });
  first.join();
  second.join();
  browser.join();
  EXPECT_EQ(from_a, "u2m-access-1");
  EXPECT_EQ(from_b, "u2m-access-1");
  EXPECT_EQ(browser.opened, 1);
  EXPECT_EQ(idp.code_exchanges, 1);
}

TEST_F(BrowserTokenSourceTest, ExpiredTokenIsRefreshedAndRotationPersistedAtOnce) {
  auto src = source();
  EXPECT_EQ(src->token(), "u2m-access-1");
  clock.now += seconds(3600);
  EXPECT_EQ(src->token(), "u2m-access-2");
  EXPECT_EQ(idp.refresh_tokens_seen, std::vector<std::string>{"rt-1"});
  // Another process starting now finds the rotated token in the cache.
  auto cached =
      TokenCache(cache.path + "/dbsql-odbc", {kBase, kU2MDefaultClientId, kU2MDefaultScope}).load();
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->refresh_token, "rt-2");
  EXPECT_EQ(connect_and_get(), "u2m-access-2");
  // When that one expires, the next refresh uses the newest refresh token.
  clock.now += seconds(3600);
  EXPECT_EQ(connect_and_get(), "u2m-access-3");
  EXPECT_EQ(idp.refresh_tokens_seen, (std::vector<std::string>{"rt-1", "rt-2"}));
  EXPECT_EQ(browser.opened, 1);
}

TEST_F(BrowserTokenSourceTest, ConnectionsShareRotationsThroughTheCache) {
  auto a = source();
  auto b = source();
  EXPECT_EQ(a->token(), "u2m-access-1");
  browser.join();
  EXPECT_EQ(b->token(), "u2m-access-1");
  clock.now += seconds(3600);
  EXPECT_EQ(a->token(), "u2m-access-2");  // rotates rt-1 → rt-2
  // b still holds rt-1 in memory; it must take the cached rotation instead of failing.
  EXPECT_EQ(b->token(), "u2m-access-2");
  EXPECT_EQ(idp.refreshes, 1);
  EXPECT_EQ(browser.opened, 1);
}

TEST_F(BrowserTokenSourceTest, RevokedRefreshTokenLeadsToANewSignIn) {
  auto src = source(/*unattended_browser=*/true);
  sign_in_then_lose_refresh(*src);
  EXPECT_EQ(src->token(), "u2m-access-2");
  browser.join();
  EXPECT_EQ(browser.opened, 2);
  EXPECT_EQ(idp.refreshes, 1);
}

TEST_F(BrowserTokenSourceTest, HeadlessMidSessionRenewalFailureIs08006) {
  auto src = source(/*unattended_browser=*/false);
  sign_in_then_lose_refresh(*src);
  Error e = caught([&] { src->token(); });
  EXPECT_EQ(e.sqlstate(), "08006");
  EXPECT_TRUE(contains(e.what(), "expired"));
  EXPECT_TRUE(contains(e.what(), "Sign in again"));
  EXPECT_FALSE(contains(e.what(), "rt-1"));
  EXPECT_EQ(browser.opened, 1);
  // The dead refresh token is gone from the cache, so the next connect signs in afresh.
  EXPECT_FALSE(
      TokenCache(cache.path + "/dbsql-odbc", {kBase, kU2MDefaultClientId, kU2MDefaultScope})
          .load());
}

TEST_F(BrowserTokenSourceTest, NoRefreshTokenMidSessionIs08006WithHint) {
  idp.issue_refresh_tokens = false;
  auto src = source(/*unattended_browser=*/false);
  src->token();
  browser.join();
  clock.now += seconds(3600);
  Error e = caught([&] { src->token(); });
  EXPECT_EQ(e.sqlstate(), "08006");
  EXPECT_TRUE(contains(e.what(), "offline_access"));
}

TEST_F(BrowserTokenSourceTest, RenewAfterRejectionRefreshesOnce) {
  auto src = source();
  EXPECT_EQ(src->token(), "u2m-access-1");
  EXPECT_TRUE(src->renew_after_rejection("u2m-access-1"));
  EXPECT_EQ(src->token(), "u2m-access-2");
  EXPECT_TRUE(src->renew_after_rejection("u2m-access-1"));
  EXPECT_EQ(idp.refreshes, 1);
  EXPECT_EQ(browser.opened, 1);
}

TEST_F(BrowserTokenSourceTest, WrongStateIsRejected) {
  browser.act = FakeBrowser::Act::kWrongState;
  auto src = source();
  Error e = caught([&] { src->token(); });
  browser.join();
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "state"));
  EXPECT_FALSE(contains(e.what(), browser.code));
  EXPECT_EQ(browser.answer.status, 400);
  EXPECT_TRUE(contains(browser.answer.body, "state mismatch"));
  EXPECT_EQ(idp.code_exchanges, 0);
}

TEST_F(BrowserTokenSourceTest, DeniedSignInSaysWhy) {
  browser.act = FakeBrowser::Act::kDeny;
  Error e = caught([&] { source()->token(); });
  browser.join();
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "access_denied"));
  EXPECT_TRUE(contains(browser.answer.body, "The user denied the request"));
}

TEST_F(BrowserTokenSourceTest, SignInTimesOut) {
  browser.act = FakeBrowser::Act::kIgnore;
  settings.oauth.sign_in_timeout = seconds(1);
  Error e = caught([&] { source()->token(); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "Auth_Timeout"));
}

// Unsets an environment variable for the scope of a test.
struct ScopedUnset {
  explicit ScopedUnset(const char* name) : name(name) {
    if (const char* v = std::getenv(name)) saved = v;
    ::unsetenv(name);
  }
  ~ScopedUnset() {
    if (saved) ::setenv(name, saved->c_str(), 1);
  }
  const char* name;
  std::optional<std::string> saved;
};

TEST_F(BrowserTokenSourceTest, HeadlessFirstSignInPrintsTheUrlAndWaits) {
  ScopedUnset display("DISPLAY");
  ScopedUnset wayland("WAYLAND_DISPLAY");
  settings.oauth.sign_in_timeout = seconds(1);
  BrowserOptions o;
  o.cache_folder = cache.path;
  BrowserTokenSource src(settings, http, std::move(o));
  ::testing::internal::CaptureStderr();
  Error e = caught([&] { src.token(); });
  std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(contains(printed, std::string(kAuthorizeUrl) + "?response_type=code")) << printed;
  EXPECT_TRUE(contains(printed, "code_challenge_method=S256"));
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "Auth_Timeout"));
}

TEST_F(BrowserTokenSourceTest, FailingBrowserCommandEndsTheWaitAtOnce) {
  settings.oauth.browser_command = "sh -c 'exit 3'";
  settings.oauth.sign_in_timeout = seconds(600);
  BrowserOptions o;
  o.cache_folder = cache.path;
  BrowserTokenSource src(settings, http, std::move(o));
  Error e = caught([&] { src.token(); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "status 3"));
}

TEST_F(BrowserTokenSourceTest, ConfidentialClientOnAFixedRedirectUrl) {
  int port = LoopbackListener(RedirectTarget{"127.0.0.1", 0, "/", false}).port();  // free now
  settings.oauth.client_id = "seed-app";
  settings.oauth.client_secret = "seed-app-secret";
  settings.oauth.redirect_url = "http://127.0.0.1:" + std::to_string(port) + "/callback";
  EXPECT_EQ(connect_and_get(), "u2m-access-1");
  EXPECT_EQ(browser.authorize_params["redirect_uri"], settings.oauth.redirect_url);
  EXPECT_EQ(browser.authorize_params["client_id"], "seed-app");
  EXPECT_EQ(form_field(idp.last_body, "client_id"), "seed-app");
  EXPECT_EQ(form_field(idp.last_body, "client_secret"), "seed-app-secret");
}

TEST_F(BrowserTokenSourceTest, CacheDisabledWritesNothingAndSignsInEachTime) {
  settings.oauth.token_cache = false;
  EXPECT_EQ(connect_and_get(), "u2m-access-1");
  EXPECT_EQ(connect_and_get(), "u2m-access-2");
  EXPECT_EQ(browser.opened, 2);
  EXPECT_FALSE(std::filesystem::exists(cache.path + "/dbsql-odbc"));
  EXPECT_EQ(source()->cache_path(), "");
}

TEST_F(BrowserTokenSourceTest, UnusableCacheFolderDegradesToNoCache) {
  std::ofstream(cache.path + "/not-a-folder") << "x";
  BrowserOptions o;
  o.cache_folder = cache.path + "/not-a-folder/dbsql-odbc";
  o.open_url = browser.opener();
  BrowserTokenSource src(settings, http, std::move(o));
  EXPECT_EQ(src.token(), "u2m-access-1");
  browser.join();
  EXPECT_TRUE(src.renew_after_rejection("u2m-access-1"));  // the refresh token lives in memory
  EXPECT_EQ(src.token(), "u2m-access-2");
  EXPECT_EQ(browser.opened, 1);
}

TEST_F(BrowserTokenSourceTest, ReadableCacheFileIsRefusedClearly) {
  auto src = source();
  src->token();
  browser.join();
  ::chmod(src->cache_path().c_str(), 0644);
  Error e = caught([&] { source()->token(); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "can be read by other users"));
  EXPECT_FALSE(contains(e.what(), "rt-1"));
}

}  // namespace
}  // namespace dbsql::auth
