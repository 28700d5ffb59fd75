// Date, time and timestamp values: structs, character literals, and their field errors.
#include <gtest/gtest.h>

#include <string>

#include "params/params.h"
#include "params_test_util.h"

namespace dbsql::params::test {
namespace {

SQL_TIMESTAMP_STRUCT ts(int y, int mo, int d, int h, int mi, int s, unsigned fraction = 0) {
  SQL_TIMESTAMP_STRUCT t{};
  t.year = static_cast<SQLSMALLINT>(y);
  t.month = static_cast<SQLUSMALLINT>(mo);
  t.day = static_cast<SQLUSMALLINT>(d);
  t.hour = static_cast<SQLUSMALLINT>(h);
  t.minute = static_cast<SQLUSMALLINT>(mi);
  t.second = static_cast<SQLUSMALLINT>(s);
  t.fraction = fraction;
  return t;
}

TEST(Date, StructIntoDateTimestampAndText) {
  for (SQLSMALLINT c : {SQL_C_TYPE_DATE, SQL_C_DATE}) {
    const SQL_DATE_STRUCT d{1992, 12, 31};
    EXPECT_EQ(render_value(c, SQL_TYPE_DATE, d).type, "DATE");
    EXPECT_EQ(*render_value(c, SQL_TYPE_DATE, d).value, "1992-12-31");
    EXPECT_EQ(*render_value(c, SQL_DATE, d).value, "1992-12-31");
    EXPECT_EQ(render_value(c, SQL_TYPE_TIMESTAMP, d).type, "TIMESTAMP");
    EXPECT_EQ(*render_value(c, SQL_TYPE_TIMESTAMP, d).value, "1992-12-31 00:00:00");
    EXPECT_EQ(*render_value(c, SQL_VARCHAR, d).value, "1992-12-31");
    EXPECT_EQ(*render_value(c, SQL_WCHAR, d, 10).value, "1992-12-31");
  }
}

TEST(Date, Year1And1899And2100AndLeapDays) {
  EXPECT_EQ(*render_value(SQL_C_TYPE_DATE, SQL_TYPE_DATE, SQL_DATE_STRUCT{1, 1, 1}).value,
            "0001-01-01");
  EXPECT_EQ(*render_value(SQL_C_TYPE_DATE, SQL_TYPE_DATE, SQL_DATE_STRUCT{1899, 12, 30}).value,
            "1899-12-30");
  EXPECT_EQ(*render_value(SQL_C_TYPE_DATE, SQL_TYPE_DATE, SQL_DATE_STRUCT{2100, 3, 1}).value,
            "2100-03-01");
  EXPECT_EQ(*render_value(SQL_C_TYPE_DATE, SQL_TYPE_DATE, SQL_DATE_STRUCT{9999, 12, 31}).value,
            "9999-12-31");
  EXPECT_EQ(*render_value(SQL_C_TYPE_DATE, SQL_TYPE_DATE, SQL_DATE_STRUCT{2000, 2, 29}).value,
            "2000-02-29");
}

TEST(Date, InvalidFieldsAre22008) {
  const SQL_DATE_STRUCT bad[] = {{2021, 13, 1}, {2021, 2, 30}, {2100, 2, 29},
                                 {1900, 2, 29}, {0, 1, 1},     {10000, 1, 1},
                                 {2021, 0, 1},  {2021, 4, 31}, {2021, 1, 0}};
  for (const auto& d : bad)
    EXPECT_TRUE(fails_with([&] { render_value(SQL_C_TYPE_DATE, SQL_TYPE_DATE, d); }, "22008",
                           "the SQL_DATE_STRUCT is not a valid date"))
        << d.year << "-" << d.month << "-" << d.day;
}

TEST(Date, IntoACharColumnIsSentWhole) {
  EXPECT_EQ(*render_value(SQL_C_TYPE_DATE, SQL_CHAR, SQL_DATE_STRUCT{1992, 12, 31}, 9).value,
            "1992-12-31");
}

TEST(Time, StructIntoTimeTimestampAndText) {
  for (SQLSMALLINT c : {SQL_C_TYPE_TIME, SQL_C_TIME}) {
    const SQL_TIME_STRUCT t{23, 5, 9};
    EXPECT_EQ(render_value(c, SQL_TYPE_TIME, t).type, "STRING");
    EXPECT_EQ(*render_value(c, SQL_TYPE_TIME, t).value, "23:05:09");
    EXPECT_EQ(*render_value(c, SQL_TIME, t).value, "23:05:09");
    EXPECT_EQ(*render_value(c, SQL_VARCHAR, t).value, "23:05:09");
    // ODBC: the date part is today's date.
    const std::string stamp = *render_value(c, SQL_TYPE_TIMESTAMP, t).value;
    EXPECT_EQ(stamp.size(), 19u);
    EXPECT_EQ(stamp.substr(10), " 23:05:09");
  }
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_TYPE_TIME, SQL_TYPE_TIME, SQL_TIME_STRUCT{24, 0, 0});
      },
      "22008", "the SQL_TIME_STRUCT is not a valid time"));
  EXPECT_TRUE(fails_with(
      [] {
        render_value(SQL_C_TYPE_TIME, SQL_TYPE_TIME, SQL_TIME_STRUCT{12, 60, 0});
      },
      "22008", "Datetime field overflow"));
}

