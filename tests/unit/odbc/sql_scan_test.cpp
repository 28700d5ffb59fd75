#include <gtest/gtest.h>

#include "odbc/sql_scan.h"
#include "odbc/statement_kind.h"

namespace dbsql::odbc {
namespace {

size_t markers(std::string_view sql) {
  return find_parameter_markers(sql).size();
}

TEST(SqlScan, FindsMarkersInCode) {
  EXPECT_EQ(std::vector<size_t>({30, 42}),
            find_parameter_markers("SELECT * FROM t WHERE a = 1 + ? AND b IN (?)"));
  EXPECT_EQ(0u, markers("SELECT 1"));
}

TEST(SqlScan, SkipsLiteralsIdentifiersAndComments) {
  EXPECT_EQ(0u, markers("SELECT '?', \"?\", `?` FROM t"));
  EXPECT_EQ(0u, markers("SELECT 'it''s ?', 'a\\'?'"));
  EXPECT_EQ(0u, markers("SELECT 1 -- why?\n"));
  EXPECT_EQ(0u, markers("SELECT /* a /* nested ? */ still ? */ 1"));
  EXPECT_EQ(0u, markers("CREATE FUNCTION f() RETURNS INT LANGUAGE PYTHON AS $$ return '?' $$"));
  EXPECT_EQ(1u, markers("SELECT '?' || ?"));
  EXPECT_EQ(1u, markers("SELECT `a``?` , ?"));
}

TEST(SqlScan, RawLiteralsKeepBackslashes) {
  // In r'...' a backslash does not escape the closing quote.
  EXPECT_EQ(1u, markers("SELECT r'C:\\' , ?"));
  EXPECT_EQ(0u, markers("SELECT 'C:\\' , ?'"));
}

TEST(SqlScan, UnterminatedRunsEndAtTheText) {
  EXPECT_EQ(0u, markers("SELECT 'open ?"));
  EXPECT_EQ(0u, markers("SELECT /* open ?"));
}

TEST(SqlScan, FirstKeyword) {
  EXPECT_EQ("SELECT", first_keyword("  -- c\n /* x */ (select 1)"));
  EXPECT_EQ("WITH", first_keyword("with a as (select 1) select * from a"));
  EXPECT_EQ("", first_keyword("  "));
}

TEST(StatementKind, DynamicFunctionAndRowReturning) {
  Diagnostics d;
  set_dynamic_function(d, "insert into t values (1)");
  EXPECT_EQ("INSERT", d.dynamic_function);
  EXPECT_EQ(SQL_DIAG_INSERT, d.dynamic_function_code);
  set_dynamic_function(d, "SELECT 1");
  EXPECT_EQ(SQL_DIAG_SELECT_CURSOR, d.dynamic_function_code);
  set_dynamic_function(d, "OPTIMIZE t");
  EXPECT_EQ(SQL_DIAG_UNKNOWN_STATEMENT, d.dynamic_function_code);
  EXPECT_TRUE(returns_rows("SHOW TABLES"));
  EXPECT_TRUE(returns_rows("(SELECT 1)"));
  EXPECT_FALSE(returns_rows("DELETE FROM t"));
}

}  // namespace
}  // namespace dbsql::odbc
