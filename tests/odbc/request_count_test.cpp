// What a connection and a small query cost in requests, counted from the local warehouse's
// request log: connecting is one workspace request (the warehouse check), plus one token
// request with OAuth; a statement that finishes within the submit's wait is never polled,
// its first chunk comes with the submit answer (at most one storage download with
// EXTERNAL_LINKS), and closing a statement whose result was read costs nothing.
#include <string>

#include "oauth_support.h"
#include "suite.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

struct Counts {
  long api = 0;        // /api/... requests
  long polls = 0;      // GET /api/2.0/sql/statements/{id}
  long closes = 0;     // DELETE /api/2.0/sql/statements/{id}
  long storage = 0;    // downloads of result links
  long tokens = 0;     // POST to the OAuth token endpoint
  long discovery = 0;  // the OAuth discovery document
};

Counts count(WarehouseAdmin& admin, long since) {
  Counts c;
  for (const LoggedRequest& r : admin.requests(since)) {
    if (r.listener == "storage") {
      ++c.storage;
    } else if (r.path.starts_with("/api/")) {
      ++c.api;
      const bool statement = r.path.starts_with("/api/2.0/sql/statements/");
      c.polls += statement && r.method == "GET" && r.path.find("/result/") == std::string::npos;
      c.closes += statement && r.method == "DELETE";
    } else if (r.path.find("well-known") != std::string::npos) {
      ++c.discovery;
    } else if (r.path.starts_with("/oidc/") && r.method == "POST" &&
               r.path.find("token") != std::string::npos) {
      ++c.tokens;
    }
  }
  return c;
}

class RequestCountTest : public WarehouseSuite<RequestCountTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }
  static constexpr bool kConnectInSetUp = false;

 protected:
  ::testing::AssertionResult connects(Dbc& dbc, const std::string& keys = {}) {
    return odbc_ok(dbc.driver_connect(warehouse().connection_string(keys)), SQL_HANDLE_DBC,
                   dbc.get());
  }
};

TEST_F(RequestCountTest, ConnectingIsOneRequest) {
  WarehouseAdmin admin(warehouse());
  const long since = admin.last_seq();
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc));
  const Counts c = count(admin, since);
  EXPECT_EQ(c.api, 1);
  EXPECT_EQ(c.storage, 0);
}

TEST_F(RequestCountTest, AOneRowQueryIsTheSubmitAndOneDownload) {
  WarehouseAdmin admin(warehouse());
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc));
  const long since = admin.last_seq();
  ASSERT_TRUE(answers_a_query(dbc));
  const Counts c = count(admin, since);
  EXPECT_EQ(c.api, 1) << "the submit only";
  EXPECT_EQ(c.polls, 0);
  EXPECT_EQ(c.closes, 0);
  EXPECT_LE(c.storage, 1);
}

TEST_F(RequestCountTest, AOneRowQueryInlineIsTheSubmitAlone) {
  WarehouseAdmin admin(warehouse());
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, "ResultDisposition=inline;"));
  const long since = admin.last_seq();
  ASSERT_TRUE(answers_a_query(dbc));
  const Counts c = count(admin, since);
  EXPECT_EQ(c.api, 1);
  EXPECT_EQ(c.storage, 0);
}

TEST_F(RequestCountTest, AStatementClosedBeforeItsEndIsReleased) {
  WarehouseAdmin admin(warehouse());
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, "ResultBufferBytes=0;"));  // nothing downloaded ahead of the reader
  const long since = admin.last_seq();
  {
    Stmt s(dbc);
    // Chunks of 100,000 rows: the first fetch leaves most of the result on the server.
    ASSERT_ODBC_OK(s.exec("SELECT id FROM range(300000) AS t(id)"), SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
    s.close_cursor();
  }
  EXPECT_EQ(count(admin, since).closes, 1) << "the rest of the result is freed on the server";
}

class OAuthRequestCountTest : public OAuthSuite<OAuthRequestCountTest> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(3600); }

 protected:
  static std::string m2m_keys() {
    return "AuthMech=11;Auth_Flow=1;Auth_Client_ID=" + warehouse().field("m2m_client_id") +
           ";Auth_Client_Secret=" + braced(warehouse().field("m2m_client_secret")) + ";";
  }
};

TEST_F(OAuthRequestCountTest, MachineToMachineConnectIsOneRequestAndOneToken) {
  WarehouseAdmin admin(warehouse());
  {
    // The process's first OAuth connection to the host also reads the discovery document.
    const long since = admin.last_seq();
    Dbc first(env_);
    ASSERT_TRUE(connects(first, m2m_keys()));
    EXPECT_EQ(count(admin, since).discovery, 1);
  }
  const long since = admin.last_seq();
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, m2m_keys()));
  Counts c = count(admin, since);
  EXPECT_EQ(c.api, 1);
  EXPECT_EQ(c.tokens, 1);
  EXPECT_EQ(c.discovery, 0) << "the discovery document is kept for the process";
  const long before_query = admin.last_seq();
  ASSERT_TRUE(answers_a_query(dbc));
  c = count(admin, before_query);
  EXPECT_EQ(c.api, 1);
  EXPECT_EQ(c.tokens, 0);
}

}  // namespace
}  // namespace dbsql::odbc_test
