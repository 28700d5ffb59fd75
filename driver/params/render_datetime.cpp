// DATE, TIME (as text) and TIMESTAMP targets, and character data read as ODBC date, time
// and timestamp literals.
#include <string_view>

#include "convert/number_text.h"
#include "params/errors.h"
#include "params/render.h"

namespace dbsql::params {
namespace {

using convert::DateTimeValue;

enum class TextFault { kNone, kFormat, kZone, kField };

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool fixed_digits(std::string_view t, size_t& pos, size_t width, int* out) {
  if (pos + width > t.size()) return false;
  int v = 0;
  for (size_t i = 0; i < width; ++i) {
    if (!is_digit(t[pos + i])) return false;
    v = v * 10 + (t[pos + i] - '0');
  }
  pos += width;
  *out = v;
  return true;
}

bool expect(std::string_view t, size_t& pos, char c) {
  if (pos >= t.size() || t[pos] != c) return false;
  ++pos;
  return true;
}

bool date_part(std::string_view t, size_t& pos, DateTimeValue* v) {
  v->has_date = fixed_digits(t, pos, 4, &v->year) && expect(t, pos, '-') &&
                fixed_digits(t, pos, 2, &v->month) && expect(t, pos, '-') &&
                fixed_digits(t, pos, 2, &v->day);
  return v->has_date;
}

// hh:mm:ss[.f...]; digits past nanoseconds must be zeros (else `lost` is set).
bool time_part(std::string_view t, size_t& pos, DateTimeValue* v, bool* lost) {
  if (!fixed_digits(t, pos, 2, &v->hour) || !expect(t, pos, ':') ||
      !fixed_digits(t, pos, 2, &v->minute) || !expect(t, pos, ':') ||
      !fixed_digits(t, pos, 2, &v->second))
    return false;
  if (pos < t.size() && t[pos] == '.') {
    const size_t start = ++pos;
    uint32_t nanos = 0;
    for (; pos < t.size() && is_digit(t[pos]); ++pos) {
      const size_t i = pos - start;
      if (i < 9)
        nanos = nanos * 10 + static_cast<uint32_t>(t[pos] - '0');
      else if (t[pos] != '0')
        *lost = true;
    }
    if (pos == start) return false;
    for (size_t i = pos - start; i < 9; ++i) nanos *= 10;
    v->nanos = nanos;
  }
  v->has_time = true;
  return true;
}

// {d '...'}, {t '...'}, {ts '...'} → the quoted literal; anything else unchanged.
std::string_view strip_escape(std::string_view t) {
  if (t.size() < 2 || t.front() != '{' || t.back() != '}') return t;
  std::string_view inner = convert::trim_spaces(t.substr(1, t.size() - 2));
  size_t word = 0;
  while (word < inner.size() && inner[word] != ' ' && inner[word] != '\'') ++word;
  const std::string_view keyword = inner.substr(0, word);
  if (!convert::equals_lowercase(keyword, "d") && !convert::equals_lowercase(keyword, "t") &&
      !convert::equals_lowercase(keyword, "ts"))
    return t;
  inner = convert::trim_spaces(inner.substr(word));
  if (inner.size() < 2 || inner.front() != '\'' || inner.back() != '\'') return t;
  return inner.substr(1, inner.size() - 2);
}

// A date, a time, or a date and time ('T' or a space between), in the ODBC literal forms.
TextFault parse_literal(std::string_view text, DateTimeValue* v) {
  const std::string_view t = convert::trim_spaces(strip_escape(convert::trim_spaces(text)));
  size_t pos = 0;
  bool lost = false;
  if (date_part(t, pos, v)) {
    if (pos < t.size()) {
      if (t[pos] != ' ' && t[pos] != 'T') return TextFault::kFormat;
      ++pos;
      if (!time_part(t, pos, v, &lost)) return TextFault::kFormat;
    }
  } else {
    *v = DateTimeValue{};
    pos = 0;
    if (!time_part(t, pos, v, &lost)) return TextFault::kFormat;
  }
  if (pos < t.size()) {
    const char c = t[pos];
    return (c == 'Z' || c == 'z' || c == '+' || c == '-') && v->has_time ? TextFault::kZone
                                                                         : TextFault::kFormat;
  }
  if ((v->has_date && !valid_date(v->year, v->month, v->day)) ||
      (v->has_time && !valid_time(v->hour, v->minute, v->second)) || lost)
    return TextFault::kField;
  return TextFault::kNone;
}

DateTimeValue value_of(const Target& t, const Source& s) {
  if (s.cls != CClass::kChar && s.cls != CClass::kWChar) return s.datetime;
  DateTimeValue v;
  switch (parse_literal(s.text, &v)) {
    case TextFault::kNone:
      return v;
    case TextFault::kZone:
      fail(t.type, "22007",
           "time zone offsets are not accepted: send the wall-clock time of the session "
           "time zone as yyyy-mm-dd hh:mm:ss[.f]");
    case TextFault::kField:
      fail(t.type, "22008",
           "a date or time field is out of range (year 1..9999, month 1..12, a day of that "
           "month, hour 0..23, minute and second 0..59, at most 9 fraction digits)");
    case TextFault::kFormat:
      break;
  }
  fail(t.type, "22007",
       "the character data is not a date, time or timestamp (yyyy-mm-dd, hh:mm:ss[.f], "
       "yyyy-mm-dd hh:mm:ss[.f], or the ODBC escapes {d '...'}, {t '...'}, {ts '...'})");
}

void put2(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + v / 10 % 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

// ".fffffffff" without trailing zeros, or nothing for a zero fraction.
std::string fraction_text(uint32_t nanos) {
  if (nanos == 0) return {};
  std::string out = ".";
  uint32_t div = 100000000;
  for (int i = 0; i < 9; ++i, div /= 10) out.push_back(static_cast<char>('0' + nanos / div % 10));
  while (out.back() == '0') out.pop_back();
  return out;
}

// DecimalDigits 1..9 is the declared fractional-seconds precision, and digits past it are
// 22008 (ODBC "C to SQL: Timestamp"). 0 is read as "not declared" and keeps every digit:
// applications commonly leave it 0 while sending fractions, and refusing those (as some
// drivers do) breaks them for no gain.
void check_fraction(const Target& t, uint32_t nanos) {
  const int digits = t.type.decimal_digits;
  if (digits <= 0 || digits >= 9) return;
  uint32_t unit = 1;
  for (int i = digits; i < 9; ++i) unit *= 10;
  if (nanos % unit != 0)
    fail(t.type, "22008",
         "the fractional seconds have more digits than DecimalDigits (" + std::to_string(digits) +
             ") declares; declare DecimalDigits 0..9 to match");
}

std::string date_text(const DateTimeValue& v) {
  std::string out;
  put2(out, v.year / 100);
  put2(out, v.year % 100);
  out.push_back('-');
  put2(out, v.month);
  out.push_back('-');
  put2(out, v.day);
  return out;
}

std::string time_text(const DateTimeValue& v) {
  std::string out;
  put2(out, v.hour);
  out.push_back(':');
  put2(out, v.minute);
  out.push_back(':');
  put2(out, v.second);
  return out + fraction_text(v.nanos);
}

}  // namespace

std::string datetime_text(const Source& s) {
  const DateTimeValue& v = s.datetime;
  if (s.cls == CClass::kDate) return date_text(v);
  if (s.cls == CClass::kTime) return time_text(v);
  return date_text(v) + " " + time_text(v);
}

WireValue render_date(const Target& t, const Source& s) {
  const DateTimeValue v = value_of(t, s);
  if (!v.has_date) fail(t.type, "22007", "the character data is a time, not a date (yyyy-mm-dd)");
  if (v.has_time && (v.hour != 0 || v.minute != 0 || v.second != 0 || v.nanos != 0))
    fail(t.type, "22008",
         "a DATE has no time of day, and the value's time part is not 00:00:00; send the "
         "date only, or bind SQL_TYPE_TIMESTAMP");
  return WireValue{"DATE", date_text(v)};
}

WireValue render_time(const Target& t, const Source& s) {
  const DateTimeValue v = value_of(t, s);
  if (!v.has_time) fail(t.type, "22007", "the character data is a date, not a time (hh:mm:ss[.f])");
  check_fraction(t, v.nanos);
  return WireValue{"STRING", time_text(v)};
}

WireValue render_timestamp(const Target& t, const Source& s) {
  DateTimeValue v = value_of(t, s);
  // ODBC: a time alone becomes a timestamp of the current (client-local) date.
  if (!v.has_date) convert::current_date(&v);
  check_fraction(t, v.nanos);
  return WireValue{"TIMESTAMP", date_text(v) + " " + time_text(v)};
}

}  // namespace dbsql::params
