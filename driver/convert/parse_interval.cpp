#include <cstring>

#include "convert/interval_text.h"
#include "convert/number_text.h"

namespace dbsql::convert {
namespace {

// Day-time field indices and their size in seconds.
enum Field { kDay = 0, kHour = 1, kMinute = 2, kSecond = 3 };
constexpr uint64_t kUnitSeconds[] = {86400, 3600, 60, 1};
constexpr uint64_t kFieldRange[] = {0, 24, 60, 60};  // upper bound of non-leading fields

// Year-month field indices and their size in months.
enum YmField { kYear = 0, kMonth = 1 };
constexpr uint64_t kUnitMonths[] = {12, 1};

constexpr int kMaxFieldDigits = 12;  // far above any Databricks interval field

struct Range {
  int first, last;
};

Range field_range(int code) {
  switch (code) {
    case SQL_CODE_YEAR:
      return {kYear, kYear};
    case SQL_CODE_MONTH:
      return {kMonth, kMonth};
    case SQL_CODE_YEAR_TO_MONTH:
      return {kYear, kMonth};
    case SQL_CODE_DAY:
      return {kDay, kDay};
    case SQL_CODE_HOUR:
      return {kHour, kHour};
    case SQL_CODE_MINUTE:
      return {kMinute, kMinute};
    case SQL_CODE_SECOND:
      return {kSecond, kSecond};
    case SQL_CODE_DAY_TO_HOUR:
      return {kDay, kHour};
    case SQL_CODE_DAY_TO_MINUTE:
      return {kDay, kMinute};
    case SQL_CODE_DAY_TO_SECOND:
      return {kDay, kSecond};
    case SQL_CODE_HOUR_TO_MINUTE:
      return {kHour, kMinute};
    case SQL_CODE_HOUR_TO_SECOND:
      return {kHour, kSecond};
    default:
      return {kMinute, kSecond};  // SQL_CODE_MINUTE_TO_SECOND
  }
}

struct QualifierName {
  int code;
  std::string_view name;
};
constexpr QualifierName kQualifiers[] = {
    {SQL_CODE_YEAR, "YEAR"},
    {SQL_CODE_MONTH, "MONTH"},
    {SQL_CODE_DAY, "DAY"},
    {SQL_CODE_HOUR, "HOUR"},
    {SQL_CODE_MINUTE, "MINUTE"},
    {SQL_CODE_SECOND, "SECOND"},
    {SQL_CODE_YEAR_TO_MONTH, "YEAR TO MONTH"},
    {SQL_CODE_DAY_TO_HOUR, "DAY TO HOUR"},
    {SQL_CODE_DAY_TO_MINUTE, "DAY TO MINUTE"},
    {SQL_CODE_DAY_TO_SECOND, "DAY TO SECOND"},
    {SQL_CODE_HOUR_TO_MINUTE, "HOUR TO MINUTE"},
    {SQL_CODE_HOUR_TO_SECOND, "HOUR TO SECOND"},
    {SQL_CODE_MINUTE_TO_SECOND, "MINUTE TO SECOND"},
};

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// Compares ignoring case and treating runs of spaces as one.
bool same_words(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == ' ' && b[j] == ' ') {
      while (i < a.size() && a[i] == ' ') ++i;
      while (j < b.size() && b[j] == ' ') ++j;
      continue;
    }
    if (upper(a[i]) != upper(b[j])) return false;
    ++i;
    ++j;
  }
  return i == a.size() && j == b.size();
}

// The numbers of an interval body: up to 5 fields, the separator before each, and a
// fraction after the last.
struct Fields {
  uint64_t value[5] = {};
  char sep[5] = {};
  int count = 0;
  std::string_view fraction;
};

