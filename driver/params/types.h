#pragma once
// The two tables behind validate_binding and render: SQL type → wire type (and the
// renderer class), C type → reader class, and which classes ODBC converts between.
#include <sql.h>
#include <sqlext.h>

#include <string>

#include "params/params.h"

namespace dbsql::params {

// The SQL types grouped by how their wire value is rendered.
enum class SqlClass {
  kUnknown,
  kString,  // CHAR, VARCHAR, LONGVARCHAR and the W variants
  kDecimal,
  kBoolean,
  kInteger,  // TINYINT .. BIGINT
  kReal,     // Databricks FLOAT (32-bit)
  kDouble,
  kBinary,
  kDate,
  kTime,
  kTimestamp,
  kGuid,
  kIntervalYearMonth,
  kIntervalDayTime,
};

// The C types grouped by how their buffer is read.
enum class CClass {
  kUnknown,
  kChar,
  kWChar,
  kBinary,
  kBit,
  kInteger,  // every signed / unsigned integer type
  kFloating,
  kNumeric,
  kDate,
  kTime,
  kTimestamp,
  kIntervalYearMonth,
  kIntervalDayTime,
  kGuid,
};

struct SqlInfo {
  SqlClass cls = SqlClass::kUnknown;
  const char* wire_type = "";  // fixed wire type name; DECIMAL builds its own
  int interval_code = 0;       // SQL_CODE_* for interval types
  bool wide = false;           // SQL_WCHAR family (for messages only)
};

SqlInfo sql_info(SQLSMALLINT sql_type);
CClass c_class(SQLSMALLINT c_type);

// SQL_C_DEFAULT resolved; other codes unchanged.
SQLSMALLINT resolved_c_type(const ParamType& type);

// HY003 / HY004 / 07006 / HY104 checks shared by validate_binding and render.
void check_types(const ParamType& type);

// Messages: "SQL_INTEGER", "SQL_INTERVAL_DAY_TO_SECOND", "SQL type 1234".
std::string sql_type_name(SQLSMALLINT sql_type);

// Largest DECIMAL precision Databricks accepts.
inline constexpr int kMaxDecimalPrecision = 38;

}  // namespace dbsql::params
