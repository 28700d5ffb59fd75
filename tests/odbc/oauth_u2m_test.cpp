// OAuth browser sign-in (AuthMech=11;Auth_Flow=2) through the driver manager, the browser
// being headless Chromium driven by the warehouse's browser-login CLI as BrowserCommand:
// one sign-in serves later connections of this and other processes through the token cache;
// expired access tokens are refreshed; a revoked or already-rotated refresh token leads to a
// new sign-in, or to 08006 where no browser can be opened. The tests run in order and share
// the suite's token cache (XDG_CACHE_HOME is a temporary folder); access tokens live 3 s.
#include <sys/stat.h>

#include <cstdlib>

#include "oauth_support.h"

namespace dbsql::odbc_test {
namespace {

constexpr int kTokenTtl = 3;
constexpr const char* kPublicClient = "dbsql-odbc";
constexpr const char* kChildConnectionVar = "DBSQL_OAUTH_CHILD_CONNECTION";

class OAuthU2MTest : public OAuthSuite<OAuthU2MTest> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(kTokenTtl); }

  static void SetUpTestSuite() {
    OAuthSuite::SetUpTestSuite();
    cache_home_ = std::make_unique<TempDir>("cache");
    cache_env_ = std::make_unique<ScopedEnv>("XDG_CACHE_HOME", cache_home_->str());
    // No desktop: the driver may only open a browser through BrowserCommand.
    no_display_ = std::make_unique<ScopedEnv>("DISPLAY", std::nullopt);
    no_wayland_ = std::make_unique<ScopedEnv>("WAYLAND_DISPLAY", std::nullopt);
    if (warehouse_) browsers_ = std::make_unique<BrowserScripts>(*warehouse_);
  }
  static void TearDownTestSuite() {
    browsers_.reset();
    no_wayland_.reset();
    no_display_.reset();
    cache_env_.reset();
    cache_home_.reset();
    OAuthSuite::TearDownTestSuite();
  }

 protected:
  static std::string u2m_keys(const std::string& browser_command, int timeout = 60) {
    return "AuthMech=11;Auth_Flow=2;OAuth2RedirectUrlPort=0;Auth_Timeout=" +
           std::to_string(timeout) + ";BrowserCommand=" + braced(browser_command) + ";";
  }
  // The cached tokens, remembered as secrets the log must not show.
  static std::optional<CachedTokens> cached() {
    auto tokens = read_token_cache(cache_home_->path());
    if (tokens) {
      log_->add(tokens->access_token);
      log_->add(tokens->refresh_token);
    }
    return tokens;
  }
  // Signs in unless the cache already holds a grant (each test can run on its own).
  void sign_in_if_needed() {
    if (cached()) return;
    Dbc dbc(env_);
    ASSERT_TRUE(connects(dbc, u2m_keys(browsers_->login())));
  }

  static inline std::unique_ptr<TempDir> cache_home_;
  static inline std::unique_ptr<ScopedEnv> cache_env_, no_display_, no_wayland_;
  static inline std::unique_ptr<BrowserScripts> browsers_;
};

