#include <ctime>

#include "convert/datetime_text.h"
#include "convert/number_text.h"

namespace dbsql::convert {
namespace {

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Exactly `width` digits at `pos`.
bool fixed_digits(std::string_view t, size_t& pos, size_t width, int* out) {
  if (pos + width > t.size()) return false;
  int v = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = t[pos + i];
    if (!is_digit(c)) return false;
    v = v * 10 + (c - '0');
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

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Years 0001-9999: the range of Databricks DATE and TIMESTAMP.
bool date_part(std::string_view t, size_t& pos, DateTimeValue* v) {
  if (!fixed_digits(t, pos, 4, &v->year) || !expect(t, pos, '-') ||
      !fixed_digits(t, pos, 2, &v->month) || !expect(t, pos, '-') ||
      !fixed_digits(t, pos, 2, &v->day))
    return false;
  v->has_date = true;
  return v->year >= 1 && v->month >= 1 && v->month <= 12 && v->day >= 1 &&
         v->day <= days_in_month(v->year, v->month);
}

bool time_part(std::string_view t, size_t& pos, DateTimeValue* v) {
  if (!fixed_digits(t, pos, 2, &v->hour) || !expect(t, pos, ':') ||
      !fixed_digits(t, pos, 2, &v->minute) || !expect(t, pos, ':') ||
      !fixed_digits(t, pos, 2, &v->second))
    return false;
  if (v->hour > 23 || v->minute > 59 || v->second > 59) return false;
  if (pos < t.size() && t[pos] == '.') {
    const size_t start = ++pos;
    while (pos < t.size() && is_digit(t[pos])) ++pos;
    const size_t digits = pos - start;
    if (digits == 0 || digits > 9) return false;
    v->fraction = t.substr(start, digits);
    uint32_t nanos = 0;
    for (size_t i = 0; i < 9; ++i) nanos = nanos * 10 + (i < digits ? t[start + i] - '0' : 0);
    v->nanos = nanos;
  }
  v->has_time = true;
  return true;
}

// Z, ±hh, ±hh:mm, ±hhmm; nothing is also fine (TIMESTAMP_NTZ).
bool zone_part(std::string_view t, size_t& pos) {
  if (pos == t.size()) return true;
  if (t[pos] == 'Z' || t[pos] == 'z') return ++pos == t.size();
  if (t[pos] != '+' && t[pos] != '-') return false;
  ++pos;
  int hh = 0, mm = 0;
  if (!fixed_digits(t, pos, 2, &hh)) return false;
  if (pos < t.size() && t[pos] == ':') ++pos;
  if (pos < t.size() && !fixed_digits(t, pos, 2, &mm)) return false;
  return pos == t.size() && hh <= 18 && mm <= 59;
}

bool timestamp_at(std::string_view t, DateTimeValue* out) {
  size_t pos = 0;
  if (!date_part(t, pos, out)) return false;
  if (pos >= t.size() || (t[pos] != 'T' && t[pos] != ' ')) return false;
  ++pos;
  return time_part(t, pos, out) && zone_part(t, pos);
}

inline void put2(char* out, int v) {
  out[0] = static_cast<char>('0' + v / 10 % 10);
  out[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

bool parse_date(std::string_view text, DateTimeValue* out) {
  *out = DateTimeValue{};
  size_t pos = 0;
  return date_part(text, pos, out) && pos == text.size();
}

bool parse_timestamp(std::string_view text, DateTimeValue* out) {
  *out = DateTimeValue{};
  return timestamp_at(text, out);
}

bool parse_any_datetime(std::string_view text, DateTimeValue* out) {
  const std::string_view t = trim_spaces(text);
  *out = DateTimeValue{};
  if (timestamp_at(t, out)) return true;
  *out = DateTimeValue{};
  size_t pos = 0;
  if (date_part(t, pos, out) && pos == t.size()) return true;
  *out = DateTimeValue{};
  pos = 0;
  return time_part(t, pos, out) && pos == t.size();
}

size_t format_date(const DateTimeValue& v, char* out) {
  put2(out, v.year / 100);
  put2(out + 2, v.year % 100);
  out[4] = '-';
  put2(out + 5, v.month);
  out[7] = '-';
  put2(out + 8, v.day);
  return 10;
}

size_t format_timestamp(const DateTimeValue& v, char* out) {
  format_date(v, out);
  out[10] = ' ';
  put2(out + 11, v.hour);
  out[13] = ':';
  put2(out + 14, v.minute);
  out[16] = ':';
  put2(out + 17, v.second);
  size_t n = 19;
  if (!v.fraction.empty()) {
    out[n++] = '.';
    for (char c : v.fraction) out[n++] = c;
  }
  return n;
}

void current_date(DateTimeValue* v) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  v->year = local.tm_year + 1900;
  v->month = local.tm_mon + 1;
  v->day = local.tm_mday;
  v->has_date = true;
}

}  // namespace dbsql::convert
