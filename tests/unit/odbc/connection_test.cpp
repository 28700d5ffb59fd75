#include <gtest/gtest.h>

#include <cstring>

#include "dbsql/dbsql.h"
#include "odbc_fixture.h"

namespace dbsql::odbc::testing {
namespace {

using ConnectionTest = OdbcTest;

SQLPOINTER as_ptr(SQLULEN v) {
  return reinterpret_cast<SQLPOINTER>(v);
}

TEST_F(ConnectionTest, ConnectResolvesSettingsAndValidatesOnce) {
  EXPECT_EQ(1, fake.validations.load());
  EXPECT_EQ("example.cloud.databricks.com", settings.host);
  EXPECT_EQ("abc123", settings.warehouse_id);
  EXPECT_EQ("dapi-secret-value", settings.token);
  EXPECT_EQ(0u, conn->diag().size()) << "a clean connect is SQL_SUCCESS, no warning";
}

TEST_F(ConnectionTest, SecondConnectIsRefused) {
  EXPECT_EQ(SQL_ERROR, connect(kConnectionString));
  EXPECT_EQ("08002", state(*conn));
}

TEST_F(ConnectionTest, CompletedStringMasksSecretsAndTruncates) {
  Connection* other = env.allocate_connection();
  char out[256];
  SQLSMALLINT length = 0;
  ASSERT_EQ(
      SQL_SUCCESS, guard<Connection>("t", other, [&](Connection& c) {
        c.driver_connect(kConnectionString, TextOut{out, sizeof out, TextUnits::kAnsi}, &length);
      }));
  const std::string completed(out);
  EXPECT_EQ(std::string::npos, completed.find("dapi-secret-value"));
  EXPECT_NE(std::string::npos, completed.find("Host=example.cloud.databricks.com"));
  EXPECT_EQ(static_cast<SQLSMALLINT>(completed.size()), length);
  guard<Connection>("t", other, [](Connection& c) { c.disconnect(); });

  char small[10];
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, guard<Connection>("t", other, [&](Connection& c) {
              c.driver_connect(kConnectionString, TextOut{small, sizeof small, TextUnits::kAnsi},
                               &length);
            }));
  EXPECT_EQ("01004", state(*other));
  EXPECT_EQ(static_cast<SQLSMALLINT>(completed.size()), length);
  guard<Connection>("t", other, [](Connection& c) { c.disconnect(); });
  env.free_connection(other);
}

TEST_F(ConnectionTest, UnknownKeysWarnWith01S00) {
  Connection* other = env.allocate_connection();
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, guard<Connection>("t", other, [&](Connection& c) {
              c.driver_connect(std::string(kConnectionString) + ";Colour=blue;ThriftTransport=2",
                               TextOut{}, nullptr);
            }));
  ASSERT_EQ(1u, other->diag().size()) << "vendor keys are accepted silently";
  EXPECT_EQ("01S00", state(*other));
  EXPECT_NE(std::string::npos, other->diag().record(1)->message.find("Colour"));
  guard<Connection>("t", other, [](Connection& c) { c.disconnect(); });
  env.free_connection(other);
}

TEST_F(ConnectionTest, FailedValidationLeavesTheConnectionClosed) {
  Connection* other = env.allocate_connection();
  fake.validate_error = Error("28000", "Invalid access token.", 403);
  EXPECT_EQ(SQL_ERROR, guard<Connection>("t", other, [&](Connection& c) {
              c.driver_connect(kConnectionString, TextOut{}, nullptr);
            }));
  EXPECT_EQ("28000", state(*other));
  EXPECT_EQ(403, other->diag().record(1)->native_error);
  EXPECT_FALSE(other->connected());
  EXPECT_EQ(std::string::npos, other->diag().record(1)->message.find("dapi-secret-value"));
  env.free_connection(other);
}

TEST_F(ConnectionTest, AutocommitOffIsAcceptedAndRollbackWarns) {
  EXPECT_EQ(SQL_SUCCESS, on_conn([](Connection& c) {
              c.set_attr(SQL_ATTR_AUTOCOMMIT, as_ptr(SQL_AUTOCOMMIT_OFF), 0, TextUnits::kAnsi);
            }));
  EXPECT_EQ(SQL_SUCCESS, on_conn([](Connection& c) { c.end_transaction(SQL_COMMIT); }));
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, on_conn([](Connection& c) { c.end_transaction(SQL_ROLLBACK); }));
  EXPECT_EQ("01000", state(*conn));
  on_conn([](Connection& c) {
    c.set_attr(SQL_ATTR_AUTOCOMMIT, as_ptr(SQL_AUTOCOMMIT_ON), 0, TextUnits::kAnsi);
  });
  EXPECT_EQ(SQL_SUCCESS, on_conn([](Connection& c) { c.end_transaction(SQL_ROLLBACK); }));
  EXPECT_EQ(SQL_ERROR, on_conn([](Connection& c) { c.end_transaction(7); }));
  EXPECT_EQ("HY012", state(*conn));
}

