// Diagnostic records of any handle. These read what the previous call left and add nothing.
#include "api/export.h"
#include "odbc/diag_access.h"
#include "odbc/handle_dispatch.h"

using namespace dbsql::odbc;

// Reads the SQLSTATE, native error and message of one diagnostic record.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT rec,
                                             SQLCHAR* sqlstate, SQLINTEGER* native,
                                             SQLCHAR* message, SQLSMALLINT capacity,
                                             SQLSMALLINT* length) {
  return guard_any(
      "SQLGetDiagRec", type, handle,
      [&](Handle& h) {
        return get_diag_rec(h, rec, sqlstate, TextUnits::kAnsi, native,
                            TextOut{message, capacity, TextUnits::kAnsi}, length);
      },
      kKeepDiagnostics);
}

// Reads the SQLSTATE, native error and message of one diagnostic record (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT rec,
                                              SQLWCHAR* sqlstate, SQLINTEGER* native,
                                              SQLWCHAR* message, SQLSMALLINT capacity,
                                              SQLSMALLINT* length) {
  return guard_any(
      "SQLGetDiagRecW", type, handle,
      [&](Handle& h) {
        return get_diag_rec(h, rec, sqlstate, TextUnits::kWideChars, native,
                            TextOut{message, capacity, TextUnits::kWideChars}, length);
      },
      kKeepDiagnostics);
}

// Reads one header or record field of the diagnostics.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT rec,
                                               SQLSMALLINT field, SQLPOINTER info,
                                               SQLSMALLINT capacity, SQLSMALLINT* length) {
  return guard_any(
      "SQLGetDiagField", type, handle,
      [&](Handle& h) {
        return get_diag_field(h, rec, field, TextOut{info, capacity, TextUnits::kAnsi}, length);
      },
      kKeepDiagnostics);
}

// Reads one header or record field of the diagnostics (Unicode; lengths in bytes).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT rec,
                                                SQLSMALLINT field, SQLPOINTER info,
                                                SQLSMALLINT capacity, SQLSMALLINT* length) {
  return guard_any(
      "SQLGetDiagFieldW", type, handle,
      [&](Handle& h) {
        return get_diag_field(h, rec, field, TextOut{info, capacity, TextUnits::kWideBytes},
                              length);
      },
      kKeepDiagnostics);
}
