// Columns → SQL_C_CHAR / SQL_C_WCHAR: renderings, 01004 truncation, 22003 for numbers and
// datetimes that cannot be shortened, piecewise SQLGetData, NULL handling.
#include <gtest/gtest.h>

#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

TEST(CharOutput, StringFits) {
  const auto c = call(column("STRING"), "hello", SQL_C_CHAR, 16);
  EXPECT_OK(c);
  EXPECT_EQ(c.text(), "hello");
  EXPECT_EQ(c.ind, 5);
  EXPECT_TRUE(c.untouched_from(6));
}

TEST(CharOutput, EmptyString) {
  const auto c = call(column("STRING"), "", SQL_C_CHAR, 4);
  EXPECT_OK(c);
  EXPECT_EQ(c.buf[0], 0);
  EXPECT_EQ(c.ind, 0);
  EXPECT_TRUE(c.untouched_from(1));
}

TEST(CharOutput, StringTruncatedReportsFullLength) {
  const auto c = call(column("STRING"), "hello world", SQL_C_CHAR, 6);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.text(), "hello");
  EXPECT_EQ(c.ind, 11);
  EXPECT_TRUE(c.canary_intact());
}

TEST(CharOutput, ExactFitNeedsRoomForTheTerminator) {
  const auto c = call(column("STRING"), "abcd", SQL_C_CHAR, 4);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.text(), "abc");
  EXPECT_EQ(c.ind, 4);
  const auto fits = call(column("STRING"), "abcd", SQL_C_CHAR, 5);
  EXPECT_OK(fits);
}

TEST(CharOutput, TruncationNeverSplitsUtf8) {
  // "a" + "é" (2 bytes): a 3-byte buffer has room for 2 bytes, which would cut "é".
  const auto c = call(column("STRING"), "a\xC3\xA9", SQL_C_CHAR, 3);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.text(), "a");
  EXPECT_EQ(c.ind, 3);
  EXPECT_TRUE(c.canary_intact());
}

TEST(CharOutput, ZeroLengthBufferReportsLengthOnly) {
  const auto c = call(column("STRING"), "hello", SQL_C_CHAR, 0);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.ind, 5);
  EXPECT_TRUE(c.untouched_from(0));
}

TEST(CharOutput, NullDataPointerReportsLength) {
  SQLLEN ind = kUnset;
  Target t;
  t.c_type = SQL_C_CHAR;
  t.buffer_length = 100;
  t.indicator = t.octet_length = &ind;
  const Status s = write_cell(column("STRING"), "hello", t);
  EXPECT_EQ(s.sqlstate, "01004");
  EXPECT_EQ(ind, 5);
}

TEST(CharOutput, NegativeBufferLength) {
  const auto col = column("STRING");
  SQLLEN ind = 0;
  char buf[8];
  Target t{SQL_C_CHAR, buf, -1, &ind, &ind};
  EXPECT_EQ(write_cell(col, "x", t).sqlstate, "HY090");
}

TEST(CharOutput, SeparateIndicatorGetsZero) {
  SQLLEN len = kUnset, ind = kUnset;
  char buf[16];
  Target t{SQL_C_CHAR, buf, sizeof(buf), &len, &ind};
  EXPECT_EQ(write_cell(column("STRING"), "abc", t).rc, SQL_SUCCESS);
  EXPECT_EQ(len, 3);
  EXPECT_EQ(ind, 0);
}

TEST(CharOutput, DefaultForStringIsWide) {
  const auto c = call(column("STRING"), "h\xC3\xA9", SQL_C_DEFAULT, 16);
  EXPECT_OK(c);
  EXPECT_EQ(c.wtext(), u"h\u00e9");
  EXPECT_EQ(c.ind, 4);
}

TEST(CharOutput, NumbersAreTheServerText) {
  EXPECT_EQ(call(column("INT"), "-42", SQL_C_CHAR).text(), "-42");
  EXPECT_EQ(call(column("DECIMAL", "DECIMAL(10,2)", 10, 2), "123.40", SQL_C_CHAR).text(), "123.40");
  EXPECT_EQ(call(column("DOUBLE"), "1.0E10", SQL_C_CHAR).text(), "1.0E10");
  EXPECT_EQ(call(column("DOUBLE"), "NaN", SQL_C_CHAR).text(), "NaN");
  EXPECT_EQ(call(column("DOUBLE"), "-Infinity", SQL_C_CHAR).text(), "-Infinity");
}

TEST(CharOutput, NumberWholeDigitsMustFit) {
  const auto col = column("INT");
  const auto c = call(col, "12345", SQL_C_CHAR, 5);  // 5 digits + terminator need 6
  EXPECT_STATE(c, SQL_ERROR, "22003");
  EXPECT_TRUE(c.untouched_from(0));
  EXPECT_OK(call(col, "12345", SQL_C_CHAR, 6));
}

