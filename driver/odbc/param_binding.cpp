#include "odbc/param_binding.h"

#include <cstring>
#include <string>

#include "odbc/c_types.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

bool has_length(SQLSMALLINT sql_type) {
  switch (sql_type) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY:
      return true;
    default:
      return false;
  }
}

bool is_exact_numeric(SQLSMALLINT sql_type) {
  return sql_type == SQL_DECIMAL || sql_type == SQL_NUMERIC;
}

// Types whose DecimalDigits are fractional-second digits, kept in SQL_DESC_PRECISION.
bool has_seconds_precision(SQLSMALLINT sql_type) {
  switch (sql_type) {
    case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP:
    case SQL_INTERVAL_SECOND:
    case SQL_INTERVAL_DAY_TO_SECOND:
    case SQL_INTERVAL_HOUR_TO_SECOND:
    case SQL_INTERVAL_MINUTE_TO_SECOND:
      return true;
    default:
      return false;
  }
}

template <class T>
T* offset_pointer(T* p, SQLLEN offset) {
  if (p == nullptr) return nullptr;
  return reinterpret_cast<T*>(reinterpret_cast<char*>(p) + offset);
}

}  // namespace

void bind_parameter(Descriptor& apd, Descriptor& ipd, SQLUSMALLINT number, SQLSMALLINT io_type,
                    SQLSMALLINT c_type, SQLSMALLINT sql_type, SQLULEN column_size,
                    SQLSMALLINT decimal_digits, SQLPOINTER data, SQLLEN buffer_length,
                    SQLLEN* indicator) {
  if (number == 0)
    throw Error("07009",
                "Invalid descriptor index 0: parameters are numbered from 1 in the order of "
                "their ? markers.");
  if (buffer_length < 0)
    throw Error("HY090", "Invalid string or buffer length: BufferLength is " +
                             std::to_string(buffer_length) + "; it cannot be negative.");
  params::validate_binding({c_type, sql_type, column_size, decimal_digits}, io_type);

  const auto n = static_cast<SQLSMALLINT>(number);
  DescRecord& a = apd.record(n);
  a.set_concise_type(c_type);
  a.data_ptr = data;
  a.octet_length = buffer_length;
  a.indicator_ptr = indicator;
  a.octet_length_ptr = indicator;

  DescRecord& i = ipd.record(n);
  i.set_concise_type(sql_type);
  i.parameter_type = io_type;
  i.length = column_size;
  i.precision = static_cast<SQLSMALLINT>(is_exact_numeric(sql_type) ? column_size : 0);
  i.scale = is_exact_numeric(sql_type) ? decimal_digits : 0;
  if (has_seconds_precision(sql_type)) i.precision = decimal_digits;
}

params::ParamType declared_type(const DescRecord& apd_rec, const DescRecord& ipd_rec) {
  const SQLSMALLINT sql_type = ipd_rec.concise_type;
  params::ParamType t{apd_rec.concise_type, sql_type, ipd_rec.length, 0};
  if (is_exact_numeric(sql_type)) {
    t.column_size = static_cast<SQLULEN>(ipd_rec.precision);
    t.decimal_digits = ipd_rec.scale;
  } else if (has_seconds_precision(sql_type)) {
    t.decimal_digits = ipd_rec.precision;
  } else if (!has_length(sql_type)) {
    t.decimal_digits = ipd_rec.scale;
  }
  return t;
}

namespace {

// Row-wise arrays may place a length at any byte offset (pyodbc's fast_executemany packs
// its rows): read it without assuming alignment.
SQLLEN read_length(const SQLLEN* base, size_t offset) {
  SQLLEN value;
  std::memcpy(&value, reinterpret_cast<const char*>(base) + offset, sizeof value);
  return value;
}

}  // namespace

SQLLEN ParamSlot::length_at(size_t row) const {
  if (indicator && read_length(indicator, row * length_stride) == SQL_NULL_DATA)
    return SQL_NULL_DATA;
  if (octet_length) return read_length(octet_length, row * length_stride);
  return SQL_NTS;
}

std::vector<ParamSlot> plan_parameters(const Descriptor& apd, const Descriptor& ipd, size_t count) {
  std::vector<ParamSlot> slots;
  slots.reserve(count);
  const SQLLEN offset = apd.header.bind_offset_ptr ? *apd.header.bind_offset_ptr : 0;
  const bool row_wise = apd.header.bind_type != SQL_BIND_BY_COLUMN;
  for (size_t p = 1; p <= count; ++p) {
    const DescRecord* a = apd.find(static_cast<SQLSMALLINT>(p));
    const DescRecord* i = ipd.find(static_cast<SQLSMALLINT>(p));
    if (a == nullptr || i == nullptr || !a->bound() || i->concise_type == SQL_C_DEFAULT)
      throw Error("07002", "COUNT field incorrect: the statement has " + std::to_string(count) +
                               " parameter marker(s) (?), but parameter " + std::to_string(p) +
                               " is not bound. Bind every marker with SQLBindParameter.");
    ParamSlot s;
    s.type = declared_type(*a, *i);
    if (s.type.c_type == SQL_C_DEFAULT) s.type.c_type = params::default_c_type(s.type.sql_type);
    s.data = static_cast<const char*>(offset_pointer(a->data_ptr, offset));
    s.indicator = offset_pointer(a->indicator_ptr, offset);
    s.octet_length = offset_pointer(a->octet_length_ptr, offset);
    if (row_wise) {
      s.data_stride = s.length_stride = apd.header.bind_type;
    } else {
      const size_t fixed = fixed_c_type_size(s.type.c_type);
      s.data_stride = fixed != 0 ? fixed : static_cast<size_t>(a->octet_length);
      s.length_stride = sizeof(SQLLEN);
    }
    slots.push_back(s);
  }
  return slots;
}

}  // namespace dbsql::odbc
