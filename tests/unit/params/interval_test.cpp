// Interval values: every qualifier from SQL_INTERVAL_STRUCT with both signs, conversions
// between qualifiers, numbers into single-field intervals and back, character input.
#include <gtest/gtest.h>

#include <string>

#include "params/params.h"
#include "params_test_util.h"

namespace dbsql::params::test {
namespace {

SQL_INTERVAL_STRUCT ym(int code, bool negative, unsigned years, unsigned months) {
  SQL_INTERVAL_STRUCT s{};
  s.interval_type = static_cast<SQLINTERVAL>(code);
  s.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
  s.intval.year_month.year = years;
  s.intval.year_month.month = months;
  return s;
}

SQL_INTERVAL_STRUCT ds(int code, bool negative, unsigned d, unsigned h, unsigned m, unsigned s,
                       unsigned fraction = 0) {
  SQL_INTERVAL_STRUCT v{};
  v.interval_type = static_cast<SQLINTERVAL>(code);
  v.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
  v.intval.day_second.day = d;
  v.intval.day_second.hour = h;
  v.intval.day_second.minute = m;
  v.intval.day_second.second = s;
  v.intval.day_second.fraction = fraction;
  return v;
}

struct Case {
  int code;
  SQL_INTERVAL_STRUCT value;
  const char* positive;  // the literal with interval_sign SQL_FALSE
  const char* negative;  // and with SQL_TRUE
};

TEST(Interval, EveryQualifierWithSign) {
  const Case cases[] = {
      {SQL_CODE_YEAR, ym(SQL_CODE_YEAR, false, 5, 0), "INTERVAL '5' YEAR", "INTERVAL '-5' YEAR"},
      {SQL_CODE_MONTH, ym(SQL_CODE_MONTH, false, 0, 14), "INTERVAL '14' MONTH",
       "INTERVAL '-14' MONTH"},
      {SQL_CODE_YEAR_TO_MONTH, ym(SQL_CODE_YEAR_TO_MONTH, false, 1, 2),
       "INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '-1-2' YEAR TO MONTH"},
      {SQL_CODE_DAY, ds(SQL_CODE_DAY, false, 3, 0, 0, 0), "INTERVAL '3' DAY", "INTERVAL '-3' DAY"},
      {SQL_CODE_HOUR, ds(SQL_CODE_HOUR, false, 0, 30, 0, 0), "INTERVAL '30' HOUR",
       "INTERVAL '-30' HOUR"},
      {SQL_CODE_MINUTE, ds(SQL_CODE_MINUTE, false, 0, 0, 90, 0), "INTERVAL '90' MINUTE",
       "INTERVAL '-90' MINUTE"},
      {SQL_CODE_SECOND, ds(SQL_CODE_SECOND, false, 0, 0, 0, 75, 500000), "INTERVAL '75.5' SECOND",
       "INTERVAL '-75.5' SECOND"},
      {SQL_CODE_DAY_TO_HOUR, ds(SQL_CODE_DAY_TO_HOUR, false, 3, 4, 0, 0),
       "INTERVAL '3 04' DAY TO HOUR", "INTERVAL '-3 04' DAY TO HOUR"},
      {SQL_CODE_DAY_TO_MINUTE, ds(SQL_CODE_DAY_TO_MINUTE, false, 3, 4, 5, 0),
       "INTERVAL '3 04:05' DAY TO MINUTE", "INTERVAL '-3 04:05' DAY TO MINUTE"},
      {SQL_CODE_DAY_TO_SECOND, ds(SQL_CODE_DAY_TO_SECOND, false, 3, 4, 5, 6, 123456),
       "INTERVAL '3 04:05:06.123456' DAY TO SECOND", "INTERVAL '-3 04:05:06.123456' DAY TO SECOND"},
      {SQL_CODE_HOUR_TO_MINUTE, ds(SQL_CODE_HOUR_TO_MINUTE, false, 0, 26, 5, 0),
       "INTERVAL '26:05' HOUR TO MINUTE", "INTERVAL '-26:05' HOUR TO MINUTE"},
      {SQL_CODE_HOUR_TO_SECOND, ds(SQL_CODE_HOUR_TO_SECOND, false, 0, 1, 2, 3),
       "INTERVAL '1:02:03' HOUR TO SECOND", "INTERVAL '-1:02:03' HOUR TO SECOND"},
      {SQL_CODE_MINUTE_TO_SECOND, ds(SQL_CODE_MINUTE_TO_SECOND, false, 0, 0, 61, 2, 10),
       "INTERVAL '61:02.00001' MINUTE TO SECOND", "INTERVAL '-61:02.00001' MINUTE TO SECOND"},
  };
  for (const auto& c : cases) {
    const auto c_type = static_cast<SQLSMALLINT>(100 + c.code);
    SCOPED_TRACE(c.positive);
    const WireValue w = render_value(c_type, c_type, c.value);
    EXPECT_EQ(w.type, std::string("INTERVAL ") +
                          std::string(c.positive).substr(std::string(c.positive).rfind('\'') + 2));
    EXPECT_EQ(*w.value, c.positive);
    SQL_INTERVAL_STRUCT negative = c.value;
    negative.interval_sign = SQL_TRUE;
    EXPECT_EQ(*render_value(c_type, c_type, negative).value, c.negative);
    // Character SQL types receive the same literal.
    EXPECT_EQ(*render_value(c_type, SQL_VARCHAR, negative).value, c.negative);
  }
}

TEST(Interval, ZeroHasNoSign) {
  EXPECT_EQ(
      *render_value(SQL_C_INTERVAL_DAY, SQL_INTERVAL_DAY, ds(SQL_CODE_DAY, true, 0, 0, 0, 0)).value,
      "INTERVAL '0' DAY");
}

TEST(Interval, BetweenQualifiers) {
  // ODBC's example: DAY TO SECOND into DAY TO MINUTE would drop the 10 seconds.
  const auto v = ds(SQL_CODE_DAY_TO_SECOND, false, 154, 22, 44, 10);
  EXPECT_TRUE(
      fails_with([&] { render_value(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_MINUTE, v); },
                 "22015", "would drop its smaller fields"));
  const auto whole = ds(SQL_CODE_DAY_TO_SECOND, false, 154, 22, 44, 0);
  EXPECT_EQ(*render_value(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_MINUTE, whole).value,
            "INTERVAL '154 22:44' DAY TO MINUTE");
  EXPECT_EQ(*render_value(SQL_C_INTERVAL_DAY, SQL_INTERVAL_HOUR, ds(SQL_CODE_DAY, true, 2, 0, 0, 0))
                 .value,
            "INTERVAL '-48' HOUR");
  EXPECT_EQ(
      *render_value(SQL_C_INTERVAL_YEAR, SQL_INTERVAL_MONTH, ym(SQL_CODE_YEAR, false, 2, 7)).value,
      "INTERVAL '24' MONTH");  // MONTH is ignored for a YEAR C type
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_MONTH, SQL_INTERVAL_YEAR, ym(SQL_CODE_MONTH, false, 0, 13));
      },
      "22015", "Interval field overflow"));
}

