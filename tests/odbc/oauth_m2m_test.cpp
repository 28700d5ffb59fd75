// OAuth machine-to-machine sign-in (AuthMech=11;Auth_Flow=1) through the driver manager
// against the local warehouse's OAuth server: connect and query, tokens that live three
// seconds renewed throughout a long multi-chunk fetch, a refused secret.
#include <chrono>
#include <cstdint>
#include <thread>

#include "dbsql/dbsql.h"
#include "oauth_support.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

constexpr int kTokenTtl = 3;
constexpr int kRowsPerChunk = 2000;

class OAuthM2MTest : public OAuthSuite<OAuthM2MTest> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(kTokenTtl, kRowsPerChunk); }
};

TEST_F(OAuthM2MTest, ConnectsAndQueriesWithoutShowingTheSecret) {
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, m2m_keys()));
  EXPECT_TRUE(answers(dbc));
  EXPECT_EQ(dbc.out().find(warehouse().field("m2m_client_secret")), std::string::npos)
      << "the completed connection string holds the client secret";
}

// The fetch outlives several tokens: chunk requests are slowed on the server (the prefetch
// thread would otherwise have the whole result within a token's lifetime) and the
// application reads slowly too. Every row must arrive, in order, with nothing lost.
TEST_F(OAuthM2MTest, TokensAreRenewedDuringALongMultiChunkFetch) {
  constexpr int64_t kRows = 60000;  // 30 chunks
  constexpr int kChunkDelayMs = 300;
  WarehouseAdmin admin(warehouse());
  admin.add_fault(R"({"target":"api","method":"GET","path":"/result/chunks/","delay_ms":)" +
                  std::to_string(kChunkDelayMs) + R"(,"count":1000})");
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, m2m_keys()));
  const long since = admin.last_seq();

  Stmt s(dbc);
  ASSERT_ODBC_OK(s.exec("SELECT i AS id, (i * 7919) % 1000003 AS v FROM range(" +
                        std::to_string(kRows) + ") t(i) ORDER BY i"),
                 SQL_HANDLE_STMT, s.get());
  int64_t id = 0, v = 0;
  SQLLEN id_ind = 0, v_ind = 0;
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_SBIGINT, &id, 0, &id_ind), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 2, SQL_C_SBIGINT, &v, 0, &v_ind), SQL_HANDLE_STMT, s.get());
  int64_t rows = 0, checksum = 0, expected_checksum = 0;
  SQLRETURN rc;
  while ((rc = s.fetch()) != SQL_NO_DATA) {
    ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get()) << "after " << rows << " rows";
    ASSERT_EQ(id, rows) << "rows out of order or lost";
    checksum += v;
    expected_checksum += (rows * 7919) % 1000003;
    if (++rows % 5000 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(rows, kRows);
  EXPECT_EQ(checksum, expected_checksum);
  admin.clear_faults();

  int token_requests = 0, chunk_requests = 0;
  for (const LoggedRequest& r : admin.requests(since)) {
    if (r.method == "POST" && r.path == "/oidc/v1/token") ++token_requests;
    if (r.path.find("/result/chunks/") != std::string::npos) {
      ++chunk_requests;
      EXPECT_TRUE(r.status == "200" || r.status == "401") << r.path << " -> " << r.status;
    }
  }
  EXPECT_GE(chunk_requests, kRows / kRowsPerChunk - 1);
  // The chunk requests alone take 29 x 300 ms, many times the 1.5 s a token is used for.
  EXPECT_GE(token_requests, 2) << "the fetch should have needed fresh tokens";
}

TEST_F(OAuthM2MTest, WrongSecretIs28000WithTheServersReason) {
  EXPECT_TRUE(connect_fails(m2m_keys("dose-not-the-secret"), "28000", "invalid_client"));
  EXPECT_TRUE(connect_fails(m2m_keys("dose-not-the-secret"), "28000",
                            "Check Auth_Client_ID and Auth_Client_Secret"));
}

TEST_F(OAuthM2MTest, TokenReplacementIsRefusedBecauseTheDriverRenewsItself) {
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, m2m_keys()));
  const std::string token = OAuthServer(warehouse()).m2m_access_token();
  log_->add(token);
  SQLRETURN rc = SQLSetConnectAttr(dbc.get(), SQL_DBSQL_ATTR_ACCESS_TOKEN,
                                   const_cast<char*>(token.c_str()), SQL_NTS);
  EXPECT_EQ(rc, SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc.get(), "HY024", "renews its own tokens"));
  EXPECT_TRUE(answers(dbc));
}

// Runs last: everything the suite did was logged at LogLevel=6.
TEST_F(OAuthM2MTest, ZzTheVerboseLogHoldsNoSecret) {
  EXPECT_TRUE(log_->holds_no_secrets());
}

}  // namespace
}  // namespace dbsql::odbc_test
