// Preparing and executing statements, cancelling, and what a statement reports afterwards.
#include "api/export.h"
#include "odbc/guard.h"
#include "odbc/statement.h"
#include "odbc/text_in.h"

using namespace dbsql::odbc;

// Executes a statement once.
DBSQL_EXPORT SQLRETURN SQL_API SQLExecDirect(SQLHSTMT stmt, SQLCHAR* text, SQLINTEGER length) {
  return guard<Statement>("SQLExecDirect", stmt,
                          [&](Statement& s) { return s.exec_direct(ansi_text(text, length)); });
}

// Executes a statement once (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT stmt, SQLWCHAR* text, SQLINTEGER length) {
  return guard<Statement>("SQLExecDirectW", stmt,
                          [&](Statement& s) { return s.exec_direct(wide_text(text, length)); });
}

// Prepares a statement for SQLExecute.
DBSQL_EXPORT SQLRETURN SQL_API SQLPrepare(SQLHSTMT stmt, SQLCHAR* text, SQLINTEGER length) {
  return guard<Statement>("SQLPrepare", stmt,
                          [&](Statement& s) { s.prepare(ansi_text(text, length)); });
}

// Prepares a statement for SQLExecute (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLPrepareW(SQLHSTMT stmt, SQLWCHAR* text, SQLINTEGER length) {
  return guard<Statement>("SQLPrepareW", stmt,
                          [&](Statement& s) { s.prepare(wide_text(text, length)); });
}

// Executes the prepared statement.
DBSQL_EXPORT SQLRETURN SQL_API SQLExecute(SQLHSTMT stmt) {
  return guard<Statement>("SQLExecute", stmt, [](Statement& s) { return s.execute(); });
}

// Cancels the statement running on another thread. Takes no lock (the running call holds
// it) and leaves the diagnostics to that call.
DBSQL_EXPORT SQLRETURN SQL_API SQLCancel(SQLHSTMT stmt) {
  return guard<Statement>(
      "SQLCancel", stmt, [](Statement& s) { s.cancel(); }, kNoLock | kKeepDiagnostics);
}

// Number of rows a DML statement changed (-1 for queries).
DBSQL_EXPORT SQLRETURN SQL_API SQLRowCount(SQLHSTMT stmt, SQLLEN* count) {
  return guard<Statement>("SQLRowCount", stmt, [&](Statement& s) {
    SQLLEN n = s.row_count();
    if (count) *count = n;
  });
}

// Moves to the next result: a Databricks statement has one.
DBSQL_EXPORT SQLRETURN SQL_API SQLMoreResults(SQLHSTMT stmt) {
  return guard<Statement>("SQLMoreResults", stmt, [](Statement& s) { return s.more_results(); });
}

// Closes the open cursor.
DBSQL_EXPORT SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT stmt) {
  return guard<Statement>("SQLCloseCursor", stmt, [](Statement& s) { return s.close_cursor(); });
}

// Number of parameter markers in the prepared statement.
DBSQL_EXPORT SQLRETURN SQL_API SQLNumParams(SQLHSTMT stmt, SQLSMALLINT* count) {
  return guard<Statement>("SQLNumParams", stmt, [&](Statement& s) {
    SQLSMALLINT n = s.num_params();
    if (count) *count = n;
  });
}

// Reads the cursor name.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetCursorName(SQLHSTMT stmt, SQLCHAR* name, SQLSMALLINT capacity,
                                                SQLSMALLINT* length) {
  return guard<Statement>("SQLGetCursorName", stmt, [&](Statement& s) {
    put_length(length,
               put_text(s.diag(), s.cursor_name(), TextOut{name, capacity, TextUnits::kAnsi}));
  });
}

// Reads the cursor name (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetCursorNameW(SQLHSTMT stmt, SQLWCHAR* name,
                                                 SQLSMALLINT capacity, SQLSMALLINT* length) {
  return guard<Statement>("SQLGetCursorNameW", stmt, [&](Statement& s) {
    put_length(length,
               put_text(s.diag(), s.cursor_name(), TextOut{name, capacity, TextUnits::kWideChars}));
  });
}

// Names the cursor.
DBSQL_EXPORT SQLRETURN SQL_API SQLSetCursorName(SQLHSTMT stmt, SQLCHAR* name, SQLSMALLINT length) {
  return guard<Statement>("SQLSetCursorName", stmt,
                          [&](Statement& s) { s.set_cursor_name(ansi_text(name, length)); });
}

// Names the cursor (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLSetCursorNameW(SQLHSTMT stmt, SQLWCHAR* name,
                                                 SQLSMALLINT length) {
  return guard<Statement>("SQLSetCursorNameW", stmt,
                          [&](Statement& s) { s.set_cursor_name(wide_text(name, length)); });
}
