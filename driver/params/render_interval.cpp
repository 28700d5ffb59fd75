// INTERVAL targets, and intervals as text or as single-field numbers. Values travel as
// the full ANSI literal ("INTERVAL '-1-2' YEAR TO MONTH"), the form Spark's own
// CAST(interval AS STRING) produces (see wire_assumptions.h).
#include <cstdint>

#include "params/errors.h"
#include "params/render.h"

namespace dbsql::params {
namespace {

using convert::IntervalValue;
using convert::Uint128;

// Databricks keeps year-month intervals as 32-bit months and day-time intervals as 64-bit
// microseconds.
constexpr uint64_t kMaxMonths = 2147483647;
constexpr uint64_t kMaxSeconds = 9223372036854;

// Months or seconds in one unit of the qualifier's last (smallest) field.
uint64_t last_unit(int code) {
  switch (code) {
    case SQL_CODE_YEAR:
      return 12;
    case SQL_CODE_DAY:
      return 86400;
    case SQL_CODE_HOUR:
    case SQL_CODE_DAY_TO_HOUR:
      return 3600;
    case SQL_CODE_MINUTE:
    case SQL_CODE_DAY_TO_MINUTE:
    case SQL_CODE_HOUR_TO_MINUTE:
      return 60;
    default:
      return 1;  // MONTH, YEAR TO MONTH and the qualifiers ending in SECOND
  }
}

bool ends_in_second(int code) {
  return code == SQL_CODE_SECOND || code == SQL_CODE_DAY_TO_SECOND ||
         code == SQL_CODE_HOUR_TO_SECOND || code == SQL_CODE_MINUTE_TO_SECOND;
}

// Nine fraction digits without trailing zeros ("" for none).
std::string fraction_digits(uint32_t nanos) {
  if (nanos == 0) return {};
  std::string out(9, '0');
  for (int i = 8; i >= 0; --i, nanos /= 10) out[i] = static_cast<char>('0' + nanos % 10);
  while (out.back() == '0') out.pop_back();
  return out;
}

// A number into a single-field interval: the number counts the field's unit.
IntervalValue from_number(const Target& t, const Source& s, int code) {
  std::string storage;
  convert::NumberText n;
  number_of(t, s, storage, &n);
  IntervalValue v;
  v.year_month = convert::is_year_month_code(code);
  const bool second = code == SQL_CODE_SECOND;
  const convert::Scaled scaled = convert::scale_number(n, second ? 9 : 0, Uint128{1} << 100);
  if (scaled.overflow) fail(t.type, "22015", "the number is too large for the interval type");
  if (scaled.truncated)
    fail(t.type, "22015",
         "the number has a fractional part, which this interval's single field cannot hold");
  Uint128 total = second ? scaled.value / 1000000000 : scaled.value;
  if (second) v.nanos = static_cast<uint32_t>(scaled.value % 1000000000);
  total *= v.year_month ? (code == SQL_CODE_YEAR ? 12 : 1) : last_unit(code);
  if (total > (v.year_month ? kMaxMonths : kMaxSeconds))
    fail(t.type, "22015", "the number is too large for the interval type");
  (v.year_month ? v.months : v.seconds) = static_cast<uint64_t>(total);
  v.negative = n.negative && scaled.value != 0;
  return v;
}

IntervalValue value_of(const Target& t, const Source& s, int code) {
  switch (s.cls) {
    case CClass::kIntervalYearMonth:
    case CClass::kIntervalDayTime:
      return s.interval;
    case CClass::kChar:
    case CClass::kWChar: {
      IntervalValue v;
      if (!convert::parse_interval(s.text, code, &v) ||
          v.year_month != convert::is_year_month_code(code))
        fail(t.type, "22018",
             "the character data is not an interval of this type: write its fields (e.g. "
             "'1-2' for YEAR TO MONTH, '3 04:05:06.5' for DAY TO SECOND) or the literal "
             "INTERVAL '...' <qualifier>");
      v.fraction = {};
      return v;
    }
    default:
      return from_number(t, s, code);
  }
}

// Interval → interval: every field the target keeps must hold the whole value.
void check_fit(const Target& t, const IntervalValue& v, int code) {
  const uint64_t total = v.year_month ? v.months : v.seconds;
  if (total > (v.year_month ? kMaxMonths : kMaxSeconds))
    fail(t.type, "22015",
         "the interval is larger than Databricks intervals hold (178956970 years, or "
         "106751991 days)");
  if (total % last_unit(code) != 0 || (!ends_in_second(code) && v.nanos != 0))
    fail(t.type, "22015",
         "converting the interval to " + sql_type_name(t.type.sql_type) +
             " would drop its smaller fields; bind an SQL interval type that has them");
  const int digits = t.type.decimal_digits;
  if (ends_in_second(code) && digits > 0 && digits < 9) {
    uint32_t unit = 1;
    for (int i = digits; i < 9; ++i) unit *= 10;
    if (v.nanos % unit != 0)
      fail(t.type, "22015",
           "the seconds have more fraction digits than DecimalDigits (" + std::to_string(digits) +
               ") declares");
  }
}

}  // namespace

std::string interval_literal(const IntervalValue& value, int code) {
  IntervalValue v = value;
  if ((v.year_month ? v.months : v.seconds) == 0 && v.nanos == 0) v.negative = false;
  const std::string fraction = ends_in_second(code) ? fraction_digits(v.nanos) : std::string();
  v.fraction = fraction;
  char body[64];
  const size_t n = convert::format_interval(v, code, body);
  return "INTERVAL '" + std::string(body, n) + "' " +
         std::string(convert::interval_qualifier_name(code));
}

std::string interval_text(const Source& s) {
  return interval_literal(s.interval, s.interval_code);
}

std::string interval_number_text(const Source& s) {
  const IntervalValue& v = s.interval;
  const int code = s.interval_code;
  const uint64_t total = v.year_month ? v.months : v.seconds;
  const uint64_t unit = v.year_month ? (code == SQL_CODE_YEAR ? 12 : 1) : last_unit(code);
  std::string out = std::to_string(total / unit);
  const std::string fraction = code == SQL_CODE_SECOND ? fraction_digits(v.nanos) : "";
  if (!fraction.empty()) out += "." + fraction;
  if (v.negative && out != "0") out.insert(0, 1, '-');
  return out;
}

WireValue render_interval(const Target& t, const Source& s) {
  const int code = t.sql.interval_code;
  const IntervalValue v = value_of(t, s, code);
  check_fit(t, v, code);
  return WireValue{t.sql.wire_type, interval_literal(v, code)};
}

}  // namespace dbsql::params
