// Tableau's call sequence replayed through the driver manager (the Tableau profile of the
// BI-tools reference, §4.7): the Databricks connector's keys, a bad password and an
// unreachable host, the SQLGetInfo values Tableau matches its dialect on, a second connection
// with its catalog given, the table tree with the catalog always given, keys with NULL
// qualifiers, metadata without fetching, the connection probes, row arrays, truncation into a
// small bound buffer, the native dialect, and a cancel during a fetch.
#include <string>
#include <vector>

#include "bi_profiles.h"

namespace dbsql::odbc_test {
namespace {

// Tableau with the Databricks connector's keys: connect, a bad password, the table tree with
// the catalog always given, keys with NULL qualifiers, metadata without fetching, the
// connection probes, row-array fetches and truncation into a small bound buffer.
TEST_F(BiProfilesTest, Tableau) {
  // Step 1: the connector's keys, vendor ones included, are accepted.
  Dbc c(env_);
  NameArg in(warehouse().connection_string(
                 "ThriftTransport=2;SparkServerType=3;Catalog=main;UseNativeQuery=1;"
                 "AutoReconnect=1;AsyncExecPollInterval=1;UserAgentEntry=Tableau/2025.1;"
                 "LCaseSspKeyName=0;ApplySSPWithQueries=0;"),
             true);
  SQLWCHAR out[1024] = {0};
  SQLSMALLINT out_len = 0;
  ASSERT_TRUE(SQL_SUCCEEDED(SQLDriverConnectW(c.get(), nullptr, in.wide(), SQL_NTS, out, 1024,
                                              &out_len, SQL_DRIVER_NOPROMPT)))
      << to_string(c.diags());

  // Step 2: a wrong password is 28000.
  {
    Dbc bad(env_);
    EXPECT_EQ(bad.driver_connect("Driver=" + warehouse().driver_path() + ";" +
                                 warehouse().location_keys() +
                                 "AuthMech=3;UID=token;PWD=dapi-not-a-token;"),
              SQL_ERROR);
    const auto diags = bad.diags();
    ASSERT_FALSE(diags.empty());
    EXPECT_EQ(diags[0].sqlstate, "28000") << to_string(diags);
  }
  // ... and a host nobody listens on is 08001.
  {
    Dbc unreachable(env_);
    EXPECT_EQ(unreachable.driver_connect("Driver=" + warehouse().driver_path() +
                                         ";Host=127.0.0.1;Port=" + std::to_string(unused_port()) +
                                         ";SSL=0;HTTPPath=/sql/1.0/warehouses/x;AuthMech=3;"
                                         "UID=token;PWD=dapi-unused;"),
              SQL_ERROR);
    const auto diags = unreachable.diags();
    ASSERT_FALSE(diags.empty());
    EXPECT_EQ(diags[0].sqlstate, "08001") << to_string(diags);
  }

  // Step 3: the SQLGetInfo values Tableau reads (its dialect is matched on the DBMS and
  // driver names, so those are fixed), each answered without an error.
  EXPECT_EQ(wide_info(c, SQL_DBMS_NAME), "Spark SQL");
  EXPECT_EQ(wide_info(c, SQL_DRIVER_NAME), "libdbsqlodbc.so");
  for (SQLUSMALLINT type :
       {SQL_ODBC_INTERFACE_CONFORMANCE, SQL_SQL_CONFORMANCE, SQL_CATALOG_USAGE, SQL_SCHEMA_USAGE,
        SQL_AGGREGATE_FUNCTIONS, SQL_NUMERIC_FUNCTIONS, SQL_STRING_FUNCTIONS,
        SQL_TIMEDATE_FUNCTIONS, SQL_TIMEDATE_ADD_INTERVALS, SQL_TIMEDATE_DIFF_INTERVALS,
        SQL_DATETIME_LITERALS, SQL_SYSTEM_FUNCTIONS, SQL_SQL92_VALUE_EXPRESSIONS}) {
    SQLUINTEGER mask = 0;
    EXPECT_EQ(SQLGetInfoW(c.get(), type, &mask, sizeof mask, nullptr), SQL_SUCCESS) << type;
    EXPECT_NE(mask, 0u) << type;
  }

  // Step 4: generic ODBC lists the catalogs, then reconnects with database=<catalog>
  // appended and lists that catalog's schemas; the new connection starts in it.
  {
    Stmt s(c);
    bool has_hive = false;
    for (const auto& r : rows_of(s, call_tables(s, true, "%", "", "", ""), "catalogs"))
      has_hive |= r.at(0) == "hive_metastore";
    EXPECT_TRUE(has_hive);
  }
  {
    Dbc second(env_);
    ASSERT_ODBC_OK(second.driver_connect(warehouse().connection_string("database=hive_metastore;")),
                   SQL_HANDLE_DBC, second.get());
    Stmt s(second);
    ASSERT_ODBC_OK(s.exec("SELECT current_catalog()"), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"hive_metastore"}}));
    Stmt schemas(second);
    bool has_default = false;
    for (const auto& r :
         rows_of(schemas, call_tables(schemas, true, "hive_metastore", "%", "", ""), "schemas"))
      has_default |= r.at(0) == "hive_metastore" && r.at(1) == "default";
    EXPECT_TRUE(has_default);
  }

  // Step 5: schemas of the catalog, then its tables and views.
  {
    Stmt s(c);
    Rows schemas = rows_of(s, call_tables(s, true, "main", "%", "", ""), "schemas");
    bool has_default = false;
    for (const auto& r : schemas) has_default |= r.at(1) == "default" && !r.at(2);
    EXPECT_TRUE(has_default);
  }
  {
    Stmt s(c);
    Rows tables = rows_of(s, call_tables(s, true, "main", "default", "%", "TABLE,VIEW"), "tables");
    bool found = false;
    for (const auto& r : tables) found |= r.at(2) == "bi_orders" && r.at(3) == "TABLE";
    EXPECT_TRUE(found);
  }
  // Step 6: columns of one table.
  expect_orders_columns(c);
  // Step 7: keys with NULL qualifiers (the current catalog and any schema), never an error.
  {
    Stmt s(c);
    rows_of(s, call_primary_keys(s, true, std::nullopt, std::nullopt, "bi_customers"), "pk");
  }
  {
    Stmt s(c);
    rows_of(s,
            call_foreign_keys(s, true, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                              std::nullopt, "bi_orders"),
            "fk");
  }

  // Step 8: a prepared SELECT described without executing, then a WHERE 1=0 executed.
  {
    Stmt s(c);
    NameArg sql(std::string("SELECT * FROM default.bi_orders"), true);
    ASSERT_ODBC_OK(SQLPrepareW(s.get(), sql.wide(), SQL_NTS), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.num_cols(), 4);
    EXPECT_EQ(describe_col(s, 3).name, "amount");
  }
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("SELECT * FROM default.bi_orders WHERE 1=0"), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.num_cols(), 4);
    EXPECT_EQ(s.fetch(), SQL_NO_DATA);
  }
  // Step 9: custom SQL wrapped for its metadata.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("SELECT * FROM (SELECT id, amount FROM main.default.bi_orders) AS "
                          "custom_sql_query LIMIT 0"),
                   SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.num_cols(), 2);
    EXPECT_EQ(s.fetch(), SQL_NO_DATA);
  }

  // Step 10: the connection probes of Tableau's generic ODBC path, which writes ANSI SQL
  // (UseNativeQuery=0: "..." are identifiers). The temporary table fails cleanly, the
  // subquery probe runs, and the connection stays usable.
  {
    Dbc ansi(env_);
    ASSERT_ODBC_OK(ansi.driver_connect(warehouse().connection_string("UseNativeQuery=0;")),
                   SQL_HANDLE_DBC, ansi.get());
    for (const char* sql : {"CREATE LOCAL TEMPORARY TABLE \"#Tableau_1_Connect_Check\" (\"COL\" "
                            "INTEGER) ON COMMIT PRESERVE ROWS",
                            "DROP TABLE \"#Tableau_1_Connect_Check\""}) {
      Stmt s(ansi);
      EXPECT_EQ(s.exec(sql), SQL_ERROR) << sql;
      const auto diags = s.diags();
      ASSERT_FALSE(diags.empty());
      EXPECT_EQ(diags[0].sqlstate.substr(0, 2), "42") << to_string(diags);
    }
    {
      Stmt s(ansi);
      ASSERT_ODBC_OK(s.exec("SELECT \"SUBCOL\" AS \"COL\" FROM (SELECT 1 AS \"SUBCOL\") "
                            "\"SUBQUERY\" GROUP BY 1"),
                     SQL_HANDLE_STMT, s.get());
      EXPECT_EQ(describe_col(s, 1).name, "COL");
      EXPECT_EQ(s.all_text(), (Rows{{"1"}}));
    }
    // The probe as Tableau writes it groups by a position past its one column: the server's
    // clean 42xxx error, as on Databricks.
    {
      Stmt s(ansi);
      EXPECT_EQ(s.exec("SELECT \"SUBCOL\" AS \"COL\" FROM (SELECT 1 AS \"SUBCOL\") "
                       "\"SUBQUERY\" GROUP BY 2"),
                SQL_ERROR);
      const auto diags = s.diags();
      ASSERT_FALSE(diags.empty());
      EXPECT_EQ(diags[0].sqlstate.substr(0, 2), "42") << to_string(diags);
    }
    Stmt next(ansi);
    ASSERT_ODBC_OK(next.exec("SELECT 1"), SQL_HANDLE_STMT, next.get());
    EXPECT_EQ(next.all_text(), (Rows{{"1"}}));
  }
  // With the connector's UseNativeQuery=1 the same text is Databricks SQL: "SUBCOL" is a
  // string.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("SELECT \"SUBCOL\" AS `COL`"), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"SUBCOL"}}));
  }

  // Step 11: a row array, column-wise, wide text and 64-bit integers, with fetched count and
  // row status; the last block is short.
  {
    Stmt s(c);
    constexpr SQLULEN kBlock = 3;
    SQLBIGINT ids[kBlock] = {0};
    SQLWCHAR names[kBlock][16] = {{0}};
    SQLLEN id_ind[kBlock] = {0}, name_ind[kBlock] = {0};
    SQLUSMALLINT status[kBlock] = {0};
    SQLULEN fetched = 0;
    ASSERT_ODBC_OK(SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE,
                                  reinterpret_cast<SQLPOINTER>(kBlock), 0),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_STATUS_PTR, status, 0), SQL_HANDLE_STMT,
                   s.get());
    ASSERT_ODBC_OK(SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(s.exec("SELECT id, concat('n', CAST(id AS STRING)) "
                          "FROM VALUES (0), (1), (2), (3), (4) AS t(id) ORDER BY id"),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_SBIGINT, ids, 0, id_ind), SQL_HANDLE_STMT,
                   s.get());
    ASSERT_ODBC_OK(SQLBindCol(s.get(), 2, SQL_C_WCHAR, names, sizeof names[0], name_ind),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_EQ(s.fetch(), SQL_SUCCESS);
    EXPECT_EQ(fetched, 3u);
    EXPECT_EQ(ids[2], 2);
    EXPECT_EQ(names[2][0], 'n');
    EXPECT_EQ(names[2][1], '2');
    ASSERT_EQ(s.fetch(), SQL_SUCCESS);
    EXPECT_EQ(fetched, 2u);
    EXPECT_EQ(ids[1], 4);
    EXPECT_EQ(status[0], SQL_ROW_SUCCESS);
    EXPECT_EQ(status[2], SQL_ROW_NOROW);
    EXPECT_EQ(s.fetch(), SQL_NO_DATA);
    ASSERT_ODBC_OK(SQLFreeStmt(s.get(), SQL_UNBIND), SQL_HANDLE_STMT, s.get());
  }

  // Step 12: a 100 KB string into a 1 KB bound buffer: 01004 and the full length.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("SELECT repeat('x', 102400)"), SQL_HANDLE_STMT, s.get());
    char buf[1024];
    SQLLEN ind = 0;
    ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_HANDLE_STMT,
                   s.get());
    ASSERT_EQ(s.fetch(), SQL_SUCCESS_WITH_INFO);
    EXPECT_EQ(s.diags().at(0).sqlstate, "01004");
    EXPECT_EQ(ind, 102400);
    EXPECT_EQ(std::string(buf).size(), sizeof buf - 1);
  }

  // Step 13: the native dialect as Tableau writes it passes through.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("SELECT `o`.`id`, date_trunc('MONTH', `o`.`placed`) AS m FROM "
                          "`main`.`default`.`bi_orders` `o` ORDER BY `o`.`id` LIMIT 1"),
                   SQL_HANDLE_STMT, s.get());
    const Rows rows = s.all_text();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].at(0), "1");
    EXPECT_EQ(rows[0].at(1).value_or("").substr(0, 10), "2024-01-01");
  }

  // Step 14: SQLCancel from another thread while rows are being fetched: HY008, and the next
  // query is fine.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("SELECT id, repeat('x', 200) FROM range(3000000) AS t(id)"),
                   SQL_HANDLE_STMT, s.get());
    const SQLRETURN rc = cancel_while_running(s, [&] {
      SQLRETURN fetched;
      while ((fetched = s.fetch()) == SQL_SUCCESS) {
      }
      return fetched;
    });
    EXPECT_EQ(rc, SQL_ERROR) << return_code_name(rc);
    EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY008"));
    // Whether the driver manager now takes the cursor for closed depends on which of the two
    // calls it saw return last (its SQLCancel counts as SQLFreeStmt(SQL_CLOSE), a successful
    // SQLFetch reopens): SQLFreeStmt(SQL_CLOSE) is accepted either way, then the next query runs.
    ASSERT_ODBC_OK(SQLFreeStmt(s.get(), SQL_CLOSE), SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(s.exec("SELECT 'next'"), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"next"}}));
  }
}

}  // namespace
}  // namespace dbsql::odbc_test
