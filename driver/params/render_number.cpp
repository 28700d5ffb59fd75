// Numeric SQL targets: BOOLEAN, TINYINT..BIGINT, FLOAT / DOUBLE, DECIMAL(p,s). Exact
// values stay decimal text from the C value to the wire: nothing exact passes through a
// double.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "convert/numeric_struct.h"
#include "params/errors.h"
#include "params/render.h"

namespace dbsql::params {
namespace {

using convert::NumberText;
using convert::Uint128;

bool is_text(const Source& s) {
  return s.cls == CClass::kChar || s.cls == CClass::kWChar;
}

std::string digits_of(Uint128 v) {
  char buf[48];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v > 0);
  std::string out;
  while (n > 0) out.push_back(buf[--n]);
  return out;
}

// ±value × 10^-scale with exactly `scale` fraction digits ("0.0000", "-12.50").
std::string scaled_text(bool negative, Uint128 value, int scale) {
  std::string digits = digits_of(value);
  if (static_cast<int>(digits.size()) <= scale)
    digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
  if (scale > 0) digits.insert(digits.size() - static_cast<size_t>(scale), 1, '.');
  if (negative && value != 0) digits.insert(0, 1, '-');
  return digits;
}

// Digits dropped below the target's scale: an error for character data (ODBC "C to SQL:
// Character" gives 22001), a flag for numeric C types (ODBC allows 01S07).
void dropped_fraction(const Target& t, const Source& s, WireValue& w, const std::string& how) {
  if (is_text(s))
    fail(t.type, "22001", "the number has nonzero digits below the scale of the SQL type " + how);
  w.fraction_truncated = true;
}

[[noreturn]] void not_finite(const Target& t) {
  fail(t.type, "22003", "NaN and Infinity have no value in an exact numeric or boolean type");
}

struct IntegerRange {
  const char* wire;
  Uint128 max_positive, max_negative;
  const char* range;
};

constexpr IntegerRange kIntegerRanges[] = {
    {"TINYINT", 127, 128, "-128..127"},
    {"SMALLINT", 32767, 32768, "-32768..32767"},
    {"INT", 2147483647, 2147483648u, "-2147483648..2147483647"},
    {"BIGINT", 9223372036854775807ull, 9223372036854775808ull,
     "-9223372036854775808..9223372036854775807"},
};

const IntegerRange& integer_range(const char* wire) {
  for (const auto& r : kIntegerRanges)
    if (std::string_view(r.wire) == wire) return r;
  return kIntegerRanges[3];
}

}  // namespace

void number_of(const Target& t, const Source& s, std::string& storage, NumberText* out) {
  switch (s.cls) {
    case CClass::kChar:
    case CClass::kWChar:
      storage = s.text;
      if (!convert::parse_number(storage, out))
        fail(t.type, "22018",
             "the character data is not a numeric literal ([+|-]digits[.digits][E[+|-]digits])");
      return;
    case CClass::kFloating:
      storage = floating_text(s);
      break;
    case CClass::kIntervalYearMonth:
    case CClass::kIntervalDayTime:
      storage = interval_number_text(s);
      break;
    default:
      storage = exact_text(s);
      break;
  }
  convert::parse_number(storage, out);
}

WireValue render_boolean(const Target& t, const Source& s) {
  WireValue w{"BOOLEAN", std::nullopt};
  if (s.cls == CClass::kBit) {
    w.value = s.bit ? "true" : "false";
    return w;
  }
  if (is_text(s)) {
    const std::string_view word = convert::trim_spaces(s.text);
    for (const char* v : {"true", "false"}) {
      if (convert::equals_lowercase(word, v)) {
        w.value = v;
        return w;
      }
    }
    NumberText probe;
    if (!convert::parse_number(s.text, &probe))
      fail(t.type, "22018", "the character data is not a boolean: use true, false, 1 or 0");
  }
  std::string storage;
  NumberText n;
  number_of(t, s, storage, &n);
  if (n.special != NumberText::Special::kFinite) not_finite(t);
  const convert::Scaled v = convert::scale_number(n, 0, 1);
  if (v.overflow || (n.negative && (v.value != 0 || v.truncated)))
    fail(t.type, "22003", "a boolean is 0 or 1; the number is below 0 or at least 2");
  // ODBC: a value between 0 and 2 other than 0 and 1 is 22001 for every C type.
  if (v.truncated) fail(t.type, "22001", "a boolean is 0 or 1; the number has a fractional part");
  w.value = v.value == 1 ? "true" : "false";
  return w;
}

