// validate_binding, the SQL type → wire type table, SQL_C_DEFAULT and NULL values.
#include <gtest/gtest.h>

#include <algorithm>

#include "params/params.h"
#include "params_test_util.h"

namespace dbsql::params::test {
namespace {

TEST(ValidateBinding, AcceptsAnInputParameter) {
  EXPECT_NO_THROW(validate_binding(type_of(SQL_C_SLONG, SQL_INTEGER), SQL_PARAM_INPUT));
  EXPECT_NO_THROW(validate_binding(type_of(SQL_C_DEFAULT, SQL_DECIMAL, 38, 10), SQL_PARAM_INPUT));
}

TEST(ValidateBinding, OutputParametersAreHY105WithAWayOut) {
  for (SQLSMALLINT io : {SQL_PARAM_OUTPUT, SQL_PARAM_INPUT_OUTPUT, SQL_PARAM_OUTPUT_STREAM,
                         SQL_PARAM_INPUT_OUTPUT_STREAM}) {
    EXPECT_TRUE(fails_with([&] { validate_binding(type_of(SQL_C_SLONG, SQL_INTEGER), io); },
                           "HY105", "only input parameters (SQL_PARAM_INPUT) are supported"));
    EXPECT_TRUE(fails_with([&] { validate_binding(type_of(SQL_C_SLONG, SQL_INTEGER), io); },
                           "HY105", "read results from the statement's result set"));
  }
}

TEST(ValidateBinding, UnknownCTypeIsHY003) {
  EXPECT_TRUE(fails_with([] { validate_binding(type_of(1234, SQL_INTEGER), SQL_PARAM_INPUT); },
                         "HY003", "C type 1234 is not a C data type this driver reads"));
  // SQL_DECIMAL is an SQL type, not a C type.
  EXPECT_TRUE(
      fails_with([] { validate_binding(type_of(SQL_DECIMAL, SQL_INTEGER), SQL_PARAM_INPUT); },
                 "HY003", "Invalid application buffer type"));
}

TEST(ValidateBinding, UnknownSqlTypeIsHY004) {
  EXPECT_TRUE(fails_with([] { validate_binding(type_of(SQL_C_CHAR, 4321), SQL_PARAM_INPUT); },
                         "HY004", "SQL type 4321 is not an SQL type this driver can send"));
  EXPECT_TRUE(fails_with([] { validate_binding(type_of(SQL_C_DEFAULT, 4321), SQL_PARAM_INPUT); },
                         "HY004", "Invalid SQL data type"));
}

TEST(ValidateBinding, ConversionsOutsideTheOdbcTableAre07006) {
  EXPECT_TRUE(
      fails_with([] { validate_binding(type_of(SQL_C_TYPE_DATE, SQL_INTEGER), SQL_PARAM_INPUT); },
                 "07006", "ODBC does not convert SQL_C_TYPE_DATE to SQL_INTEGER"));
  EXPECT_TRUE(fails_with([] { render(type_of(SQL_C_DOUBLE, SQL_INTERVAL_DAY), nullptr, 0); },
                         "07006", "SQL_C_CHAR and SQL_C_WCHAR convert to every SQL type"));
}

TEST(ValidateBinding, DecimalPrecisionAndScaleAreHY104) {
  const auto bind = [](SQLULEN size, SQLSMALLINT digits) {
    return
        [=] { validate_binding(type_of(SQL_C_CHAR, SQL_DECIMAL, size, digits), SQL_PARAM_INPUT); };
  };
  EXPECT_TRUE(fails_with(bind(39, 0), "HY104",
                         "ColumnSize 39 is above Databricks' largest "
                         "DECIMAL precision, 38"));
  EXPECT_TRUE(fails_with(bind(10, 11), "HY104", "DecimalDigits 11 is above ColumnSize 10"));
  EXPECT_TRUE(fails_with(bind(10, -1), "HY104", "DecimalDigits -1 is negative"));
  EXPECT_NO_THROW(bind(38, 38)());
  EXPECT_NO_THROW(bind(0, 5)());  // column size 0: derived from the value
}

TEST(ValidateBinding, FractionalSecondDigitsAreHY104) {
  for (SQLSMALLINT sql : {SQL_TYPE_TIMESTAMP, SQL_TYPE_TIME, SQL_INTERVAL_DAY_TO_SECOND}) {
    EXPECT_TRUE(
        fails_with([&] { validate_binding(type_of(SQL_C_CHAR, sql, 0, 10), SQL_PARAM_INPUT); },
                   "HY104", "DecimalDigits 10 is not a number of fractional-second digits (0..9)"));
    EXPECT_NO_THROW(validate_binding(type_of(SQL_C_CHAR, sql, 0, 9), SQL_PARAM_INPUT));
  }
}

struct WireTypeCase {
  SQLSMALLINT sql_type;
  const char* wire;
};

// Every SQL type, with the wire type of its NULL (DECIMAL: column size 0 → DECIMAL(38,s)).
constexpr WireTypeCase kWireTypes[] = {
    {SQL_CHAR, "STRING"},
    {SQL_VARCHAR, "STRING"},
    {SQL_LONGVARCHAR, "STRING"},
    {SQL_WCHAR, "STRING"},
    {SQL_WVARCHAR, "STRING"},
    {SQL_WLONGVARCHAR, "STRING"},
    {SQL_DECIMAL, "DECIMAL(38,0)"},
    {SQL_NUMERIC, "DECIMAL(38,0)"},
    {SQL_BIT, "BOOLEAN"},
    {SQL_TINYINT, "TINYINT"},
    {SQL_SMALLINT, "SMALLINT"},
    {SQL_INTEGER, "INT"},
    {SQL_BIGINT, "BIGINT"},
    {SQL_REAL, "FLOAT"},
    {SQL_FLOAT, "DOUBLE"},
    {SQL_DOUBLE, "DOUBLE"},
    {SQL_BINARY, "STRING"},
    {SQL_VARBINARY, "STRING"},
    {SQL_LONGVARBINARY, "STRING"},
    {SQL_TYPE_DATE, "DATE"},
    {SQL_DATE, "DATE"},
    {SQL_TYPE_TIME, "STRING"},
    {SQL_TIME, "STRING"},
    {SQL_TYPE_TIMESTAMP, "TIMESTAMP"},
    {SQL_TIMESTAMP, "TIMESTAMP"},
    {SQL_GUID, "STRING"},
    {SQL_INTERVAL_YEAR, "INTERVAL YEAR"},
    {SQL_INTERVAL_MONTH, "INTERVAL MONTH"},
    {SQL_INTERVAL_YEAR_TO_MONTH, "INTERVAL YEAR TO MONTH"},
    {SQL_INTERVAL_DAY, "INTERVAL DAY"},
    {SQL_INTERVAL_HOUR, "INTERVAL HOUR"},
    {SQL_INTERVAL_MINUTE, "INTERVAL MINUTE"},
    {SQL_INTERVAL_SECOND, "INTERVAL SECOND"},
    {SQL_INTERVAL_DAY_TO_HOUR, "INTERVAL DAY TO HOUR"},
    {SQL_INTERVAL_DAY_TO_MINUTE, "INTERVAL DAY TO MINUTE"},
    {SQL_INTERVAL_DAY_TO_SECOND, "INTERVAL DAY TO SECOND"},
    {SQL_INTERVAL_HOUR_TO_MINUTE, "INTERVAL HOUR TO MINUTE"},
    {SQL_INTERVAL_HOUR_TO_SECOND, "INTERVAL HOUR TO SECOND"},
    {SQL_INTERVAL_MINUTE_TO_SECOND, "INTERVAL MINUTE TO SECOND"},
};

TEST(WireTypes, NullOfEverySqlTypeIsAnItemWithoutValue) {
  for (const auto& c : kWireTypes) {
    SCOPED_TRACE(c.sql_type);
    // SQL_NULL_DATA needs no buffer.
    const WireValue w = render(type_of(SQL_C_CHAR, c.sql_type), nullptr, SQL_NULL_DATA);
    EXPECT_EQ(w.type, c.wire);
    EXPECT_FALSE(w.value.has_value());
    EXPECT_FALSE(w.hex_binary);
  }
}

TEST(WireTypes, NullDecimalKeepsADeclaredType) {
  EXPECT_EQ(render(type_of(SQL_C_NUMERIC, SQL_DECIMAL, 5, 2), nullptr, SQL_NULL_DATA).type,
            "DECIMAL(5,2)");
  EXPECT_EQ(render(type_of(SQL_C_CHAR, SQL_NUMERIC, 0, 4), nullptr, SQL_NULL_DATA).type,
            "DECIMAL(38,4)");
}

struct DefaultCase {
  SQLSMALLINT sql_type;
  SQLSMALLINT c_type;
};

// ODBC appendix D, "Default C Data Types" (signed for the integer types).
constexpr DefaultCase kDefaults[] = {
    {SQL_CHAR, SQL_C_CHAR},
    {SQL_VARCHAR, SQL_C_CHAR},
    {SQL_LONGVARCHAR, SQL_C_CHAR},
    {SQL_WCHAR, SQL_C_WCHAR},
    {SQL_WVARCHAR, SQL_C_WCHAR},
    {SQL_WLONGVARCHAR, SQL_C_WCHAR},
    {SQL_DECIMAL, SQL_C_CHAR},
    {SQL_NUMERIC, SQL_C_CHAR},
    {SQL_BIT, SQL_C_BIT},
    {SQL_TINYINT, SQL_C_STINYINT},
    {SQL_SMALLINT, SQL_C_SSHORT},
    {SQL_INTEGER, SQL_C_SLONG},
    {SQL_BIGINT, SQL_C_SBIGINT},
    {SQL_REAL, SQL_C_FLOAT},
    {SQL_FLOAT, SQL_C_DOUBLE},
    {SQL_DOUBLE, SQL_C_DOUBLE},
    {SQL_BINARY, SQL_C_BINARY},
    {SQL_VARBINARY, SQL_C_BINARY},
    {SQL_LONGVARBINARY, SQL_C_BINARY},
    {SQL_TYPE_DATE, SQL_C_TYPE_DATE},
    {SQL_TYPE_TIME, SQL_C_TYPE_TIME},
    {SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP},
    {SQL_GUID, SQL_C_GUID},
    {SQL_INTERVAL_YEAR_TO_MONTH, SQL_C_INTERVAL_YEAR_TO_MONTH},
    {SQL_INTERVAL_MINUTE_TO_SECOND, SQL_C_INTERVAL_MINUTE_TO_SECOND},
};

TEST(DefaultCType, FollowsTheOdbcTable) {
  for (const auto& c : kDefaults) {
    SCOPED_TRACE(c.sql_type);
    EXPECT_EQ(default_c_type(c.sql_type), c.c_type);
  }
  EXPECT_EQ(default_c_type(4321), 0);
}

TEST(DefaultCType, RendersThroughTheDefault) {
  SQLINTEGER i = -7;
  EXPECT_EQ(*render_value(SQL_C_DEFAULT, SQL_INTEGER, i).value, "-7");
  SQLDOUBLE d = 2.5;
  EXPECT_EQ(*render_value(SQL_C_DEFAULT, SQL_DOUBLE, d).value, "2.5");
  EXPECT_EQ(*render(type_of(SQL_C_DEFAULT, SQL_DECIMAL, 5, 2), "1.5", SQL_NTS).value, "1.50");
}

// The ODBC C → SQL conversion matrix, one row per C type: which SQL types it converts to.
struct MatrixRow {
  SQLSMALLINT c_type;
  std::vector<SQLSMALLINT> allowed;
};

const std::vector<SQLSMALLINT> kCharTypes = {SQL_CHAR,  SQL_VARCHAR,  SQL_LONGVARCHAR,
                                             SQL_WCHAR, SQL_WVARCHAR, SQL_WLONGVARCHAR};
const std::vector<SQLSMALLINT> kNumberTypes = {SQL_DECIMAL,  SQL_NUMERIC, SQL_BIT,    SQL_TINYINT,
                                               SQL_SMALLINT, SQL_INTEGER, SQL_BIGINT, SQL_REAL,
                                               SQL_FLOAT,    SQL_DOUBLE};

std::vector<SQLSMALLINT> join(std::initializer_list<std::vector<SQLSMALLINT>> parts) {
  std::vector<SQLSMALLINT> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(ConversionMatrix, EveryCTypeAgainstEverySqlType) {
  const std::vector<SQLSMALLINT> single_intervals = {SQL_INTERVAL_YEAR,   SQL_INTERVAL_MONTH,
                                                     SQL_INTERVAL_DAY,    SQL_INTERVAL_HOUR,
                                                     SQL_INTERVAL_MINUTE, SQL_INTERVAL_SECOND};
  const std::vector<SQLSMALLINT> exact = {SQL_DECIMAL,  SQL_NUMERIC, SQL_TINYINT,
                                          SQL_SMALLINT, SQL_INTEGER, SQL_BIGINT};
  const std::vector<SQLSMALLINT> ym = {SQL_INTERVAL_YEAR, SQL_INTERVAL_MONTH,
                                       SQL_INTERVAL_YEAR_TO_MONTH};
  std::vector<SQLSMALLINT> dt;
  for (int code = SQL_CODE_DAY; code <= SQL_CODE_MINUTE_TO_SECOND; ++code)
    if (code != SQL_CODE_YEAR_TO_MONTH) dt.push_back(static_cast<SQLSMALLINT>(100 + code));
  std::vector<SQLSMALLINT> all;
  for (const auto& c : kWireTypes) all.push_back(c.sql_type);

  const auto numbers_to = join({kCharTypes, kNumberTypes, single_intervals});
  const std::vector<MatrixRow> rows = {
      {SQL_C_CHAR, all},
      {SQL_C_WCHAR, all},
      {SQL_C_BINARY,
       join({kCharTypes,
             kNumberTypes,
             {SQL_BINARY, SQL_VARBINARY, SQL_LONGVARBINARY, SQL_TYPE_DATE, SQL_DATE, SQL_TYPE_TIME,
              SQL_TIME, SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP, SQL_GUID}})},
      {SQL_C_BIT, join({kCharTypes, kNumberTypes})},
      {SQL_C_STINYINT, numbers_to},
      {SQL_C_UTINYINT, numbers_to},
      {SQL_C_TINYINT, numbers_to},
      {SQL_C_SSHORT, numbers_to},
      {SQL_C_USHORT, numbers_to},
      {SQL_C_SHORT, numbers_to},
      {SQL_C_SLONG, numbers_to},
      {SQL_C_ULONG, numbers_to},
      {SQL_C_LONG, numbers_to},
      {SQL_C_SBIGINT, numbers_to},
      {SQL_C_UBIGINT, numbers_to},
      {SQL_C_NUMERIC, numbers_to},
      {SQL_C_FLOAT, join({kCharTypes, kNumberTypes})},
      {SQL_C_DOUBLE, join({kCharTypes, kNumberTypes})},
      {SQL_C_TYPE_DATE,
       join({kCharTypes, {SQL_TYPE_DATE, SQL_DATE, SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP}})},
      {SQL_C_DATE,
       join({kCharTypes, {SQL_TYPE_DATE, SQL_DATE, SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP}})},
      {SQL_C_TYPE_TIME,
       join({kCharTypes, {SQL_TYPE_TIME, SQL_TIME, SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP}})},
      {SQL_C_TIME,
       join({kCharTypes, {SQL_TYPE_TIME, SQL_TIME, SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP}})},
      {SQL_C_TYPE_TIMESTAMP, join({kCharTypes,
                                   {SQL_TYPE_DATE, SQL_DATE, SQL_TYPE_TIME, SQL_TIME,
                                    SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP}})},
      {SQL_C_TIMESTAMP, join({kCharTypes,
                              {SQL_TYPE_DATE, SQL_DATE, SQL_TYPE_TIME, SQL_TIME, SQL_TYPE_TIMESTAMP,
                               SQL_TIMESTAMP}})},
      {SQL_C_GUID, join({kCharTypes, {SQL_GUID}})},
      {SQL_C_INTERVAL_YEAR, join({kCharTypes, ym, exact})},
      {SQL_C_INTERVAL_MONTH, join({kCharTypes, ym, exact})},
      {SQL_C_INTERVAL_YEAR_TO_MONTH, join({kCharTypes, ym})},
      {SQL_C_INTERVAL_DAY, join({kCharTypes, dt, exact})},
      {SQL_C_INTERVAL_HOUR, join({kCharTypes, dt, exact})},
      {SQL_C_INTERVAL_MINUTE, join({kCharTypes, dt, exact})},
      {SQL_C_INTERVAL_SECOND, join({kCharTypes, dt, exact})},
      {SQL_C_INTERVAL_DAY_TO_HOUR, join({kCharTypes, dt})},
      {SQL_C_INTERVAL_DAY_TO_MINUTE, join({kCharTypes, dt})},
      {SQL_C_INTERVAL_DAY_TO_SECOND, join({kCharTypes, dt})},
      {SQL_C_INTERVAL_HOUR_TO_MINUTE, join({kCharTypes, dt})},
      {SQL_C_INTERVAL_HOUR_TO_SECOND, join({kCharTypes, dt})},
      {SQL_C_INTERVAL_MINUTE_TO_SECOND, join({kCharTypes, dt})},
  };
  for (const auto& row : rows) {
    for (const SQLSMALLINT sql : all) {
      const bool expected =
          std::find(row.allowed.begin(), row.allowed.end(), sql) != row.allowed.end();
      bool ok = true;
      try {
        validate_binding(type_of(row.c_type, sql), SQL_PARAM_INPUT);
      } catch (const Error& e) {
        ok = false;
        EXPECT_EQ(e.sqlstate(), "07006") << e.what();
      }
      EXPECT_EQ(ok, expected) << "C type " << row.c_type << " to SQL type " << sql;
    }
  }
}

TEST(RenderLengths, NullPointerWithAValueIsHY009) {
  EXPECT_TRUE(fails_with([] { render(type_of(SQL_C_SLONG, SQL_INTEGER), nullptr, 4); }, "HY009",
                         "set the indicator to SQL_NULL_DATA for NULL"));
}

TEST(RenderLengths, NegativeLengthsAreHY090) {
  EXPECT_TRUE(fails_with([] { render(type_of(SQL_C_CHAR, SQL_VARCHAR), "x", -7); }, "HY090",
                         "-7 is negative and is neither SQL_NTS nor SQL_NULL_DATA"));
  EXPECT_TRUE(fails_with([] { render(type_of(SQL_C_CHAR, SQL_VARCHAR), "x", SQL_DEFAULT_PARAM); },
                         "HY090", "SQL_DEFAULT_PARAM"));
  EXPECT_TRUE(fails_with([] { render(type_of(SQL_C_BINARY, SQL_VARBINARY), "x", SQL_NTS); },
                         "HY090", "binary data cannot be null-terminated"));
  const char16_t wide[] = u"ab";
  EXPECT_TRUE(fails_with([&] { render(type_of(SQL_C_WCHAR, SQL_WVARCHAR), wide, 3); }, "HY090",
                         "is not a multiple of 2 bytes"));
}

TEST(RenderLengths, FixedSizeTypesIgnoreTheLength) {
  SQLINTEGER v = 42;
  EXPECT_EQ(*render(type_of(SQL_C_SLONG, SQL_INTEGER), &v, SQL_NTS).value, "42");
  EXPECT_EQ(*render(type_of(SQL_C_SLONG, SQL_INTEGER), &v, -77).value, "42");
  EXPECT_EQ(*render(type_of(SQL_C_SLONG, SQL_INTEGER), &v, 1).value, "42");
}

}  // namespace
}  // namespace dbsql::params::test
