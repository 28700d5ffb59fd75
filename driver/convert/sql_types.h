#pragma once
// Databricks type_name/type_text → ODBC SQL type description (column size, digits,
// display size, ...). One table, used by SQLDescribeCol, SQLColAttribute, the IRD and
// the converters.
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>

namespace dbsql::convert {

// How a cell's text is interpreted.
enum class ValueKind {
  kBoolean,
  kTinyInt,
  kSmallInt,
  kInt,
  kBigInt,
  kFloat,
  kDouble,
  kDecimal,
  kString,     // STRING, CHAR, VARCHAR, and unknown type names
  kBinary,     // base64 text on the wire
  kDate,
  kTimestamp,     // with the session offset: returned as the server's wall-clock value
  kTimestampNtz,
  kIntervalYearMonth,
  kIntervalDayTime,
  kJson,       // ARRAY, MAP, STRUCT, VARIANT: JSON text
  kNull,       // NULL / VOID
};

struct SqlTypeInfo {
  ValueKind kind = ValueKind::kString;
  SQLSMALLINT sql_type = SQL_VARCHAR;      // concise type (SQL_TYPE_TIMESTAMP, SQL_INTERVAL_DAY_TO_SECOND, ...)
  SQLSMALLINT verbose_type = SQL_VARCHAR;  // SQL_DESC_TYPE (SQL_DATETIME / SQL_INTERVAL for those)
  SQLSMALLINT datetime_subcode = 0;        // SQL_DESC_DATETIME_INTERVAL_CODE
  SQLULEN column_size = 0;
  SQLSMALLINT decimal_digits = 0;
  SQLLEN display_size = 0;
  SQLLEN octet_length = 0;                 // SQL_DESC_OCTET_LENGTH
  SQLSMALLINT precision = 0;               // SQL_DESC_PRECISION
  SQLSMALLINT scale = 0;                   // SQL_DESC_SCALE
  SQLSMALLINT num_prec_radix = 0;          // 10 for exact numerics, 2 for approximate, 0 otherwise
  bool is_unsigned = false;
  bool case_sensitive = false;
  bool searchable = true;
  std::string type_name;                   // SQL_DESC_TYPE_NAME: the Databricks type_text
  std::string literal_prefix, literal_suffix;
  SQLSMALLINT default_c_type = SQL_C_CHAR; // what SQL_C_DEFAULT means for this column
};

SqlTypeInfo describe_type(std::string_view type_name, std::string_view type_text, int precision,
                          int scale, std::string_view interval_type);

}  // namespace dbsql::convert
