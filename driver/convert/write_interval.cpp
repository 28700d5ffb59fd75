// INTERVAL, character and exact numeric columns → SQL_C_INTERVAL_* (SQL_INTERVAL_STRUCT).
#include "convert/interval_text.h"
#include "convert/output.h"
#include "convert/writers.h"

namespace dbsql::convert {
namespace {

// An exact number as a single-field interval of `code` (ODBC allows exact numerics to
// convert to single-field interval C types only).
Status number_to_interval(const SqlTypeInfo& column, std::string_view cell, SQLSMALLINT c_type,
                          int code, IntervalValue* v, bool* truncated) {
  NumberText n;
  char scratch[64];
  Status s = read_number(column, cell, c_type, &n, truncated, scratch);
  if (s.rc == SQL_ERROR) return s;
  if (n.special != NumberText::Special::kFinite) return out_of_range(column, c_type);
  // 10^12 of any unit stays far inside 64 bits once scaled to months or seconds.
  constexpr Uint128 kLimit = 1'000'000'000'000;
  const Scaled whole = scale_number(n, 0, kLimit);
  if (whole.overflow)
    return failure("22015", "Interval field overflow: the " + column.type_name +
                                " value is too "
                                "large for " +
                                c_type_name(c_type) + ".");
  v->negative = n.negative;
  v->year_month = is_year_month_code(code);
  const uint64_t w = static_cast<uint64_t>(whole.value);
  switch (code) {
    case SQL_CODE_YEAR:
      v->months = w * 12;
      break;
    case SQL_CODE_MONTH:
      v->months = w;
      break;
    case SQL_CODE_DAY:
      v->seconds = w * 86400;
      break;
    case SQL_CODE_HOUR:
      v->seconds = w * 3600;
      break;
    case SQL_CODE_MINUTE:
      v->seconds = w * 60;
      break;
    default:
      v->seconds = w;
      break;  // SQL_CODE_SECOND
  }
  if (code == SQL_CODE_SECOND) {
    const Scaled nanos = scale_number(n, 9, ~Uint128{0});
    v->nanos = static_cast<uint32_t>(nanos.value % 1'000'000'000);
    *truncated = *truncated || nanos.truncated;
  } else {
    *truncated = *truncated || whole.truncated;
  }
  if (v->months == 0 && v->seconds == 0 && v->nanos == 0) v->negative = false;
  return success();
}

}  // namespace

Status write_interval(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                      PieceState*) {
  const int code = t.c_type - 100;  // SQL_C_INTERVAL_x = 100 + SQL_CODE_x
  IntervalValue v;
  bool truncated = false;
  switch (column.kind) {
    case ValueKind::kIntervalYearMonth:
    case ValueKind::kIntervalDayTime:
      if (!parse_interval(cell, column.datetime_subcode, &v))
        return invalid_cast(column, t.c_type, "an interval in a form the driver knows");
      break;
    case ValueKind::kString:
    case ValueKind::kJson:
    case ValueKind::kNull:
      if (!parse_interval(cell, code, &v) || v.year_month != is_year_month_code(code))
        return invalid_cast(column, t.c_type, "an interval literal of that qualifier");
      break;
    default: {
      Status s = number_to_interval(column, cell, t.c_type, code, &v, &truncated);
      if (s.rc == SQL_ERROR) return s;
      break;
    }
  }
  SQL_INTERVAL_STRUCT out;
  const IntervalFit fit =
      to_interval_struct(v, code, t.interval_leading_precision, t.interval_seconds_precision, &out);
  if (fit == IntervalFit::kLeadingOverflow) {
    return failure("22015", "Interval field overflow: the leading field of the " +
                                column.type_name + " value has more digits than " +
                                c_type_name(t.c_type) +
                                " allows (SQL_DESC_DATETIME_INTERVAL_"
                                "PRECISION); raise that precision.");
  }
  truncated = truncated || fit == IntervalFit::kTruncated;
  return put_fixed(t, out, truncated ? fraction_truncated(t.c_type) : success());
}

}  // namespace dbsql::convert
