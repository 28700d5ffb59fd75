#pragma once
// Bound-column address arithmetic: where element `row` of a bound column lives for
// row-wise (SQL_ATTR_ROW_BIND_TYPE = struct size) and column-wise binding, with the bind
// offset applied. Planned once per fetch call so the per-cell work is one write_cell.
#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <vector>

#include "convert/convert.h"
#include "convert/fast_write.h"
#include "odbc/descriptor.h"

namespace dbsql::odbc {

struct ColumnBinding {
  size_t column = 0;  // 0-based result column
  const convert::SqlTypeInfo* info = nullptr;
  convert::Target base;  // element 0, bind offset applied; c_type resolved
  convert::FastWriter fast = nullptr;  // the common conversion's shortcut, if it has one
  size_t data_stride = 0;
  size_t indicator_stride = 0;
  size_t octet_length_stride = 0;

  convert::Target element(size_t row) const {
    convert::Target t = base;
    if (t.data) t.data = static_cast<char*>(t.data) + row * data_stride;
    if (t.indicator)
      t.indicator =
          reinterpret_cast<SQLLEN*>(reinterpret_cast<char*>(t.indicator) + row * indicator_stride);
    if (t.octet_length)
      t.octet_length = reinterpret_cast<SQLLEN*>(reinterpret_cast<char*>(t.octet_length) +
                                                 row * octet_length_stride);
    return t;
  }
};

// The bindings of `ard` for the columns described by `ird`, into `plan` (cleared first).
// Throws Error 07006 for a conversion ODBC does not allow, HY003 for an unknown C type.
void plan_bindings(const Descriptor& ard, const Descriptor& ird, std::vector<ColumnBinding>& plan);

// A Target for SQLGetData or a bound column from an ARD-style record, `c_type` resolved.
convert::Target make_target(const DescRecord& rec, SQLSMALLINT c_type, SQLPOINTER data,
                            SQLLEN buffer_length, SQLLEN* indicator, SQLLEN* octet_length);

// SQL_C_DEFAULT → the column's default C type; other codes unchanged.
SQLSMALLINT resolve_c_type(SQLSMALLINT c_type, const convert::SqlTypeInfo& column);

}  // namespace dbsql::odbc