TEST(Interval, FieldOverflowIs22015) {
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH,
                     ym(SQL_CODE_YEAR_TO_MONTH, false, 1, 12));
      },
      "22015", "the month field is above 11"));
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_DAY_TO_HOUR, SQL_INTERVAL_DAY_TO_HOUR,
                     ds(SQL_CODE_DAY_TO_HOUR, false, 1, 24, 0, 0));
      },
      "22015", "the hour field is above 23"));
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_HOUR_TO_SECOND, SQL_INTERVAL_HOUR_TO_SECOND,
                     ds(SQL_CODE_HOUR_TO_SECOND, false, 0, 1, 2, 60));
      },
      "22015", "the second field is above 59"));
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_SECOND, SQL_INTERVAL_SECOND,
                     ds(SQL_CODE_SECOND, false, 0, 0, 0, 1, 1000000));
      },
      "22015", "the fraction field is above 999999"));
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_YEAR, SQL_INTERVAL_YEAR,
                     ym(SQL_CODE_YEAR, false, 200000000, 0));
      },
      "22015", "larger than Databricks intervals hold"));
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_SECOND, SQL_INTERVAL_SECOND,
                     ds(SQL_CODE_SECOND, false, 0, 0, 0, 5, 123000), 0, 2);
      },
      "22015", "DecimalDigits (2)"));
}

