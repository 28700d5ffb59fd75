// OAuth browser sign-in edge cases through the driver manager: a redirect with a foreign
// state is rejected, a browser that never comes back times out after Auth_Timeout, and the
// seed post's confidential client (a secret and the fixed redirect URL
// http://127.0.0.1:<port>/callback) signs in. Each test starts from an empty token cache.
#include "oauth_support.h"

namespace dbsql::odbc_test {
namespace {

class OAuthU2MEdgeTest : public OAuthSuite<OAuthU2MEdgeTest> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(3600); }

  static void SetUpTestSuite() {
    OAuthSuite::SetUpTestSuite();
    if (warehouse_) browsers_ = std::make_unique<BrowserScripts>(*warehouse_);
  }
  static void TearDownTestSuite() {
    browsers_.reset();
    OAuthSuite::TearDownTestSuite();
  }

 protected:
  static std::string u2m_keys(const std::string& browser_command, int timeout) {
    return "AuthMech=11;Auth_Flow=2;OAuth2RedirectUrlPort=0;Auth_Timeout=" +
           std::to_string(timeout) + ";BrowserCommand=" + braced(browser_command) + ";";
  }

  TempDir cache_home_{"cache"};
  ScopedEnv cache_env_{"XDG_CACHE_HOME", cache_home_.str()};
  static inline std::unique_ptr<BrowserScripts> browsers_;
};

TEST_F(OAuthU2MEdgeTest, ARedirectWithAnotherStateIsRejected) {
  EXPECT_TRUE(
      connect_fails(u2m_keys(browsers_->wrong_state(), 30), "28000", "state does not match"));
  EXPECT_FALSE(read_token_cache(cache_home_.path())) << "nothing may be cached";
}

TEST_F(OAuthU2MEdgeTest, ABrowserThatNeverComesBackTimesOutAfterAuthTimeout) {
  // `true` starts and ends without opening anything, as a browser window closed by the user.
  EXPECT_TRUE(connect_fails(u2m_keys("true", 3), "28000", "did not complete within 3 s"));
}

TEST_F(OAuthU2MEdgeTest, AFailingBrowserCommandEndsTheWaitAtOnce) {
  EXPECT_TRUE(connect_fails(u2m_keys(browsers_->refuse(), 120), "28000",
                            "BrowserCommand exited with status 3"));
}

TEST_F(OAuthU2MEdgeTest, TheSeedPostsConfidentialClientSignsIn) {
  const std::string redirect = "http://127.0.0.1:" + std::to_string(unused_port()) + "/callback";
  const std::string keys =
      "AuthMech=11;Auth_Flow=2;Auth_Client_ID=" + warehouse().field("u2m_confidential_client_id") +
      ";Auth_Client_Secret=" + braced(warehouse().field("u2m_confidential_client_secret")) +
      ";OAuth2RedirectUrl=" + redirect +
      ";Auth_Timeout=60;BrowserCommand=" + braced(browsers_->login()) + ";";
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, keys));
  EXPECT_TRUE(answers(dbc));
  const auto tokens = read_token_cache(cache_home_.path());
  ASSERT_TRUE(tokens) << "the sign-in was not cached";
  log_->add(tokens->access_token);
  log_->add(tokens->refresh_token);
  EXPECT_EQ(dbc.out().find(warehouse().field("u2m_confidential_client_secret")), std::string::npos)
      << "the completed connection string holds the client secret";
}

TEST_F(OAuthU2MEdgeTest, ZzTheVerboseLogHoldsNoSecret) {
  EXPECT_TRUE(log_->holds_no_secrets());
}

}  // namespace
}  // namespace dbsql::odbc_test
