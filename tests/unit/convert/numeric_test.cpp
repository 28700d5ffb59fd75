// Columns → integer C types, SQL_C_BIT, SQL_C_FLOAT/DOUBLE and SQL_C_NUMERIC.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "convert/number_text.h"
#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

struct RangeCase {
  SQLSMALLINT c_type;
  const char* max;
  const char* above_max;
  const char* min;
  const char* below_min;
};

// Every integer width, signed and unsigned, at both edges, from a DECIMAL(38,0) column
// (wide enough to hold every edge) and from a STRING column.
TEST(Integers, RangeAtEveryWidth) {
  const RangeCase cases[] = {
      {SQL_C_STINYINT, "127", "128", "-128", "-129"},
      {SQL_C_TINYINT, "127", "128", "-128", "-129"},
      {SQL_C_UTINYINT, "255", "256", "0", "-1"},
      {SQL_C_SSHORT, "32767", "32768", "-32768", "-32769"},
      {SQL_C_SHORT, "32767", "32768", "-32768", "-32769"},
      {SQL_C_USHORT, "65535", "65536", "0", "-1"},
      {SQL_C_SLONG, "2147483647", "2147483648", "-2147483648", "-2147483649"},
      {SQL_C_LONG, "2147483647", "2147483648", "-2147483648", "-2147483649"},
      {SQL_C_ULONG, "4294967295", "4294967296", "0", "-1"},
      {SQL_C_SBIGINT, "9223372036854775807", "9223372036854775808", "-9223372036854775808",
       "-9223372036854775809"},
      {SQL_C_UBIGINT, "18446744073709551615", "18446744073709551616", "0", "-1"},
  };
  for (const auto& col : {column("DECIMAL", "DECIMAL(38,0)", 38, 0), column("STRING")}) {
    for (const auto& c : cases) {
      SCOPED_TRACE(c_type_name(c.c_type) + " from " + col.type_name);
      const auto max = call(col, c.max, c.c_type, 8);
      EXPECT_OK(max);
      const auto min = call(col, c.min, c.c_type, 8);
      EXPECT_OK(min);
      const auto above = call(col, c.above_max, c.c_type, 8);
      EXPECT_STATE(above, SQL_ERROR, "22003");
      EXPECT_TRUE(above.untouched_from(0));
      EXPECT_STATE(call(col, c.below_min, c.c_type, 8), SQL_ERROR, "22003");
    }
  }
}

TEST(Integers, ValuesAtEachWidth) {
  const auto col = column("LONG", "BIGINT");
  EXPECT_EQ(call(col, "-128", SQL_C_STINYINT).as<SQLSCHAR>(), -128);
  EXPECT_EQ(call(col, "255", SQL_C_UTINYINT).as<SQLCHAR>(), 255);
  EXPECT_EQ(call(col, "-32768", SQL_C_SSHORT).as<SQLSMALLINT>(), -32768);
  EXPECT_EQ(call(col, "65535", SQL_C_USHORT).as<SQLUSMALLINT>(), 65535);
  EXPECT_EQ(call(col, "-2147483648", SQL_C_SLONG).as<SQLINTEGER>(),
            std::numeric_limits<SQLINTEGER>::min());
  EXPECT_EQ(call(col, "4294967295", SQL_C_ULONG).as<SQLUINTEGER>(), 4294967295u);
  EXPECT_EQ(call(col, "-9223372036854775808", SQL_C_SBIGINT).as<SQLBIGINT>(),
            std::numeric_limits<SQLBIGINT>::min());
  EXPECT_EQ(call(col, "9223372036854775807", SQL_C_UBIGINT).as<SQLUBIGINT>(),
            9223372036854775807ull);
}

TEST(Integers, LengthIsTheSizeAndOnlyThoseBytesAreWritten) {
  const auto c = call(column("INT"), "-1", SQL_C_SSHORT, 0);  // BufferLength is ignored
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, 2);
  EXPECT_EQ(c.as<SQLSMALLINT>(), -1);
  EXPECT_TRUE(c.untouched_from(2));
}