TEST_F(ConnectionTest, CompatibilityAttributesSucceedWithoutWarning) {
  EXPECT_EQ(SQL_SUCCESS, on_conn([](Connection& c) {
              c.set_attr(SQL_ATTR_PACKET_SIZE, as_ptr(4096), 0, TextUnits::kAnsi);
              c.set_attr(SQL_ATTR_LOGIN_TIMEOUT, as_ptr(5), 0, TextUnits::kAnsi);
              c.set_attr(SQL_ATTR_ACCESS_MODE, as_ptr(SQL_MODE_READ_ONLY), 0, TextUnits::kAnsi);
              c.set_attr(SQL_ATTR_TXN_ISOLATION, as_ptr(SQL_TXN_READ_COMMITTED), 0,
                         TextUnits::kAnsi);
            }));
  SQLUINTEGER v = 0;
  on_conn(
      [&](Connection& c) { c.get_attr(SQL_ATTR_LOGIN_TIMEOUT, &v, 0, nullptr, TextUnits::kAnsi); });
  EXPECT_EQ(5u, v);
  on_conn([&](Connection& c) {
    c.get_attr(SQL_ATTR_CONNECTION_DEAD, &v, 0, nullptr, TextUnits::kAnsi);
  });
  EXPECT_EQ(static_cast<SQLUINTEGER>(SQL_CD_FALSE), v);
  EXPECT_EQ(SQL_ERROR, on_conn([](Connection& c) {
              c.set_attr(SQL_ATTR_CONNECTION_DEAD, as_ptr(1), 0, TextUnits::kAnsi);
            }));
  EXPECT_EQ("HY092", state(*conn));
}

TEST_F(ConnectionTest, CurrentCatalogInWideBytes) {
  const SQLWCHAR catalog[] = {'m', 'a', 'i', 'n', 0};
  on_conn([&](Connection& c) {
    c.set_attr(SQL_ATTR_CURRENT_CATALOG, const_cast<SQLWCHAR*>(catalog), 4 * sizeof(SQLWCHAR),
               TextUnits::kWideBytes);
  });
  SQLWCHAR out[8];
  SQLINTEGER length = 0;
  on_conn([&](Connection& c) {
    c.get_attr(SQL_ATTR_CURRENT_CATALOG, out, sizeof out, &length, TextUnits::kWideBytes);
  });
  EXPECT_EQ(static_cast<SQLINTEGER>(4 * sizeof(SQLWCHAR)), length);
  EXPECT_EQ('n', out[3]);
  EXPECT_EQ("main", conn->current_catalog());
}

// A malformed SQL_ATTR_CREDENTIALS string is a bad attribute value, not a failed connect
// (08001): the connection stays open with its token.
TEST_F(ConnectionTest, MalformedCredentialsAreAnInvalidAttributeValue) {
  const char credentials[] = "Auth_AccessToken={unclosed-token";
  EXPECT_EQ(SQL_ERROR, on_conn([&](Connection& c) {
              c.set_attr(SQL_ATTR_CREDENTIALS, const_cast<char*>(credentials), SQL_NTS,
                         TextUnits::kAnsi);
            }));
  EXPECT_EQ("HY024", state(*conn));
  EXPECT_EQ(std::string::npos, conn->diag().record(1)->message.find("unclosed-token"));
  EXPECT_TRUE(fake.tokens.empty());
}

TEST_F(ConnectionTest, AccessTokenReplacementReachesTheBackend) {
  const char token[] = "new-token";
  EXPECT_EQ(SQL_SUCCESS, on_conn([&](Connection& c) {
              c.set_attr(SQL_DBSQL_ATTR_ACCESS_TOKEN, const_cast<char*>(token), SQL_NTS,
                         TextUnits::kAnsi);
            }));
  const char credentials[] = "Auth_AccessToken=from-simba;Other=1";
  EXPECT_EQ(SQL_SUCCESS, on_conn([&](Connection& c) {
              c.set_attr(SQL_ATTR_CREDENTIALS, const_cast<char*>(credentials), SQL_NTS,
                         TextUnits::kAnsi);
              c.set_attr(SQL_ATTR_REFRESH_CONNECTION, as_ptr(static_cast<SQLULEN>(SQL_REFRESH_NOW)),
                         0, TextUnits::kAnsi);
            }));
  EXPECT_EQ(std::vector<std::string>({"new-token", "from-simba"}), fake.tokens);
  char out[32];
  EXPECT_EQ(SQL_ERROR, on_conn([&](Connection& c) {
              c.get_attr(SQL_DBSQL_ATTR_ACCESS_TOKEN, out, sizeof out, nullptr, TextUnits::kAnsi);
            }))
      << "tokens are never read back";
}

TEST_F(ConnectionTest, DisconnectClosesStatementsAndAllowsReconnect) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT 1"));
  EXPECT_EQ(SQL_SUCCESS, on_conn([](Connection& c) { c.disconnect(); }));
  EXPECT_EQ(1, fake.closed.load());
  EXPECT_EQ(SQL_ERROR, on_conn([](Connection& c) { c.disconnect(); }));
  EXPECT_EQ("08003", state(*conn));
  EXPECT_EQ(SQL_SUCCESS, connect(kConnectionString));
}

TEST(Environment, VersionMustBeSetBeforeConnections) {
  Environment env([](const config::Settings&) -> std::unique_ptr<Backend> { return nullptr; });
  EXPECT_THROW(env.allocate_connection(), Error);
  EXPECT_THROW(env.set_attr(SQL_ATTR_ODBC_VERSION, as_ptr(99), 0), Error);
  env.set_attr(SQL_ATTR_ODBC_VERSION, as_ptr(SQL_OV_ODBC3), 0);
  SQLINTEGER v = 0;
  env.get_attr(SQL_ATTR_ODBC_VERSION, &v, 0, nullptr);
  EXPECT_EQ(SQL_OV_ODBC3, v);
  Connection* c = env.allocate_connection();
  EXPECT_TRUE(env.has_connections());
  EXPECT_THROW(env.set_attr(SQL_ATTR_ODBC_VERSION, as_ptr(SQL_OV_ODBC3_80), 0), Error);
  env.free_connection(c);
  EXPECT_FALSE(env.has_connections());
}

}  // namespace
}  // namespace dbsql::odbc::testing