TEST(Timestamp, MicrosecondsAndNanoseconds) {
  EXPECT_EQ(*render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
                          ts(2021, 6, 15, 12, 34, 56, 123456000))
                 .value,
            "2021-06-15 12:34:56.123456");
  EXPECT_EQ(*render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
                          ts(2021, 6, 15, 12, 34, 56, 123456789))
                 .value,
            "2021-06-15 12:34:56.123456789");
  EXPECT_EQ(
      *render_value(SQL_C_TIMESTAMP, SQL_TIMESTAMP, ts(1992, 12, 31, 23, 45, 55, 120000000)).value,
      "1992-12-31 23:45:55.12");
  EXPECT_EQ(*render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, ts(1, 1, 1, 0, 0, 0, 1)).value,
            "0001-01-01 00:00:00.000000001");
  EXPECT_EQ(
      *render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, ts(1899, 12, 30, 0, 0, 0)).value,
      "1899-12-30 00:00:00");
  EXPECT_EQ(
      *render_value(SQL_C_TYPE_TIMESTAMP, SQL_VARCHAR, ts(2100, 1, 2, 3, 4, 5, 500000000)).value,
      "2100-01-02 03:04:05.5");
  EXPECT_EQ(render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, ts(2039, 1, 1, 0, 0, 0)).type,
            "TIMESTAMP");
}

TEST(Timestamp, DeclaredFractionDigits) {
  const auto t = ts(2021, 6, 15, 12, 34, 56, 123456000);
  EXPECT_EQ(*render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, t, 26, 6).value,
            "2021-06-15 12:34:56.123456");
  EXPECT_EQ(*render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, t, 0, 0).value,
            "2021-06-15 12:34:56.123456");
  EXPECT_TRUE(fails_with([&] { render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, t, 23, 3); },
                         "22008", "more digits than DecimalDigits (3) declares"));
}

TEST(Timestamp, IntoDateAndTime) {
  EXPECT_EQ(*render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_DATE, ts(2021, 6, 15, 0, 0, 0)).value,
            "2021-06-15");
  EXPECT_TRUE(fails_with(
      [] { render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_DATE, ts(2021, 6, 15, 0, 0, 1)); }, "22008",
      "a DATE has no time of day"));
  EXPECT_EQ(
      *render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIME, ts(2021, 6, 15, 1, 2, 3, 4000000)).value,
      "01:02:03.004");
}

TEST(Timestamp, InvalidFieldsAre22008) {
  const SQL_TIMESTAMP_STRUCT bad[] = {ts(2021, 13, 1, 0, 0, 0), ts(2021, 2, 30, 0, 0, 0),
                                      ts(2021, 1, 1, 24, 0, 0), ts(2021, 1, 1, 0, 60, 0),
                                      ts(2021, 1, 1, 0, 0, 60), ts(2021, 1, 1, 0, 0, 0, 1000000000),
                                      ts(0, 1, 1, 0, 0, 0)};
  for (const auto& t : bad)
    EXPECT_TRUE(fails_with([&] { render_value(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, t); },
                           "22008", "the SQL_TIMESTAMP_STRUCT is not a valid timestamp"));
}

