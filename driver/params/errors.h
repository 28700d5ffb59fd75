#pragma once
// Errors of a parameter conversion: the SQLSTATE's ODBC title, what was wrong, and the
// conversion it happened in. Values are never quoted in messages: parameters carry user
// data (names, passwords in an INSERT) and diagnostics end up in logs.
#include <string>

#include "params/params.h"

namespace dbsql::params {

// "SQL_C_CHAR to SQL_INTEGER".
std::string conversion_name(const ParamType& type);

// Throws dbsql::Error(sqlstate, "<title>: <what> (<conversion>).").
[[noreturn]] void fail(const ParamType& type, const char* sqlstate, const std::string& what);

}  // namespace dbsql::params
