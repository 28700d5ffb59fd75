#pragma once
// Character input arguments: ANSI or SQLWCHAR text with a length or SQL_NTS, decoded to the
// UTF-8 the driver uses inside.
#include <sql.h>
#include <sqlext.h>

#include <string>

#include "odbc/text_out.h"

namespace dbsql::odbc {

// `length` in bytes, or SQL_NTS. A null pointer is the empty string.
std::string ansi_text(const SQLCHAR* text, SQLLEN length);
// `length` in characters, or SQL_NTS.
std::string wide_text(const SQLWCHAR* text, SQLLEN length);
// A generic SQLPOINTER holding text (attribute and descriptor values): for the W functions
// its length is in bytes, as ODBC specifies for SQLPOINTER arguments.
std::string pointer_text(SQLPOINTER text, SQLINTEGER length_in_bytes, TextUnits units);

}  // namespace dbsql::odbc
