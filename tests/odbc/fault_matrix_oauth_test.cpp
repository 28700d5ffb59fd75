// The fault matrix's OAuth rows (see tests/odbc/README.md): the token endpoint of the
// local warehouse's OAuth server refusing, failing or answering garbage, when an M2M
// connection signs in and when it renews an expired token in the middle of a session.
// Each ends in a usable connection and a complete query, or in a clear error; the
// verbose log never shows a secret.
#include <string>
#include <vector>

#include "oauth_support.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

constexpr int kTokenTtl = 3;

enum class When {
  kSignIn,   // the fault is armed before connecting
  kRenewal,  // connected, the token has expired, then the fault is armed and a query runs
};

struct TokenScenario {
  const char* name;
  When when;
  std::string action;     // the rule's action on POST /oidc/v1/token, e.g. "status":503
  const char* state = "";  // "" = connects and answers; else the SQLSTATE ("A|B": either)
  const char* message = "";
};

const std::vector<TokenScenario>& scenarios() {
  static const std::vector<TokenScenario> all = {
      {"SignInTooManyRequestsWithRetryAfter", When::kSignIn, R"("status":429,"retry_after":1)"},
      {"SignInTooManyRequestsWithoutRetryAfter", When::kSignIn, R"("status":429,"count":2)"},
      {"SignInUnavailableWithRetryAfter", When::kSignIn, R"("status":503,"retry_after":1)"},
      {"SignInUnavailableWithoutRetryAfter", When::kSignIn, R"("status":503,"count":2)"},
      {"SignInConnectionDropped", When::kSignIn, R"("drop":true)"},
      {"SignInMalformedAnswer", When::kSignIn, R"("malformed":true)", "28000",
       "without a JSON token response"},
      {"SignInServerDown", When::kSignIn, R"("status":503,"count":1000)", "08001",
       "answered HTTP 503"},
      {"RenewalUnavailableBriefly", When::kRenewal, R"("status":503,"count":2)"},
      {"RenewalTooManyRequestsWithRetryAfter", When::kRenewal, R"("status":429,"retry_after":1)"},
      {"RenewalServerDown", When::kRenewal, R"("status":503,"count":1000)", "08S01",
       "answered HTTP 503"},
  };
  return all;
}

class FaultMatrixOAuthTest : public OAuthSuite<FaultMatrixOAuthTest>,
                             public ::testing::WithParamInterface<TokenScenario> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(kTokenTtl); }

 protected:
  void SetUp() override {
    OAuthSuite::SetUp();
    admin_.emplace(warehouse());
    admin_->clear_faults();
  }
  void TearDown() override {
    if (admin_) admin_->clear_faults();
    // Every scenario's connections logged at LogLevel=6, failures included.
    EXPECT_TRUE(log_->holds_no_secrets());
    OAuthSuite::TearDown();
  }
  void arm(const TokenScenario& sc) {
    admin_->add_fault(R"({"target":"api","method":"POST","path":"/oidc/v1/token",)" + sc.action +
                      "}");
  }
  std::optional<WarehouseAdmin> admin_;
};

TEST_P(FaultMatrixOAuthTest, EndsUsableOrWithAClearError) {
  const TokenScenario& sc = GetParam();
  const bool should_fail = *sc.state != '\0';
  Dbc dbc(env_);
  if (sc.when == When::kSignIn) {
    arm(sc);
    const SQLRETURN rc = dbc.driver_connect(base() + m2m_keys());
    EXPECT_EQ(admin_->unfired_faults(), std::vector<std::string>{});
    if (should_fail) {
      EXPECT_EQ(rc, SQL_ERROR) << return_code_name(rc);
      EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc.get(), sc.state, sc.message));
      return;
    }
    ASSERT_ODBC_OK(rc, SQL_HANDLE_DBC, dbc.get());
    EXPECT_TRUE(answers(dbc));
    return;
  }
  ASSERT_TRUE(connects(dbc, m2m_keys()));
  wait_for_token_expiry(kTokenTtl);
  arm(sc);
  Stmt s(dbc);
  const SQLRETURN rc = s.exec("SELECT 41 + 1");
  EXPECT_EQ(admin_->unfired_faults(), std::vector<std::string>{});
  if (should_fail) {
    EXPECT_EQ(rc, SQL_ERROR) << return_code_name(rc);
    EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), sc.state, sc.message));
    // Once the OAuth server is back, the same connection renews and answers.
    admin_->clear_faults();
    EXPECT_TRUE(answers(dbc));
    return;
  }
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.all_text(), (std::vector<std::vector<std::optional<std::string>>>{{"42"}}));
}

INSTANTIATE_TEST_SUITE_P(Faults, FaultMatrixOAuthTest, ::testing::ValuesIn(scenarios()),
                         [](const ::testing::TestParamInfo<TokenScenario>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace dbsql::odbc_test
