#include "odbc/binding.h"

#include <algorithm>
#include <string>

#include "odbc/c_types.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

template <class T>
T* offset_pointer(T* p, SQLLEN offset) {
  if (p == nullptr) return nullptr;
  return reinterpret_cast<T*>(reinterpret_cast<char*>(p) + offset);
}

}  // namespace

SQLSMALLINT resolve_c_type(SQLSMALLINT c_type, const convert::SqlTypeInfo& column) {
  return c_type == SQL_C_DEFAULT ? column.default_c_type : c_type;
}

convert::Target make_target(const DescRecord& rec, SQLSMALLINT c_type, SQLPOINTER data,
                            SQLLEN buffer_length, SQLLEN* indicator, SQLLEN* octet_length) {
  convert::Target t;
  t.c_type = c_type;
  t.data = data;
  t.buffer_length = buffer_length;
  t.indicator = indicator;
  t.octet_length = octet_length;
  t.numeric_precision = rec.precision;
  t.numeric_scale = rec.scale;
  if (rec.type == SQL_INTERVAL) {
    t.interval_leading_precision = rec.datetime_interval_precision;
    if (rec.precision > 0) t.interval_seconds_precision = rec.precision;
  }
  return t;
}

void plan_bindings(const Descriptor& ard, const Descriptor& ird, std::vector<ColumnBinding>& plan) {
  plan.clear();
  const SQLLEN offset = ard.header.bind_offset_ptr ? *ard.header.bind_offset_ptr : 0;
  const bool row_wise = ard.header.bind_type != SQL_BIND_BY_COLUMN;
  const SQLSMALLINT columns = std::min(ard.count(), ird.count());
  for (SQLSMALLINT n = 1; n <= columns; ++n) {
    const DescRecord& rec = *ard.find(n);
    if (!rec.bound()) continue;
    const convert::SqlTypeInfo& info = ird.find(n)->column;
    const SQLSMALLINT c_type = resolve_c_type(rec.concise_type, info);
    if (!is_valid_c_type(c_type))
      throw Error("HY003", "Column " + std::to_string(n) + " is bound with unknown C type " +
                               std::to_string(c_type) + ".");
    if (!convert::conversion_allowed(info, c_type))
      throw Error("07006", "Restricted data type attribute violation: column " + std::to_string(n) +
                               " (" + info.type_name + ") cannot be converted to " +
                               convert::c_type_name(c_type) + ".");
    ColumnBinding b;
    b.column = static_cast<size_t>(n - 1);
    b.info = &info;
    b.fast = convert::fast_writer_for(info, c_type);
    b.base = make_target(rec, c_type, offset_pointer(rec.data_ptr, offset), rec.octet_length,
                         offset_pointer(rec.indicator_ptr, offset),
                         offset_pointer(rec.octet_length_ptr, offset));
    if (row_wise) {
      b.data_stride = b.indicator_stride = b.octet_length_stride = ard.header.bind_type;
    } else {
      const size_t fixed = fixed_c_type_size(c_type);
      b.data_stride = fixed != 0 ? fixed : static_cast<size_t>(rec.octet_length);
      b.indicator_stride = b.octet_length_stride = sizeof(SQLLEN);
    }
    plan.push_back(b);
  }
}

}  // namespace dbsql::odbc
