// Columns → SQL_C_BIT, the integer C types, SQL_C_FLOAT / SQL_C_DOUBLE and SQL_C_NUMERIC.
// Exact targets read the text as decimal digits (never through double): whole digits
// that do not fit give 22003, dropped fraction digits 01S07.
#include <charconv>
#include <cstdint>
#include <limits>

#include "convert/interval_text.h"
#include "convert/numeric_struct.h"
#include "convert/output.h"
#include "convert/writers.h"

namespace dbsql::convert {
namespace {

// "true"/"false" (BOOLEAN text, and accepted in character data) as 1/0.
bool read_boolean_word(std::string_view cell, NumberText* n) {
  const std::string_view t = trim_spaces(cell);
  if (!equals_lowercase(t, "true") && !equals_lowercase(t, "false")) return false;
  *n = NumberText{};
  n->int_digits = t.size() == 4 ? "1" : "0";
  return true;
}

bool accepts_boolean_words(ValueKind k) {
  return k == ValueKind::kBoolean || k == ValueKind::kString || k == ValueKind::kJson ||
         k == ValueKind::kNull;
}

struct IntTarget {
  int bits;
  bool is_signed;
};

IntTarget int_target(SQLSMALLINT c_type) {
  switch (c_type) {
    case SQL_C_UTINYINT:
      return {8, false};
    case SQL_C_STINYINT:
    case SQL_C_TINYINT:
      return {8, true};
    case SQL_C_USHORT:
      return {16, false};
    case SQL_C_SSHORT:
    case SQL_C_SHORT:
      return {16, true};
    case SQL_C_ULONG:
      return {32, false};
    case SQL_C_SLONG:
    case SQL_C_LONG:
      return {32, true};
    case SQL_C_UBIGINT:
      return {64, false};
    default:
      return {64, true};  // SQL_C_SBIGINT
  }
}

// A whole number as sign and magnitude.
struct Whole {
  bool negative = false;  // the kept whole part is below zero
  uint64_t magnitude = 0;
  bool truncated = false;
  bool below_zero = false;  // the value itself is, e.g. -0.5 (whose whole part is 0)
};

Status read_whole(const SqlTypeInfo& column, std::string_view cell, SQLSMALLINT c_type, Whole* w) {
  if (is_integer_kind(column.kind)) {
    // The server's integer text: one from_chars, no decimal machinery.
    int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    if (ec == std::errc() && ptr == cell.data() + cell.size()) {
      w->negative = w->below_zero = v < 0;
      w->magnitude = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
      return success();
    }
  }
  NumberText n;
  char scratch[64];
  Status s = read_number(column, cell, c_type, &n, &w->truncated, scratch);
  if (s.rc == SQL_ERROR) return s;
  if (n.special != NumberText::Special::kFinite) return out_of_range(column, c_type);
  const Scaled scaled = scale_number(n, 0, std::numeric_limits<uint64_t>::max());
  if (scaled.overflow) return out_of_range(column, c_type);
  w->negative = n.negative && scaled.value != 0;
  w->magnitude = static_cast<uint64_t>(scaled.value);
  w->truncated = w->truncated || scaled.truncated;
  w->below_zero = n.negative && (scaled.value != 0 || w->truncated);
  return success();
}

bool fits(const Whole& w, IntTarget it) {
  if (w.negative) return it.is_signed && w.magnitude <= (uint64_t{1} << (it.bits - 1));
  const uint64_t max = it.is_signed    ? (uint64_t{1} << (it.bits - 1)) - 1
                       : it.bits == 64 ? std::numeric_limits<uint64_t>::max()
                                       : (uint64_t{1} << it.bits) - 1;
  return w.magnitude <= max;
}

template <typename T>
Status put_whole(const Target& t, const Whole& w, Status status) {
  // Two's complement wrap gives the right value for every in-range negative magnitude.
  const uint64_t bits = w.negative ? uint64_t{0} - w.magnitude : w.magnitude;
  return put_fixed(t, static_cast<T>(bits), std::move(status));
}

}  // namespace

Status invalid_cast(const SqlTypeInfo& column, SQLSMALLINT c_type, const char* expected) {
  return failure("22018", "Invalid character value for cast: the " + column.type_name +
                              " value is not " + expected + ", so it cannot be converted to " +
                              c_type_name(c_type) + ".");
}

Status out_of_range(const SqlTypeInfo& column, SQLSMALLINT c_type) {
  return failure("22003", "Numeric value out of range: the " + column.type_name +
                              " value does not fit " + c_type_name(c_type) +
                              "; use a wider C type or SQL_C_CHAR.");
}

Status fraction_truncated(SQLSMALLINT c_type) {
  return warning("01S07", "Fractional truncation: digits of the value were dropped to fit " +
                              c_type_name(c_type) + ".");
}

Status read_number(const SqlTypeInfo& column, std::string_view cell, SQLSMALLINT c_type,
                   NumberText* n, bool* truncated, char* scratch) {
  *truncated = false;
  switch (column.kind) {
    case ValueKind::kBoolean:
    case ValueKind::kString:
    case ValueKind::kJson:
    case ValueKind::kNull:
      if (accepts_boolean_words(column.kind) && read_boolean_word(cell, n)) return success();
      break;
    case ValueKind::kIntervalYearMonth:
    case ValueKind::kIntervalDayTime: {
      // Single-field intervals only (the table says so): the field's value as a number.
      const int code = column.datetime_subcode;
      IntervalValue v;
      if (!parse_interval(cell, code, &v)) return invalid_cast(column, c_type, "an interval");
      SQL_INTERVAL_STRUCT unused;
      *truncated = to_interval_struct(v, code, 0, 9, &unused) == IntervalFit::kTruncated;
      const size_t len = format_interval(v, code, scratch);
      if (!parse_number(std::string_view(scratch, len), n))
        return invalid_cast(column, c_type, "an interval");
      return success();
    }
    default:
      break;
  }
  if (!parse_number(cell, n)) return invalid_cast(column, c_type, "a number");
  return success();
}

Status write_integer(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                     PieceState*) {
  Whole w;
  Status s = read_whole(column, cell, t.c_type, &w);
  if (s.rc == SQL_ERROR) return s;
  const IntTarget it = int_target(t.c_type);
  if (!fits(w, it)) return out_of_range(column, t.c_type);
  Status ok = w.truncated ? fraction_truncated(t.c_type) : success();
  switch (it.bits) {
    case 8:
      return it.is_signed ? put_whole<SQLSCHAR>(t, w, std::move(ok))
                          : put_whole<SQLCHAR>(t, w, std::move(ok));
    case 16:
      return it.is_signed ? put_whole<SQLSMALLINT>(t, w, std::move(ok))
                          : put_whole<SQLUSMALLINT>(t, w, std::move(ok));
    case 32:
      return it.is_signed ? put_whole<SQLINTEGER>(t, w, std::move(ok))
                          : put_whole<SQLUINTEGER>(t, w, std::move(ok));
    default:
      return it.is_signed ? put_whole<SQLBIGINT>(t, w, std::move(ok))
                          : put_whole<SQLUBIGINT>(t, w, std::move(ok));
  }
}

// ODBC: 0 and 1 convert; values in (0, 2) other than 1 truncate (01S07); the rest is 22003.
Status write_bit(const SqlTypeInfo& column, std::string_view cell, const Target& t, PieceState*) {
  Whole w;
  Status s = read_whole(column, cell, t.c_type, &w);
  if (s.rc == SQL_ERROR) return s;
  if (w.below_zero || w.magnitude > 1) return out_of_range(column, t.c_type);
  const SQLCHAR bit = static_cast<SQLCHAR>(w.magnitude);
  return put_fixed(t, bit, w.truncated ? fraction_truncated(t.c_type) : success());
}

Status write_floating(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                      PieceState*) {
  NumberText word;
  if (accepts_boolean_words(column.kind) && read_boolean_word(cell, &word)) {
    const double v = word.int_digits == "1" ? 1.0 : 0.0;
    return t.c_type == SQL_C_FLOAT ? put_fixed(t, static_cast<SQLREAL>(v))
                                   : put_fixed(t, static_cast<SQLDOUBLE>(v));
  }
  FloatParse r;
  if (t.c_type == SQL_C_FLOAT) {
    float v = 0;
    r = parse_float(cell, &v);
    if (r == FloatParse::kOk) return put_fixed(t, static_cast<SQLREAL>(v));
  } else {
    double v = 0;
    r = parse_double(cell, &v);
    if (r == FloatParse::kOk) return put_fixed(t, static_cast<SQLDOUBLE>(v));
  }
  if (r == FloatParse::kOutOfRange) return out_of_range(column, t.c_type);
  return invalid_cast(column, t.c_type, "a number");
}

Status write_numeric(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                     PieceState*) {
  NumberText n;
  bool truncated = false;
  char scratch[64];
  Status s = read_number(column, cell, t.c_type, &n, &truncated, scratch);
  if (s.rc == SQL_ERROR) return s;
  int precision = t.numeric_precision;
  int scale = t.numeric_scale;
  if (precision <= 0) {
    if (column.kind == ValueKind::kDecimal) {
      precision = column.precision;
      scale = column.scale;
    } else if (is_integer_kind(column.kind) || column.kind == ValueKind::kBoolean) {
      precision = static_cast<int>(column.column_size);
      scale = 0;
    } else {
      precision = 38;
      scale = natural_scale(n);
    }
  }
  SQL_NUMERIC_STRUCT out;
  const NumericFit fit = to_numeric_struct(n, precision, scale, &out);
  if (fit == NumericFit::kOverflow) return out_of_range(column, t.c_type);
  const bool dropped = truncated || fit == NumericFit::kTruncated;
  return put_fixed(t, out, dropped ? fraction_truncated(t.c_type) : success());
}

}  // namespace dbsql::convert
