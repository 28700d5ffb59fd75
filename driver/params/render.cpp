// render(): NULL, the binary-as-representation rule, then the SQL class → renderer table.
#include <algorithm>

#include "params/errors.h"
#include "params/render.h"
#include "util/error.h"

namespace dbsql::params {
namespace {

using Renderer = WireValue (*)(const Target&, const Source&);

struct RendererRow {
  SqlClass cls;
  Renderer render;
};

constexpr RendererRow kRenderers[] = {
    {SqlClass::kString, render_string},
    {SqlClass::kDecimal, render_decimal},
    {SqlClass::kBoolean, render_boolean},
    {SqlClass::kInteger, render_integer},
    {SqlClass::kReal, render_floating},
    {SqlClass::kDouble, render_floating},
    {SqlClass::kBinary, render_binary},
    {SqlClass::kDate, render_date},
    {SqlClass::kTime, render_time},
    {SqlClass::kTimestamp, render_timestamp},
    {SqlClass::kGuid, render_guid},
    {SqlClass::kIntervalYearMonth, render_interval},
    {SqlClass::kIntervalDayTime, render_interval},
};

struct Representation {
  SQLSMALLINT sql_type;
  SQLSMALLINT c_type;
  size_t size;
};

// ODBC "C to SQL: Binary": binary data converted to a numeric, date/time (or, here, GUID)
// SQL type is that type's value in its C representation, and must be exactly that long.
constexpr Representation kRepresentations[] = {
    {SQL_DECIMAL, SQL_C_NUMERIC, sizeof(SQL_NUMERIC_STRUCT)},
    {SQL_NUMERIC, SQL_C_NUMERIC, sizeof(SQL_NUMERIC_STRUCT)},
    {SQL_BIT, SQL_C_BIT, sizeof(SQLCHAR)},
    {SQL_TINYINT, SQL_C_STINYINT, sizeof(SQLSCHAR)},
    {SQL_SMALLINT, SQL_C_SSHORT, sizeof(SQLSMALLINT)},
    {SQL_INTEGER, SQL_C_SLONG, sizeof(SQLINTEGER)},
    {SQL_BIGINT, SQL_C_SBIGINT, sizeof(SQLBIGINT)},
    {SQL_REAL, SQL_C_FLOAT, sizeof(SQLREAL)},
    {SQL_FLOAT, SQL_C_DOUBLE, sizeof(SQLDOUBLE)},
    {SQL_DOUBLE, SQL_C_DOUBLE, sizeof(SQLDOUBLE)},
    {SQL_TYPE_DATE, SQL_C_TYPE_DATE, sizeof(SQL_DATE_STRUCT)},
    {SQL_DATE, SQL_C_TYPE_DATE, sizeof(SQL_DATE_STRUCT)},
    {SQL_TYPE_TIME, SQL_C_TYPE_TIME, sizeof(SQL_TIME_STRUCT)},
    {SQL_TIME, SQL_C_TYPE_TIME, sizeof(SQL_TIME_STRUCT)},
    {SQL_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, sizeof(SQL_TIMESTAMP_STRUCT)},
    {SQL_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, sizeof(SQL_TIMESTAMP_STRUCT)},
    {SQL_GUID, SQL_C_GUID, sizeof(SQLGUID)},
};

const Representation* representation(SQLSMALLINT sql_type) {
  for (const auto& r : kRepresentations)
    if (r.sql_type == sql_type) return &r;
  return nullptr;
}

Source reinterpret_binary(const ParamType& type, const Source& s) {
  const Representation* r = representation(type.sql_type);
  if (r == nullptr) return s;
  if (s.bytes.size() != r->size) {
    fail(type, "22003",
         "binary data sent to a numeric, date/time or GUID SQL type must be the " +
             std::to_string(r->size) + "-byte C representation of the value, not " +
             std::to_string(s.bytes.size()) +
             " bytes; bind the value with its own C type (or as text with SQL_C_CHAR)");
  }
  return read_source(type, r->c_type, s.bytes.data(), static_cast<SQLLEN>(r->size));
}

}  // namespace

std::string null_wire_type(const ParamType& type, const SqlInfo& sql) {
  if (sql.cls != SqlClass::kDecimal) return sql.wire_type;
  const int p = type.column_size > 0 ? static_cast<int>(type.column_size) : kMaxDecimalPrecision;
  const int s = std::clamp(static_cast<int>(type.decimal_digits), 0, p);
  return "DECIMAL(" + std::to_string(p) + "," + std::to_string(s) + ")";
}

WireValue render(const ParamType& type, const void* data, SQLLEN octet_length) {
  check_types(type);
  const Target t{type, sql_info(type.sql_type)};
  if (octet_length == SQL_NULL_DATA) return WireValue{null_wire_type(type, t.sql), std::nullopt};
  if (data == nullptr) {
    fail(type, "HY009",
         "the parameter's data pointer is null but its length/indicator is not "
         "SQL_NULL_DATA; bind a buffer, or set the indicator to SQL_NULL_DATA for NULL");
  }
  Source s = read_source(type, resolved_c_type(type), data, octet_length);
  if (s.cls == CClass::kBinary) s = reinterpret_binary(type, s);
  for (const auto& row : kRenderers)
    if (row.cls == t.sql.cls) return row.render(t, s);
  throw Error("HY004", "Invalid SQL data type: " + sql_type_name(type.sql_type) + ".");
}

}  // namespace dbsql::params
