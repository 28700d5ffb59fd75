#pragma once
// SQLGetDiagRec and SQLGetDiagField over a handle's diagnostic area. They never add
// records of their own: truncation is reported only through the return code.
#include <sql.h>
#include <sqlext.h>

#include "odbc/handle.h"
#include "odbc/text_out.h"

namespace dbsql::odbc {

// `sqlstate` must have room for 6 units. `message.capacity` and `*text_length` are in
// characters (bytes for ANSI).
SQLRETURN get_diag_rec(Handle& handle, SQLSMALLINT record, SQLPOINTER sqlstate, TextUnits units,
                       SQLINTEGER* native, const TextOut& message, SQLSMALLINT* text_length);

// `out.capacity` and `*string_length` are in bytes (the field is an SQLPOINTER).
SQLRETURN get_diag_field(Handle& handle, SQLSMALLINT record, SQLSMALLINT field, const TextOut& out,
                         SQLSMALLINT* string_length);

}  // namespace dbsql::odbc
