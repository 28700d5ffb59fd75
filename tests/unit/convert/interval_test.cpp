// INTERVAL columns ⇄ SQL_C_INTERVAL_* and the numeric C types; character data → intervals.
#include <gtest/gtest.h>

#include "convert/interval_text.h"
#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

SqlTypeInfo interval(const char* qualifier) {
  return column("INTERVAL", std::string("INTERVAL ") + qualifier, -1, -1, qualifier);
}

TEST(Interval, DayToSecondStruct) {
  const auto c = call(interval("DAY TO SECOND"), "3 04:30:20.123000000", SQL_C_DEFAULT, 0);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, static_cast<SQLLEN>(sizeof(SQL_INTERVAL_STRUCT)));
  const auto s = c.as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(s.interval_type, SQL_IS_DAY_TO_SECOND);
  EXPECT_EQ(s.interval_sign, SQL_FALSE);
  EXPECT_EQ(s.intval.day_second.day, 3u);
  EXPECT_EQ(s.intval.day_second.hour, 4u);
  EXPECT_EQ(s.intval.day_second.minute, 30u);
  EXPECT_EQ(s.intval.day_second.second, 20u);
  EXPECT_EQ(s.intval.day_second.fraction, 123000u);  // seconds precision 6
  EXPECT_TRUE(c.untouched_from(sizeof(SQL_INTERVAL_STRUCT)));
}

TEST(Interval, NegativeAnsiLiteral) {
  const auto s = call(interval("DAY TO SECOND"), "INTERVAL '-3 04:30:20.123' DAY TO SECOND",
                      SQL_C_INTERVAL_DAY_TO_SECOND)
                     .as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(s.interval_sign, SQL_TRUE);
  EXPECT_EQ(s.intval.day_second.day, 3u);
  EXPECT_EQ(s.intval.day_second.fraction, 123000u);
}

TEST(Interval, LeadingFieldTakesTheHigherUnits) {
  const auto c =
      call(interval("DAY TO SECOND"), "3 04:30:20.000000000", SQL_C_INTERVAL_HOUR_TO_MINUTE);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01S07");  // 20 seconds dropped
  const auto s = c.as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(s.interval_type, SQL_IS_HOUR_TO_MINUTE);
  EXPECT_EQ(s.intval.day_second.day, 0u);
  EXPECT_EQ(s.intval.day_second.hour, 76u);
  EXPECT_EQ(s.intval.day_second.minute, 30u);
  EXPECT_OK(call(interval("DAY TO SECOND"), "3 04:30:00.000000000", SQL_C_INTERVAL_HOUR_TO_MINUTE));
}

TEST(Interval, SecondsPrecision) {
  Options o;
  o.seconds = 3;
  const auto c = call(interval("SECOND"), "20.123456", SQL_C_INTERVAL_SECOND, 0, nullptr, o);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01S07");
  const auto s = c.as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(s.intval.day_second.second, 20u);
  EXPECT_EQ(s.intval.day_second.fraction, 123u);
}

TEST(Interval, LeadingPrecisionOverflow) {
  Options o;
  o.leading = 2;  // ODBC's default for a bound interval
  const auto c = call(interval("DAY"), "100", SQL_C_INTERVAL_DAY, 0, nullptr, o);
  EXPECT_STATE(c, SQL_ERROR, "22015");
  EXPECT_TRUE(c.untouched_from(0));
  EXPECT_OK(call(interval("DAY"), "99", SQL_C_INTERVAL_DAY, 0, nullptr, o));
}

