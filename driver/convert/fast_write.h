#pragma once
// The common conversions of the fetch path without the general table: a writer chosen
// once per binding (column kind × C type) that writes a value converting cleanly —
// parsed, in range, nothing truncated — straight into the buffer and returns true.
// Anything else returns false, having promised nothing about the buffer, and the caller
// runs write_cell, which writes the value (or not) and gives the exact diagnostic. So the
// fast writers never decide an outcome the general path would decide differently; they
// only skip its bookkeeping (status strings, the conversion table, piece state).
#include <sql.h>

#include <string_view>

#include "convert/convert.h"

namespace dbsql::convert {

using FastWriter = bool (*)(std::string_view cell, const Target& t);

// The fast writer for a non-NULL cell of `column` into `c_type` (resolved, not
// SQL_C_DEFAULT), or nullptr when this pair always takes the general path.
FastWriter fast_writer_for(const SqlTypeInfo& column, SQLSMALLINT c_type);

// A NULL cell: SQL_NULL_DATA into the indicator; false (the general path's 22002) when
// there is none.
inline bool write_null_fast(const Target& t) {
  if (t.indicator == nullptr) return false;
  *t.indicator = SQL_NULL_DATA;
  return true;
}

}  // namespace dbsql::convert