TEST_F(OAuthU2MTest, OneSignInServesLaterConnectionsAndProcessesFromTheCache) {
  ASSERT_FALSE(cached()) << "the suite starts with an empty token cache";
  {
    Dbc first(env_);
    ASSERT_TRUE(connects(first, u2m_keys(browsers_->login())));
    EXPECT_EQ(browsers_->calls(), 1);
    EXPECT_TRUE(answers(first));
  }
  const auto tokens = cached();
  ASSERT_TRUE(tokens) << "the sign-in was not cached";
  EXPECT_FALSE(tokens->refresh_token.empty());
  struct stat st {};
  ASSERT_EQ(::stat(tokens->file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "the cache file must be private";
  ASSERT_EQ(::stat(tokens->file.parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u) << "the cache folder must be private";

  // The same process: a BrowserCommand that fails proves the browser is not needed.
  Dbc second(env_);
  ASSERT_TRUE(connects(second, u2m_keys(browsers_->refuse())));
  EXPECT_TRUE(answers(second));

  // Another process, with the same cache folder (inherited XDG_CACHE_HOME).
  ProcessResult child =
      run_this_program("OAuthChildProcess.DISABLED_ConnectsAndQueries",
                       {{kChildConnectionVar, base() + u2m_keys(browsers_->refuse())}});
  EXPECT_EQ(child.status, 0) << child.output;
  EXPECT_NE(child.output.find("[  PASSED  ] 1 test"), std::string::npos) << child.output;
  EXPECT_EQ(browsers_->calls(), 1) << "a later connection opened the browser";
  cached();  // the tokens the others refreshed
}

TEST_F(OAuthU2MTest, AnExpiredAccessTokenIsRefreshedWithoutTheBrowser) {
  sign_in_if_needed();
  const int calls = browsers_->calls();
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, u2m_keys(browsers_->refuse())));
  const auto before = cached();
  ASSERT_TRUE(before);

  wait_for_token_expiry(kTokenTtl);
  EXPECT_TRUE(answers(dbc));
  const auto after = cached();
  ASSERT_TRUE(after);
  EXPECT_NE(after->access_token, before->access_token) << "no new access token was cached";
  EXPECT_NE(after->refresh_token, before->refresh_token)
      << "the rotated refresh token was not persisted";
  EXPECT_EQ(browsers_->calls(), calls);
}

TEST_F(OAuthU2MTest, ARevokedRefreshTokenLeadsToANewSignInOnAnOpenConnection) {
  sign_in_if_needed();
  const int calls = browsers_->calls();
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, u2m_keys(browsers_->login())));
  const auto before = cached();
  ASSERT_TRUE(before);
  OAuthServer(warehouse()).revoke(kPublicClient, before->refresh_token);

  wait_for_token_expiry(kTokenTtl);
  EXPECT_TRUE(answers(dbc));
  EXPECT_EQ(browsers_->calls(), calls + 1) << "the browser should have signed in again";
  const auto after = cached();
  ASSERT_TRUE(after);
  EXPECT_NE(after->refresh_token, before->refresh_token);
}

TEST_F(OAuthU2MTest, AnAlreadyRotatedRefreshTokenLeadsToANewSignInAtConnect) {
  sign_in_if_needed();
  const int calls = browsers_->calls();
  const auto before = cached();
  ASSERT_TRUE(before);
  // Another client redeems the cached refresh token: the server rotates it, and the cached
  // one is spent.
  const std::string answer = OAuthServer(warehouse()).refresh(kPublicClient, before->refresh_token);
  log_->add(json_field(answer, "access_token"));
  log_->add(json_field(answer, "refresh_token"));
  ASSERT_FALSE(json_field(answer, "refresh_token").empty()) << "the test's own refresh failed";

  wait_for_token_expiry(kTokenTtl);
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, u2m_keys(browsers_->login())));
  EXPECT_EQ(browsers_->calls(), calls + 1) << "the browser should have signed in again";
  EXPECT_TRUE(answers(dbc));
}

// Where no browser can be opened (no BrowserCommand, no desktop), a connection whose grant
// ended fails with 08006, the state BI tools answer by signing in again, rather than wait for
// a person to read a URL.
TEST_F(OAuthU2MTest, WithoutABrowserAnEndedGrantIs08006) {
  sign_in_if_needed();
  const int calls = browsers_->calls();
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, "AuthMech=11;Auth_Flow=2;OAuth2RedirectUrlPort=0;Auth_Timeout=5;"));
  const auto tokens = cached();
  ASSERT_TRUE(tokens);
  OAuthServer(warehouse()).revoke(kPublicClient, tokens->refresh_token);

  wait_for_token_expiry(kTokenTtl);
  Stmt s(dbc);
  EXPECT_EQ(s.exec("SELECT 1"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "08006", "Sign in again"));
  EXPECT_EQ(browsers_->calls(), calls);
}

TEST_F(OAuthU2MTest, ZzTheVerboseLogHoldsNoSecret) {
  EXPECT_TRUE(log_->holds_no_secrets());
}

// Not a test of its own: the second process of the cache test (run_this_program), which
// passes its connection string in the environment. GTEST_TEST keeps it out of the ctest list.
GTEST_TEST(OAuthChildProcess, DISABLED_ConnectsAndQueries) {
  const char* connection = std::getenv(kChildConnectionVar);
  if (connection == nullptr) GTEST_SKIP() << "run by OAuthU2MTest in a child process";
  Env env;
  Dbc dbc(env);
  ASSERT_ODBC_OK(dbc.driver_connect(connection), SQL_HANDLE_DBC, dbc.get());
  Stmt s(dbc);
  ASSERT_ODBC_OK(s.exec("SELECT 41 + 1"), SQL_HANDLE_STMT, s.get());
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "42");
}

}  // namespace
}  // namespace dbsql::odbc_test
