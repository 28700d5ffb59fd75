// The whole (SQL type × C type) table: which pairs ODBC allows (written out here as the
// spec, independently of the driver's table), that every allowed pair converts a typical
// value cleanly, and that every other pair is 07006.
#include <gtest/gtest.h>

#include <string>

#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

// The C types, in the order of the matrix strings below.
constexpr SQLSMALLINT kCTypes[] = {
    SQL_C_CHAR,
    SQL_C_WCHAR,
    SQL_C_BINARY,  // text and bytes
    SQL_C_BIT,     //
    SQL_C_STINYINT,
    SQL_C_UTINYINT,
    SQL_C_TINYINT,
    SQL_C_SSHORT,
    SQL_C_USHORT,
    SQL_C_SHORT,
    SQL_C_SLONG,
    SQL_C_ULONG,
    SQL_C_LONG,
    SQL_C_SBIGINT,
    SQL_C_UBIGINT,  // integers
    SQL_C_FLOAT,
    SQL_C_DOUBLE,
    SQL_C_NUMERIC,  //
    SQL_C_TYPE_DATE,
    SQL_C_TYPE_TIME,
    SQL_C_TYPE_TIMESTAMP,
    SQL_C_DATE,
    SQL_C_TIME,
    SQL_C_TIMESTAMP,  // datetimes
    SQL_C_GUID,       //
    SQL_C_INTERVAL_YEAR,
    SQL_C_INTERVAL_MONTH,
    SQL_C_INTERVAL_YEAR_TO_MONTH,  // year-month
    SQL_C_INTERVAL_DAY,
    SQL_C_INTERVAL_HOUR,
    SQL_C_INTERVAL_MINUTE,
    SQL_C_INTERVAL_SECOND,
    SQL_C_INTERVAL_DAY_TO_HOUR,
    SQL_C_INTERVAL_DAY_TO_MINUTE,
    SQL_C_INTERVAL_DAY_TO_SECOND,
    SQL_C_INTERVAL_HOUR_TO_MINUTE,
    SQL_C_INTERVAL_HOUR_TO_SECOND,
    SQL_C_INTERVAL_MINUTE_TO_SECOND,  // day-time
    SQL_C_DEFAULT,
};
constexpr size_t kCTypeCount = sizeof(kCTypes) / sizeof(kCTypes[0]);

struct Row {
  const char* type_name;
  const char* type_text;
  const char* interval;
  // Y = allowed, . = 07006; spaces separate the groups of kCTypes.
  const char* allowed;
  const char* value;  // a value every allowed conversion takes cleanly (nullptr: NULL)
};

// clang-format off
const Row kRows[] = {
  //                                           txt bit integers    f d n datetime g ym  day-time   def
  {"BOOLEAN", "BOOLEAN", "",                  "YYY Y YYYYYYYYYYY YYY ...... . ... .......... Y", "true"},
  {"BYTE", "TINYINT", "",                     "YYY Y YYYYYYYYYYY YYY ...... . YY. YYYY...... Y", "1"},
  {"SHORT", "SMALLINT", "",                   "YYY Y YYYYYYYYYYY YYY ...... . YY. YYYY...... Y", "1"},
  {"INT", "INT", "",                          "YYY Y YYYYYYYYYYY YYY ...... . YY. YYYY...... Y", "1"},
  {"LONG", "BIGINT", "",                      "YYY Y YYYYYYYYYYY YYY ...... . YY. YYYY...... Y", "1"},
  {"FLOAT", "FLOAT", "",                      "YYY Y YYYYYYYYYYY YYY ...... . ... .......... Y", "1"},
  {"DOUBLE", "DOUBLE", "",                    "YYY Y YYYYYYYYYYY YYY ...... . ... .......... Y", "1.0"},
  {"DECIMAL", "DECIMAL(10,2)", "",            "YYY Y YYYYYYYYYYY YYY ...... . YY. YYYY...... Y", "1.00"},
  {"STRING", "STRING", "",                    "YYY Y YYYYYYYYYYY YYY YYYYYY Y YYY YYYYYYYYYY Y", ""},
  {"ARRAY", "ARRAY<INT>", "",                 "YYY Y YYYYYYYYYYY YYY YYYYYY Y YYY YYYYYYYYYY Y", ""},
  {"BINARY", "BINARY", "",                    "YYY . ........... ... ...... . ... .......... Y", "AQID"},
  {"DATE", "DATE", "",                        "YYY . ........... ... Y.YY.Y . ... .......... Y", "2024-01-02"},
  {"TIMESTAMP", "TIMESTAMP", "",              "YYY . ........... ... YYYYYY . ... .......... Y",
   "2024-01-02T00:00:00.000-08:00"},
  {"TIMESTAMP_NTZ", "TIMESTAMP_NTZ", "",      "YYY . ........... ... YYYYYY . ... .......... Y",
   "2024-01-02T00:00:00"},
  {"INTERVAL", "INTERVAL YEAR TO MONTH", "YEAR TO MONTH",
                                              "YY. . ........... ... ...... . YYY .......... Y", "1-0"},
  {"INTERVAL", "INTERVAL DAY TO SECOND", "DAY TO SECOND",
                                              "YY. . ........... ... ...... . ... YYYYYYYYYY Y",
   "1 00:00:00.000000000"},
  {"INTERVAL", "INTERVAL DAY", "DAY",         "YY. . YYYYYYYYYYY ..Y ...... . ... YYYYYYYYYY Y", "1"},
  {"NULL", "VOID", "",                        "YYY Y YYYYYYYYYYY YYY YYYYYY Y YYY YYYYYYYYYY Y", nullptr},
};
// clang-format on

