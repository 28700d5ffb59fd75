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
  kString,  // STRING, CHAR, VARCHAR, and unknown type names
  kBinary,  // base64 text on the wire
  kDate,
  kTimestamp,  // with the session offset: returned as the server's wall-clock value
  kTimestampNtz,
  kIntervalYearMonth,
  kIntervalDayTime,
  kJson,  // ARRAY, MAP, STRUCT, VARIANT: JSON text
  kNull,  // NULL / VOID
};

// Databricks STRING (and BINARY, ARRAY, MAP, STRUCT, VARIANT) has no declared length, so
// the driver must pick one. 255 (the vendor driver's default) makes R/nanodbc, SAS and
// Tableau bind 255-byte buffers and silently lose data; 2^31-1 makes them allocate huge
// buffers or fall back to LONGVARCHAR handling. Power BI's Databricks connector and R's
// odbc::databricks() both override the vendor default to 65535, so that is ours.
inline constexpr SQLULEN kDefaultStringColumnLength = 65535;

// Leading-field precisions of Databricks intervals (the digits of the largest value:
// 178956970 years, 2147483647 months, 106751991 days, ...) and their seconds precision
// (microseconds).
inline constexpr SQLSMALLINT kIntervalSecondsPrecision = 6;

inline bool is_integer_kind(ValueKind k) {
  return k == ValueKind::kTinyInt || k == ValueKind::kSmallInt || k == ValueKind::kInt ||
         k == ValueKind::kBigInt;
}

struct DescribeOptions {
  // Describe STRING-like columns as SQL_WVARCHAR/SQL_WCHAR (default C type SQL_C_WCHAR)
  // instead of SQL_VARCHAR/SQL_CHAR: the data is Unicode, Power BI needs W types for
  // non-Latin slicers and filters, and the vendor driver does the same with
  // UseUnicodeSqlCharacterTypes=1. Set false for applications that only handle the
  // narrow types; both C types convert either way.
  bool unicode_strings = true;
  // Column size reported for STRING and the other length-less types (the vendor
  // driver's DefaultStringColumnLength key).
  SQLULEN string_column_length = kDefaultStringColumnLength;
  // Describe INTERVAL columns as character columns (VARCHAR) instead of the ODBC
  // interval types. Conversions to SQL_C_INTERVAL_* still work; this is for
  // applications, e.g. pyodbc, that fail on columns of an interval SQL type.
  bool intervals_as_text = false;
};

struct SqlTypeInfo {
  ValueKind kind = ValueKind::kString;
  SQLSMALLINT sql_type =
      SQL_VARCHAR;  // concise type (SQL_TYPE_TIMESTAMP, SQL_INTERVAL_DAY_TO_SECOND, ...)
  SQLSMALLINT verbose_type = SQL_VARCHAR;  // SQL_DESC_TYPE (SQL_DATETIME / SQL_INTERVAL for those)
  SQLSMALLINT datetime_subcode = 0;        // SQL_DESC_DATETIME_INTERVAL_CODE
  SQLULEN column_size = 0;                 // also SQL_DESC_LENGTH
  SQLSMALLINT decimal_digits = 0;
  SQLLEN display_size = 0;
  SQLLEN octet_length = 0;            // SQL_DESC_OCTET_LENGTH
  SQLSMALLINT precision = 0;          // SQL_DESC_PRECISION (intervals: the seconds precision)
  SQLSMALLINT scale = 0;              // SQL_DESC_SCALE
  SQLINTEGER interval_precision = 0;  // SQL_DESC_DATETIME_INTERVAL_PRECISION (leading field)
  SQLSMALLINT num_prec_radix = 0;     // 10 for exact numerics, 2 for approximate, 0 otherwise
  bool is_unsigned = false;
  bool case_sensitive = false;
  bool searchable = true;
  // SQL_DESC_TYPE_NAME: the unparameterized Databricks SQL name (INT, BIGINT, DECIMAL,
  // STRING, TIMESTAMP_NTZ, ARRAY, INTERVAL DAY TO SECOND, ...) so it equals the
  // SQLGetTypeInfo TYPE_NAME, as Power BI's type matching requires.
  std::string type_name;
  std::string type_text;  // the server's full type_text, e.g. DECIMAL(10,2), ARRAY<INT>
  std::string literal_prefix, literal_suffix;
  SQLSMALLINT default_c_type = SQL_C_CHAR;  // what SQL_C_DEFAULT means for this column
};

// `precision`/`scale` are type_precision/type_scale (-1 or 0 when absent: then parsed from
// type_text, else DECIMAL(10,0) as Databricks defaults); `interval_type` is
// type_interval_type (e.g. "DAY TO SECOND"; when empty it is taken from type_text).
// Matching is case-insensitive; unknown names describe a text column.
SqlTypeInfo describe_type(std::string_view type_name, std::string_view type_text, int precision,
                          int scale, std::string_view interval_type,
                          const DescribeOptions& options = {});

// Column size of an interval SQL type per ODBC appendix D (the characters of its literal
// body), from SQL_CODE_YEAR .. SQL_CODE_MINUTE_TO_SECOND.
SQLULEN interval_column_size(SQLSMALLINT code, SQLINTEGER leading_precision,
                             SQLSMALLINT seconds_precision);

}  // namespace dbsql::convert
