// Numeric C types and numeric SQL types: exact integers, floats, SQL_NUMERIC_STRUCT,
// character numbers, BIT / BOOLEAN, and their range and format errors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "params/params.h"
#include "params_test_util.h"

namespace dbsql::params::test {
namespace {

struct Expect {
  SQLSMALLINT sql_type;
  SQLULEN size;
  SQLSMALLINT digits;
  const char* type;
  const char* value;
};

// One integer value of each C integer type against every numeric and character SQL type.
template <typename T>
void expect_all(SQLSMALLINT c_type, T value, const std::vector<Expect>& cases) {
  for (const auto& e : cases) {
    SCOPED_TRACE(std::string("c_type ") + std::to_string(c_type) + " sql " +
                 std::to_string(e.sql_type));
    const WireValue w = render_value(c_type, e.sql_type, value, e.size, e.digits);
    EXPECT_EQ(w.type, e.type);
    ASSERT_TRUE(w.value.has_value());
    EXPECT_EQ(*w.value, e.value);
    EXPECT_FALSE(w.hex_binary);
    EXPECT_FALSE(w.fraction_truncated);
  }
}

std::vector<Expect> all_targets(const char* text) {
  const std::string t = text;
  const bool zero_or_one = t == "0" || t == "1";
  std::vector<Expect> out = {
      {SQL_INTEGER, 0, 0, "INT", text},         {SQL_BIGINT, 0, 0, "BIGINT", text},
      {SQL_DOUBLE, 0, 0, "DOUBLE", text},       {SQL_FLOAT, 0, 0, "DOUBLE", text},
      {SQL_REAL, 0, 0, "FLOAT", text},          {SQL_CHAR, 0, 0, "STRING", text},
      {SQL_VARCHAR, 0, 0, "STRING", text},      {SQL_LONGVARCHAR, 0, 0, "STRING", text},
      {SQL_WCHAR, 0, 0, "STRING", text},        {SQL_WVARCHAR, 0, 0, "STRING", text},
      {SQL_WLONGVARCHAR, 0, 0, "STRING", text},
  };
  if (zero_or_one) out.push_back({SQL_BIT, 0, 0, "BOOLEAN", t == "1" ? "true" : "false"});
  return out;
}

TEST(Integers, EveryCIntegerTypeIntoEveryNumericAndCharacterType) {
  expect_all<signed char>(SQL_C_STINYINT, -100, all_targets("-100"));
  expect_all<signed char>(SQL_C_TINYINT, 1, all_targets("1"));
  expect_all<unsigned char>(SQL_C_UTINYINT, 200, all_targets("200"));
  expect_all<SQLSMALLINT>(SQL_C_SSHORT, -32768, all_targets("-32768"));
  expect_all<SQLSMALLINT>(SQL_C_SHORT, 0, all_targets("0"));
  expect_all<SQLUSMALLINT>(SQL_C_USHORT, 65535, all_targets("65535"));
  expect_all<SQLINTEGER>(SQL_C_SLONG, -2147483647 - 1, all_targets("-2147483648"));
  expect_all<SQLINTEGER>(SQL_C_LONG, 123456, all_targets("123456"));
  expect_all<SQLUINTEGER>(SQL_C_ULONG, 5, all_targets("5"));
  expect_all<SQLBIGINT>(SQL_C_SBIGINT, 1234567, all_targets("1234567"));
  expect_all<SQLUBIGINT>(SQL_C_UBIGINT, 1, all_targets("1"));
}

TEST(Integers, SmallTargetsAndDecimals) {
  expect_all<SQLINTEGER>(SQL_C_SLONG, -128,
                         {{SQL_TINYINT, 0, 0, "TINYINT", "-128"},
                          {SQL_SMALLINT, 0, 0, "SMALLINT", "-128"},
                          {SQL_DECIMAL, 0, 0, "DECIMAL(3,0)", "-128"},
                          {SQL_NUMERIC, 10, 2, "DECIMAL(10,2)", "-128.00"}});
  expect_all<SQLBIGINT>(SQL_C_SBIGINT, std::numeric_limits<SQLBIGINT>::min(),
                        {{SQL_BIGINT, 0, 0, "BIGINT", "-9223372036854775808"},
                         {SQL_DECIMAL, 0, 0, "DECIMAL(19,0)", "-9223372036854775808"},
                         {SQL_DOUBLE, 0, 0, "DOUBLE", "-9223372036854775808"}});
  expect_all<SQLUBIGINT>(SQL_C_UBIGINT, std::numeric_limits<SQLUBIGINT>::max(),
                         {{SQL_DECIMAL, 20, 0, "DECIMAL(20,0)", "18446744073709551615"},
                          {SQL_VARCHAR, 0, 0, "STRING", "18446744073709551615"}});
}

TEST(Integers, OutOfRangeIs22003WithTheRange) {
  EXPECT_TRUE(fails_with([] { render_value<SQLINTEGER>(SQL_C_SLONG, SQL_TINYINT, 300); }, "22003",
                         "outside the range of TINYINT, -128..127"));
  EXPECT_TRUE(fails_with([] { render_value<SQLINTEGER>(SQL_C_SLONG, SQL_TINYINT, -129); }, "22003",
                         "Numeric value out of range"));
  EXPECT_TRUE(fails_with([] { render_value<SQLINTEGER>(SQL_C_SLONG, SQL_SMALLINT, 32768); },
                         "22003", "SMALLINT, -32768..32767"));
  EXPECT_TRUE(fails_with(
      [] { render_value<SQLUBIGINT>(SQL_C_UBIGINT, SQL_BIGINT, 9223372036854775808ull); }, "22003",
      "(SQL_C_UBIGINT to SQL_BIGINT)"));
  EXPECT_TRUE(fails_with([] { render_value<SQLBIGINT>(SQL_C_SBIGINT, SQL_INTEGER, 1LL << 31); },
                         "22003", "INT, -2147483648..2147483647"));
  EXPECT_TRUE(fails_with([] { render_value<SQLINTEGER>(SQL_C_SLONG, SQL_DECIMAL, 1000, 5, 3); },
                         "22003", "needs more than 2 whole digits, which DECIMAL(5,3) does not"));
  EXPECT_TRUE(fails_with([] { render_value<SQLINTEGER>(SQL_C_SLONG, SQL_BIT, 2); }, "22003",
                         "a boolean is 0 or 1"));
  EXPECT_TRUE(fails_with([] { render_value<SQLINTEGER>(SQL_C_SLONG, SQL_BIT, -1); }, "22003",
                         "below 0 or at least 2"));
}

TEST(Integers, NumberIntoACharColumnIsSentWhole) {
  EXPECT_EQ(*render_value<SQLINTEGER>(SQL_C_SLONG, SQL_VARCHAR, -1234, 5).value, "-1234");
  EXPECT_EQ(*render_value<SQLINTEGER>(SQL_C_SLONG, SQL_VARCHAR, -1234, 4).value, "-1234");
}

TEST(Bit, IntoEveryTarget) {
  const unsigned char one = 1, zero = 0;
  expect_all<unsigned char>(SQL_C_BIT, one,
                            {{SQL_BIT, 0, 0, "BOOLEAN", "true"},
                             {SQL_TINYINT, 0, 0, "TINYINT", "1"},
                             {SQL_INTEGER, 0, 0, "INT", "1"},
                             {SQL_DECIMAL, 3, 1, "DECIMAL(3,1)", "1.0"},
                             {SQL_DOUBLE, 0, 0, "DOUBLE", "1"},
                             {SQL_REAL, 0, 0, "FLOAT", "1"},
                             {SQL_VARCHAR, 0, 0, "STRING", "1"}});
  expect_all<unsigned char>(
      SQL_C_BIT, zero, {{SQL_BIT, 0, 0, "BOOLEAN", "false"}, {SQL_WCHAR, 0, 0, "STRING", "0"}});
  EXPECT_TRUE(fails_with([] { render_value<unsigned char>(SQL_C_BIT, SQL_BIT, 2); }, "22003",
                         "an SQL_C_BIT value must be 0 or 1"));
}

TEST(Boolean, CharacterSpellings) {
  for (const char* t : {"true", "TRUE", " True ", "1", "1.0", "1e0"})
    EXPECT_EQ(*render_text(SQL_BIT, t).value, "true") << t;
  for (const char* t : {"false", "False", "0", "-0", "0.00"})
    EXPECT_EQ(*render_text(SQL_BIT, t).value, "false") << t;
  for (const char* t : {"yes", "t", "", "on"})
    EXPECT_TRUE(fails_with([&] { render_text(SQL_BIT, t); }, "22018",
                           "not a boolean: use true, false, 1 or 0"))
        << t;
  EXPECT_TRUE(fails_with([] { render_text(SQL_BIT, "0.5"); }, "22001", "fractional part"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_BIT, "2"); }, "22003", "a boolean is 0 or 1"));
  EXPECT_TRUE(fails_with([] { render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_BIT, 1.5); }, "22001",
                         "fractional part"));
}

