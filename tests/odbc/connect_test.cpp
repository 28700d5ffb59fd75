// Connecting through the driver manager: PAT over TLS, DSNs, connection-string errors,
// authentication and reachability failures, and what a connected handle reports.
#include <string>

#include "odbc_ini.h"
#include "suite.h"

namespace dbsql::odbc_test {
namespace {

class ConnectTest : public WarehouseSuite<ConnectTest> {
 public:
  static WarehouseOptions warehouse_options() { return tls_warehouse(); }
  static constexpr bool kConnectInSetUp = false;

 protected:
  // Driver and location keys, no credentials.
  std::string base() const {
    return std::string("Driver=") + DBSQL_DRIVER_PATH + ";" + warehouse().location_keys();
  }
  // Connects `dbc` and expects failure with `sqlstate` and a message containing `part`.
  void expect_connect_error(const std::string& connection_string, std::string_view sqlstate,
                            std::string_view part) {
    Dbc dbc(env_);
    SQLRETURN rc = dbc.driver_connect(connection_string);
    EXPECT_EQ(rc, SQL_ERROR) << return_code_name(rc);
    EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc.get(), sqlstate, part));
  }
  void expect_usable(Dbc& dbc) { EXPECT_TRUE(answers_a_query(dbc)); }
};

TEST_F(ConnectTest, PatOverTlsReturnsPlainSuccessAndRunsAQuery) {
  Dbc dbc(env_);
  SQLRETURN rc = dbc.driver_connect(warehouse().connection_string());
  // Some applications treat any warning at connect as a read-only connection.
  ASSERT_EQ(rc, SQL_SUCCESS) << return_code_name(rc) << "\n" << to_string(dbc.diags());
  expect_usable(dbc);
}

TEST_F(ConnectTest, CompletedConnectionStringMasksTheToken) {
  Dbc dbc(env_);
  ASSERT_ODBC_OK(dbc.driver_connect(warehouse().connection_string()), SQL_HANDLE_DBC, dbc.get());
  const std::string& out = dbc.out();
  EXPECT_FALSE(out.empty());
  // Never print `out` here: if the test fails it may hold the PAT.
  EXPECT_EQ(out.find(warehouse().pat()), std::string::npos) << "the completed string holds the PAT";
  EXPECT_NE(out.find(warehouse().http_path()), std::string::npos)
      << "the completed string should keep the non-secret keys";
}

TEST_F(ConnectTest, TokenKeyIsAnAliasForAPat) {
  Dbc dbc(env_);
  SQLRETURN rc = dbc.driver_connect(base() + "Token=" + warehouse().pat() + ";");
  ASSERT_EQ(rc, SQL_SUCCESS) << return_code_name(rc) << "\n" << to_string(dbc.diags());
  expect_usable(dbc);
}

TEST_F(ConnectTest, PassThroughAccessTokenConnects) {
  Dbc dbc(env_);
  SQLRETURN rc = dbc.driver_connect(
      base() + "AuthMech=11;Auth_Flow=0;Auth_AccessToken=" + warehouse().pat() + ";");
  ASSERT_EQ(rc, SQL_SUCCESS) << return_code_name(rc) << "\n" << to_string(dbc.diags());
  expect_usable(dbc);
}

TEST_F(ConnectTest, SqlConnectWithDsnUidPwd) {
  std::string dsn = "dbsql_connect_" + std::to_string(warehouse().port());
  OdbcIniFolder::instance().add_dsn(dsn, warehouse().location_keys() + "AuthMech=3;");
  Dbc dbc(env_);
  SQLRETURN rc = dbc.connect_dsn(dsn, "token", warehouse().pat());
  ASSERT_EQ(rc, SQL_SUCCESS) << return_code_name(rc) << "\n" << to_string(dbc.diags());
  expect_usable(dbc);
}

