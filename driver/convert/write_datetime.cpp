// DATE / TIMESTAMP / TIMESTAMP_NTZ / character columns → SQL_C_TYPE_DATE, _TIME,
// _TIMESTAMP (and the ODBC 2 codes, which use the same structs).
#include "convert/datetime_text.h"
#include "convert/output.h"
#include "convert/writers.h"

namespace dbsql::convert {
namespace {

Status read_datetime(const SqlTypeInfo& column, std::string_view cell, SQLSMALLINT c_type,
                     DateTimeValue* v) {
  switch (column.kind) {
    case ValueKind::kDate:
      if (parse_date(cell, v)) return success();
      return failure("22007",
                     "Invalid datetime format: the server sent a DATE value that is not "
                     "yyyy-mm-dd, so it cannot be converted to " +
                         c_type_name(c_type) + ".");
    case ValueKind::kTimestamp:
    case ValueKind::kTimestampNtz:
      if (parse_timestamp(cell, v)) return success();
      return failure("22007", "Invalid datetime format: the server sent a " + column.type_name +
                                  " value that is not an ISO-8601 timestamp, so it cannot be "
                                  "converted to " +
                                  c_type_name(c_type) + ".");
    default:
      if (parse_any_datetime(cell, v)) return success();
      return invalid_cast(column, c_type, "a date, time or timestamp literal");
  }
}

bool is_date_type(SQLSMALLINT c) {
  return c == SQL_C_TYPE_DATE || c == SQL_C_DATE;
}
bool is_time_type(SQLSMALLINT c) {
  return c == SQL_C_TYPE_TIME || c == SQL_C_TIME;
}

}  // namespace

Status write_datetime(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                      PieceState*) {
  DateTimeValue v;
  Status s = read_datetime(column, cell, t.c_type, &v);
  if (s.rc == SQL_ERROR) return s;
  if (is_date_type(t.c_type)) {
    if (!v.has_date) return invalid_cast(column, t.c_type, "a date or timestamp literal");
    SQL_DATE_STRUCT d{static_cast<SQLSMALLINT>(v.year), static_cast<SQLUSMALLINT>(v.month),
                      static_cast<SQLUSMALLINT>(v.day)};
    const bool time_dropped = v.hour != 0 || v.minute != 0 || v.second != 0 || v.nanos != 0;
    return put_fixed(t, d, time_dropped ? fraction_truncated(t.c_type) : success());
  }
  if (is_time_type(t.c_type)) {
    if (!v.has_time) return invalid_cast(column, t.c_type, "a time or timestamp literal");
    SQL_TIME_STRUCT tm{static_cast<SQLUSMALLINT>(v.hour), static_cast<SQLUSMALLINT>(v.minute),
                       static_cast<SQLUSMALLINT>(v.second)};
    return put_fixed(t, tm, v.nanos != 0 ? fraction_truncated(t.c_type) : success());
  }
  if (!v.has_date) current_date(&v);
  SQL_TIMESTAMP_STRUCT ts{static_cast<SQLSMALLINT>(v.year),    static_cast<SQLUSMALLINT>(v.month),
                          static_cast<SQLUSMALLINT>(v.day),    static_cast<SQLUSMALLINT>(v.hour),
                          static_cast<SQLUSMALLINT>(v.minute), static_cast<SQLUSMALLINT>(v.second),
                          static_cast<SQLUINTEGER>(v.nanos)};
  return put_fixed(t, ts);
}

}  // namespace dbsql::convert
