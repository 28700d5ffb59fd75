// C type → reader: the application's buffer into a Source. Buffers are copied with
// memcpy, never dereferenced as structs: with row-wise binding and a bind offset they need
// not be aligned.
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "convert/wide.h"
#include "params/errors.h"
#include "params/source.h"

namespace dbsql::params {
namespace {

using convert::DateTimeValue;

template <typename T>
T load(const void* data) {
  T v;
  std::memcpy(&v, data, sizeof(T));
  return v;
}

// Negative lengths other than SQL_NTS / SQL_NULL_DATA (which the caller handled) mean
// a data-at-execution marker that was not assembled, or SQL_DEFAULT_PARAM.
void check_length(const ParamType& type, SQLLEN octet_length) {
  if (octet_length >= 0 || octet_length == SQL_NTS) return;
  if (octet_length == SQL_DEFAULT_PARAM)
    fail(type, "HY090",
         "SQL_DEFAULT_PARAM asks for a procedure parameter's default value, which Databricks "
         "statements do not have; pass the value or SQL_NULL_DATA");
  fail(type, "HY090",
       "the length/indicator value " + std::to_string(octet_length) +
           " is negative and is neither SQL_NTS nor SQL_NULL_DATA");
}

void read_char(Source& s, const ParamType& type, const void* data, SQLLEN octet_length) {
  check_length(type, octet_length);
  const char* p = static_cast<const char*>(data);
  const size_t n = octet_length == SQL_NTS ? std::strlen(p) : static_cast<size_t>(octet_length);
  s.text.assign(p, n);
  if (!valid_utf8(s.text))
    fail(type, "22018",
         "the character data is not valid UTF-8 (the driver reads SQL_C_CHAR as UTF-8); "
         "bind SQL_C_WCHAR for Unicode text, or SQL_C_BINARY with a binary SQL type for bytes");
}

// Unpaired surrogates (UTF-16) or values outside Unicode (UTF-32) are not text.
bool valid_wide(const std::vector<SQLWCHAR>& units) {
  for (size_t i = 0; i < units.size(); ++i) {
    const uint32_t u = units[i];
    if (sizeof(SQLWCHAR) == 2 && u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 >= units.size() || units[i + 1] < 0xDC00 || units[i + 1] > 0xDFFF) return false;
      ++i;
    } else if ((u >= 0xD800 && u <= 0xDFFF) || u > 0x10FFFF) {
      return false;
    }
  }
  return true;
}

void read_wchar(Source& s, const ParamType& type, const void* data, SQLLEN octet_length) {
  check_length(type, octet_length);
  constexpr size_t kUnit = sizeof(SQLWCHAR);
  size_t count = 0;
  const auto* bytes = static_cast<const unsigned char*>(data);
  if (octet_length == SQL_NTS) {
    while (load<SQLWCHAR>(bytes + count * kUnit) != 0) ++count;
  } else if (octet_length % kUnit != 0) {
    fail(type, "HY090",
         "the length " + std::to_string(octet_length) + " of wide character data is not a " +
             "multiple of " + std::to_string(kUnit) +
             " bytes; pass the length in bytes of whole SQLWCHAR units, or SQL_NTS");
  } else {
    count = static_cast<size_t>(octet_length) / kUnit;
  }
  std::vector<SQLWCHAR> units(count);
  if (count > 0) std::memcpy(units.data(), data, count * kUnit);
  if (!valid_wide(units))
    fail(type, "22018",
         "the wide character data is not valid UTF-16 (an unpaired surrogate); pass whole "
         "surrogate pairs");
  s.text = convert::wide_to_utf8(units.data(), static_cast<SQLLEN>(count));
}

void read_binary(Source& s, const ParamType& type, const void* data, SQLLEN octet_length) {
  check_length(type, octet_length);
  if (octet_length == SQL_NTS)
    fail(type, "HY090", "binary data cannot be null-terminated; pass its length in bytes");
  s.bytes = std::string_view(static_cast<const char*>(data), static_cast<size_t>(octet_length));
}

template <typename T>
void set_integer(Source& s, T v) {
  if constexpr (std::numeric_limits<T>::is_signed) {
    s.negative = v < 0;
    // Through the unsigned type: the magnitude of the minimum value does not fit T.
    using U = std::make_unsigned_t<T>;
    const U u = static_cast<U>(v);
    s.magnitude = s.negative ? static_cast<U>(U{0} - u) : u;
  } else {
    s.magnitude = v;
  }
}

void read_integer(Source& s, const void* data) {
  switch (s.c_type) {
    case SQL_C_STINYINT:
    case SQL_C_TINYINT:
      return set_integer(s, load<signed char>(data));
    case SQL_C_UTINYINT:
      return set_integer(s, load<unsigned char>(data));
    case SQL_C_SSHORT:
    case SQL_C_SHORT:
      return set_integer(s, load<SQLSMALLINT>(data));
    case SQL_C_USHORT:
      return set_integer(s, load<SQLUSMALLINT>(data));
    case SQL_C_SLONG:
    case SQL_C_LONG:
      return set_integer(s, load<SQLINTEGER>(data));
    case SQL_C_ULONG:
      return set_integer(s, load<SQLUINTEGER>(data));
    case SQL_C_SBIGINT:
      return set_integer(s, load<SQLBIGINT>(data));
    default:
      return set_integer(s, load<SQLUBIGINT>(data));
  }
}

void read_numeric(Source& s, const void* data) {
  // The struct's own scale says what the digits mean; its precision field is not used
  // (the target's precision comes from the IPD). See params.h / the report.
  const auto n = load<SQL_NUMERIC_STRUCT>(data);
  for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; --i) s.magnitude = s.magnitude << 8 | n.val[i];
  s.negative = n.sign == 0 && s.magnitude != 0;
  s.scale = n.scale;
}