TEST_F(ConnectTest, DriverConnectMergesTheDsnAndConnectionStringWins) {
  std::string dsn = "dbsql_merge_" + std::to_string(warehouse().port());
  // The DSN points at a port nothing listens on; the connection string overrides it.
  std::string keys = warehouse().location_keys();
  std::string bad_port = "Port=" + std::to_string(unused_port()) + ";";
  keys.replace(keys.find("Port="), keys.find(';', keys.find("Port=")) - keys.find("Port=") + 1,
               bad_port);
  OdbcIniFolder::instance().add_dsn(dsn, keys + "AuthMech=3;UID=token;");
  Dbc dbc(env_);
  SQLRETURN rc = dbc.driver_connect("DSN=" + dsn + ";Port=" + std::to_string(warehouse().port()) +
                                    ";PWD=" + warehouse().pat() + ";");
  ASSERT_EQ(rc, SQL_SUCCESS) << return_code_name(rc) << "\n" << to_string(dbc.diags());
  expect_usable(dbc);
}

TEST_F(ConnectTest, WrongTokenGives28000) {
  expect_connect_error(base() + "AuthMech=3;UID=token;PWD=dapi-not-a-valid-token;", "28000", "");
}

TEST_F(ConnectTest, UnknownWarehouseGives08001) {
  std::string keys = base();
  std::string path = warehouse().http_path();
  keys.replace(keys.find(path), path.size(), "/sql/1.0/warehouses/feedfacecafe0000");
  expect_connect_error(keys + "AuthMech=3;UID=token;PWD=" + warehouse().pat() + ";", "08001",
                       "feedfacecafe0000");
}

TEST_F(ConnectTest, UnreachableHostGives08001) {
  std::string s = std::string("Driver=") + DBSQL_DRIVER_PATH +
                  ";Host=127.0.0.1;Port=" + std::to_string(unused_port()) +
                  ";SSL=0;HTTPPath=" + warehouse().http_path() +
                  ";AuthMech=3;UID=token;PWD=dapi-unused;";
  expect_connect_error(s, "08001", "");
}

TEST_F(ConnectTest, UntrustedCertificateGives08001) {
  // Verification stays on: without TrustedCerts the warehouse's own CA is unknown.
  std::string s = std::string("Driver=") + DBSQL_DRIVER_PATH +
                  ";Host=127.0.0.1;Port=" + std::to_string(warehouse().port()) +
                  ";SSL=1;HTTPPath=" + warehouse().http_path() +
                  ";AuthMech=3;UID=token;PWD=" + warehouse().pat() + ";";
  expect_connect_error(s, "08001", "certificate");
}

TEST_F(ConnectTest, MissingHostNamesTheKey) {
  std::string s = std::string("Driver=") + DBSQL_DRIVER_PATH +
                  ";HTTPPath=" + warehouse().http_path() + ";AuthMech=3;UID=token;PWD=dapi-unused;";
  expect_connect_error(s, "08001|HY000", "Host");
}

TEST_F(ConnectTest, BadPortNamesTheKey) {
  std::string s = std::string("Driver=") + DBSQL_DRIVER_PATH + ";Host=127.0.0.1;Port=https;" +
                  "HTTPPath=" + warehouse().http_path() + ";AuthMech=3;UID=token;PWD=dapi-unused;";
  expect_connect_error(s, "08001|HY000", "Port");
}

TEST_F(ConnectTest, ClusterHttpPathSaysOnlyWarehousesAreSupported) {
  std::string keys = base();
  std::string path = warehouse().http_path();
  keys.replace(keys.find(path), path.size(), "sql/protocolv1/o/1234567890/0123-456789-abcdefgh");
  expect_connect_error(keys + "AuthMech=3;UID=token;PWD=dapi-unused;", "08001|HY000", "warehouse");
}

TEST_F(ConnectTest, BadResultDispositionNamesTheKey) {
  expect_connect_error(warehouse().connection_string("ResultDisposition=sometimes;"), "08001|HY000",
                       "ResultDisposition");
}

