// Result description, column binding, fetching and SQLGetData.
#include "api/export.h"
#include "odbc/guard.h"
#include "odbc/statement.h"

using namespace dbsql::odbc;

// Number of columns in the result.
DBSQL_EXPORT SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT stmt, SQLSMALLINT* count) {
  return guard<Statement>("SQLNumResultCols", stmt, [&](Statement& s) {
    SQLSMALLINT n = s.num_result_cols();
    if (count) *count = n;
  });
}

// Name, type, size, digits and nullability of a result column.
DBSQL_EXPORT SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT stmt, SQLUSMALLINT column, SQLCHAR* name,
                                              SQLSMALLINT capacity, SQLSMALLINT* name_length,
                                              SQLSMALLINT* type, SQLULEN* size, SQLSMALLINT* digits,
                                              SQLSMALLINT* nullable) {
  return guard<Statement>("SQLDescribeCol", stmt, [&](Statement& s) {
    s.describe_col(column, TextOut{name, capacity, TextUnits::kAnsi}, name_length, type, size,
                   digits, nullable);
  });
}

// Name, type, size, digits and nullability of a result column (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT stmt, SQLUSMALLINT column, SQLWCHAR* name,
                                               SQLSMALLINT capacity, SQLSMALLINT* name_length,
                                               SQLSMALLINT* type, SQLULEN* size,
                                               SQLSMALLINT* digits, SQLSMALLINT* nullable) {
  return guard<Statement>("SQLDescribeColW", stmt, [&](Statement& s) {
    s.describe_col(column, TextOut{name, capacity, TextUnits::kWideChars}, name_length, type, size,
                   digits, nullable);
  });
}

// One attribute of a result column.
DBSQL_EXPORT SQLRETURN SQL_API SQLColAttribute(SQLHSTMT stmt, SQLUSMALLINT column,
                                               SQLUSMALLINT field, SQLPOINTER text,
                                               SQLSMALLINT capacity, SQLSMALLINT* length,
                                               SQLLEN* numeric) {
  return guard<Statement>("SQLColAttribute", stmt, [&](Statement& s) {
    s.col_attribute(column, field, TextOut{text, capacity, TextUnits::kAnsi}, length, numeric);
  });
}

// One attribute of a result column (Unicode; string lengths in bytes).
DBSQL_EXPORT SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT stmt, SQLUSMALLINT column,
                                                SQLUSMALLINT field, SQLPOINTER text,
                                                SQLSMALLINT capacity, SQLSMALLINT* length,
                                                SQLLEN* numeric) {
  return guard<Statement>("SQLColAttributeW", stmt, [&](Statement& s) {
    s.col_attribute(column, field, TextOut{text, capacity, TextUnits::kWideBytes}, length, numeric);
  });
}

// Binds an application buffer to a result column (in the ARD).
DBSQL_EXPORT SQLRETURN SQL_API SQLBindCol(SQLHSTMT stmt, SQLUSMALLINT column, SQLSMALLINT c_type,
                                          SQLPOINTER data, SQLLEN capacity, SQLLEN* indicator) {
  return guard<Statement>("SQLBindCol", stmt, [&](Statement& s) {
    s.bind_col(column, c_type, data, capacity, indicator);
  });
}

// Fetches the next rowset into the bound buffers.
DBSQL_EXPORT SQLRETURN SQL_API SQLFetch(SQLHSTMT stmt) {
  return guard<Statement>("SQLFetch", stmt, [](Statement& s) { return s.fetch(); });
}

// Fetches a rowset; only SQL_FETCH_NEXT on this forward-only cursor.
DBSQL_EXPORT SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT stmt, SQLSMALLINT orientation,
                                              SQLLEN offset) {
  return guard<Statement>("SQLFetchScroll", stmt,
                          [&](Statement& s) { return s.fetch_scroll(orientation, offset); });
}

// Reads one column of the current row, long values in pieces.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetData(SQLHSTMT stmt, SQLUSMALLINT column, SQLSMALLINT c_type,
                                          SQLPOINTER data, SQLLEN capacity, SQLLEN* indicator) {
  return guard<Statement>("SQLGetData", stmt, [&](Statement& s) {
    return s.get_data(column, c_type, data, capacity, indicator);
  });
}
