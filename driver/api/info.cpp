// What the driver and data source support. For SQLGetInfoW string lengths are in bytes.
#include "api/export.h"
#include "config/odbc_functions.h"
#include "odbc/connection.h"
#include "odbc/guard.h"
#include "util/error.h"

using namespace dbsql::odbc;

// One piece of information about the driver or data source.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetInfo(SQLHDBC dbc, SQLUSMALLINT type, SQLPOINTER value,
                                          SQLSMALLINT capacity, SQLSMALLINT* length) {
  return guard<Connection>("SQLGetInfo", dbc, [&](Connection& c) {
    c.get_info(type, value, capacity, length, TextUnits::kAnsi);
  });
}

// One piece of information about the driver or data source (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetInfoW(SQLHDBC dbc, SQLUSMALLINT type, SQLPOINTER value,
                                           SQLSMALLINT capacity, SQLSMALLINT* length) {
  return guard<Connection>("SQLGetInfoW", dbc, [&](Connection& c) {
    c.get_info(type, value, capacity, length, TextUnits::kWideBytes);
  });
}

// Which ODBC functions the driver implements.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetFunctions(SQLHDBC dbc, SQLUSMALLINT function,
                                               SQLUSMALLINT* supported) {
  return guard<Connection>("SQLGetFunctions", dbc, [&](Connection&) {
    if (supported == nullptr)
      throw dbsql::Error("HY009", "Invalid use of null pointer: SupportedPtr is null.");
    if (!dbsql::config::get_functions(function, supported))
      throw dbsql::Error("HY095", "Function type out of range: " + std::to_string(function) + ".");
  });
}
