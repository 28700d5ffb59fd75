#pragma once
// Writes one cell into an application buffer for a given C type: the
// (value kind × SQL_C_*) table of small writers, with the ODBC truncation and range rules.
#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "convert/sql_types.h"

namespace dbsql::convert {

// The application's buffer for one cell (from the ARD for SQLFetch, or SQLGetData's
// arguments). `indicator` and `octet_length` may be the same pointer or null.
struct Target {
  SQLSMALLINT c_type = SQL_C_CHAR;  // SQL_C_DEFAULT means column.default_c_type
  SQLPOINTER data = nullptr;        // null: only the length is reported (SQLGetData probing)
  SQLLEN buffer_length = 0;         // bytes; ignored for fixed-size C types, as ODBC says
  SQLLEN* octet_length = nullptr;   // receives the length (bytes left, for pieces)
  SQLLEN* indicator = nullptr;      // receives SQL_NULL_DATA for NULL (0 if separate)
  // SQL_C_NUMERIC: SQL_DESC_PRECISION/SCALE of the ARD. Precision 0 means "not set by
  // the application": the column's precision and scale are used (the spec leaves the
  // default driver-defined; scale 0 would silently drop every fraction).
  SQLSMALLINT numeric_precision = 0;
  SQLSMALLINT numeric_scale = 0;
  // SQL_C_INTERVAL_*: SQL_DESC_DATETIME_INTERVAL_PRECISION (leading digits; 0 = no limit
  // but the struct's) and SQL_DESC_PRECISION (fractional seconds digits, ODBC default 6).
  SQLINTEGER interval_leading_precision = 0;
  SQLSMALLINT interval_seconds_precision = 6;
};

struct Status {
  SQLRETURN rc = SQL_SUCCESS;  // SQL_SUCCESS, SQL_SUCCESS_WITH_INFO, SQL_ERROR, SQL_NO_DATA
  std::string sqlstate;        // e.g. 01004, 01S07, 22001, 22003, 22007, 22015, 22018, 07006, 22002
  std::string message;
};

// State kept across SQLGetData calls on the same column for piecewise retrieval of text
// and binary: how much of the converted value was already returned. Reset it (= {}) when
// the cursor moves or the application asks for another column.
struct PieceState {
  size_t offset = 0;      // position in the source (cell text or decoded bytes)
  bool started = false;   // a first piece was returned
  bool finished = false;  // everything was returned: the next call gives SQL_NO_DATA
  size_t total = 0;       // SQL_C_WCHAR: full converted length in bytes, fixed at the first call
  size_t produced = 0;    // SQL_C_WCHAR: bytes returned so far
  // SQL_C_WCHAR: the low half of a surrogate pair whose high half ended the last piece (a
  // buffer with room for one unit gets pairs in halves); 0 when none. `offset` is past it.
  char16_t pending_low_surrogate = 0;
};

// `cell` is nullopt for SQL NULL. `piece` is null for bound columns (SQLFetch) and set
// for SQLGetData, which returns long values in pieces and SQL_NO_DATA after the last.
// Never throws; never writes past buffer_length for character and binary C types.
Status write_cell(const SqlTypeInfo& column, std::optional<std::string_view> cell,
                  const Target& target, PieceState* piece = nullptr);

// Whether ODBC allows converting a column of this kind to `c_type` at all (07006 if not).
// SQL_C_DEFAULT is resolved against the column. For SQLGetData/SQLBindCol checks.
bool conversion_allowed(const SqlTypeInfo& column, SQLSMALLINT c_type);

// "SQL_C_SLONG", ... for messages; "C type <n>" for unknown codes.
std::string c_type_name(SQLSMALLINT c_type);

}  // namespace dbsql::convert