bool split_fields(std::string_view body, Fields* f) {
  size_t pos = 0;
  while (true) {
    const size_t start = pos;
    uint64_t v = 0;
    while (pos < body.size() && is_digit(body[pos])) v = v * 10 + (body[pos++] - '0');
    if (pos == start || pos - start > kMaxFieldDigits) return false;
    f->value[f->count++] = v;
    if (pos == body.size()) return true;
    if (body[pos] == '.') {
      const size_t fs = ++pos;
      while (pos < body.size() && is_digit(body[pos])) ++pos;
      if (pos == fs || pos - fs > 9 || pos != body.size()) return false;
      f->fraction = body.substr(fs, pos - fs);
      return true;
    }
    if (body[pos] != '-' && body[pos] != ' ' && body[pos] != ':') return false;
    if (f->count == 5) return false;  // more fields than any interval has
    f->sep[f->count] = body[pos++];
  }
}

// Strips INTERVAL '...' QUALIFIER down to its body; updates `code` from the qualifier.
bool unwrap_literal(std::string_view& text, int& code) {
  if (text.size() < 8 || !same_words(text.substr(0, 8), "INTERVAL")) return true;
  std::string_view rest = trim_spaces(text.substr(8));
  bool negative = false;
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
    negative = rest.front() == '-';
    rest = trim_spaces(rest.substr(1));
  }
  if (rest.empty() || rest.front() != '\'') return false;
  const size_t close = rest.find('\'', 1);
  if (close == std::string_view::npos) return false;
  const int literal_code = interval_code_from_qualifier(trim_spaces(rest.substr(close + 1)));
  if (literal_code == 0) return false;
  code = literal_code;
  text = rest.substr(1, close - 1);
  // A sign outside the quotes cannot be carried by a view of the body.
  return !negative;
}

}  // namespace

bool is_interval_code(int code) {
  return code >= SQL_CODE_YEAR && code <= SQL_CODE_MINUTE_TO_SECOND;
}

bool is_year_month_code(int code) {
  return code == SQL_CODE_YEAR || code == SQL_CODE_MONTH || code == SQL_CODE_YEAR_TO_MONTH;
}

bool is_single_field_code(int code) {
  return code >= SQL_CODE_YEAR && code <= SQL_CODE_SECOND;
}

int interval_code_from_qualifier(std::string_view qualifier) {
  for (const auto& q : kQualifiers)
    if (same_words(trim_spaces(qualifier), q.name)) return q.code;
  return 0;
}

std::string_view interval_qualifier_name(int code) {
  for (const auto& q : kQualifiers)
    if (q.code == code) return q.name;
  return {};
}

bool parse_interval(std::string_view text, int code, IntervalValue* out) {
  *out = IntervalValue{};
  std::string_view body = trim_spaces(text);
  if (!unwrap_literal(body, code) || !is_interval_code(code)) return false;
  body = trim_spaces(body);
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    out->negative = body.front() == '-';
    body.remove_prefix(1);
  }
  Fields f;
  if (!split_fields(body, &f)) return false;
  const Range r = field_range(code);
  const int expected = r.last - r.first + 1;
  out->year_month = is_year_month_code(code);
  if (out->year_month) {
    if (!f.fraction.empty()) return false;
    int first = r.first;
    if (f.count != expected) {
      if (f.count != 2) return false;
      first = kYear;  // the full Hive form "y-m" for a single-field column
    }
    for (int i = 0; i < f.count; ++i) {
      if (i > 0 && (f.sep[i] != '-' || f.value[i] >= 12)) return false;
      out->months += f.value[i] * kUnitMonths[first + i];
    }
    return true;
  }
  int first = r.first;
  if (f.count != expected) {
    if (f.count == 4 || (f.count > 1 && f.sep[1] == ' ')) {
      first = kDay;  // Hive form, or the day written first
    } else {
      return false;
    }
  }
  if (first + f.count - 1 > kSecond) return false;
  if (!f.fraction.empty() && first + f.count - 1 != kSecond) return false;
  for (int i = 0; i < f.count; ++i) {
    const int field = first + i;
    if (i > 0 && (f.sep[i] == '-' || f.value[i] >= kFieldRange[field])) return false;
    out->seconds += f.value[i] * kUnitSeconds[field];
  }
  out->fraction = f.fraction;
  uint32_t nanos = 0;
  for (size_t i = 0; i < 9; ++i)
    nanos = nanos * 10 + (i < f.fraction.size() ? f.fraction[i] - '0' : 0);
  out->nanos = nanos;
  return true;
}