TEST_F(ConnectTest, MissingTokenNamesPwd) {
  expect_connect_error(base() + "AuthMech=3;UID=token;", "08001|HY000|28000", "PWD");
}

TEST_F(ConnectTest, UnknownKeyGives01S00AndStillConnects) {
  Dbc dbc(env_);
  SQLRETURN rc = dbc.driver_connect(warehouse().connection_string("NoSuchKeyAnywhere=1;"));
  ASSERT_EQ(rc, SQL_SUCCESS_WITH_INFO) << return_code_name(rc) << "\n" << to_string(dbc.diags());
  EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc.get(), "01S00", "NoSuchKeyAnywhere"));
  expect_usable(dbc);
}

TEST_F(ConnectTest, VendorDriverKeysAreAcceptedSilently) {
  Dbc dbc(env_);
  SQLRETURN rc = dbc.driver_connect(warehouse().connection_string(
      "ThriftTransport=2;SparkServerType=3;UseNativeQuery=1;AutoReconnect=1;"
      "SSP_spark.sql.ansi.enabled=true;"));
  EXPECT_EQ(rc, SQL_SUCCESS) << return_code_name(rc) << "\n" << to_string(dbc.diags());
}

TEST_F(ConnectTest, CatalogAndSchemaKeysSetTheDefaultNamespace) {
  Dbc dbc(env_);
  ASSERT_ODBC_OK(
      dbc.driver_connect(warehouse().connection_string("Catalog=samples;Schema=nyctaxi;")),
      SQL_HANDLE_DBC, dbc.get());
  char catalog[128] = {0};
  SQLINTEGER len = 0;
  ASSERT_ODBC_OK(
      SQLGetConnectAttr(dbc.get(), SQL_ATTR_CURRENT_CATALOG, catalog, sizeof catalog, &len),
      SQL_HANDLE_DBC, dbc.get());
  EXPECT_STREQ(catalog, "samples");
  Stmt s(dbc);
  ASSERT_ODBC_OK(s.exec("SELECT count(*) FROM trips"), SQL_HANDLE_STMT, s.get());
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_TRUE(rows[0][0].has_value());
  EXPECT_GT(std::stoll(*rows[0][0]), 0);
}

TEST_F(ConnectTest, AutocommitOffIsAcceptedAndStatementsStillCommit) {
  Dbc dbc(env_);
  ASSERT_ODBC_OK(dbc.driver_connect(warehouse().connection_string()), SQL_HANDLE_DBC, dbc.get());
  // pyodbc does this on every connect.
  ASSERT_ODBC_OK(SQLSetConnectAttr(dbc.get(), SQL_ATTR_AUTOCOMMIT,
                                   reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
                 SQL_HANDLE_DBC, dbc.get());
  SQLULEN autocommit = 99;
  ASSERT_ODBC_OK(SQLGetConnectAttr(dbc.get(), SQL_ATTR_AUTOCOMMIT, &autocommit, 0, nullptr),
                 SQL_HANDLE_DBC, dbc.get());
  EXPECT_EQ(autocommit, static_cast<SQLULEN>(SQL_AUTOCOMMIT_OFF));
  {
    Stmt s(dbc);
    ASSERT_ODBC_OK(s.exec("CREATE TABLE main.default.autocommit_probe (x INT)"), SQL_HANDLE_STMT,
                   s.get());
    ASSERT_ODBC_OK(s.exec("INSERT INTO main.default.autocommit_probe VALUES (7)"), SQL_HANDLE_STMT,
                   s.get());
  }
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, dbc.get(), SQL_COMMIT), SQL_SUCCESS);
  SQLRETURN rc = SQLEndTran(SQL_HANDLE_DBC, dbc.get(), SQL_ROLLBACK);
  EXPECT_EQ(rc, SQL_SUCCESS_WITH_INFO) << "a rollback that undoes nothing must say so";
  // The insert is visible from another connection: it committed at once.
  Dbc other(env_);
  ASSERT_ODBC_OK(other.driver_connect(warehouse().connection_string()), SQL_HANDLE_DBC,
                 other.get());
  Stmt s(other);
  ASSERT_ODBC_OK(s.exec("SELECT x FROM main.default.autocommit_probe"), SQL_HANDLE_STMT, s.get());
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "7");
}