TEST(Floating, ShortestRoundTripDigits) {
  expect_all<SQLDOUBLE>(SQL_C_DOUBLE, 1.236,
                        {{SQL_DOUBLE, 0, 0, "DOUBLE", "1.236"},
                         {SQL_FLOAT, 0, 0, "DOUBLE", "1.236"},
                         {SQL_REAL, 0, 0, "FLOAT", "1.236"},
                         {SQL_VARCHAR, 0, 0, "STRING", "1.236"},
                         {SQL_DECIMAL, 0, 0, "DECIMAL(4,3)", "1.236"},
                         {SQL_DECIMAL, 10, 3, "DECIMAL(10,3)", "1.236"}});
  expect_all<SQLDOUBLE>(SQL_C_DOUBLE, 0.1, {{SQL_DOUBLE, 0, 0, "DOUBLE", "0.1"}});
  expect_all<SQLDOUBLE>(SQL_C_DOUBLE, 1e300, {{SQL_DOUBLE, 0, 0, "DOUBLE", "1e+300"}});
  expect_all<SQLDOUBLE>(SQL_C_DOUBLE, 5e-324, {{SQL_DOUBLE, 0, 0, "DOUBLE", "5e-324"}});
  expect_all<SQLDOUBLE>(SQL_C_DOUBLE, 1e-5, {{SQL_DECIMAL, 0, 0, "DECIMAL(5,5)", "0.00001"}});
  // A float keeps its own digits, in FLOAT and in DOUBLE.
  expect_all<SQLREAL>(SQL_C_FLOAT, 0.1f,
                      {{SQL_REAL, 0, 0, "FLOAT", "0.1"},
                       {SQL_DOUBLE, 0, 0, "DOUBLE", "0.1"},
                       {SQL_DECIMAL, 0, 0, "DECIMAL(1,1)", "0.1"},
                       {SQL_CHAR, 0, 0, "STRING", "0.1"}});
  expect_all<SQLDOUBLE>(SQL_C_DOUBLE, 16777217.0, {{SQL_REAL, 0, 0, "FLOAT", "16777216"}});
}