TEST(Interval, NumbersIntoSingleFields) {
  EXPECT_EQ(*render_value<SQLINTEGER>(SQL_C_SLONG, SQL_INTERVAL_DAY, -3).value,
            "INTERVAL '-3' DAY");
  EXPECT_EQ(*render_value<SQLINTEGER>(SQL_C_SLONG, SQL_INTERVAL_YEAR, 2).value,
            "INTERVAL '2' YEAR");
  EXPECT_EQ(*render_value<SQLUBIGINT>(SQL_C_UBIGINT, SQL_INTERVAL_MINUTE, 125).value,
            "INTERVAL '125' MINUTE");
  EXPECT_EQ(*render_value(SQL_C_NUMERIC, SQL_INTERVAL_SECOND, numeric(true, 305, 1)).value,
            "INTERVAL '30.5' SECOND");
  EXPECT_TRUE(
      fails_with([] { render_value(SQL_C_NUMERIC, SQL_INTERVAL_HOUR, numeric(true, 15, 1)); },
                 "22015", "fractional part"));
  EXPECT_TRUE(
      fails_with([] { render_value<SQLBIGINT>(SQL_C_SBIGINT, SQL_INTERVAL_MONTH, 1LL << 40); },
                 "22015", "too large for the interval type"));
}

TEST(Interval, SingleFieldsIntoNumbers) {
  EXPECT_EQ(
      *render_value(SQL_C_INTERVAL_DAY, SQL_INTEGER, ds(SQL_CODE_DAY, true, 12, 0, 0, 0)).value,
      "-12");
  EXPECT_EQ(*render_value(SQL_C_INTERVAL_YEAR, SQL_BIGINT, ym(SQL_CODE_YEAR, false, 7, 0)).value,
            "7");
  EXPECT_EQ(*render_value(SQL_C_INTERVAL_SECOND, SQL_DECIMAL,
                          ds(SQL_CODE_SECOND, false, 0, 0, 0, 30, 250000), 10, 3)
                 .value,
            "30.250");
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_INTERVAL_HOUR, SQL_TINYINT, ds(SQL_CODE_HOUR, false, 0, 200, 0, 0));
      },
      "22003", "TINYINT"));
}

TEST(Interval, FromCharacters) {
  EXPECT_EQ(*render_text(SQL_INTERVAL_YEAR_TO_MONTH, "-1-2").value,
            "INTERVAL '-1-2' YEAR TO MONTH");
  EXPECT_EQ(*render_text(SQL_INTERVAL_DAY_TO_SECOND, "3 04:05:06.5").value,
            "INTERVAL '3 04:05:06.5' DAY TO SECOND");
  EXPECT_EQ(*render_text(SQL_INTERVAL_DAY_TO_SECOND, "INTERVAL '-3 04:05:06' DAY TO SECOND").value,
            "INTERVAL '-3 04:05:06' DAY TO SECOND");
  EXPECT_EQ(*render_text(SQL_INTERVAL_HOUR, "INTERVAL '2' DAY").value, "INTERVAL '48' HOUR");
  EXPECT_EQ(*render_wide(SQL_INTERVAL_MINUTE_TO_SECOND, u"04:30").value,
            "INTERVAL '4:30' MINUTE TO SECOND");
  EXPECT_TRUE(fails_with([] { render_text(SQL_INTERVAL_YEAR_TO_MONTH, "3 04:05"); }, "22018",
                         "not an interval of this type"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_INTERVAL_DAY, "INTERVAL '1-2' YEAR TO MONTH"); },
                         "22018", "not an interval of this type"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_INTERVAL_DAY, "soon"); }, "22018",
                         "Invalid character value for cast specification"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_INTERVAL_DAY, "INTERVAL '36' HOUR"); }, "22015",
                         "would drop its smaller fields"));
}

}  // namespace
}  // namespace dbsql::params::test
