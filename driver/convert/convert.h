#pragma once
// Writes one cell into an application buffer for a given C type: the
// (value kind × SQL_C_*) table of small writers, with the ODBC truncation and range rules.
#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>
#include <string_view>

#include "convert/sql_types.h"

namespace dbsql::convert {

// The application's buffer for one cell (from the ARD for SQLFetch, or SQLGetData's
// arguments). `indicator` and `octet_length` may be the same pointer or null.
struct Target {
  SQLSMALLINT c_type = SQL_C_CHAR;  // SQL_C_DEFAULT means column.default_c_type
  SQLPOINTER data = nullptr;
  SQLLEN buffer_length = 0;
  SQLLEN* octet_length = nullptr;  // receives the length (or SQL_NO_TOTAL)
  SQLLEN* indicator = nullptr;     // receives SQL_NULL_DATA for NULL
  SQLSMALLINT numeric_precision = 0;  // SQL_C_NUMERIC: from the ARD (0 = use the column's)
  SQLSMALLINT numeric_scale = 0;
};

struct Status {
  SQLRETURN rc = SQL_SUCCESS;  // SQL_SUCCESS, SQL_SUCCESS_WITH_INFO, SQL_ERROR, SQL_NO_DATA
  std::string sqlstate;        // e.g. 01004, 22001, 22003, 22007, 22018, 07006, 22002
  std::string message;
};

// State kept across SQLGetData calls on the same column for piecewise retrieval of text
// and binary: how much of the converted value was already returned.
struct PieceState {
  size_t offset = 0;
  bool started = false;
  bool finished = false;
};

// `cell` is nullopt for SQL NULL. `piece` is null for bound columns (SQLFetch) and set
// for SQLGetData, which returns long values in pieces and SQL_NO_DATA after the last.
Status write_cell(const SqlTypeInfo& column, std::optional<std::string_view> cell,
                  const Target& target, PieceState* piece = nullptr);

}  // namespace dbsql::convert
