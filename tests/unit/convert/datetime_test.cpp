// DATE / TIMESTAMP / TIMESTAMP_NTZ / character columns → date, time and timestamp structs.
#include <gtest/gtest.h>

#include <ctime>

#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

void expect_timestamp(const SQL_TIMESTAMP_STRUCT& ts, int y, int mo, int d, int h, int mi, int s,
                      SQLUINTEGER frac) {
  EXPECT_EQ(ts.year, y);
  EXPECT_EQ(ts.month, mo);
  EXPECT_EQ(ts.day, d);
  EXPECT_EQ(ts.hour, h);
  EXPECT_EQ(ts.minute, mi);
  EXPECT_EQ(ts.second, s);
  EXPECT_EQ(ts.fraction, frac);
}

TEST(Date, ToDateStruct) {
  for (SQLSMALLINT c_type : {SQL_C_TYPE_DATE, SQL_C_DATE, SQL_C_DEFAULT}) {
    SCOPED_TRACE(c_type);
    const auto c = call(column("DATE"), "2024-02-29", c_type, 0);
    EXPECT_OK(c);
    EXPECT_EQ(c.ind, static_cast<SQLLEN>(sizeof(SQL_DATE_STRUCT)));
    const auto d = c.as<SQL_DATE_STRUCT>();
    EXPECT_EQ(d.year, 2024);
    EXPECT_EQ(d.month, 2);
    EXPECT_EQ(d.day, 29);
    EXPECT_TRUE(c.untouched_from(sizeof(SQL_DATE_STRUCT)));
  }
}

TEST(Date, ToTimestampAtMidnight) {
  const auto c = call(column("DATE"), "0001-01-01", SQL_C_TYPE_TIMESTAMP);
  EXPECT_OK(c);
  expect_timestamp(c.as<SQL_TIMESTAMP_STRUCT>(), 1, 1, 1, 0, 0, 0, 0);
}

TEST(Date, InvalidDates) {
  const auto col = column("DATE");
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "20240101",
                          "2024-01-01x", "0000-01-01", ""}) {
    SCOPED_TRACE(bad);
    const auto c = call(col, bad, SQL_C_TYPE_DATE);
    EXPECT_STATE(c, SQL_ERROR, "22007");
    EXPECT_TRUE(c.untouched_from(0));
  }
}