TEST(CharOutput, ZeroLengthBufferProbesNumbersToo) {
  const auto c = call(column("INT"), "12345", SQL_C_CHAR, 0);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.ind, 5);
  EXPECT_TRUE(c.untouched_from(0));
  EXPECT_EQ(call(column("TIMESTAMP"), "2021-06-15T12:34:56.789Z", SQL_C_WCHAR, 0).ind, 46);
}

TEST(CharOutput, NumberFractionMayBeTruncated) {
  const auto col = column("DECIMAL", "DECIMAL(6,3)", 6, 3);
  const auto c = call(col, "123.456", SQL_C_CHAR, 4);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.text(), "123");
  EXPECT_EQ(c.ind, 7);
  EXPECT_TRUE(c.canary_intact());
  EXPECT_STATE(call(col, "123.456", SQL_C_CHAR, 3), SQL_ERROR, "22003");
  EXPECT_STATE(call(col, "-12.5", SQL_C_CHAR, 3), SQL_ERROR, "22003");
  EXPECT_EQ(call(col, "-12.5", SQL_C_CHAR, 4).text(), "-12");
}

TEST(CharOutput, ExponentTextCannotBeShortened) {
  EXPECT_STATE(call(column("DOUBLE"), "1.0E10", SQL_C_CHAR, 6), SQL_ERROR, "22003");
  EXPECT_OK(call(column("DOUBLE"), "1.0E10", SQL_C_CHAR, 7));
}

TEST(CharOutput, BooleanIsOneOrZero) {
  const auto col = column("BOOLEAN");
  EXPECT_EQ(call(col, "true", SQL_C_CHAR).text(), "1");
  EXPECT_EQ(call(col, "false", SQL_C_CHAR).text(), "0");
  EXPECT_EQ(call(col, "true", SQL_C_CHAR).ind, 1);
  EXPECT_STATE(call(col, "true", SQL_C_CHAR, 1), SQL_ERROR, "22003");
  EXPECT_EQ(call(col, "false", SQL_C_WCHAR).wtext(), u"0");
  EXPECT_STATE(call(col, "maybe", SQL_C_CHAR), SQL_ERROR, "22018");
}

TEST(CharOutput, DateNeedsElevenBytes) {
  const auto col = column("DATE");
  EXPECT_EQ(call(col, "2024-02-29", SQL_C_CHAR).text(), "2024-02-29");
  EXPECT_STATE(call(col, "2024-02-29", SQL_C_CHAR, 10), SQL_ERROR, "22003");
  EXPECT_OK(call(col, "2024-02-29", SQL_C_CHAR, 11));
  EXPECT_STATE(call(col, "2024-02-30", SQL_C_CHAR), SQL_ERROR, "22007");
}

TEST(CharOutput, TimestampIsOdbcFormWithoutOffset) {
  const auto col = column("TIMESTAMP");
  const auto c = call(col, "2021-06-15T12:34:56.789-07:00", SQL_C_CHAR, 64);
  EXPECT_OK(c);
  EXPECT_EQ(c.text(), "2021-06-15 12:34:56.789");
  EXPECT_EQ(c.ind, 23);
  EXPECT_EQ(call(column("TIMESTAMP_NTZ"), "2021-06-15T12:34:56.123456789", SQL_C_CHAR).text(),
            "2021-06-15 12:34:56.123456789");
  EXPECT_EQ(call(col, "2021-06-15 01:02:03Z", SQL_C_CHAR).text(), "2021-06-15 01:02:03");
}

TEST(CharOutput, TimestampFractionMayBeCutButNotTheSeconds) {
  const auto col = column("TIMESTAMP");
  const std::string_view v = "2021-06-15T12:34:56.789-07:00";
  const auto c = call(col, v, SQL_C_CHAR, 20);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.text(), "2021-06-15 12:34:56");
  EXPECT_EQ(c.ind, 23);
  EXPECT_TRUE(c.canary_intact());
  EXPECT_STATE(call(col, v, SQL_C_CHAR, 19), SQL_ERROR, "22003");
  EXPECT_STATE(call(col, "not a timestamp", SQL_C_CHAR), SQL_ERROR, "22007");
}

TEST(CharOutput, IntervalsAsAnsiBody) {
  const auto dts = column("INTERVAL", "INTERVAL DAY TO SECOND", -1, -1, "DAY TO SECOND");
  EXPECT_EQ(call(dts, "3 04:30:20.123000000", SQL_C_CHAR).text(), "3 04:30:20.123000000");
  EXPECT_EQ(call(dts, "INTERVAL '-3 04:30:20.123' DAY TO SECOND", SQL_C_CHAR).text(),
            "-3 04:30:20.123");
  const auto ym = column("INTERVAL", "INTERVAL YEAR TO MONTH", -1, -1, "YEAR TO MONTH");
  EXPECT_EQ(call(ym, "1-2", SQL_C_CHAR).text(), "1-2");
  EXPECT_EQ(call(ym, "-10-11", SQL_C_CHAR).text(), "-10-11");
  const auto year = column("INTERVAL", "INTERVAL YEAR", -1, -1, "YEAR");
  EXPECT_EQ(call(year, "INTERVAL '100' YEAR", SQL_C_CHAR).text(), "100");
  const auto hm = column("INTERVAL", "INTERVAL HOUR TO MINUTE", -1, -1, "HOUR TO MINUTE");
  EXPECT_EQ(call(hm, "0 05:07:00.000000000", SQL_C_CHAR).text(), "5:07");
  // A rendering the driver does not know passes through as text.
  EXPECT_EQ(call(dts, "P3DT4H", SQL_C_CHAR).text(), "P3DT4H");
}