void read_date(Source& s, const ParamType& type, const void* data) {
  const auto d = load<SQL_DATE_STRUCT>(data);
  if (!valid_date(d.year, d.month, d.day))
    fail(type, "22008",
         "the SQL_DATE_STRUCT is not a valid date (year 1..9999, month 1..12, a day of that "
         "month)");
  s.datetime.has_date = true;
  s.datetime.year = d.year;
  s.datetime.month = d.month;
  s.datetime.day = d.day;
}

void read_time(Source& s, const ParamType& type, const void* data) {
  const auto t = load<SQL_TIME_STRUCT>(data);
  if (!valid_time(t.hour, t.minute, t.second))
    fail(type, "22008",
         "the SQL_TIME_STRUCT is not a valid time (hour 0..23, minute and second 0..59)");
  s.datetime.has_time = true;
  s.datetime.hour = t.hour;
  s.datetime.minute = t.minute;
  s.datetime.second = t.second;
}

void read_timestamp(Source& s, const ParamType& type, const void* data) {
  const auto t = load<SQL_TIMESTAMP_STRUCT>(data);
  if (!valid_date(t.year, t.month, t.day) || !valid_time(t.hour, t.minute, t.second) ||
      t.fraction > 999999999u)
    fail(type, "22008",
         "the SQL_TIMESTAMP_STRUCT is not a valid timestamp (year 1..9999, month 1..12, a day "
         "of that month, hour 0..23, minute and second 0..59, fraction 0..999999999 ns)");
  DateTimeValue& v = s.datetime;
  v.has_date = v.has_time = true;
  v.year = t.year;
  v.month = t.month;
  v.day = t.day;
  v.hour = t.hour;
  v.minute = t.minute;
  v.second = t.second;
  v.nanos = static_cast<uint32_t>(t.fraction);
}

// Day-time qualifiers as a range of fields: 0 day, 1 hour, 2 minute, 3 second.
struct FieldSpan {
  int code, first, last;
};
constexpr FieldSpan kDayTimeSpans[] = {
    {SQL_CODE_DAY, 0, 0},
    {SQL_CODE_HOUR, 1, 1},
    {SQL_CODE_MINUTE, 2, 2},
    {SQL_CODE_SECOND, 3, 3},
    {SQL_CODE_DAY_TO_HOUR, 0, 1},
    {SQL_CODE_DAY_TO_MINUTE, 0, 2},
    {SQL_CODE_DAY_TO_SECOND, 0, 3},
    {SQL_CODE_HOUR_TO_MINUTE, 1, 2},
    {SQL_CODE_HOUR_TO_SECOND, 1, 3},
    {SQL_CODE_MINUTE_TO_SECOND, 2, 3},
};

// ODBC's default seconds precision of an interval C type (the APD's SQL_DESC_PRECISION):
// the fraction field counts microseconds.
constexpr uint32_t kIntervalFractionLimit = 1000000;

