// The SQL type → wire type table, the C type table, the C → SQL conversion matrix and
// the binding-time checks.
#include <iterator>

#include "convert/convert.h"
#include "convert/interval_text.h"
#include "params/errors.h"
#include "params/types.h"
#include "util/error.h"

namespace dbsql::params {
namespace {

struct SqlRow {
  SQLSMALLINT sql_type;
  const char* name;
  SqlInfo info;
  SQLSMALLINT default_c;
};

// SQL_DATE / SQL_TIME / SQL_TIMESTAMP are the ODBC 2 codes an ODBC 2 application (or a
// driver manager passing them through) may still use. SQL_TYPE_TIME has no Databricks
// type: it travels as 'hh:mm:ss[.f]' text. BINARY travels as hex text (see
// wire_assumptions.h).
constexpr SqlRow kSqlTypes[] = {
    {SQL_CHAR, "SQL_CHAR", {SqlClass::kString, "STRING"}, SQL_C_CHAR},
    {SQL_VARCHAR, "SQL_VARCHAR", {SqlClass::kString, "STRING"}, SQL_C_CHAR},
    {SQL_LONGVARCHAR, "SQL_LONGVARCHAR", {SqlClass::kString, "STRING"}, SQL_C_CHAR},
    {SQL_WCHAR, "SQL_WCHAR", {SqlClass::kString, "STRING", 0, true}, SQL_C_WCHAR},
    {SQL_WVARCHAR, "SQL_WVARCHAR", {SqlClass::kString, "STRING", 0, true}, SQL_C_WCHAR},
    {SQL_WLONGVARCHAR, "SQL_WLONGVARCHAR", {SqlClass::kString, "STRING", 0, true}, SQL_C_WCHAR},
    {SQL_DECIMAL, "SQL_DECIMAL", {SqlClass::kDecimal, "DECIMAL"}, SQL_C_CHAR},
    {SQL_NUMERIC, "SQL_NUMERIC", {SqlClass::kDecimal, "DECIMAL"}, SQL_C_CHAR},
    {SQL_BIT, "SQL_BIT", {SqlClass::kBoolean, "BOOLEAN"}, SQL_C_BIT},
    {SQL_TINYINT, "SQL_TINYINT", {SqlClass::kInteger, "TINYINT"}, SQL_C_STINYINT},
    {SQL_SMALLINT, "SQL_SMALLINT", {SqlClass::kInteger, "SMALLINT"}, SQL_C_SSHORT},
    {SQL_INTEGER, "SQL_INTEGER", {SqlClass::kInteger, "INT"}, SQL_C_SLONG},
    {SQL_BIGINT, "SQL_BIGINT", {SqlClass::kInteger, "BIGINT"}, SQL_C_SBIGINT},
    {SQL_REAL, "SQL_REAL", {SqlClass::kReal, "FLOAT"}, SQL_C_FLOAT},
    {SQL_FLOAT, "SQL_FLOAT", {SqlClass::kDouble, "DOUBLE"}, SQL_C_DOUBLE},
    {SQL_DOUBLE, "SQL_DOUBLE", {SqlClass::kDouble, "DOUBLE"}, SQL_C_DOUBLE},
    {SQL_BINARY, "SQL_BINARY", {SqlClass::kBinary, "STRING"}, SQL_C_BINARY},
    {SQL_VARBINARY, "SQL_VARBINARY", {SqlClass::kBinary, "STRING"}, SQL_C_BINARY},
    {SQL_LONGVARBINARY, "SQL_LONGVARBINARY", {SqlClass::kBinary, "STRING"}, SQL_C_BINARY},
    {SQL_TYPE_DATE, "SQL_TYPE_DATE", {SqlClass::kDate, "DATE"}, SQL_C_TYPE_DATE},
    {SQL_DATE, "SQL_DATE", {SqlClass::kDate, "DATE"}, SQL_C_TYPE_DATE},
    {SQL_TYPE_TIME, "SQL_TYPE_TIME", {SqlClass::kTime, "STRING"}, SQL_C_TYPE_TIME},
    {SQL_TIME, "SQL_TIME", {SqlClass::kTime, "STRING"}, SQL_C_TYPE_TIME},
    {SQL_TYPE_TIMESTAMP,
     "SQL_TYPE_TIMESTAMP",
     {SqlClass::kTimestamp, "TIMESTAMP"},
     SQL_C_TYPE_TIMESTAMP},
    {SQL_TIMESTAMP, "SQL_TIMESTAMP", {SqlClass::kTimestamp, "TIMESTAMP"}, SQL_C_TYPE_TIMESTAMP},
    {SQL_GUID, "SQL_GUID", {SqlClass::kGuid, "STRING"}, SQL_C_GUID},
#define DBSQL_INTERVAL_ROW(code, cls, wire)                                             \
  {                                                                                     \
    SQL_INTERVAL_##code, "SQL_INTERVAL_" #code, {SqlClass::cls, wire, SQL_CODE_##code}, \
        SQL_C_INTERVAL_##code                                                           \
  }
    DBSQL_INTERVAL_ROW(YEAR, kIntervalYearMonth, "INTERVAL YEAR"),
    DBSQL_INTERVAL_ROW(MONTH, kIntervalYearMonth, "INTERVAL MONTH"),
    DBSQL_INTERVAL_ROW(YEAR_TO_MONTH, kIntervalYearMonth, "INTERVAL YEAR TO MONTH"),
    DBSQL_INTERVAL_ROW(DAY, kIntervalDayTime, "INTERVAL DAY"),
    DBSQL_INTERVAL_ROW(HOUR, kIntervalDayTime, "INTERVAL HOUR"),
    DBSQL_INTERVAL_ROW(MINUTE, kIntervalDayTime, "INTERVAL MINUTE"),
    DBSQL_INTERVAL_ROW(SECOND, kIntervalDayTime, "INTERVAL SECOND"),
    DBSQL_INTERVAL_ROW(DAY_TO_HOUR, kIntervalDayTime, "INTERVAL DAY TO HOUR"),
    DBSQL_INTERVAL_ROW(DAY_TO_MINUTE, kIntervalDayTime, "INTERVAL DAY TO MINUTE"),
    DBSQL_INTERVAL_ROW(DAY_TO_SECOND, kIntervalDayTime, "INTERVAL DAY TO SECOND"),
    DBSQL_INTERVAL_ROW(HOUR_TO_MINUTE, kIntervalDayTime, "INTERVAL HOUR TO MINUTE"),
    DBSQL_INTERVAL_ROW(HOUR_TO_SECOND, kIntervalDayTime, "INTERVAL HOUR TO SECOND"),
    DBSQL_INTERVAL_ROW(MINUTE_TO_SECOND, kIntervalDayTime, "INTERVAL MINUTE TO SECOND"),
#undef DBSQL_INTERVAL_ROW
};

const SqlRow* find_sql(SQLSMALLINT sql_type) {
  for (const auto& row : kSqlTypes)
    if (row.sql_type == sql_type) return &row;
  return nullptr;
}

struct CRow {
  SQLSMALLINT c_type;
  CClass cls;
};

constexpr CRow kCTypes[] = {
    {SQL_C_CHAR, CClass::kChar},
    {SQL_C_WCHAR, CClass::kWChar},
    {SQL_C_BINARY, CClass::kBinary},
    {SQL_C_BIT, CClass::kBit},
    {SQL_C_STINYINT, CClass::kInteger},
    {SQL_C_UTINYINT, CClass::kInteger},
    {SQL_C_TINYINT, CClass::kInteger},
    {SQL_C_SSHORT, CClass::kInteger},
    {SQL_C_USHORT, CClass::kInteger},
    {SQL_C_SHORT, CClass::kInteger},
    {SQL_C_SLONG, CClass::kInteger},
    {SQL_C_ULONG, CClass::kInteger},
    {SQL_C_LONG, CClass::kInteger},
    {SQL_C_SBIGINT, CClass::kInteger},
    {SQL_C_UBIGINT, CClass::kInteger},
    {SQL_C_FLOAT, CClass::kFloating},
    {SQL_C_DOUBLE, CClass::kFloating},
    {SQL_C_NUMERIC, CClass::kNumeric},
    {SQL_C_TYPE_DATE, CClass::kDate},
    {SQL_C_DATE, CClass::kDate},
    {SQL_C_TYPE_TIME, CClass::kTime},
    {SQL_C_TIME, CClass::kTime},
    {SQL_C_TYPE_TIMESTAMP, CClass::kTimestamp},
    {SQL_C_TIMESTAMP, CClass::kTimestamp},
    {SQL_C_GUID, CClass::kGuid},
};

// One row per C class: the SQL classes ODBC converts it to (appendix D, "Converting Data
// from C to SQL Data Types"). Conditional cells (single-field intervals) are refined in
// allowed(). SQL_C_BINARY → SQL_GUID is not in the table; it is accepted here as the 16
// bytes of an SQLGUID, like the other binary → fixed-size conversions.
constexpr unsigned bit(SqlClass c) {
  return 1u << static_cast<unsigned>(c);
}
constexpr unsigned kNumbers = bit(SqlClass::kDecimal) | bit(SqlClass::kBoolean) |
                              bit(SqlClass::kInteger) | bit(SqlClass::kReal) |
                              bit(SqlClass::kDouble);
constexpr unsigned kIntervals = bit(SqlClass::kIntervalYearMonth) | bit(SqlClass::kIntervalDayTime);
constexpr unsigned kAllSql = ~bit(SqlClass::kUnknown);

struct MatrixRow {
  CClass c;
  unsigned to;
};
constexpr MatrixRow kMatrix[] = {
    {CClass::kChar, kAllSql},
    {CClass::kWChar, kAllSql},
    {CClass::kBinary, bit(SqlClass::kString) | kNumbers | bit(SqlClass::kBinary) |
                          bit(SqlClass::kDate) | bit(SqlClass::kTime) | bit(SqlClass::kTimestamp) |
                          bit(SqlClass::kGuid)},
    {CClass::kBit, bit(SqlClass::kString) | kNumbers},
    {CClass::kInteger, bit(SqlClass::kString) | kNumbers | kIntervals},
    {CClass::kFloating, bit(SqlClass::kString) | kNumbers},
    {CClass::kNumeric, bit(SqlClass::kString) | kNumbers | kIntervals},
    {CClass::kDate, bit(SqlClass::kString) | bit(SqlClass::kDate) | bit(SqlClass::kTimestamp)},
    {CClass::kTime, bit(SqlClass::kString) | bit(SqlClass::kTime) | bit(SqlClass::kTimestamp)},
    {CClass::kTimestamp, bit(SqlClass::kString) | bit(SqlClass::kDate) | bit(SqlClass::kTime) |
                             bit(SqlClass::kTimestamp)},
    {CClass::kIntervalYearMonth, bit(SqlClass::kString) | bit(SqlClass::kIntervalYearMonth) |
                                     bit(SqlClass::kDecimal) | bit(SqlClass::kInteger)},
    {CClass::kIntervalDayTime, bit(SqlClass::kString) | bit(SqlClass::kIntervalDayTime) |
                                   bit(SqlClass::kDecimal) | bit(SqlClass::kInteger)},
    {CClass::kGuid, bit(SqlClass::kString) | bit(SqlClass::kGuid)},
};

bool allowed(CClass c, SQLSMALLINT c_type, const SqlInfo& sql) {
  unsigned to = 0;
  for (const auto& row : kMatrix)
    if (row.c == c) to = row.to;
  if ((to & bit(sql.cls)) == 0) return false;
  const bool c_interval = c == CClass::kIntervalYearMonth || c == CClass::kIntervalDayTime;
  const bool sql_interval = sql.interval_code != 0;
  // Exact numbers and intervals convert into each other only through a single field, and
  // approximate numbers never do (ODBC "C to SQL: Numeric" note [a]).
  if (c_interval && !sql_interval && sql.cls != SqlClass::kString)
    return convert::is_single_field_code(c_type - 100);
  if (sql_interval && (c == CClass::kInteger || c == CClass::kNumeric))
    return convert::is_single_field_code(sql.interval_code);
  return true;
}

void check_decimal_digits(const ParamType& type, const SqlInfo& sql) {
  const auto fail = [&](const std::string& why) {
    throw Error("HY104", "Invalid precision or scale value: " + why + " for " +
                             sql_type_name(type.sql_type) + ".");
  };
  switch (sql.cls) {
    case SqlClass::kDecimal:
      if (type.column_size > static_cast<SQLULEN>(kMaxDecimalPrecision))
        fail("ColumnSize " + std::to_string(type.column_size) +
             " is above Databricks' largest DECIMAL precision, 38");
      if (type.decimal_digits < 0)
        fail("DecimalDigits " + std::to_string(type.decimal_digits) +
             " is negative (Databricks DECIMAL scales are 0..precision)");
      if (type.column_size > 0 && static_cast<SQLULEN>(type.decimal_digits) > type.column_size)
        fail("DecimalDigits " + std::to_string(type.decimal_digits) + " is above ColumnSize " +
             std::to_string(type.column_size));
      return;
    case SqlClass::kTime:
    case SqlClass::kTimestamp:
    case SqlClass::kIntervalDayTime:
      if (type.decimal_digits < 0 || type.decimal_digits > 9)
        fail("DecimalDigits " + std::to_string(type.decimal_digits) +
             " is not a number of fractional-second digits (0..9)");
      return;
    default:
      return;
  }
}

}  // namespace

SqlInfo sql_info(SQLSMALLINT sql_type) {
  const SqlRow* row = find_sql(sql_type);
  return row ? row->info : SqlInfo{};
}

CClass c_class(SQLSMALLINT c_type) {
  for (const auto& row : kCTypes)
    if (row.c_type == c_type) return row.cls;
  const int code = c_type - 100;
  if (convert::is_interval_code(code))
    return convert::is_year_month_code(code) ? CClass::kIntervalYearMonth
                                             : CClass::kIntervalDayTime;
  return CClass::kUnknown;
}

SQLSMALLINT default_c_type(SQLSMALLINT sql_type) {
  const SqlRow* row = find_sql(sql_type);
  return row ? row->default_c : 0;
}

SQLSMALLINT resolved_c_type(const ParamType& type) {
  return type.c_type == SQL_C_DEFAULT ? default_c_type(type.sql_type) : type.c_type;
}

std::string sql_type_name(SQLSMALLINT sql_type) {
  const SqlRow* row = find_sql(sql_type);
  return row ? row->name : "SQL type " + std::to_string(sql_type);
}

void check_types(const ParamType& type) {
  const SqlInfo sql = sql_info(type.sql_type);
  if (sql.cls == SqlClass::kUnknown) {
    throw Error("HY004", "Invalid SQL data type: " + sql_type_name(type.sql_type) +
                             " is not an SQL type this driver can send; use a character, "
                             "numeric, binary, date/time, interval or GUID SQL type.");
  }
  const SQLSMALLINT c_type = resolved_c_type(type);
  const CClass c = c_class(c_type);
  if (c == CClass::kUnknown) {
    throw Error("HY003", "Invalid application buffer type: " + convert::c_type_name(c_type) +
                             " is not a C data type this driver reads parameters from.");
  }
  if (!allowed(c, c_type, sql)) {
    throw Error("07006", "Restricted data type attribute violation: ODBC does not convert " +
                             convert::c_type_name(c_type) + " to " + sql_type_name(type.sql_type) +
                             "; bind a C type that converts to it (SQL_C_CHAR and "
                             "SQL_C_WCHAR convert to every SQL type).");
  }
  check_decimal_digits(type, sql);
}

void validate_binding(const ParamType& type, SQLSMALLINT input_output_type) {
  if (input_output_type != SQL_PARAM_INPUT) {
    throw Error("HY105",
                "Invalid parameter type: only input parameters (SQL_PARAM_INPUT) are "
                "supported. The Databricks SQL Statement Execution API returns no output or "
                "input/output parameters; bind the value as SQL_PARAM_INPUT and read results "
                "from the statement's result set instead (e.g. SELECT the value).");
  }
  check_types(type);
}

}  // namespace dbsql::params