TEST(Interval, YearMonth) {
  const auto col = interval("YEAR TO MONTH");
  const auto ym = call(col, "1-2", SQL_C_INTERVAL_YEAR_TO_MONTH).as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(ym.interval_type, SQL_IS_YEAR_TO_MONTH);
  EXPECT_EQ(ym.intval.year_month.year, 1u);
  EXPECT_EQ(ym.intval.year_month.month, 2u);
  const auto months = call(col, "-1-2", SQL_C_INTERVAL_MONTH).as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(months.intval.year_month.month, 14u);
  EXPECT_EQ(months.interval_sign, SQL_TRUE);
  const auto years = call(col, "1-2", SQL_C_INTERVAL_YEAR);
  EXPECT_STATE(years, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(years.as<SQL_INTERVAL_STRUCT>().intval.year_month.year, 1u);
}

TEST(Interval, HiveFormForSingleFieldColumns) {
  EXPECT_EQ(call(interval("DAY"), "3 00:00:00.000000000", SQL_C_SLONG).as<SQLINTEGER>(), 3);
  EXPECT_EQ(call(interval("YEAR"), "100-0", SQL_C_SLONG).as<SQLINTEGER>(), 100);
  EXPECT_EQ(call(interval("MONTH"), "INTERVAL '1200' MONTH", SQL_C_SLONG).as<SQLINTEGER>(), 1200);
}

TEST(Interval, SingleFieldToNumbers) {
  const auto secs = call(interval("SECOND"), "45.789", SQL_C_SLONG);
  EXPECT_STATE(secs, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(secs.as<SQLINTEGER>(), 45);
  const auto n = call(interval("SECOND"), "-45.789", SQL_C_NUMERIC).as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(n.sign, 0);
  EXPECT_EQ(n.scale, 3);
  EXPECT_EQ(n.val[0] | n.val[1] << 8, 45789);
  const auto days = call(interval("DAY"), "3 12:00:00.000000000", SQL_C_SBIGINT);
  EXPECT_STATE(days, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(days.as<SQLBIGINT>(), 3);
}

TEST(Interval, NotAllowed) {
  EXPECT_STATE(call(interval("DAY TO SECOND"), "3 04:30:20", SQL_C_SLONG), SQL_ERROR, "07006");
  EXPECT_STATE(call(interval("SECOND"), "45.789", SQL_C_DOUBLE), SQL_ERROR, "07006");
  EXPECT_STATE(call(interval("YEAR TO MONTH"), "1-2", SQL_C_INTERVAL_DAY), SQL_ERROR, "07006");
  EXPECT_STATE(call(interval("DAY"), "1", SQL_C_INTERVAL_MONTH), SQL_ERROR, "07006");
  EXPECT_STATE(call(interval("DAY"), "1", SQL_C_BINARY), SQL_ERROR, "07006");
  EXPECT_STATE(call(interval("DAY"), "1", SQL_C_TYPE_TIMESTAMP), SQL_ERROR, "07006");
}

TEST(Interval, MalformedServerValue) {
  EXPECT_STATE(call(interval("DAY TO SECOND"), "3 days", SQL_C_INTERVAL_DAY_TO_SECOND), SQL_ERROR,
               "22018");
  EXPECT_STATE(call(interval("HOUR TO MINUTE"), "5:75", SQL_C_INTERVAL_HOUR_TO_MINUTE), SQL_ERROR,
               "22018");
}

TEST(Interval, FromCharacterData) {
  const auto col = column("STRING");
  const auto ym = call(col, "1-2", SQL_C_INTERVAL_YEAR_TO_MONTH).as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(ym.intval.year_month.month, 2u);
  EXPECT_EQ(call(col, "INTERVAL '5' DAY", SQL_C_INTERVAL_DAY)
                .as<SQL_INTERVAL_STRUCT>()
                .intval.day_second.day,
            5u);
  EXPECT_EQ(call(col, "04:05", SQL_C_INTERVAL_MINUTE_TO_SECOND)
                .as<SQL_INTERVAL_STRUCT>()
                .intval.day_second.second,
            5u);
  EXPECT_STATE(call(col, "abc", SQL_C_INTERVAL_DAY), SQL_ERROR, "22018");
  EXPECT_STATE(call(col, "INTERVAL '1-2' YEAR TO MONTH", SQL_C_INTERVAL_DAY), SQL_ERROR, "22018");
}

TEST(Interval, FromExactNumbers) {
  const auto day = call(column("INT"), "5", SQL_C_INTERVAL_DAY).as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(day.interval_type, SQL_IS_DAY);
  EXPECT_EQ(day.intval.day_second.day, 5u);
  const auto sec = call(column("DECIMAL", "DECIMAL(5,1)", 5, 1), "-1.5", SQL_C_INTERVAL_SECOND)
                       .as<SQL_INTERVAL_STRUCT>();
  EXPECT_EQ(sec.interval_sign, SQL_TRUE);
  EXPECT_EQ(sec.intval.day_second.second, 1u);
  EXPECT_EQ(sec.intval.day_second.fraction, 500000u);
  EXPECT_STATE(call(column("DECIMAL", "DECIMAL(5,1)", 5, 1), "1.5", SQL_C_INTERVAL_YEAR),
               SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_STATE(call(column("INT"), "5", SQL_C_INTERVAL_DAY_TO_SECOND), SQL_ERROR, "07006");
  EXPECT_STATE(call(column("DOUBLE"), "5", SQL_C_INTERVAL_DAY), SQL_ERROR, "07006");
}

TEST(IntervalText, ParseAndFormat) {
  IntervalValue v;
  char buf[64];
  ASSERT_TRUE(parse_interval("3 04:30:20.123000000", SQL_CODE_DAY_TO_SECOND, &v));
  EXPECT_EQ(v.seconds, 3u * 86400 + 4 * 3600 + 30 * 60 + 20);
  EXPECT_EQ(v.nanos, 123000000u);
  EXPECT_EQ(std::string_view(buf, format_interval(v, SQL_CODE_DAY_TO_SECOND, buf)),
            "3 04:30:20.123000000");
  ASSERT_TRUE(parse_interval("04:30", SQL_CODE_HOUR_TO_MINUTE, &v));
  EXPECT_EQ(v.seconds, 4u * 3600 + 30 * 60);
  ASSERT_TRUE(parse_interval("100", SQL_CODE_MINUTE, &v));
  EXPECT_EQ(std::string_view(buf, format_interval(v, SQL_CODE_MINUTE, buf)), "100");
  EXPECT_FALSE(parse_interval("1.5", SQL_CODE_DAY, &v));             // only seconds have fractions
  EXPECT_FALSE(parse_interval("1-12", SQL_CODE_YEAR_TO_MONTH, &v));  // month field < 12
  EXPECT_FALSE(parse_interval("", SQL_CODE_DAY, &v));
  EXPECT_FALSE(parse_interval("1 2 3 4 5 6", SQL_CODE_DAY_TO_SECOND, &v));
}

}  // namespace
}  // namespace dbsql::convert::test