TEST(Floating, NanAndInfinityAsSparkSpellsThem) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(*render_value(SQL_C_DOUBLE, SQL_DOUBLE, nan).value, "NaN");
  EXPECT_EQ(*render_value(SQL_C_DOUBLE, SQL_DOUBLE, inf).value, "Infinity");
  EXPECT_EQ(*render_value(SQL_C_DOUBLE, SQL_REAL, -inf).value, "-Infinity");
  EXPECT_EQ(*render_value(SQL_C_FLOAT, SQL_VARCHAR, -std::numeric_limits<float>::infinity()).value,
            "-Infinity");
  EXPECT_EQ(*render_text(SQL_DOUBLE, "nan").value, "NaN");
  EXPECT_EQ(*render_text(SQL_DOUBLE, " -Infinity ").value, "-Infinity");
  for (SQLSMALLINT sql : {SQL_INTEGER, SQL_DECIMAL, SQL_BIT})
    EXPECT_TRUE(fails_with([&] { render_value(SQL_C_DOUBLE, sql, nan); }, "22003",
                           "NaN and Infinity have no value"));
  EXPECT_TRUE(
      fails_with([] { render_text(SQL_DECIMAL, "Infinity"); }, "22003", "NaN and Infinity"));
}

TEST(Floating, IntoIntegersTruncatesWithAFlag) {
  const WireValue w = render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_INTEGER, -2.75);
  EXPECT_EQ(*w.value, "-2");
  EXPECT_TRUE(w.fraction_truncated);
  EXPECT_FALSE(render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_INTEGER, 3.0).fraction_truncated);
  const WireValue d = render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_DECIMAL, 1.239, 4, 2);
  EXPECT_EQ(*d.value, "1.23");
  EXPECT_TRUE(d.fraction_truncated);
}

