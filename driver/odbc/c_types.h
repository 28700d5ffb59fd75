#pragma once
// Facts about the application's C types the fetch engine needs before converting: which
// codes are valid, and the element size of fixed-size ones (for column-wise array strides).
#include <sql.h>
#include <sqlext.h>

#include <cstddef>

namespace dbsql::odbc {

// Bytes of one element of a fixed-size C type; 0 for character and binary types, whose
// element size is the bound buffer length.
size_t fixed_c_type_size(SQLSMALLINT c_type);
// Whether `c_type` is a C type code this driver knows (SQL_C_DEFAULT included).
bool is_valid_c_type(SQLSMALLINT c_type);

}  // namespace dbsql::odbc