TEST(CharDatetime, ValidLiteralsNormalised) {
  EXPECT_EQ(*render_text(SQL_TYPE_DATE, " 2024-02-29 ").value, "2024-02-29");
  EXPECT_EQ(*render_text(SQL_TYPE_DATE, "{d '1899-12-30'}").value, "1899-12-30");
  EXPECT_EQ(*render_text(SQL_TYPE_DATE, "2021-06-15 00:00:00").value, "2021-06-15");
  EXPECT_EQ(*render_text(SQL_TYPE_TIMESTAMP, "2021-06-15T12:34:56.123456789").value,
            "2021-06-15 12:34:56.123456789");
  EXPECT_EQ(*render_text(SQL_TYPE_TIMESTAMP, "{ts '2021-06-15 12:34:56.500'}").value,
            "2021-06-15 12:34:56.5");
  EXPECT_EQ(*render_text(SQL_TYPE_TIMESTAMP, "{TS '2021-06-15 12:34:56'}").value,
            "2021-06-15 12:34:56");
  EXPECT_EQ(*render_text(SQL_TYPE_TIMESTAMP, "0001-01-01").value, "0001-01-01 00:00:00");
  EXPECT_EQ(*render_text(SQL_TYPE_TIMESTAMP, "2021-06-15 12:34:56.1234567890").value,
            "2021-06-15 12:34:56.123456789");
  EXPECT_EQ(*render_text(SQL_TYPE_TIME, "{t '08:09:10'}").value, "08:09:10");
  EXPECT_EQ(*render_text(SQL_TYPE_TIME, "2021-06-15 08:09:10.25").value, "08:09:10.25");
  EXPECT_EQ(*render_wide(SQL_TYPE_TIMESTAMP, u"2100-12-31 23:59:59").value, "2100-12-31 23:59:59");
  const std::string today = *render_text(SQL_TYPE_TIMESTAMP, "08:09:10").value;
  EXPECT_EQ(today.substr(10), " 08:09:10");
}

TEST(CharDatetime, NotADatetimeIs22007) {
  for (const char* t :
       {"", "yesterday", "2021/06/15", "2021-6-15", "20210615", "2021-06-15X", "2021-06-15 12:34",
        "12:34", "{d 2021-06-15}", "{x '2021-06-15'}", "2021-06-15 12:34:56."})
    EXPECT_TRUE(fails_with([&] { render_text(SQL_TYPE_TIMESTAMP, t); }, "22007",
                           "not a date, time or timestamp"))
        << t;
  EXPECT_TRUE(
      fails_with([] { render_text(SQL_TYPE_DATE, "12:00:00"); }, "22007", "is a time, not a date"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_TYPE_TIME, "2021-06-15"); }, "22007",
                         "is a date, not a time"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_TYPE_TIMESTAMP, "2021-06-15T12:34:56-07:00"); },
                         "22007", "time zone offsets are not accepted"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_TYPE_TIMESTAMP, "2021-06-15T12:34:56Z"); }, "22007",
                         "wall-clock time of the session time zone"));
}

TEST(CharDatetime, OutOfRangeFieldsAre22008) {
  for (const char* t :
       {"2021-13-01", "2021-02-30", "0000-01-01", "2021-06-15 24:00:00", "2021-06-15 12:60:00",
        "2021-06-15 12:00:61", "2021-06-15 12:00:00.0000000001"})
    EXPECT_TRUE(fails_with([&] { render_text(SQL_TYPE_TIMESTAMP, t); }, "22008",
                           "a date or time field is out of range"))
        << t;
  EXPECT_TRUE(fails_with([] { render_text(SQL_TYPE_DATE, "2021-06-15 10:00:00"); }, "22008",
                         "a DATE has no time of day"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_TYPE_TIMESTAMP, "2021-06-15 10:00:00.1234", 0, 3); },
                         "22008", "DecimalDigits (3)"));
}

}  // namespace
}  // namespace dbsql::params::test
