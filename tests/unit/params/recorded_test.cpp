// The renderings a real workspace accepted (shared/recorded/json-array-dml-insert-param-*):
// the same C values must produce the same `type` and `value` strings.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "params/params.h"
#include "params_test_util.h"

namespace dbsql::params::test {
namespace {

std::string recorded(const std::string& name) {
  std::ifstream in(std::string(DBSQL_RECORDED_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The recorded request has a parameter item with exactly this type and value (or, for
// NULL, this type and no value).
::testing::AssertionResult sent(const std::string& file, const WireValue& w) {
  std::string body = recorded(file);
  if (body.empty()) return ::testing::AssertionFailure() << "cannot read " << file;
  // The recordings are pretty-printed; the values compared hold no blanks.
  std::erase_if(body, [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
  const std::string type = "\"type\":\"" + w.type + "\"";
  const std::string item =
      w.value ? type + ",\"value\":\"" + *w.value + "\"" : type + ",\"ordinal\"";
  if (body.find(item) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << file << " has no parameter item " << item;
}

TEST(Recorded, IntAndDouble) {
  EXPECT_TRUE(sent("json-array-dml-insert-param-double.json",
                   render_value<SQLINTEGER>(SQL_C_SLONG, SQL_INTEGER, 2)));
  EXPECT_TRUE(sent("json-array-dml-insert-param-double.json",
                   render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_DOUBLE, 1.236)));
  EXPECT_TRUE(sent("json-array-dml-insert-param-double.json", render_text(SQL_DOUBLE, "1.236")));
}

TEST(Recorded, Decimals) {
  EXPECT_TRUE(sent("json-array-dml-insert-param-decimal.json",
                   render_value(SQL_C_NUMERIC, SQL_DECIMAL, numeric(true, 12345, 2), 5, 2)));
  EXPECT_TRUE(sent("json-array-dml-insert-param-decimal.json", render_text(SQL_DECIMAL, "123.45")));
  EXPECT_TRUE(sent("json-array-dml-insert-param-decimal.json",
                   render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_DECIMAL, 123.45, 5, 2)));
  EXPECT_TRUE(sent("json-array-dml-insert-param-decimal-scale4-zero.json",
                   render_value(SQL_C_NUMERIC, SQL_NUMERIC, numeric(true, 0, 0), 4, 4)));
  EXPECT_TRUE(sent("json-array-dml-insert-param-decimal-scale4-zero.json",
                   render_text(SQL_DECIMAL, "0", 4, 4)));
}

TEST(Recorded, BooleanAndNull) {
  EXPECT_TRUE(sent("json-array-dml-insert-param-boolean.json",
                   render_value<unsigned char>(SQL_C_BIT, SQL_BIT, 1)));
  EXPECT_TRUE(sent("json-array-dml-insert-param-boolean.json", render_text(SQL_BIT, "TRUE")));
  EXPECT_TRUE(sent("json-array-dml-insert-null-param.json",
                   render(type_of(SQL_C_CHAR, SQL_VARCHAR), nullptr, SQL_NULL_DATA)));
  EXPECT_TRUE(sent("json-array-dml-insert-null-param.json", render_text(SQL_VARCHAR, "value1")));
}

}  // namespace
}  // namespace dbsql::params::test