WireValue render_integer(const Target& t, const Source& s) {
  const IntegerRange& r = integer_range(t.sql.wire_type);
  WireValue w{r.wire, std::nullopt};
  std::string storage;
  NumberText n;
  number_of(t, s, storage, &n);
  if (n.special != NumberText::Special::kFinite) not_finite(t);
  const convert::Scaled v =
      convert::scale_number(n, 0, n.negative ? r.max_negative : r.max_positive);
  if (v.overflow)
    fail(t.type, "22003",
         std::string("the number is outside the range of ") + r.wire + ", " + r.range);
  if (v.truncated) dropped_fraction(t, s, w, std::string(r.wire) + " (scale 0)");
  w.value = scaled_text(n.negative, v.value, 0);
  return w;
}

WireValue render_floating(const Target& t, const Source& s) {
  const bool real = t.sql.cls == SqlClass::kReal;
  WireValue w{t.sql.wire_type, std::nullopt};
  const char* range = real ? "FLOAT (32-bit, up to about 3.4E38)" : "DOUBLE (up to about 1.8E308)";
  if (s.cls == CClass::kFloating) {
    if (real && std::isfinite(s.real) && std::fabs(s.real) > FLT_MAX)
      fail(t.type, "22003", std::string("the number is outside the range of ") + range);
    // A float keeps its own shortest digits in a DOUBLE: 0.1f is sent as 0.1, the value
    // the application wrote, not 0.10000000149011612.
    w.value = real || s.is_float ? float_text(static_cast<float>(s.real)) : double_text(s.real);
    return w;
  }
  std::string storage;
  if (is_text(s)) {
    storage = s.text;
  } else {
    NumberText n;
    number_of(t, s, storage, &n);
  }
  convert::FloatParse parsed;
  if (real) {
    float f = 0;
    parsed = convert::parse_float(storage, &f);
    if (parsed == convert::FloatParse::kOk) w.value = float_text(f);
  } else {
    double d = 0;
    parsed = convert::parse_double(storage, &d);
    if (parsed == convert::FloatParse::kOk) w.value = double_text(d);
  }
  if (parsed == convert::FloatParse::kInvalid)
    fail(t.type, "22018",
         "the character data is not a numeric literal ([+|-]digits[.digits][E[+|-]digits], "
         "NaN, Infinity)");
  if (parsed == convert::FloatParse::kOutOfRange)
    fail(t.type, "22003", std::string("the number is outside the range of ") + range);
  return w;
}

// DECIMAL(p,s) from the IPD's column size and decimal digits; with column size 0 the
// type is the smallest DECIMAL that holds the value exactly (at most 38 digits).
WireValue render_decimal(const Target& t, const Source& s) {
  WireValue w;
  std::string storage;
  NumberText n;
  number_of(t, s, storage, &n);
  if (n.special != NumberText::Special::kFinite) not_finite(t);
  int precision = static_cast<int>(t.type.column_size);
  int scale = t.type.decimal_digits;
  convert::Scaled v;
  if (precision == 0) {
    scale = convert::natural_scale(n);
    v = convert::scale_number(n, scale, ~Uint128{0});
    precision = std::max({convert::digit_count(v.value), scale, 1});
    if (v.overflow || precision > kMaxDecimalPrecision)
      fail(t.type, "22003", "the number has more than 38 whole digits, Databricks' DECIMAL limit");
    if (v.truncated) dropped_fraction(t, s, w, "DECIMAL(38, " + std::to_string(scale) + ")");
  } else {
    Uint128 limit = 1;
    for (int i = 0; i < precision; ++i) limit *= 10;
    v = convert::scale_number(n, scale, limit - 1);
    if (v.overflow)
      fail(t.type, "22003",
           "the number needs more than " + std::to_string(precision - scale) +
               " whole digits, which DECIMAL(" + std::to_string(precision) + "," +
               std::to_string(scale) + ") does not have; declare a larger ColumnSize");
    if (v.truncated)
      dropped_fraction(t, s, w,
                       "DECIMAL(" + std::to_string(precision) + "," + std::to_string(scale) +
                           "); declare DecimalDigits for the digits it has, or ColumnSize 0 "
                           "to take precision and scale from the value");
  }
  w.type = "DECIMAL(" + std::to_string(precision) + "," + std::to_string(scale) + ")";
  w.value = scaled_text(n.negative, v.value, scale);
  return w;
}

}  // namespace dbsql::params