void read_interval(Source& s, const ParamType& type, const void* data) {
  const auto iv = load<SQL_INTERVAL_STRUCT>(data);
  const int code = s.c_type - 100;
  s.interval_code = code;
  convert::IntervalValue& v = s.interval;
  v.negative = iv.interval_sign == SQL_TRUE;
  v.year_month = convert::is_year_month_code(code);
  const auto bad = [&](const char* what) { fail(type, "22015", what); };
  if (v.year_month) {
    const auto& ym = iv.intval.year_month;
    if (code == SQL_CODE_YEAR_TO_MONTH && ym.month >= 12) bad("the month field is above 11");
    if (code != SQL_CODE_MONTH) v.months += uint64_t{ym.year} * 12;
    if (code != SQL_CODE_YEAR) v.months += ym.month;
    return;
  }
  // The qualifier's fields, leading first: only the leading one may exceed its unit.
  const auto& ds = iv.intval.day_second;
  int first = 3, last = 3;
  for (const auto& span : kDayTimeSpans) {
    if (span.code == code) {
      first = span.first;
      last = span.last;
    }
  }
  const uint64_t values[] = {ds.day, ds.hour, ds.minute, ds.second};
  static constexpr uint64_t kUnit[] = {86400, 3600, 60, 1};
  static constexpr uint64_t kRange[] = {0, 24, 60, 60};
  static constexpr const char* kTooBig[] = {"", "the hour field is above 23",
                                            "the minute field is above 59",
                                            "the second field is above 59"};
  for (int f = first; f <= last; ++f) {
    if (f != first && values[f] >= kRange[f]) bad(kTooBig[f]);
    v.seconds += values[f] * kUnit[f];
  }
  if (last == 3) {
    if (ds.fraction >= kIntervalFractionLimit)
      bad("the fraction field is above 999999 (it counts microseconds: ODBC's default "
          "interval seconds precision, 6)");
    v.nanos = ds.fraction * 1000;
  }
}

}  // namespace

// decode_utf8 yields U+FFFD for bad bytes; a U+FFFD written in the text is EF BF BD.
bool valid_utf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    if (convert::decode_utf8(text, pos) == 0xFFFD &&
        (pos - start != 3 || text.compare(start, 3, "\xEF\xBF\xBD") != 0))
      return false;
  }
  return true;
}

bool valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && leap ? 29 : kDays[month - 1]);
}

bool valid_time(int hour, int minute, int second) {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

Source read_source(const ParamType& type, SQLSMALLINT c_type, const void* data,
                   SQLLEN octet_length) {
  Source s;
  s.c_type = c_type;
  s.cls = c_class(c_type);
  switch (s.cls) {
    case CClass::kChar:
      read_char(s, type, data, octet_length);
      break;
    case CClass::kWChar:
      read_wchar(s, type, data, octet_length);
      break;
    case CClass::kBinary:
      read_binary(s, type, data, octet_length);
      break;
    case CClass::kBit: {
      const auto b = load<unsigned char>(data);
      if (b > 1) fail(type, "22003", "an SQL_C_BIT value must be 0 or 1, not " + std::to_string(b));
      s.bit = b == 1;
      s.magnitude = b;
      break;
    }
    case CClass::kInteger:
      read_integer(s, data);
      break;
    case CClass::kFloating:
      s.is_float = c_type == SQL_C_FLOAT;
      s.real = s.is_float ? load<float>(data) : load<double>(data);
      break;
    case CClass::kNumeric:
      read_numeric(s, data);
      break;
    case CClass::kDate:
      read_date(s, type, data);
      break;
    case CClass::kTime:
      read_time(s, type, data);
      break;
    case CClass::kTimestamp:
      read_timestamp(s, type, data);
      break;
    case CClass::kIntervalYearMonth:
    case CClass::kIntervalDayTime:
      read_interval(s, type, data);
      break;
    case CClass::kGuid:
      s.guid = load<SQLGUID>(data);
      break;
    case CClass::kUnknown:
      break;
  }
  return s;
}

std::string exact_text(const Source& s) {
  char digits[48];
  int n = 0;
  convert::Uint128 v = s.magnitude;
  do {
    digits[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v > 0);
  std::string out;
  if (s.negative) out.push_back('-');
  if (s.scale <= 0) {
    while (n > 0) out.push_back(digits[--n]);
    if (s.magnitude != 0) out.append(static_cast<size_t>(-s.scale), '0');
    return out;
  }
  // At least one digit before the point: 5 with scale 3 is 0.005.
  for (int i = std::max(n, s.scale + 1); i > 0; --i) {
    if (i == s.scale) out.push_back('.');
    out.push_back(i <= n ? digits[i - 1] : '0');
  }
  return out;
}

std::string double_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-Infinity" : "Infinity";
  char buf[64];
  return std::string(buf, std::to_chars(buf, buf + sizeof(buf), v).ptr);
}

std::string float_text(float v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-Infinity" : "Infinity";
  char buf[64];
  return std::string(buf, std::to_chars(buf, buf + sizeof(buf), v).ptr);
}

std::string floating_text(const Source& s) {
  return s.is_float ? float_text(static_cast<float>(s.real)) : double_text(s.real);
}

}  // namespace dbsql::params
