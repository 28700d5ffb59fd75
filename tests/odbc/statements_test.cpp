// Statements that are not plain SELECTs: DDL and DML row counts, server errors with their
// SQLSTATE, parameter markers before parameters are supported, and SQLNativeSql.
#include <string>

#include "suite.h"

namespace dbsql::odbc_test {
namespace {

class StatementsTest : public WarehouseSuite<StatementsTest> {
 protected:
  SQLLEN row_count(Stmt& s) {
    SQLLEN n = -2;
    EXPECT_ODBC_OK(SQLRowCount(s.get(), &n), SQL_HANDLE_STMT, s.get());
    return n;
  }
  // Executes DML on `s` and returns SQLRowCount.
  SQLLEN dml(Stmt& s, const std::string& sql) {
    SQLRETURN rc = s.exec(sql);
    EXPECT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, s.get())) << sql;
    return row_count(s);
  }
};

TEST_F(StatementsTest, DmlReportsAffectedRows) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("CREATE TABLE main.default.dml_counts (id INT, name STRING)"),
                 SQL_HANDLE_STMT, s.get());
  // DDL has no result set.
  EXPECT_EQ(s.num_cols(), 0);
  EXPECT_EQ(s.fetch(), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "24000"));

  EXPECT_EQ(dml(s, "INSERT INTO main.default.dml_counts VALUES (1, 'a'), (2, 'b'), (3, 'c')"), 3);
  // A DML statement is not a result set, even though the server returns its counters as one.
  EXPECT_EQ(s.num_cols(), 0);
  EXPECT_EQ(dml(s, "UPDATE main.default.dml_counts SET name = 'z' WHERE id >= 2"), 2);
  EXPECT_EQ(dml(s, "DELETE FROM main.default.dml_counts WHERE id = 1"), 1);
  EXPECT_EQ(dml(s, "DELETE FROM main.default.dml_counts WHERE id = 99"), 0);

  auto rows = query("SELECT id, name FROM main.default.dml_counts ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "2");
  EXPECT_EQ(rows[0][1], "z");
  EXPECT_EQ(rows[1][0], "3");
  run("DROP TABLE main.default.dml_counts");
}

TEST_F(StatementsTest, InsertSelectCountsEveryRow) {
  run("CREATE TABLE main.default.dml_bulk (id BIGINT)");
  Stmt s = stmt();
  EXPECT_EQ(dml(s, "INSERT INTO main.default.dml_bulk SELECT id FROM range(12345) AS t(id)"),
            12345);
  auto rows = query("SELECT count(*), sum(id) FROM main.default.dml_bulk");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "12345");
  EXPECT_EQ(rows[0][1], std::to_string(12345LL * 12344 / 2));
  run("DROP TABLE main.default.dml_bulk");
}

TEST_F(StatementsTest, SyntaxErrorIs42601WithTheServerMessage) {
  Stmt s = stmt();
  EXPECT_EQ(s.exec("SELEC 1"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "42601", "SELEC"));
  auto records = s.diags();
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].message.rfind("[dbsql-odbc]", 0), 0u) << records[0].message;
  // The handle is still usable after a failed statement.
  ASSERT_ODBC_OK(s.exec("SELECT 1 AS ok"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.all_text().at(0).at(0), "1");
}

TEST_F(StatementsTest, MissingTableIs42P01NamingTheTable) {
  Stmt s = stmt();
  EXPECT_EQ(s.exec("SELECT * FROM main.default.no_such_table_here"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "42P01", "no_such_table_here"));
}

TEST_F(StatementsTest, WritingTheReadOnlySamplesCatalogFails) {
  Stmt s = stmt();
  EXPECT_EQ(s.exec("DELETE FROM samples.nyctaxi.trips"), SQL_ERROR);
  // The warehouse answers PERMISSION_DENIED with SQLSTATE 42501.
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "42501", "read-only"));
}

TEST_F(StatementsTest, ParameterMarkersWithoutParametersAreAClearError) {
  Stmt s = stmt();
  EXPECT_EQ(s.exec("SELECT * FROM samples.nyctaxi.trips WHERE pickup_zip = ?"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "07002|HYC00|07001", "parameter"));
  // A '?' inside a string literal is not a marker.
  ASSERT_ODBC_OK(s.exec("SELECT 'why?' AS q"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.all_text().at(0).at(0), "why?");
}

TEST_F(StatementsTest, NativeSqlReturnsTheTextUnchanged) {
  std::string in = "SELECT `a` FROM t WHERE x = 'y'";
  char out[128] = {0};
  SQLINTEGER len = 0;
  ASSERT_ODBC_OK(SQLNativeSql(dbc().get(), reinterpret_cast<SQLCHAR*>(in.data()), SQL_NTS,
                              reinterpret_cast<SQLCHAR*>(out), sizeof out, &len),
                 SQL_HANDLE_DBC, dbc().get());
  EXPECT_EQ(std::string(out), in);
  EXPECT_EQ(len, static_cast<SQLINTEGER>(in.size()));
}

TEST_F(StatementsTest, SeedQueryOfTheNyctaxiSample) {
  auto rows = query(
      "SELECT count(1) as trip_count, pickup_zip FROM samples.nyctaxi.trips GROUP BY pickup_zip "
      "LIMIT 10");
  ASSERT_EQ(rows.size(), 10u);
  for (const auto& row : rows) {
    ASSERT_TRUE(row[0].has_value());
    ASSERT_TRUE(row[1].has_value());
    EXPECT_GT(std::stoll(*row[0]), 0);
  }
}

}  // namespace
}  // namespace dbsql::odbc_test
