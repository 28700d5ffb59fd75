// Handle allocation and release, environment attributes, SQLFreeStmt.
#include "api/export.h"
#include "odbc/connection.h"
#include "odbc/descriptor.h"
#include "odbc/environment.h"
#include "odbc/guard.h"
#include "odbc/statement.h"
#include "util/error.h"

using namespace dbsql::odbc;

namespace {

SQLRETURN alloc_env(SQLHANDLE* output) {
  if (output == nullptr) return SQL_ERROR;
  try {
    *output = new Environment(make_sea_backend);
    return SQL_SUCCESS;
  } catch (...) {
    *output = SQL_NULL_HENV;
    return SQL_ERROR;
  }
}

void require_output(SQLHANDLE* output) {
  if (output == nullptr)
    throw dbsql::Error("HY009", "Invalid use of null pointer: OutputHandlePtr is null.");
}

SQLRETURN free_statement(SQLHANDLE handle) {
  Statement* stmt = Handle::from<Statement>(handle);
  if (stmt == nullptr) return SQL_INVALID_HANDLE;
  SQLRETURN rc =
      guard<Statement>("SQLFreeHandle(STMT)", handle, [](Statement& s) { s.free_stmt(SQL_CLOSE); });
  if (rc == SQL_ERROR) return rc;
  stmt->connection().free_statement(stmt);
  return SQL_SUCCESS;
}

}  // namespace

// Allocates an environment, connection, statement or descriptor handle.
DBSQL_EXPORT SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE input,
                                              SQLHANDLE* output) {
  switch (type) {
    case SQL_HANDLE_ENV:
      return alloc_env(output);
    case SQL_HANDLE_DBC:
      return guard<Environment>("SQLAllocHandle(DBC)", input, [&](Environment& env) {
        require_output(output);
        *output = env.allocate_connection();
      });
    case SQL_HANDLE_STMT:
      return guard<Connection>("SQLAllocHandle(STMT)", input, [&](Connection& conn) {
        require_output(output);
        *output = conn.allocate_statement();
      });
    case SQL_HANDLE_DESC:
      return guard<Connection>("SQLAllocHandle(DESC)", input, [&](Connection& conn) {
        require_output(output);
        *output = conn.allocate_descriptor();
      });
    default:
      return SQL_ERROR;
  }
}

// Frees a handle and everything it owns.
DBSQL_EXPORT SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE handle) {
  switch (type) {
    case SQL_HANDLE_ENV: {
      auto* env = Handle::from<Environment>(handle);
      SQLRETURN rc = guard<Environment>("SQLFreeHandle(ENV)", handle, [](Environment& e) {
        if (e.has_connections())
          throw dbsql::Error("HY010",
                             "Function sequence error: free the environment's "
                             "connections first.");
      });
      if (rc == SQL_SUCCESS) delete env;
      return rc;
    }
    case SQL_HANDLE_DBC: {
      auto* conn = Handle::from<Connection>(handle);
      SQLRETURN rc = guard<Connection>("SQLFreeHandle(DBC)", handle, [](Connection& c) {
        if (c.connected())
          throw dbsql::Error("HY010",
                             "Function sequence error: call SQLDisconnect before "
                             "freeing the connection.");
      });
      if (rc == SQL_SUCCESS) conn->environment().free_connection(conn);
      return rc;
    }
    case SQL_HANDLE_STMT:
      return free_statement(handle);
    case SQL_HANDLE_DESC: {
      auto* desc = Handle::from<Descriptor>(handle);
      SQLRETURN rc = guard<Descriptor>("SQLFreeHandle(DESC)", handle, [](Descriptor& d) {
        if (d.is_implicit())
          throw dbsql::Error("HY017",
                             "Invalid use of an automatically allocated descriptor "
                             "handle: it is freed with its statement.");
      });
      if (rc == SQL_SUCCESS) desc->connection->free_descriptor(desc);
      return rc;
    }
    default:
      return SQL_ERROR;
  }
}

// Closes the cursor, unbinds columns, resets parameters, or frees the statement.
DBSQL_EXPORT SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT statement, SQLUSMALLINT option) {
  if (option == SQL_DROP) return free_statement(statement);
  return guard<Statement>("SQLFreeStmt", statement, [&](Statement& s) { s.free_stmt(option); });
}

// Sets an environment attribute (ODBC version, pooling).
DBSQL_EXPORT SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV env, SQLINTEGER attribute, SQLPOINTER value,
                                             SQLINTEGER length) {
  return guard<Environment>("SQLSetEnvAttr", env,
                            [&](Environment& e) { e.set_attr(attribute, value, length); });
}

// Reads an environment attribute.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV env, SQLINTEGER attribute, SQLPOINTER value,
                                             SQLINTEGER buffer_length, SQLINTEGER* string_length) {
  return guard<Environment>("SQLGetEnvAttr", env, [&](Environment& e) {
    e.get_attr(attribute, value, buffer_length, string_length);
  });
}
