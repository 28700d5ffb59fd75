#include <gtest/gtest.h>

#include "convert/sql_types.h"

namespace dbsql::convert {
namespace {

SqlTypeInfo describe(std::string_view name, std::string_view text, int p = -1, int s = -1,
                     std::string_view interval = "", const DescribeOptions& o = {}) {
  return describe_type(name, text, p, s, interval, o);
}

TEST(DescribeType, Boolean) {
  const auto t = describe("BOOLEAN", "BOOLEAN");
  EXPECT_EQ(t.kind, ValueKind::kBoolean);
  EXPECT_EQ(t.sql_type, SQL_BIT);
  EXPECT_EQ(t.column_size, 1u);
  EXPECT_EQ(t.display_size, 1);
  EXPECT_EQ(t.octet_length, 1);
  EXPECT_EQ(t.num_prec_radix, 0);
  EXPECT_EQ(t.default_c_type, SQL_C_BIT);
  EXPECT_EQ(t.type_name, "BOOLEAN");
}

struct IntegerCase {
  const char* name;
  const char* text;
  ValueKind kind;
  SQLSMALLINT sql_type;
  SQLULEN size;
  SQLLEN octets;
  SQLSMALLINT c_type;
  const char* type_name;
};

TEST(DescribeType, IntegersUseTheSqlNames) {
  const IntegerCase cases[] = {
      {"BYTE", "TINYINT", ValueKind::kTinyInt, SQL_TINYINT, 3, 1, SQL_C_STINYINT, "TINYINT"},
      {"SHORT", "SMALLINT", ValueKind::kSmallInt, SQL_SMALLINT, 5, 2, SQL_C_SSHORT, "SMALLINT"},
      {"INT", "INT", ValueKind::kInt, SQL_INTEGER, 10, 4, SQL_C_SLONG, "INT"},
      {"LONG", "BIGINT", ValueKind::kBigInt, SQL_BIGINT, 19, 8, SQL_C_SBIGINT, "BIGINT"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto t = describe(c.name, c.text);
    EXPECT_EQ(t.kind, c.kind);
    EXPECT_EQ(t.sql_type, c.sql_type);
    EXPECT_EQ(t.verbose_type, c.sql_type);
    EXPECT_EQ(t.column_size, c.size);
    EXPECT_EQ(t.precision, static_cast<SQLSMALLINT>(c.size));
    EXPECT_EQ(t.display_size, static_cast<SQLLEN>(c.size) + 1);
    EXPECT_EQ(t.octet_length, c.octets);
    EXPECT_EQ(t.num_prec_radix, 10);
    EXPECT_EQ(t.decimal_digits, 0);
    EXPECT_FALSE(t.is_unsigned);
    EXPECT_EQ(t.default_c_type, c.c_type);
    EXPECT_EQ(t.type_name, c.type_name);
    EXPECT_EQ(t.type_text, c.text);
  }
}

TEST(DescribeType, ApproximateNumericsCountBits) {
  const auto f = describe("FLOAT", "FLOAT");
  EXPECT_EQ(f.kind, ValueKind::kFloat);
  EXPECT_EQ(f.sql_type, SQL_REAL);
  EXPECT_EQ(f.column_size, 24u);
  EXPECT_EQ(f.num_prec_radix, 2);
  EXPECT_EQ(f.octet_length, 4);
  EXPECT_EQ(f.default_c_type, SQL_C_FLOAT);
  const auto d = describe("DOUBLE", "DOUBLE");
  EXPECT_EQ(d.sql_type, SQL_DOUBLE);
  EXPECT_EQ(d.column_size, 53u);
  EXPECT_EQ(d.display_size, 24);
  EXPECT_EQ(d.octet_length, 8);
  EXPECT_EQ(d.default_c_type, SQL_C_DOUBLE);
}

TEST(DescribeType, DecimalFromManifestPrecisionAndScale) {
  const auto t = describe("DECIMAL", "DECIMAL(10,2)", 10, 2);
  EXPECT_EQ(t.kind, ValueKind::kDecimal);
  EXPECT_EQ(t.sql_type, SQL_DECIMAL);
  EXPECT_EQ(t.column_size, 10u);
  EXPECT_EQ(t.decimal_digits, 2);
  EXPECT_EQ(t.precision, 10);
  EXPECT_EQ(t.scale, 2);
  EXPECT_EQ(t.display_size, 12);
  EXPECT_EQ(t.num_prec_radix, 10);
  EXPECT_EQ(t.default_c_type, SQL_C_CHAR);
  EXPECT_EQ(t.type_name, "DECIMAL");  // unparameterized, as SQLGetTypeInfo names it
  EXPECT_EQ(t.type_text, "DECIMAL(10,2)");
}

TEST(DescribeType, DecimalFromTypeTextOnly) {
  const auto t = describe("DECIMAL", "DECIMAL(38,9)");
  EXPECT_EQ(t.precision, 38);
  EXPECT_EQ(t.scale, 9);
  const auto lower = describe("", "decimal(5, 3)");
  EXPECT_EQ(lower.kind, ValueKind::kDecimal);
  EXPECT_EQ(lower.precision, 5);
  EXPECT_EQ(lower.scale, 3);
  const auto one = describe("DECIMAL", "DECIMAL(7)");
  EXPECT_EQ(one.precision, 7);
  EXPECT_EQ(one.scale, 0);
  const auto bare = describe("DECIMAL", "DECIMAL");
  EXPECT_EQ(bare.precision, 10);
  EXPECT_EQ(bare.scale, 0);
}

TEST(DescribeType, StringDefaultsToUnicodeWithTheDefaultLength) {
  const auto t = describe("STRING", "STRING");
  EXPECT_EQ(t.kind, ValueKind::kString);
  EXPECT_EQ(t.sql_type, SQL_WVARCHAR);
  EXPECT_EQ(t.column_size, kDefaultStringColumnLength);
  EXPECT_EQ(t.column_size, 65535u);
  EXPECT_EQ(t.octet_length, 65535 * 2);
  EXPECT_EQ(t.default_c_type, SQL_C_WCHAR);
  EXPECT_TRUE(t.case_sensitive);
  EXPECT_EQ(t.literal_prefix, "'");
  EXPECT_EQ(t.literal_suffix, "'");
}

TEST(DescribeType, StringNarrowAndCustomLength) {
  DescribeOptions o;
  o.unicode_strings = false;
  o.string_column_length = 255;
  const auto t = describe("STRING", "STRING", -1, -1, "", o);
  EXPECT_EQ(t.sql_type, SQL_VARCHAR);
  EXPECT_EQ(t.column_size, 255u);
  EXPECT_EQ(t.octet_length, 255 * 4);
  EXPECT_EQ(t.default_c_type, SQL_C_CHAR);
}

TEST(DescribeType, CharAndVarcharKeepTheirLength) {
  const auto v = describe("VARCHAR", "VARCHAR(20)");
  EXPECT_EQ(v.sql_type, SQL_WVARCHAR);
  EXPECT_EQ(v.column_size, 20u);
  EXPECT_EQ(v.type_name, "VARCHAR");
  const auto c = describe("CHAR", "CHAR(3)");
  EXPECT_EQ(c.sql_type, SQL_WCHAR);
  EXPECT_EQ(c.column_size, 3u);
  const auto bare = describe("CHAR", "CHAR");
  EXPECT_EQ(bare.sql_type, SQL_WVARCHAR);
  EXPECT_EQ(bare.column_size, kDefaultStringColumnLength);
}

TEST(DescribeType, Binary) {
  const auto t = describe("BINARY", "BINARY");
  EXPECT_EQ(t.kind, ValueKind::kBinary);
  EXPECT_EQ(t.sql_type, SQL_VARBINARY);
  EXPECT_EQ(t.column_size, kDefaultStringColumnLength);
  EXPECT_EQ(t.display_size, 2 * 65535);
  EXPECT_EQ(t.default_c_type, SQL_C_BINARY);
  EXPECT_EQ(t.literal_prefix, "X'");
}

TEST(DescribeType, Date) {
  const auto t = describe("DATE", "DATE");
  EXPECT_EQ(t.kind, ValueKind::kDate);
  EXPECT_EQ(t.sql_type, SQL_TYPE_DATE);
  EXPECT_EQ(t.verbose_type, SQL_DATETIME);
  EXPECT_EQ(t.datetime_subcode, SQL_CODE_DATE);
  EXPECT_EQ(t.column_size, 10u);
  EXPECT_EQ(t.octet_length, static_cast<SQLLEN>(sizeof(SQL_DATE_STRUCT)));
  EXPECT_EQ(t.default_c_type, SQL_C_TYPE_DATE);
}

TEST(DescribeType, TimestampsHaveMicrosecondPrecision) {
  for (const char* name : {"TIMESTAMP", "TIMESTAMP_NTZ"}) {
    SCOPED_TRACE(name);
    const auto t = describe(name, name);
    EXPECT_EQ(t.sql_type, SQL_TYPE_TIMESTAMP);
    EXPECT_EQ(t.verbose_type, SQL_DATETIME);
    EXPECT_EQ(t.datetime_subcode, SQL_CODE_TIMESTAMP);
    EXPECT_EQ(t.column_size, 26u);
    EXPECT_EQ(t.decimal_digits, 6);
    EXPECT_EQ(t.precision, 6);
    EXPECT_EQ(t.octet_length, static_cast<SQLLEN>(sizeof(SQL_TIMESTAMP_STRUCT)));
    EXPECT_EQ(t.default_c_type, SQL_C_TYPE_TIMESTAMP);
    EXPECT_EQ(t.type_name, name);
  }
  EXPECT_EQ(describe("TIMESTAMP", "TIMESTAMP").kind, ValueKind::kTimestamp);
  EXPECT_EQ(describe("TIMESTAMP_NTZ", "TIMESTAMP_NTZ").kind, ValueKind::kTimestampNtz);
}

TEST(DescribeType, IntervalYearToMonth) {
  const auto t = describe("INTERVAL", "INTERVAL YEAR TO MONTH", -1, -1, "YEAR TO MONTH");
  EXPECT_EQ(t.kind, ValueKind::kIntervalYearMonth);
  EXPECT_EQ(t.sql_type, SQL_INTERVAL_YEAR_TO_MONTH);
  EXPECT_EQ(t.verbose_type, SQL_INTERVAL);
  EXPECT_EQ(t.datetime_subcode, SQL_CODE_YEAR_TO_MONTH);
  EXPECT_EQ(t.interval_precision, 9);
  EXPECT_EQ(t.column_size, 12u);  // leading 9 + "-mm"
  EXPECT_EQ(t.precision, 0);
  EXPECT_EQ(t.default_c_type, SQL_C_INTERVAL_YEAR_TO_MONTH);
  EXPECT_EQ(t.type_name, "INTERVAL YEAR TO MONTH");
}

TEST(DescribeType, IntervalDayToSecond) {
  const auto t = describe("INTERVAL", "INTERVAL DAY TO SECOND", -1, -1, "DAY TO SECOND");
  EXPECT_EQ(t.kind, ValueKind::kIntervalDayTime);
  EXPECT_EQ(t.sql_type, SQL_INTERVAL_DAY_TO_SECOND);
  EXPECT_EQ(t.precision, 6);
  EXPECT_EQ(t.column_size, 9u + 9u + 7u);  // "d hh:mm:ss.ffffff"
  EXPECT_EQ(t.default_c_type, SQL_C_INTERVAL_DAY_TO_SECOND);
}

TEST(DescribeType, EveryIntervalQualifier) {
  const std::pair<const char*, SQLSMALLINT> cases[] = {
      {"YEAR", SQL_INTERVAL_YEAR},
      {"MONTH", SQL_INTERVAL_MONTH},
      {"DAY", SQL_INTERVAL_DAY},
      {"HOUR", SQL_INTERVAL_HOUR},
      {"MINUTE", SQL_INTERVAL_MINUTE},
      {"SECOND", SQL_INTERVAL_SECOND},
      {"YEAR TO MONTH", SQL_INTERVAL_YEAR_TO_MONTH},
      {"DAY TO HOUR", SQL_INTERVAL_DAY_TO_HOUR},
      {"DAY TO MINUTE", SQL_INTERVAL_DAY_TO_MINUTE},
      {"DAY TO SECOND", SQL_INTERVAL_DAY_TO_SECOND},
      {"HOUR TO MINUTE", SQL_INTERVAL_HOUR_TO_MINUTE},
      {"HOUR TO SECOND", SQL_INTERVAL_HOUR_TO_SECOND},
      {"MINUTE TO SECOND", SQL_INTERVAL_MINUTE_TO_SECOND},
  };
  for (const auto& [qualifier, sql_type] : cases) {
    SCOPED_TRACE(qualifier);
    const auto t = describe("INTERVAL", std::string("INTERVAL ") + qualifier, -1, -1, qualifier);
    EXPECT_EQ(t.sql_type, sql_type);
    EXPECT_EQ(t.default_c_type, sql_type);  // SQL_C_INTERVAL_x has the same code
    EXPECT_EQ(t.datetime_subcode, sql_type - 100);
    const bool ym = sql_type == SQL_INTERVAL_YEAR || sql_type == SQL_INTERVAL_MONTH ||
                    sql_type == SQL_INTERVAL_YEAR_TO_MONTH;
    EXPECT_EQ(t.kind, ym ? ValueKind::kIntervalYearMonth : ValueKind::kIntervalDayTime);
    EXPECT_GT(t.column_size, 0u);
  }
}

TEST(DescribeType, IntervalQualifierFromTypeText) {
  const auto t = describe("INTERVAL", "INTERVAL HOUR TO MINUTE");
  EXPECT_EQ(t.sql_type, SQL_INTERVAL_HOUR_TO_MINUTE);
  EXPECT_EQ(t.column_size, 10u + 3u);
}

TEST(DescribeType, IntervalWithoutQualifierIsText) {
  const auto t = describe("INTERVAL", "INTERVAL");
  EXPECT_EQ(t.kind, ValueKind::kString);
  EXPECT_EQ(t.sql_type, SQL_WVARCHAR);
}

TEST(DescribeType, IntervalsAsTextKeepTheirKind) {
  DescribeOptions o;
  o.intervals_as_text = true;
  o.unicode_strings = false;
  const auto t = describe("INTERVAL", "INTERVAL DAY", -1, -1, "DAY", o);
  EXPECT_EQ(t.kind, ValueKind::kIntervalDayTime);
  EXPECT_EQ(t.sql_type, SQL_VARCHAR);
  EXPECT_EQ(t.datetime_subcode, SQL_CODE_DAY);
  EXPECT_EQ(t.default_c_type, SQL_C_CHAR);
  EXPECT_EQ(t.column_size, 10u);  // 9 digits and a sign

  const auto seconds = describe("INTERVAL", "INTERVAL DAY TO SECOND", -1, -1, "DAY TO SECOND", o);
  EXPECT_EQ(seconds.sql_type, SQL_VARCHAR);
  EXPECT_EQ(seconds.decimal_digits, 0);
  EXPECT_EQ(seconds.scale, 0);
}

TEST(DescribeType, ComplexTypesAreJsonText) {
  const std::pair<const char*, const char*> cases[] = {
      {"ARRAY", "ARRAY<INT>"},
      {"MAP", "MAP<STRING, STRING>"},
      {"STRUCT", "STRUCT<street: STRING, city: STRING, zip: INT>"},
      {"VARIANT", "VARIANT"},
  };
  for (const auto& [name, text] : cases) {
    SCOPED_TRACE(name);
    const auto t = describe(name, text);
    EXPECT_EQ(t.kind, ValueKind::kJson);
    EXPECT_EQ(t.sql_type, SQL_WVARCHAR);
    EXPECT_EQ(t.column_size, kDefaultStringColumnLength);
    EXPECT_EQ(t.type_name, name);
    EXPECT_EQ(t.type_text, text);
    EXPECT_FALSE(t.searchable);
  }
}

TEST(DescribeType, NullColumn) {
  const auto t = describe("NULL", "VOID");
  EXPECT_EQ(t.kind, ValueKind::kNull);
  EXPECT_EQ(t.type_name, "VOID");
  EXPECT_EQ(t.sql_type, SQL_WVARCHAR);
  EXPECT_EQ(t.column_size, 1u);
}

TEST(DescribeType, UnknownNamesAreText) {
  const auto t = describe("USER_DEFINED_TYPE", "GEOGRAPHY(4326)");
  EXPECT_EQ(t.kind, ValueKind::kString);
  EXPECT_EQ(t.sql_type, SQL_WVARCHAR);
  EXPECT_EQ(t.type_name, "USER_DEFINED_TYPE");
  EXPECT_EQ(t.type_text, "GEOGRAPHY(4326)");
}

TEST(DescribeType, NamesAreCaseInsensitiveAndFallBackToTypeText) {
  EXPECT_EQ(describe("int", "int").sql_type, SQL_INTEGER);
  EXPECT_EQ(describe("", "bigint").sql_type, SQL_BIGINT);
  EXPECT_EQ(describe("", "array<string>").kind, ValueKind::kJson);
}

TEST(DescribeType, IntervalColumnSizes) {
  EXPECT_EQ(interval_column_size(SQL_CODE_SECOND, 2, 6), 9u);
  EXPECT_EQ(interval_column_size(SQL_CODE_SECOND, 2, 0), 2u);
  EXPECT_EQ(interval_column_size(SQL_CODE_DAY_TO_MINUTE, 2, 0), 8u);
  EXPECT_EQ(interval_column_size(SQL_CODE_HOUR_TO_SECOND, 2, 3), 12u);
  EXPECT_EQ(interval_column_size(SQL_CODE_MINUTE_TO_SECOND, 2, 0), 5u);
}

}  // namespace
}  // namespace dbsql::convert