std::string info_string(Dbc& dbc, SQLUSMALLINT type) {
  char buf[512] = {0};
  SQLSMALLINT len = 0;
  EXPECT_ODBC_OK(SQLGetInfo(dbc.get(), type, buf, sizeof buf, &len), SQL_HANDLE_DBC, dbc.get());
  return buf;
}

template <typename T>
T info_number(Dbc& dbc, SQLUSMALLINT type) {
  T value{};
  EXPECT_ODBC_OK(SQLGetInfo(dbc.get(), type, &value, sizeof value, nullptr), SQL_HANDLE_DBC,
                 dbc.get());
  return value;
}

TEST_F(ConnectTest, GetInfoBasics) {
  Dbc dbc(env_);
  ASSERT_ODBC_OK(dbc.driver_connect(warehouse().connection_string()), SQL_HANDLE_DBC, dbc.get());
  EXPECT_EQ(info_string(dbc, SQL_DRIVER_ODBC_VER), "03.80");
  EXPECT_NE(info_string(dbc, SQL_DRIVER_NAME).find("dbsqlodbc"), std::string::npos);
  EXPECT_FALSE(info_string(dbc, SQL_DRIVER_VER).empty());
  EXPECT_FALSE(info_string(dbc, SQL_DBMS_NAME).empty());
  EXPECT_FALSE(info_string(dbc, SQL_DBMS_VER).empty());
  EXPECT_EQ(info_string(dbc, SQL_IDENTIFIER_QUOTE_CHAR), "`");
  EXPECT_EQ(info_string(dbc, SQL_CATALOG_NAME_SEPARATOR), ".");
  EXPECT_EQ(info_string(dbc, SQL_CATALOG_NAME), "Y");
  EXPECT_EQ(info_number<SQLUSMALLINT>(dbc, SQL_TXN_CAPABLE), SQL_TC_NONE);
  SQLUINTEGER getdata = info_number<SQLUINTEGER>(dbc, SQL_GETDATA_EXTENSIONS);
  EXPECT_TRUE(getdata & SQL_GD_ANY_COLUMN);
  EXPECT_TRUE(getdata & SQL_GD_ANY_ORDER);
  EXPECT_TRUE(info_number<SQLUINTEGER>(dbc, SQL_SCROLL_OPTIONS) & SQL_SO_FORWARD_ONLY);
  EXPECT_EQ(info_string(dbc, SQL_SERVER_NAME).find("127.0.0.1"), 0u);

  SQLUSMALLINT supported = 0;
  ASSERT_ODBC_OK(SQLGetFunctions(dbc.get(), SQL_API_SQLFETCHSCROLL, &supported), SQL_HANDLE_DBC,
                 dbc.get());
  EXPECT_EQ(supported, SQL_TRUE);
  ASSERT_ODBC_OK(SQLGetFunctions(dbc.get(), SQL_API_SQLGETDATA, &supported), SQL_HANDLE_DBC,
                 dbc.get());
  EXPECT_EQ(supported, SQL_TRUE);
}

TEST_F(ConnectTest, DisconnectThenReconnectOnTheSameHandle) {
  Dbc dbc(env_);
  ASSERT_ODBC_OK(dbc.driver_connect(warehouse().connection_string()), SQL_HANDLE_DBC, dbc.get());
  dbc.disconnect();
  ASSERT_ODBC_OK(dbc.driver_connect(warehouse().connection_string()), SQL_HANDLE_DBC, dbc.get());
  expect_usable(dbc);
}

}  // namespace
}  // namespace dbsql::odbc_test