TEST(CharOutput, BinaryIsUppercaseHex) {
  const auto col = column("BINARY");
  const auto c = call(col, "AQL/", SQL_C_CHAR, 16);  // 01 02 FF
  EXPECT_OK(c);
  EXPECT_EQ(c.text(), "0102FF");
  EXPECT_EQ(c.ind, 6);
  EXPECT_TRUE(c.untouched_from(7));
  const auto w = call(col, "AQL/", SQL_C_WCHAR, 16);
  EXPECT_EQ(w.wtext(), u"0102FF");
  EXPECT_EQ(w.ind, 12);
}

TEST(CharOutput, BinaryHexTruncatesWholeBytes) {
  const auto c = call(column("BINARY"), "AQID", SQL_C_CHAR, 4);  // room for 1 byte
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.text(), "01");
  EXPECT_EQ(c.ind, 6);
  EXPECT_TRUE(c.untouched_from(3));
}

TEST(CharOutput, JsonTextPassesThrough) {
  const auto col = column("MAP", "MAP<STRING, INT>");
  EXPECT_EQ(call(col, "{\"a\":1}", SQL_C_CHAR).text(), "{\"a\":1}");
}

TEST(WideOutput, LengthsAreInBytes) {
  const auto c = call(column("STRING"), "h\xC3\xA9llo", SQL_C_WCHAR, 64);
  EXPECT_OK(c);
  EXPECT_EQ(c.wtext(), u"h\u00e9llo");
  EXPECT_EQ(c.ind, 10);
  EXPECT_TRUE(c.untouched_from(12));
}

TEST(WideOutput, TruncationInCharacters) {
  const auto c = call(column("STRING"), "h\xC3\xA9llo", SQL_C_WCHAR, 6);  // 3 units
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.wtext(), u"h\u00e9");
  EXPECT_EQ(c.ind, 10);
  EXPECT_TRUE(c.canary_intact());
}

TEST(WideOutput, OddBufferLengthUsesWholeUnits) {
  const auto c = call(column("STRING"), "abc", SQL_C_WCHAR, 7);  // 3 units
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.wtext(), u"ab");
  EXPECT_TRUE(c.untouched_from(6));
}

TEST(WideOutput, NumbersAndTimestamps) {
  EXPECT_EQ(call(column("LONG", "BIGINT"), "-9223372036854775808", SQL_C_WCHAR).wtext(),
            u"-9223372036854775808");
  EXPECT_EQ(call(column("TIMESTAMP"), "2021-01-01T10:00:00.000-08:00", SQL_C_WCHAR).wtext(),
            u"2021-01-01 10:00:00.000");
  EXPECT_STATE(call(column("INT"), "12345", SQL_C_WCHAR, 10), SQL_ERROR, "22003");
  EXPECT_OK(call(column("INT"), "12345", SQL_C_WCHAR, 12));
}

TEST(NullOutput, NullSetsIndicator) {
  const auto c = call(column("INT"), std::nullopt, SQL_C_SLONG, 4);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, SQL_NULL_DATA);
  EXPECT_TRUE(c.untouched_from(0));
}

TEST(NullOutput, NullWithoutIndicatorIs22002) {
  Options o;
  o.no_indicator = true;
  const auto c = call(column("STRING"), std::nullopt, SQL_C_CHAR, 8, nullptr, o);
  EXPECT_STATE(c, SQL_ERROR, "22002");
  EXPECT_TRUE(c.untouched_from(0));
}

TEST(NullOutput, NullThenNoData) {
  PieceState piece;
  const auto col = column("NULL", "VOID");
  EXPECT_EQ(call(col, std::nullopt, SQL_C_CHAR, 8, &piece).ind, SQL_NULL_DATA);
  EXPECT_EQ(call(col, std::nullopt, SQL_C_CHAR, 8, &piece).status.rc, SQL_NO_DATA);
}

TEST(NullOutput, ValueWithoutIndicatorIsFine) {
  Options o;
  o.no_indicator = true;
  const auto c = call(column("INT"), "7", SQL_C_SLONG, 4, nullptr, o);
  EXPECT_OK(c);
  EXPECT_EQ(c.as<SQLINTEGER>(), 7);
}

}  // namespace
}  // namespace dbsql::convert::test
