#pragma once
// What kind of SQL statement a text is, from its first keyword: the SQL_DIAG_DYNAMIC_FUNCTION
// header fields, and whether a prepared statement can be run early (it only reads) to
// describe its result columns before SQLExecute.
#include <string_view>

#include "odbc/diagnostics.h"

namespace dbsql::odbc {

void set_dynamic_function(Diagnostics& diag, std::string_view sql);

// True for statements that only read and return rows (SELECT, WITH, VALUES, SHOW, ...).
bool returns_rows(std::string_view sql);

}  // namespace dbsql::odbc
