// Pass-through OAuth tokens (AuthMech=11;Auth_Flow=0) through the driver manager: once the
// application's token expires every request is 08006 ("token expired", what BI tools react
// to), and a new token given on the open connection — SQL_DBSQL_ATTR_ACCESS_TOKEN, or the
// Simba-style SQL_ATTR_CREDENTIALS + SQL_ATTR_REFRESH_CONNECTION — is used from then on.
#include "dbsql/dbsql.h"
#include "oauth_support.h"

namespace dbsql::odbc_test {
namespace {

constexpr int kTokenTtl = 3;

class OAuthPassThroughTest : public OAuthSuite<OAuthPassThroughTest> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(kTokenTtl); }

 protected:
  // A fresh access token, remembered as a secret the log must not show.
  std::string new_token() {
    std::string token = OAuthServer(warehouse()).m2m_access_token();
    log_->add(token);
    return token;
  }
  std::string pass_through_keys() {
    return "AuthMech=11;Auth_Flow=0;Auth_AccessToken=" + new_token() + ";";
  }
  static SQLRETURN set_text_attr(Dbc& dbc, SQLINTEGER attribute, const std::string& value) {
    return SQLSetConnectAttr(dbc.get(), attribute, const_cast<char*>(value.c_str()), SQL_NTS);
  }
  // SQLExecDirect on `s` fails with 08006 and a message saying how to go on.
  static ::testing::AssertionResult expired(Stmt& s) {
    SQLRETURN rc = s.exec("SELECT 1");
    if (rc != SQL_ERROR)
      return ::testing::AssertionFailure() << "SQLExecDirect returned " << return_code_name(rc);
    return has_diag(SQL_HANDLE_STMT, s.get(), "08006", "SQL_DBSQL_ATTR_ACCESS_TOKEN");
  }
  static ::testing::AssertionResult runs(Stmt& s) {
    ::testing::AssertionResult ok = odbc_ok(s.exec("SELECT 41 + 1"), SQL_HANDLE_STMT, s.get());
    if (ok) s.close_cursor();
    return ok;
  }
};

TEST_F(OAuthPassThroughTest, ExpiredTokenIs08006UntilTheDriverAttributeReplacesIt) {
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, pass_through_keys()));
  Stmt s(dbc);  // one statement handle throughout: open handles pick up the new token too
  ASSERT_TRUE(runs(s));

  wait_for_token_expiry(kTokenTtl);
  EXPECT_TRUE(expired(s));
  EXPECT_TRUE(expired(s)) << "still 08006: nothing changed";

  ASSERT_ODBC_OK(set_text_attr(dbc, SQL_DBSQL_ATTR_ACCESS_TOKEN, new_token()), SQL_HANDLE_DBC,
                 dbc.get());
  EXPECT_TRUE(runs(s));
  Stmt other(dbc);
  EXPECT_TRUE(runs(other));
}

TEST_F(OAuthPassThroughTest, CredentialsAndRefreshConnectionReplaceTheTokenAsTheVendorDriver) {
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, pass_through_keys()));
  Stmt s(dbc);
  ASSERT_TRUE(runs(s));
  wait_for_token_expiry(kTokenTtl);
  ASSERT_TRUE(expired(s));

  ASSERT_ODBC_OK(set_text_attr(dbc, SQL_ATTR_CREDENTIALS, "Auth_AccessToken=" + new_token() + ";"),
                 SQL_HANDLE_DBC, dbc.get());
  ASSERT_ODBC_OK(SQLSetConnectAttr(dbc.get(), SQL_ATTR_REFRESH_CONNECTION,
                                   reinterpret_cast<SQLPOINTER>(SQL_REFRESH_NOW), 0),
                 SQL_HANDLE_DBC, dbc.get());
  EXPECT_TRUE(runs(s));
}

TEST_F(OAuthPassThroughTest, ARefusedReplacementKeepsFailingUntilAGoodOne) {
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, pass_through_keys()));
  Stmt s(dbc);
  ASSERT_TRUE(runs(s));
  // Not a token this server issued: the server refuses it (403), which is no expiry.
  ASSERT_ODBC_OK(set_text_attr(dbc, SQL_DBSQL_ATTR_ACCESS_TOKEN, "not-a-token-of-this-server"),
                 SQL_HANDLE_DBC, dbc.get());
  EXPECT_EQ(s.exec("SELECT 1"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "28000|08006"));
  ASSERT_ODBC_OK(set_text_attr(dbc, SQL_DBSQL_ATTR_ACCESS_TOKEN, new_token()), SQL_HANDLE_DBC,
                 dbc.get());
  EXPECT_TRUE(runs(s));
  // An empty token is a mistake of the application, not a sign-out.
  EXPECT_EQ(set_text_attr(dbc, SQL_DBSQL_ATTR_ACCESS_TOKEN, ""), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc.get(), "HY024", "empty"));
  EXPECT_TRUE(runs(s));
}

TEST_F(OAuthPassThroughTest, ZzTheVerboseLogHoldsNoSecret) {
  EXPECT_TRUE(log_->holds_no_secrets());
}

}  // namespace
}  // namespace dbsql::odbc_test