TEST(Timestamp, OffsetIsIgnoredWallClockKept) {
  const auto col = column("TIMESTAMP");
  const auto c = call(col, "2021-06-15T12:34:56.789-07:00", SQL_C_TYPE_TIMESTAMP, 0);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, static_cast<SQLLEN>(sizeof(SQL_TIMESTAMP_STRUCT)));
  expect_timestamp(c.as<SQL_TIMESTAMP_STRUCT>(), 2021, 6, 15, 12, 34, 56, 789000000);
  EXPECT_TRUE(c.untouched_from(sizeof(SQL_TIMESTAMP_STRUCT)));
  expect_timestamp(
      call(col, "2021-01-01T10:00:00.000+05:30", SQL_C_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>(), 2021,
      1, 1, 10, 0, 0, 0);
  expect_timestamp(call(col, "2021-01-01T10:00:00Z", SQL_C_DEFAULT).as<SQL_TIMESTAMP_STRUCT>(),
                   2021, 1, 1, 10, 0, 0, 0);
  expect_timestamp(
      call(col, "2021-01-01T10:00:00+0100", SQL_C_TYPE_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>(), 2021,
      1, 1, 10, 0, 0, 0);
}

TEST(Timestamp, SeparatorsAndFractions) {
  const auto col = column("TIMESTAMP_NTZ");
  expect_timestamp(
      call(col, "2021-06-15 12:34:56.123456789", SQL_C_TYPE_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>(),
      2021, 6, 15, 12, 34, 56, 123456789);
  expect_timestamp(
      call(col, "2021-06-15T12:34:56.5", SQL_C_TYPE_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>(), 2021, 6,
      15, 12, 34, 56, 500000000);
  expect_timestamp(
      call(col, "2021-06-15T12:34:56.000001", SQL_C_TYPE_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>(),
      2021, 6, 15, 12, 34, 56, 1000);
  expect_timestamp(
      call(col, "1999-12-31T23:59:59", SQL_C_TYPE_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>(), 1999, 12,
      31, 23, 59, 59, 0);
}

TEST(Timestamp, InvalidTimestamps) {
  const auto col = column("TIMESTAMP");
  for (const char* bad :
       {"2021-13-01T00:00:00", "2021-06-15T24:00:00", "2021-06-15T12:60:00",
        "2021-06-15T12:34:56.1234567891", "2021-06-15T12:34:56.", "2021-06-15",
        "2021-06-15X12:34:56", "2021-06-15T12:34:56+25:00", "2021-06-15T12:34:56 PST"}) {
    SCOPED_TRACE(bad);
    EXPECT_STATE(call(col, bad, SQL_C_TYPE_TIMESTAMP), SQL_ERROR, "22007");
  }
}

TEST(Timestamp, ToDateDropsTheTime) {
  const auto col = column("TIMESTAMP");
  const auto c = call(col, "2021-06-15T12:34:56.789-07:00", SQL_C_TYPE_DATE);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01S07");
  const auto d = c.as<SQL_DATE_STRUCT>();
  EXPECT_EQ(d.year, 2021);
  EXPECT_EQ(d.month, 6);
  EXPECT_EQ(d.day, 15);
  EXPECT_OK(call(col, "2021-06-15T00:00:00.000-07:00", SQL_C_TYPE_DATE));
}

TEST(Timestamp, ToTimeDropsTheFraction) {
  const auto col = column("TIMESTAMP");
  const auto c = call(col, "2021-06-15T12:34:56.789-07:00", SQL_C_TYPE_TIME);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01S07");
  EXPECT_EQ(c.ind, static_cast<SQLLEN>(sizeof(SQL_TIME_STRUCT)));
  const auto t = c.as<SQL_TIME_STRUCT>();
  EXPECT_EQ(t.hour, 12);
  EXPECT_EQ(t.minute, 34);
  EXPECT_EQ(t.second, 56);
  EXPECT_OK(call(col, "2021-06-15T12:34:56.000-07:00", SQL_C_TIME));
}

TEST(CharacterToDatetime, DateTimeAndTimestampLiterals) {
  const auto col = column("STRING");
  expect_timestamp(call(col, " 2024-01-02 ", SQL_C_TYPE_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>(), 2024,
                   1, 2, 0, 0, 0, 0);
  const auto d = call(col, "2024-01-02 03:04:05", SQL_C_TYPE_DATE);
  EXPECT_STATE(d, SQL_SUCCESS_WITH_INFO, "01S07");
  const auto t = call(col, "03:04:05", SQL_C_TYPE_TIME).as<SQL_TIME_STRUCT>();
  EXPECT_EQ(t.hour, 3);
  EXPECT_EQ(t.minute, 4);
  EXPECT_EQ(t.second, 5);
  EXPECT_STATE(call(col, "2024-01-02", SQL_C_TYPE_TIME), SQL_ERROR, "22018");
  EXPECT_STATE(call(col, "03:04:05", SQL_C_TYPE_DATE), SQL_ERROR, "22018");
  EXPECT_STATE(call(col, "yesterday", SQL_C_TYPE_TIMESTAMP), SQL_ERROR, "22018");
}

TEST(CharacterToDatetime, TimeOnlyTimestampTakesToday) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  const auto ts =
      call(column("STRING"), "10:11:12.5", SQL_C_TYPE_TIMESTAMP).as<SQL_TIMESTAMP_STRUCT>();
  EXPECT_EQ(ts.year, local.tm_year + 1900);
  EXPECT_EQ(ts.hour, 10);
  EXPECT_EQ(ts.fraction, 500000000u);
}

}  // namespace
}  // namespace dbsql::convert::test
