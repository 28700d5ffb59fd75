#include "convert/fast_write.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>

#include "convert/datetime_text.h"
#include "convert/number_text.h"
#include "convert/output.h"

namespace dbsql::convert {
namespace {

// The server's integer text, whole and within T; anything else (a sign the type cannot
// hold, spaces, an overflow) is the general path's to judge.
template <typename T>
bool integer_to(std::string_view cell, const Target& t) {
  int64_t v = 0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, v);
  if (ec != std::errc() || ptr != end) return false;
  if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) return false;
  store_fixed(t, static_cast<T>(v));
  return true;
}

bool double_to_double(std::string_view cell, const Target& t) {
  double v = 0;
  if (parse_double(cell, &v) != FloatParse::kOk) return false;
  store_fixed(t, static_cast<SQLDOUBLE>(v));
  return true;
}

bool timestamp_to_timestamp(std::string_view cell, const Target& t) {
  DateTimeValue v;
  if (!parse_timestamp(cell, &v)) return false;
  const SQL_TIMESTAMP_STRUCT ts{
      static_cast<SQLSMALLINT>(v.year),    static_cast<SQLUSMALLINT>(v.month),
      static_cast<SQLUSMALLINT>(v.day),    static_cast<SQLUSMALLINT>(v.hour),
      static_cast<SQLUSMALLINT>(v.minute), static_cast<SQLUSMALLINT>(v.second),
      static_cast<SQLUINTEGER>(v.nanos)};
  store_fixed(t, ts);
  return true;
}

bool date_to_date(std::string_view cell, const Target& t) {
  DateTimeValue v;
  if (!parse_date(cell, &v)) return false;
  const SQL_DATE_STRUCT d{static_cast<SQLSMALLINT>(v.year), static_cast<SQLUSMALLINT>(v.month),
                          static_cast<SQLUSMALLINT>(v.day)};
  store_fixed(t, d);
  return true;
}

// Text whose character form is the cell itself (strings, and numbers as the server wrote
// them), when all of it and the terminator fit.
bool text_to_char(std::string_view cell, const Target& t) {
  if (t.data == nullptr || static_cast<SQLLEN>(cell.size()) >= t.buffer_length) return false;
  auto* out = static_cast<char*>(t.data);
  std::memcpy(out, cell.data(), cell.size());
  out[cell.size()] = '\0';
  report_length(t, static_cast<SQLLEN>(cell.size()));
  return true;
}

// The same for wide characters, when the text is ASCII (one unit per byte); other text
// takes the general path's UTF-8 decoding.
bool text_to_wchar(std::string_view cell, const Target& t) {
  constexpr SQLLEN kUnit = sizeof(SQLWCHAR);
  if (t.data == nullptr || static_cast<SQLLEN>(cell.size()) >= t.buffer_length / kUnit)
    return false;
  auto* out = static_cast<SQLWCHAR*>(t.data);
  unsigned char high_bits = 0;
  for (size_t i = 0; i < cell.size(); ++i) {
    const auto c = static_cast<unsigned char>(cell[i]);
    high_bits |= c;
    out[i] = static_cast<SQLWCHAR>(c);
  }
  if (high_bits & 0x80) return false;
  out[cell.size()] = 0;
  report_length(t, static_cast<SQLLEN>(cell.size()) * kUnit);
  return true;
}

// Kinds whose SQL_C_CHAR rendering is the cell text unchanged (write_char's render()).
bool text_is_cell(ValueKind k) {
  return is_integer_kind(k) || k == ValueKind::kFloat || k == ValueKind::kDouble ||
         k == ValueKind::kDecimal || k == ValueKind::kString || k == ValueKind::kJson;
}

}  // namespace

FastWriter fast_writer_for(const SqlTypeInfo& column, SQLSMALLINT c_type) {
  const ValueKind k = column.kind;
  switch (c_type) {
    case SQL_C_CHAR:
      return text_is_cell(k) ? text_to_char : nullptr;
    case SQL_C_WCHAR:
      return text_is_cell(k) ? text_to_wchar : nullptr;
    case SQL_C_SSHORT:
    case SQL_C_SHORT:
      return is_integer_kind(k) ? integer_to<SQLSMALLINT> : nullptr;
    case SQL_C_SLONG:
    case SQL_C_LONG:
      return is_integer_kind(k) ? integer_to<SQLINTEGER> : nullptr;
    case SQL_C_SBIGINT:
      return is_integer_kind(k) ? integer_to<SQLBIGINT> : nullptr;
    case SQL_C_DOUBLE:
      return k == ValueKind::kDouble || k == ValueKind::kFloat ? double_to_double : nullptr;
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TIMESTAMP:
      return k == ValueKind::kTimestamp || k == ValueKind::kTimestampNtz ? timestamp_to_timestamp
                                                                          : nullptr;
    case SQL_C_TYPE_DATE:
    case SQL_C_DATE:
      return k == ValueKind::kDate ? date_to_date : nullptr;
    default:
      return nullptr;
  }
}

}  // namespace dbsql::convert
