// Connecting, disconnecting, transactions and SQLNativeSql. Text arguments are decoded
// inside the guard, so even a bad length becomes a diagnostic.
#include "api/export.h"
#include "odbc/connection.h"
#include "odbc/environment.h"
#include "odbc/guard.h"
#include "odbc/text_in.h"

using namespace dbsql::odbc;

// Connects to a data source name with a user and password.
DBSQL_EXPORT SQLRETURN SQL_API SQLConnect(SQLHDBC dbc, SQLCHAR* dsn, SQLSMALLINT dsn_length,
                                          SQLCHAR* user, SQLSMALLINT user_length, SQLCHAR* password,
                                          SQLSMALLINT password_length) {
  return guard<Connection>("SQLConnect", dbc, [&](Connection& c) {
    c.connect(ansi_text(dsn, dsn_length), ansi_text(user, user_length),
              ansi_text(password, password_length));
  });
}

// Connects to a data source name with a user and password (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLConnectW(SQLHDBC dbc, SQLWCHAR* dsn, SQLSMALLINT dsn_length,
                                           SQLWCHAR* user, SQLSMALLINT user_length,
                                           SQLWCHAR* password, SQLSMALLINT password_length) {
  return guard<Connection>("SQLConnectW", dbc, [&](Connection& c) {
    c.connect(wide_text(dsn, dsn_length), wide_text(user, user_length),
              wide_text(password, password_length));
  });
}

// Connects with a connection string and returns the completed one. Every completion mode
// behaves as SQL_DRIVER_NOPROMPT: the driver has no dialog to show.
DBSQL_EXPORT SQLRETURN SQL_API SQLDriverConnect(SQLHDBC dbc, SQLHWND /*window*/, SQLCHAR* in,
                                                SQLSMALLINT in_length, SQLCHAR* out,
                                                SQLSMALLINT out_capacity, SQLSMALLINT* out_length,
                                                SQLUSMALLINT /*completion*/) {
  return guard<Connection>("SQLDriverConnect", dbc, [&](Connection& c) {
    c.driver_connect(ansi_text(in, in_length), TextOut{out, out_capacity, TextUnits::kAnsi},
                     out_length);
  });
}

// Connects with a connection string and returns the completed one (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC dbc, SQLHWND /*window*/, SQLWCHAR* in,
                                                 SQLSMALLINT in_length, SQLWCHAR* out,
                                                 SQLSMALLINT out_capacity, SQLSMALLINT* out_length,
                                                 SQLUSMALLINT /*completion*/) {
  return guard<Connection>("SQLDriverConnectW", dbc, [&](Connection& c) {
    c.driver_connect(wide_text(in, in_length), TextOut{out, out_capacity, TextUnits::kWideChars},
                     out_length);
  });
}

// Closes the connection and frees its statements.
DBSQL_EXPORT SQLRETURN SQL_API SQLDisconnect(SQLHDBC dbc) {
  return guard<Connection>("SQLDisconnect", dbc, [](Connection& c) { c.disconnect(); });
}

// Commits or rolls back: statements commit as they run, so this only reports.
DBSQL_EXPORT SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE handle,
                                          SQLSMALLINT completion) {
  if (type == SQL_HANDLE_ENV) return guard<Environment>("SQLEndTran", handle, [](Environment&) {});
  if (type != SQL_HANDLE_DBC) return SQL_ERROR;
  return guard<Connection>("SQLEndTran", handle,
                           [&](Connection& c) { c.end_transaction(completion); });
}

// Returns the SQL the driver sends for a statement: escapes translated, markers kept.
DBSQL_EXPORT SQLRETURN SQL_API SQLNativeSql(SQLHDBC dbc, SQLCHAR* in, SQLINTEGER in_length,
                                            SQLCHAR* out, SQLINTEGER out_capacity,
                                            SQLINTEGER* out_length) {
  return guard<Connection>("SQLNativeSql", dbc, [&](Connection& c) {
    put_length(out_length, put_text(c.diag(), c.native_sql(ansi_text(in, in_length)),
                                    TextOut{out, out_capacity, TextUnits::kAnsi}));
  });
}

// Returns the SQL the driver sends for a statement (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC dbc, SQLWCHAR* in, SQLINTEGER in_length,
                                             SQLWCHAR* out, SQLINTEGER out_capacity,
                                             SQLINTEGER* out_length) {
  return guard<Connection>("SQLNativeSqlW", dbc, [&](Connection& c) {
    put_length(out_length, put_text(c.diag(), c.native_sql(wide_text(in, in_length)),
                                    TextOut{out, out_capacity, TextUnits::kWideChars}));
  });
}