size_t format_interval(const IntervalValue& v, int code, char* out) {
  const Range r = field_range(code);
  size_t n = 0;
  if (v.negative) out[n++] = '-';
  const uint64_t total = v.year_month ? v.months : v.seconds;
  const uint64_t* units = v.year_month ? kUnitMonths : kUnitSeconds;
  for (int field = r.first; field <= r.last; ++field) {
    uint64_t value = total / units[field];
    if (field != r.first) {
      value %= v.year_month ? 12 : kFieldRange[field];
      out[n++] = v.year_month ? '-' : (field == kHour ? ' ' : ':');
      // Months as Spark writes them ("1-2"); time fields two digits ("04:05").
      if (!v.year_month || value >= 10) out[n++] = static_cast<char>('0' + value / 10);
      out[n++] = static_cast<char>('0' + value % 10);
      continue;
    }
    char digits[24];
    int d = 0;
    do {
      digits[d++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value > 0);
    while (d > 0) out[n++] = digits[--d];
  }
  if (!v.year_month && r.last == kSecond && !v.fraction.empty()) {
    out[n++] = '.';
    std::memcpy(out + n, v.fraction.data(), v.fraction.size());
    n += v.fraction.size();
  }
  return n;
}

IntervalFit to_interval_struct(const IntervalValue& v, int code, int leading_precision,
                               int seconds_precision, SQL_INTERVAL_STRUCT* out) {
  std::memset(out, 0, sizeof(*out));
  out->interval_type = static_cast<SQLINTERVAL>(code);
  out->interval_sign = v.negative ? SQL_TRUE : SQL_FALSE;
  const Range r = field_range(code);
  const uint64_t total = v.year_month ? v.months : v.seconds;
  const uint64_t* units = v.year_month ? kUnitMonths : kUnitSeconds;
  const uint64_t leading = total / units[r.first];
  uint64_t limit = 0xFFFFFFFFull;
  if (leading_precision > 0 && leading_precision < 10) {
    limit = 1;
    for (int i = 0; i < leading_precision; ++i) limit *= 10;
    limit -= 1;
  }
  if (leading > limit) return IntervalFit::kLeadingOverflow;
  SQLUINTEGER fields[4] = {};
  for (int field = r.first; field <= r.last; ++field) {
    uint64_t value = total / units[field];
    if (field != r.first) value %= v.year_month ? 12 : kFieldRange[field];
    fields[field] = static_cast<SQLUINTEGER>(value);
  }
  bool truncated = total % units[r.last] != 0;
  if (v.year_month) {
    out->intval.year_month.year = fields[kYear];
    out->intval.year_month.month = fields[kMonth];
    return truncated ? IntervalFit::kTruncated : IntervalFit::kOk;
  }
  out->intval.day_second.day = fields[kDay];
  out->intval.day_second.hour = fields[kHour];
  out->intval.day_second.minute = fields[kMinute];
  out->intval.day_second.second = fields[kSecond];
  if (r.last == kSecond) {
    const int keep = seconds_precision < 0 ? 0 : (seconds_precision > 9 ? 9 : seconds_precision);
    uint32_t divisor = 1;
    for (int i = keep; i < 9; ++i) divisor *= 10;
    out->intval.day_second.fraction = v.nanos / divisor;
    truncated = truncated || v.nanos % divisor != 0;
  } else {
    truncated = truncated || v.nanos != 0;
  }
  return truncated ? IntervalFit::kTruncated : IntervalFit::kOk;
}

}  // namespace dbsql::convert