std::string matrix(const char* s) {
  std::string out;
  for (; *s; ++s)
    if (*s != ' ') out.push_back(*s);
  return out;
}

// Character data needs a value of the target's form.
std::string character_value(SQLSMALLINT c_type) {
  switch (c_type) {
    case SQL_C_TYPE_DATE:
    case SQL_C_DATE:
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TIMESTAMP:
      return "2024-01-02";
    case SQL_C_TYPE_TIME:
    case SQL_C_TIME:
      return "12:00:00";
    case SQL_C_GUID:
      return "123e4567-e89b-12d3-a456-426614174000";
    case SQL_C_INTERVAL_YEAR_TO_MONTH:
      return "1-2";
    case SQL_C_INTERVAL_DAY_TO_HOUR:
      return "1 02";
    case SQL_C_INTERVAL_DAY_TO_MINUTE:
      return "1 02:03";
    case SQL_C_INTERVAL_DAY_TO_SECOND:
      return "1 02:03:04";
    case SQL_C_INTERVAL_HOUR_TO_MINUTE:
      return "02:03";
    case SQL_C_INTERVAL_HOUR_TO_SECOND:
      return "02:03:04";
    case SQL_C_INTERVAL_MINUTE_TO_SECOND:
      return "03:04";
    default:
      return "1";
  }
}

TEST(ConversionTable, MatrixStringsAreComplete) {
  for (const Row& r : kRows) EXPECT_EQ(matrix(r.allowed).size(), kCTypeCount) << r.type_text;
}

TEST(ConversionTable, AllowedPairsMatchOdbc) {
  for (const Row& r : kRows) {
    const auto col = column(r.type_name, r.type_text, -1, -1, r.interval);
    const std::string m = matrix(r.allowed);
    for (size_t i = 0; i < kCTypeCount; ++i) {
      SCOPED_TRACE(std::string(r.type_text) + " -> " + c_type_name(kCTypes[i]));
      EXPECT_EQ(conversion_allowed(col, kCTypes[i]), m[i] == 'Y');
    }
  }
}

TEST(ConversionTable, EveryAllowedPairConvertsCleanly) {
  int converted = 0;
  for (const Row& r : kRows) {
    const auto col = column(r.type_name, r.type_text, -1, -1, r.interval);
    const std::string m = matrix(r.allowed);
    for (size_t i = 0; i < kCTypeCount; ++i) {
      if (m[i] != 'Y') continue;
      const SQLSMALLINT c_type = kCTypes[i];
      SCOPED_TRACE(std::string(r.type_text) + " -> " + c_type_name(c_type));
      std::optional<std::string> value;
      if (r.value != nullptr) value = *r.value ? std::string(r.value) : character_value(c_type);
      const auto c =
          call(col, value ? std::optional<std::string_view>(*value) : std::nullopt, c_type, 64);
      EXPECT_OK(c);
      EXPECT_TRUE(c.canary_intact());
      if (r.value == nullptr)
        EXPECT_EQ(c.ind, SQL_NULL_DATA);
      else
        EXPECT_GE(c.ind, 0);
      ++converted;
    }
  }
  EXPECT_GT(converted, 300);
}

TEST(ConversionTable, EveryOtherPairIs07006) {
  for (const Row& r : kRows) {
    const auto col = column(r.type_name, r.type_text, -1, -1, r.interval);
    const std::string m = matrix(r.allowed);
    for (size_t i = 0; i < kCTypeCount; ++i) {
      if (m[i] == 'Y') continue;
      SCOPED_TRACE(std::string(r.type_text) + " -> " + c_type_name(kCTypes[i]));
      const auto c = call(col, r.value ? std::optional<std::string_view>(r.value) : std::nullopt,
                          kCTypes[i], 64);
      EXPECT_STATE(c, SQL_ERROR, "07006");
      EXPECT_TRUE(c.untouched_from(0));
      EXPECT_EQ(c.ind, kUnset);
    }
  }
}

TEST(ConversionTable, UnknownCTypeIsHY003) {
  EXPECT_STATE(call(column("INT"), "1", 1234), SQL_ERROR, "HY003");
}

TEST(ConversionTable, CTypeNames) {
  EXPECT_EQ(c_type_name(SQL_C_SLONG), "SQL_C_SLONG");
  EXPECT_EQ(c_type_name(SQL_C_INTERVAL_DAY_TO_SECOND), "SQL_C_INTERVAL_DAY_TO_SECOND");
  EXPECT_EQ(c_type_name(4242), "C type 4242");
}

}  // namespace
}  // namespace dbsql::convert::test
