#include "sql/scan.h"

#include <gtest/gtest.h>

namespace dbsql::sql {
namespace {

size_t markers(std::string_view sql) {
  return find_parameter_markers(sql).size();
}

TEST(SqlScan, FindsMarkersInCode) {
  EXPECT_EQ(std::vector<size_t>({30, 42}),
            find_parameter_markers("SELECT * FROM t WHERE a = 1 + ? AND b IN (?)"));
  EXPECT_EQ(0u, markers("SELECT 1"));
  EXPECT_EQ(std::vector<size_t>({0}), find_parameter_markers("?"));
}

TEST(SqlScan, SkipsLiteralsIdentifiersAndComments) {
  EXPECT_EQ(0u, markers("SELECT '?', \"?\", `?` FROM t"));
  EXPECT_EQ(0u, markers("SELECT 'it''s ?', 'a\\'?'"));
  EXPECT_EQ(0u, markers("SELECT \"say \\\"?\\\"\", \"a\"\"?\""));
  EXPECT_EQ(0u, markers("SELECT 1 -- why?\n"));
  EXPECT_EQ(1u, markers("SELECT 1 -- why?\n + ?"));
  EXPECT_EQ(0u, markers("SELECT /* a /* nested ? */ still ? */ 1"));
  EXPECT_EQ(1u, markers("SELECT /* a /* nested ? */ still ? */ ?"));
  EXPECT_EQ(0u, markers("CREATE FUNCTION f() RETURNS INT LANGUAGE PYTHON AS $$ return '?' $$"));
  EXPECT_EQ(1u, markers("SELECT '?' || ?"));
  EXPECT_EQ(1u, markers("SELECT `a``?` , ?"));
  EXPECT_EQ(0u, markers("SELECT ${var?}"));
}

TEST(SqlScan, RawLiteralsKeepBackslashes) {
  // In r'...' a backslash does not escape the closing quote.
  EXPECT_EQ(1u, markers("SELECT r'C:\\' , ?"));
  EXPECT_EQ(1u, markers("SELECT R\"C:\\\" , ?"));
  EXPECT_EQ(0u, markers("SELECT 'C:\\' , ?'"));
  // "bar'..." is no raw literal: the r belongs to a word.
  EXPECT_EQ(0u, markers("SELECT bar'\\' , ?'"));
}

TEST(SqlScan, UnterminatedRunsEndAtTheText) {
  EXPECT_EQ(0u, markers("SELECT 'open ?"));
  EXPECT_EQ(0u, markers("SELECT /* open ?"));
  EXPECT_EQ(0u, markers("SELECT `open ?"));
  EXPECT_EQ(0u, markers("SELECT $$ open ?"));
  EXPECT_EQ(0u, markers("SELECT 1 -- ?"));
}

TEST(SqlScan, LiteralEnd) {
  EXPECT_EQ(std::optional<size_t>(4), literal_end("'ab'", 0));
  EXPECT_EQ(std::optional<size_t>(6), literal_end("'a''b' x", 0));
  EXPECT_EQ(std::nullopt, literal_end("'ab\\'", 0));
  EXPECT_EQ(std::optional<size_t>(5), literal_end("r'a\\'", 1));
}

TEST(SqlScan, SkipSpaceAndComments) {
  EXPECT_EQ(10u, skip_space_and_comments("  /* x */ a", 0));
  EXPECT_EQ(8u, skip_space_and_comments(" -- x\n  a", 0));
  EXPECT_EQ(0u, skip_space_and_comments("-1", 0));
  EXPECT_EQ(3u, skip_space_and_comments("   ", 0));
}

TEST(SqlScan, NamedMarkers) {
  EXPECT_TRUE(is_named_marker("a = :x", 4));
  EXPECT_TRUE(is_named_marker(":x", 0));
  EXPECT_TRUE(is_named_marker("f(:x)", 2));
  EXPECT_TRUE(is_named_marker("a=:`my param`", 2));
  EXPECT_FALSE(is_named_marker("a::int", 1));
  EXPECT_FALSE(is_named_marker("a::int", 2));
  EXPECT_FALSE(is_named_marker("raw:owner", 3));
  EXPECT_FALSE(is_named_marker("c[0]:id", 4));
  EXPECT_FALSE(is_named_marker("f(x):id", 4));
  EXPECT_FALSE(is_named_marker("`c`:id", 3));
  EXPECT_FALSE(is_named_marker("a = :1", 4));
  EXPECT_FALSE(is_named_marker("a = :", 4));
}

TEST(SqlScan, FirstKeyword) {
  EXPECT_EQ("SELECT", first_keyword("  -- c\n /* x */ (select 1)"));
  EXPECT_EQ("WITH", first_keyword("with a as (select 1) select * from a"));
  EXPECT_EQ("INSERT", first_keyword("/* /* nested */ */insert into t values (1)"));
  EXPECT_EQ("", first_keyword("  "));
  EXPECT_EQ("", first_keyword("'x'"));
}

}  // namespace
}  // namespace dbsql::sql
