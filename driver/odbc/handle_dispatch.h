#pragma once
// Entry points that take a (HandleType, Handle) pair — SQLGetDiagRec, SQLGetDiagField,
// SQLEndTran — reach the right handle class through here.
#include <sql.h>

#include "odbc/connection.h"
#include "odbc/descriptor.h"
#include "odbc/environment.h"
#include "odbc/guard.h"
#include "odbc/statement.h"

namespace dbsql::odbc {

// Runs `body(Handle&)` under guard() for the handle of `type`.
template <class F>
SQLRETURN guard_any(const char* function, SQLSMALLINT type, SQLHANDLE handle, F&& body,
                    unsigned flags = kGuardDefault) {
  switch (type) {
    case SQL_HANDLE_ENV:
      return guard<Environment>(
          function, handle, [&](Environment& h) { return body(static_cast<Handle&>(h)); }, flags);
    case SQL_HANDLE_DBC:
      return guard<Connection>(
          function, handle, [&](Connection& h) { return body(static_cast<Handle&>(h)); }, flags);
    case SQL_HANDLE_STMT:
      return guard<Statement>(
          function, handle, [&](Statement& h) { return body(static_cast<Handle&>(h)); }, flags);
    case SQL_HANDLE_DESC:
      return guard<Descriptor>(
          function, handle, [&](Descriptor& h) { return body(static_cast<Handle&>(h)); }, flags);
    default:
      return SQL_INVALID_HANDLE;
  }
}

}  // namespace dbsql::odbc