TEST(Floating, OutOfRange) {
  EXPECT_TRUE(fails_with([] { render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_REAL, 1e39); }, "22003",
                         "outside the range of FLOAT (32-bit"));
  EXPECT_TRUE(fails_with([] { render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_BIGINT, 1e19); }, "22003",
                         "BIGINT"));
  EXPECT_TRUE(fails_with([] { render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_TINYINT, 1234.56); },
                         "22003", "TINYINT"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_REAL, "1e39"); }, "22003", "FLOAT"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_DOUBLE, "1e309"); }, "22003", "DOUBLE"));
  EXPECT_TRUE(fails_with([] { render_value<SQLDOUBLE>(SQL_C_DOUBLE, SQL_DECIMAL, 1e300); }, "22003",
                         "more than 38 whole digits"));
}

TEST(Numeric, ExactDecimal38_10FromTheStruct) {
  // 38 digits: 28 before the point, 10 after.
  const auto n = numeric(true, u128("12345678901234567890123456780123456789"), 10);
  const WireValue w = render_value(SQL_C_NUMERIC, SQL_DECIMAL, n, 38, 10);
  EXPECT_EQ(w.type, "DECIMAL(38,10)");
  EXPECT_EQ(*w.value, "1234567890123456789012345678.0123456789");
  EXPECT_FALSE(w.fraction_truncated);
  const auto neg = numeric(false, u128("99999999999999999999999999999999999999"), 10);
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_NUMERIC, neg, 38, 10).value,
            "-9999999999999999999999999999.9999999999");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_VARCHAR, neg).value,
            "-9999999999999999999999999999.9999999999");
}

TEST(Numeric, ScalesTheStructValueToTheDeclaredScale) {
  const auto n = numeric(true, 12345, 2);  // 123.45
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_DECIMAL, n, 5, 2).value, "123.45");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_DECIMAL, n, 10, 4).value, "123.4500");
  EXPECT_EQ(render_value(SQL_C_NUMERIC, SQL_DECIMAL, n, 0, 0).type, "DECIMAL(5,2)");
  const WireValue cut = render_value(SQL_C_NUMERIC, SQL_DECIMAL, n, 4, 1);
  EXPECT_EQ(*cut.value, "123.4");
  EXPECT_TRUE(cut.fraction_truncated);
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_INTEGER, n).value, "123");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_DOUBLE, n).value, "123.45");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_REAL, n).value, "123.45");
  EXPECT_TRUE(fails_with([&] { render_value(SQL_C_NUMERIC, SQL_DECIMAL, n, 4, 2); }, "22003",
                         "needs more than 2 whole digits"));
}

TEST(Numeric, NegativeScales) {
  const auto n = numeric(false, 123, -3);  // -123000
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_DECIMAL, n, 10, 2).value, "-123000.00");
  EXPECT_EQ(render_value(SQL_C_NUMERIC, SQL_DECIMAL, n).type, "DECIMAL(6,0)");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_DECIMAL, n).value, "-123000");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_BIGINT, n).value, "-123000");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_CHAR, n).value, "-123000");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_DOUBLE, n).value, "-123000");
  const auto zero = numeric(false, 0, -5);
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_VARCHAR, zero).value, "0");
}

TEST(Numeric, ZeroAndSmallFractions) {
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_DECIMAL, numeric(true, 0, 4), 4, 4).value, "0.0000");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_VARCHAR, numeric(true, 5, 3)).value, "0.005");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_VARCHAR, numeric(false, 0, 2)).value, "0.00");
  EXPECT_EQ(render_value(SQL_C_NUMERIC, SQL_DECIMAL, numeric(true, 5, 3)).type, "DECIMAL(3,3)");
}