TEST(Integers, FractionalTruncation) {
  const auto col = column("DECIMAL", "DECIMAL(10,3)", 10, 3);
  const auto up = call(col, "12.500", SQL_C_SLONG);
  EXPECT_STATE(up, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(up.as<SQLINTEGER>(), 12);
  const auto down = call(col, "-12.999", SQL_C_SLONG);
  EXPECT_STATE(down, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(down.as<SQLINTEGER>(), -12);
  const auto exact = call(col, "12.000", SQL_C_SLONG);
  EXPECT_OK(exact);
  EXPECT_EQ(exact.as<SQLINTEGER>(), 12);
  // Negative fractions of unsigned targets truncate to zero.
  const auto small = call(col, "-0.5", SQL_C_ULONG);
  EXPECT_STATE(small, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(small.as<SQLUINTEGER>(), 0u);
  // Whole digits lost beat fractional truncation.
  EXPECT_STATE(call(col, "300.5", SQL_C_UTINYINT), SQL_ERROR, "22003");
}

TEST(Integers, FromDoubleText) {
  const auto col = column("DOUBLE");
  EXPECT_EQ(call(col, "1.5E3", SQL_C_SLONG).as<SQLINTEGER>(), 1500);
  EXPECT_STATE(call(col, "1.0E10", SQL_C_SLONG), SQL_ERROR, "22003");
  EXPECT_EQ(call(col, "1.0E10", SQL_C_SBIGINT).as<SQLBIGINT>(), 10000000000);
  const auto frac = call(col, "2.5E-1", SQL_C_SLONG);
  EXPECT_STATE(frac, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(frac.as<SQLINTEGER>(), 0);
  EXPECT_STATE(call(col, "NaN", SQL_C_SLONG), SQL_ERROR, "22003");
  EXPECT_STATE(call(col, "Infinity", SQL_C_SBIGINT), SQL_ERROR, "22003");
  EXPECT_STATE(call(col, "-Infinity", SQL_C_STINYINT), SQL_ERROR, "22003");
}

TEST(Integers, FromCharacterData) {
  const auto col = column("STRING");
  EXPECT_EQ(call(col, " 42 ", SQL_C_SLONG).as<SQLINTEGER>(), 42);
  EXPECT_EQ(call(col, "+7", SQL_C_SLONG).as<SQLINTEGER>(), 7);
  EXPECT_EQ(call(col, "true", SQL_C_SLONG).as<SQLINTEGER>(), 1);
  EXPECT_STATE(call(col, "abc", SQL_C_SLONG), SQL_ERROR, "22018");
  EXPECT_STATE(call(col, "", SQL_C_SLONG), SQL_ERROR, "22018");
  EXPECT_STATE(call(col, "1 2", SQL_C_SLONG), SQL_ERROR, "22018");
  EXPECT_STATE(call(col, "0x10", SQL_C_SLONG), SQL_ERROR, "22018");
}

TEST(Integers, BooleanColumn) {
  EXPECT_EQ(call(column("BOOLEAN"), "true", SQL_C_SLONG).as<SQLINTEGER>(), 1);
  EXPECT_EQ(call(column("BOOLEAN"), "false", SQL_C_UTINYINT).as<SQLCHAR>(), 0);
}

TEST(Integers, DefaultCTypes) {
  const auto tiny = call(column("BYTE", "TINYINT"), "-5", SQL_C_DEFAULT);
  EXPECT_EQ(tiny.ind, 1);
  EXPECT_EQ(tiny.as<SQLSCHAR>(), -5);
  const auto big = call(column("LONG", "BIGINT"), "-5", SQL_C_DEFAULT);
  EXPECT_EQ(big.ind, 8);
  EXPECT_EQ(big.as<SQLBIGINT>(), -5);
}

TEST(Bit, Rules) {
  const auto col = column("DECIMAL", "DECIMAL(5,2)", 5, 2);
  EXPECT_EQ(call(col, "0", SQL_C_BIT).as<SQLCHAR>(), 0);
  EXPECT_EQ(call(col, "1.00", SQL_C_BIT).as<SQLCHAR>(), 1);
  const auto half = call(col, "0.50", SQL_C_BIT);
  EXPECT_STATE(half, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(half.as<SQLCHAR>(), 0);
  const auto one_and_half = call(col, "1.50", SQL_C_BIT);
  EXPECT_STATE(one_and_half, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(one_and_half.as<SQLCHAR>(), 1);
  EXPECT_STATE(call(col, "2", SQL_C_BIT), SQL_ERROR, "22003");
  EXPECT_STATE(call(col, "-1", SQL_C_BIT), SQL_ERROR, "22003");
  EXPECT_STATE(call(col, "-0.5", SQL_C_BIT), SQL_ERROR, "22003");
  EXPECT_STATE(call(column("DOUBLE"), "NaN", SQL_C_BIT), SQL_ERROR, "22003");
}

TEST(Bit, BooleanAndStrings) {
  const auto b = call(column("BOOLEAN"), "true", SQL_C_DEFAULT);
  EXPECT_OK(b);
  EXPECT_EQ(b.ind, 1);
  EXPECT_EQ(b.as<SQLCHAR>(), 1);
  EXPECT_TRUE(b.untouched_from(1));
  EXPECT_EQ(call(column("BOOLEAN"), "false", SQL_C_BIT).as<SQLCHAR>(), 0);
  EXPECT_EQ(call(column("STRING"), "TRUE", SQL_C_BIT).as<SQLCHAR>(), 1);
  EXPECT_EQ(call(column("STRING"), "1", SQL_C_BIT).as<SQLCHAR>(), 1);
  EXPECT_STATE(call(column("STRING"), "yes", SQL_C_BIT), SQL_ERROR, "22018");
}

TEST(Floating, Double) {
  const auto col = column("DOUBLE");
  const auto c = call(col, "3.14", SQL_C_DOUBLE);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, 8);
  EXPECT_DOUBLE_EQ(c.as<SQLDOUBLE>(), 3.14);
  EXPECT_TRUE(c.untouched_from(8));
  EXPECT_TRUE(std::isnan(call(col, "NaN", SQL_C_DOUBLE).as<SQLDOUBLE>()));
  EXPECT_EQ(call(col, "Infinity", SQL_C_DOUBLE).as<SQLDOUBLE>(),
            std::numeric_limits<double>::infinity());
  EXPECT_EQ(call(col, "-Infinity", SQL_C_DOUBLE).as<SQLDOUBLE>(),
            -std::numeric_limits<double>::infinity());
  EXPECT_DOUBLE_EQ(call(col, "1.0E-5", SQL_C_DOUBLE).as<SQLDOUBLE>(), 1e-5);
  EXPECT_DOUBLE_EQ(call(col, "-2.5", SQL_C_DEFAULT).as<SQLDOUBLE>(), -2.5);
}

TEST(Floating, Float) {
  const auto c = call(column("FLOAT"), "1.5", SQL_C_DEFAULT);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, 4);
  EXPECT_FLOAT_EQ(c.as<SQLREAL>(), 1.5f);
  EXPECT_TRUE(c.untouched_from(4));
  EXPECT_STATE(call(column("DOUBLE"), "1.0E300", SQL_C_FLOAT), SQL_ERROR, "22003");
  EXPECT_STATE(call(column("DOUBLE"), "-1.0E300", SQL_C_FLOAT), SQL_ERROR, "22003");
  EXPECT_EQ(call(column("DOUBLE"), "1.0E-300", SQL_C_FLOAT).as<SQLREAL>(), 0.0f);
}

TEST(Floating, FromOtherColumns) {
  EXPECT_DOUBLE_EQ(
      call(column("DECIMAL", "DECIMAL(5,2)", 5, 2), "123.45", SQL_C_DOUBLE).as<SQLDOUBLE>(),
      123.45);
  EXPECT_DOUBLE_EQ(call(column("LONG", "BIGINT"), "-7", SQL_C_DOUBLE).as<SQLDOUBLE>(), -7.0);
  EXPECT_DOUBLE_EQ(call(column("BOOLEAN"), "true", SQL_C_DOUBLE).as<SQLDOUBLE>(), 1.0);
  EXPECT_DOUBLE_EQ(call(column("STRING"), " 2.5 ", SQL_C_DOUBLE).as<SQLDOUBLE>(), 2.5);
  EXPECT_STATE(call(column("STRING"), "2.5x", SQL_C_DOUBLE), SQL_ERROR, "22018");
  EXPECT_STATE(call(column("DOUBLE"), "1e999", SQL_C_DOUBLE), SQL_ERROR, "22003");
}

Uint128 value_of(const SQL_NUMERIC_STRUCT& n) {
  Uint128 v = 0;
  for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; --i) v = v << 8 | n.val[i];
  return v;
}

Uint128 parse_u128(std::string_view digits) {
  Uint128 v = 0;
  for (char c : digits) v = v * 10 + static_cast<unsigned>(c - '0');
  return v;
}

TEST(Numeric, ExactAtPrecision38Scale9) {
  const auto col = column("DECIMAL", "DECIMAL(38,9)", 38, 9);
  const auto c = call(col, "12345678901234567890.123456789", SQL_C_NUMERIC, 0);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, static_cast<SQLLEN>(sizeof(SQL_NUMERIC_STRUCT)));
  const auto n = c.as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(n.precision, 38);
  EXPECT_EQ(n.scale, 9);
  EXPECT_EQ(n.sign, 1);
  EXPECT_TRUE(value_of(n) == parse_u128("12345678901234567890123456789"));
  EXPECT_TRUE(c.untouched_from(sizeof(SQL_NUMERIC_STRUCT)));
}

TEST(Numeric, LittleEndianBytes) {
  const auto n = call(column("INT"), "258", SQL_C_NUMERIC).as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(n.precision, 10);
  EXPECT_EQ(n.scale, 0);
  EXPECT_EQ(n.val[0], 2);
  EXPECT_EQ(n.val[1], 1);
  for (int i = 2; i < SQL_MAX_NUMERIC_LEN; ++i) EXPECT_EQ(n.val[i], 0);
}

TEST(Numeric, Negative) {
  const auto n = call(column("DECIMAL", "DECIMAL(10,1)", 10, 1), "-0.5", SQL_C_NUMERIC)
                     .as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(n.sign, 0);
  EXPECT_EQ(n.scale, 1);
  EXPECT_TRUE(value_of(n) == 5);
  const auto zero = call(column("DECIMAL", "DECIMAL(10,1)", 10, 1), "-0.0", SQL_C_NUMERIC)
                        .as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(zero.sign, 1);  // no negative zero
}

TEST(Numeric, ScaleDownTruncates) {
  Options o;
  o.precision = 10;
  o.scale = 2;
  const auto col = column("DECIMAL", "DECIMAL(10,3)", 10, 3);
  const auto c = call(col, "123.456", SQL_C_NUMERIC, 0, nullptr, o);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01S07");
  const auto n = c.as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(n.precision, 10);
  EXPECT_EQ(n.scale, 2);
  EXPECT_TRUE(value_of(n) == 12345);  // truncated toward zero, not rounded to 12346
  const auto neg = call(col, "-123.459", SQL_C_NUMERIC, 0, nullptr, o).as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(neg.sign, 0);
  EXPECT_TRUE(value_of(neg) == 12345);
  EXPECT_OK(call(col, "123.450", SQL_C_NUMERIC, 0, nullptr, o));  // only zeros dropped
}

TEST(Numeric, ScaleUpPads) {
  Options o;
  o.precision = 10;
  o.scale = 3;
  const auto c = call(column("DECIMAL", "DECIMAL(5,1)", 5, 1), "1.5", SQL_C_NUMERIC, 0, nullptr, o);
  EXPECT_OK(c);
  EXPECT_TRUE(value_of(c.as<SQL_NUMERIC_STRUCT>()) == 1500);
}

TEST(Numeric, PrecisionOverflow) {
  Options o;
  o.precision = 5;
  o.scale = 2;
  const auto col = column("DECIMAL", "DECIMAL(10,1)", 10, 1);
  EXPECT_STATE(call(col, "1234.5", SQL_C_NUMERIC, 0, nullptr, o), SQL_ERROR, "22003");
  EXPECT_OK(call(col, "999.99", SQL_C_NUMERIC, 0, nullptr, o));
}

TEST(Numeric, ThirtyEightDigits) {
  const auto col = column("DECIMAL", "DECIMAL(38,0)", 38, 0);
  const std::string nines(38, '9');
  const auto c = call(col, nines, SQL_C_NUMERIC);
  EXPECT_OK(c);
  EXPECT_TRUE(value_of(c.as<SQL_NUMERIC_STRUCT>()) == parse_u128(nines));
  EXPECT_STATE(call(column("STRING"), nines + "9", SQL_C_NUMERIC), SQL_ERROR, "22003");
}

TEST(Numeric, FromDoubleKeepsItsDigits) {
  const auto n = call(column("DOUBLE"), "1.5E-3", SQL_C_NUMERIC).as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(n.scale, 4);
  EXPECT_TRUE(value_of(n) == 15);
  EXPECT_STATE(call(column("DOUBLE"), "NaN", SQL_C_NUMERIC), SQL_ERROR, "22003");
}

TEST(Numeric, BooleanAndString) {
  const auto b = call(column("BOOLEAN"), "true", SQL_C_NUMERIC).as<SQL_NUMERIC_STRUCT>();
  EXPECT_TRUE(value_of(b) == 1);
  const auto s = call(column("STRING"), "-42.25", SQL_C_NUMERIC).as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(s.sign, 0);
  EXPECT_EQ(s.scale, 2);
  EXPECT_TRUE(value_of(s) == 4225);
  EXPECT_STATE(call(column("STRING"), "forty", SQL_C_NUMERIC), SQL_ERROR, "22018");
}

TEST(NumberText, ParseForms) {
  NumberText n;
  ASSERT_TRUE(parse_number("-012.340e+2", &n));
  EXPECT_TRUE(n.negative);
  EXPECT_EQ(n.int_digits, "012");
  EXPECT_EQ(n.frac_digits, "340");
  EXPECT_EQ(n.exponent, 2);
  EXPECT_TRUE(parse_number(".5", &n));
  EXPECT_TRUE(parse_number("5.", &n));
  EXPECT_TRUE(parse_number("-inf", &n));
  EXPECT_EQ(n.special, NumberText::Special::kInfinity);
  EXPECT_FALSE(parse_number(".", &n));
  EXPECT_FALSE(parse_number("-", &n));
  EXPECT_FALSE(parse_number("1e", &n));
  EXPECT_FALSE(parse_number("e5", &n));
  EXPECT_FALSE(parse_number("1.2.3", &n));
}

TEST(NumberText, ScaleNumber) {
  NumberText n;
  ASSERT_TRUE(parse_number("123.456", &n));
  const Scaled s = scale_number(n, 1, ~Uint128{0});
  EXPECT_TRUE(s.value == 1234);
  EXPECT_TRUE(s.truncated);
  ASSERT_TRUE(parse_number("1e38", &n));  // 2^128 is about 3.4e38
  EXPECT_TRUE(scale_number(n, 0, ~Uint128{0}).value == parse_u128("1" + std::string(38, '0')));
  ASSERT_TRUE(parse_number("1e39", &n));
  EXPECT_TRUE(scale_number(n, 0, ~Uint128{0}).overflow);
  ASSERT_TRUE(parse_number("1e100", &n));
  EXPECT_TRUE(scale_number(n, 0, ~Uint128{0}).overflow);
  ASSERT_TRUE(parse_number("0e100000", &n));
  EXPECT_FALSE(scale_number(n, 0, 10).overflow);
}

}  // namespace
}  // namespace dbsql::convert::test
