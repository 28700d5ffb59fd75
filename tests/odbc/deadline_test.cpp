// SQL_ATTR_LOGIN_TIMEOUT bounds connecting as a whole: against a host that accepts the
// connection and then never answers, answers one byte a second, or closes mid-answer,
// SQLDriverConnect returns within the login timeout (plus scheduling slack) with HYT00 —
// or, for the closed connection, at once with 08001 — through the driver manager. The
// same holds when the stuck server is the OAuth token endpoint of an M2M sign-in.
#include <chrono>
#include <string>

#include "odbc_util.h"
#include "stuck_server.h"

namespace dbsql::odbc_test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kLoginTimeoutSeconds = 2;
// Generous: the bound under test is "about the login timeout", against 900 s without it.
constexpr auto kSlack = std::chrono::seconds(3);

struct Attempt {
  SQLRETURN rc = SQL_SUCCESS;
  std::chrono::milliseconds took{0};
  std::vector<DiagRecord> diags;
};

Attempt connect_with_login_timeout(const std::string& connection_string, int seconds) {
  Env env;
  Dbc dbc(env);
  EXPECT_ODBC_OK(SQLSetConnectAttr(dbc.get(), SQL_ATTR_LOGIN_TIMEOUT,
                                   reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(seconds)), 0),
                 SQL_HANDLE_DBC, dbc.get());
  Attempt a;
  const auto start = Clock::now();
  a.rc = dbc.driver_connect(connection_string);
  a.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  a.diags = dbc.diags();
  return a;
}

std::string pat_keys(int port) {
  return std::string("Driver=") + DBSQL_DRIVER_PATH + ";Host=127.0.0.1;Port=" +
         std::to_string(port) +
         ";SSL=0;HTTPPath=/sql/1.0/warehouses/0123456789abcdef;AuthMech=3;UID=token;"
         "PWD=dapi-unused;";
}

::testing::AssertionResult timed_out_in_time(const Attempt& a) {
  if (a.rc != SQL_ERROR)
    return ::testing::AssertionFailure() << "returned " << return_code_name(a.rc);
  bool hyt00 = false;
  for (const DiagRecord& d : a.diags)
    hyt00 = hyt00 || (d.sqlstate == "HYT00" && d.message.find("login timeout") != std::string::npos);
  if (!hyt00) return ::testing::AssertionFailure() << "no HYT00 login timeout: " << to_string(a.diags);
  if (a.took > std::chrono::seconds(kLoginTimeoutSeconds) + kSlack)
    return ::testing::AssertionFailure() << "took " << a.took.count() << " ms";
  return ::testing::AssertionSuccess();
}

TEST(LoginDeadline, BlackHoleHostGivesHyt00WithinTheLoginTimeout) {
  StuckServer server(Misbehaviour::kBlackHole);
  const Attempt a = connect_with_login_timeout(pat_keys(server.port()), kLoginTimeoutSeconds);
  EXPECT_TRUE(timed_out_in_time(a));
  EXPECT_GE(a.took, std::chrono::milliseconds(kLoginTimeoutSeconds * 1000 - 200))
      << "gave up before the login timeout";
  EXPECT_GE(server.accepted(), 1);
}

TEST(LoginDeadline, SlowDripGivesHyt00WithinTheLoginTimeout) {
  StuckServer server(Misbehaviour::kSlowDrip);
  EXPECT_TRUE(
      timed_out_in_time(connect_with_login_timeout(pat_keys(server.port()), kLoginTimeoutSeconds)));
}

TEST(LoginDeadline, ConnectionClosedMidAnswerGives08001AtOnce) {
  StuckServer server(Misbehaviour::kCloseMidAnswer);
  const Attempt a = connect_with_login_timeout(pat_keys(server.port()), 30);
  EXPECT_EQ(a.rc, SQL_ERROR);
  bool link_failure = false;
  for (const DiagRecord& d : a.diags) link_failure = link_failure || d.sqlstate == "08001";
  EXPECT_TRUE(link_failure) << to_string(a.diags);
  EXPECT_LT(a.took, std::chrono::seconds(15)) << "retried a closed connection for too long";
}

TEST(LoginDeadline, WithoutALoginTimeoutTheRequestTimeoutStillEndsTheWait) {
  StuckServer server(Misbehaviour::kBlackHole);
  const Attempt a = connect_with_login_timeout(pat_keys(server.port()) + "SocketTimeout=2;", 0);
  EXPECT_EQ(a.rc, SQL_ERROR);
  EXPECT_FALSE(a.diags.empty());
  EXPECT_LT(a.took, std::chrono::seconds(2) * 4 + kSlack) << "the retries outlived SocketTimeout";
}

TEST(LoginDeadline, StuckTokenEndpointGivesHyt00WithinTheLoginTimeout) {
  StuckServer token_endpoint(Misbehaviour::kBlackHole);
  const std::string url = "http://127.0.0.1:" + std::to_string(token_endpoint.port()) + "/token";
  const std::string keys = std::string("Driver=") + DBSQL_DRIVER_PATH +
                           ";Host=127.0.0.1;Port=" + std::to_string(token_endpoint.port()) +
                           ";SSL=0;HTTPPath=/sql/1.0/warehouses/0123456789abcdef;AuthMech=11;"
                           "Auth_Flow=1;Auth_Client_ID=someone;Auth_Client_Secret=dose-unused;"
                           "OAuth2TokenEndPoint=" + url + ";";
  EXPECT_TRUE(timed_out_in_time(connect_with_login_timeout(keys, kLoginTimeoutSeconds)));
  EXPECT_GE(token_endpoint.accepted(), 1);
}

}  // namespace
}  // namespace dbsql::odbc_test