TEST(CharNumbers, ExactDecimal38_10FromText) {
  const WireValue w =
      render_text(SQL_DECIMAL, "  -1234567890123456789012345678.0123456789 ", 38, 10);
  EXPECT_EQ(w.type, "DECIMAL(38,10)");
  EXPECT_EQ(*w.value, "-1234567890123456789012345678.0123456789");
  EXPECT_TRUE(fails_with([] { render_text(SQL_DECIMAL, "12345678901234567890123456789", 38, 10); },
                         "22003", "needs more than 28 whole digits"));
  EXPECT_EQ(*render_text(SQL_DECIMAL, "123.45", 5, 2).value, "123.45");
  EXPECT_EQ(*render_text(SQL_DECIMAL, "0", 4, 4).value, "0.0000");
  EXPECT_EQ(*render_text(SQL_NUMERIC, "+1.5E2", 6, 2).value, "150.00");
  EXPECT_EQ(*render_text(SQL_DECIMAL, ".5", 3, 1).value, "0.5");
}

TEST(CharNumbers, DerivedDecimalTypeWhenColumnSizeIsZero) {
  EXPECT_EQ(render_text(SQL_DECIMAL, "123.45").type, "DECIMAL(5,2)");
  EXPECT_EQ(render_text(SQL_DECIMAL, "-0.050").type, "DECIMAL(3,3)");
  EXPECT_EQ(*render_text(SQL_DECIMAL, "-0.050").value, "-0.050");
  EXPECT_EQ(render_text(SQL_DECIMAL, "1e3").type, "DECIMAL(4,0)");
  EXPECT_EQ(*render_text(SQL_DECIMAL, "1e3").value, "1000");
  EXPECT_EQ(render_text(SQL_DECIMAL, "00042").type, "DECIMAL(2,0)");
  EXPECT_TRUE(fails_with([] { render_text(SQL_DECIMAL, "1" + std::string(38, '0')); }, "22003",
                         "more than 38 whole digits"));
}

TEST(CharNumbers, FractionDigitsBeyondTheScaleAre22001) {
  EXPECT_TRUE(fails_with([] { render_text(SQL_DECIMAL, "123.456", 6, 2); }, "22001",
                         "nonzero digits below the scale of the SQL type DECIMAL(6,2)"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_INTEGER, "12.5"); }, "22001", "INT (scale 0)"));
  // Trailing zeros are no loss.
  EXPECT_EQ(*render_text(SQL_INTEGER, "12.000").value, "12");
  EXPECT_EQ(*render_text(SQL_DECIMAL, "1.2300", 5, 2).value, "1.23");
}

TEST(CharNumbers, IntegersAndFloatsNormalised) {
  EXPECT_EQ(*render_text(SQL_INTEGER, "  +42\t").value, "42");
  EXPECT_EQ(*render_text(SQL_BIGINT, "-9223372036854775808").value, "-9223372036854775808");
  EXPECT_EQ(*render_text(SQL_SMALLINT, "-0").value, "0");
  EXPECT_EQ(*render_text(SQL_TINYINT, "1.27e2").value, "127");
  EXPECT_EQ(*render_text(SQL_DOUBLE, " 1.2360 ").value, "1.236");
  EXPECT_EQ(*render_text(SQL_DOUBLE, "1E10").value, "1e+10");
  EXPECT_EQ(*render_text(SQL_REAL, "0.1").value, "0.1");
  EXPECT_TRUE(fails_with([] { render_text(SQL_TINYINT, "128"); }, "22003", "TINYINT, -128..127"));
}

TEST(CharNumbers, NotANumberIs22018) {
  for (SQLSMALLINT sql : {SQL_INTEGER, SQL_BIGINT, SQL_DECIMAL, SQL_TINYINT})
    for (const char* t : {"abc", "", "12abc", "1.2.3", "--1", "0x10", "1e"})
      EXPECT_TRUE(fails_with([&] { render_text(sql, t); }, "22018",
                             "the character data is not a numeric literal"))
          << sql << " " << t;
  EXPECT_TRUE(
      fails_with([] { render_text(SQL_DOUBLE, "one"); }, "22018", "(SQL_C_CHAR to SQL_DOUBLE)"));
  EXPECT_TRUE(
      fails_with([] { render_wide(SQL_REAL, u"x1"); }, "22018", "(SQL_C_WCHAR to SQL_REAL)"));
}

TEST(CharNumbers, WideTextToo) {
  EXPECT_EQ(*render_wide(SQL_DECIMAL, u" 3.14 ").value, "3.14");
  EXPECT_EQ(*render_wide(SQL_INTEGER, u"-7").value, "-7");
}

}  // namespace
}  // namespace dbsql::params::test
