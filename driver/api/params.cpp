// Binding parameters, describing them, and sending their values at execution time.
#include "api/export.h"
#include "odbc/guard.h"
#include "odbc/statement.h"

using namespace dbsql::odbc;

// Binds a buffer to a parameter marker.
DBSQL_EXPORT SQLRETURN SQL_API SQLBindParameter(SQLHSTMT stmt, SQLUSMALLINT number,
                                                SQLSMALLINT io_type, SQLSMALLINT c_type,
                                                SQLSMALLINT sql_type, SQLULEN column_size,
                                                SQLSMALLINT decimal_digits, SQLPOINTER data,
                                                SQLLEN buffer_length, SQLLEN* indicator) {
  return guard<Statement>("SQLBindParameter", stmt, [&](Statement& s) {
    s.bind_parameter(number, io_type, c_type, sql_type, column_size, decimal_digits, data,
                     buffer_length, indicator);
  });
}

// Describes a parameter marker.
DBSQL_EXPORT SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT stmt, SQLUSMALLINT number,
                                                SQLSMALLINT* data_type, SQLULEN* column_size,
                                                SQLSMALLINT* decimal_digits,
                                                SQLSMALLINT* nullable) {
  return guard<Statement>("SQLDescribeParam", stmt, [&](Statement& s) {
    s.describe_param(number, data_type, column_size, decimal_digits, nullable);
  });
}

// Asks for the next data-at-execution parameter, or runs the statement after the last.
DBSQL_EXPORT SQLRETURN SQL_API SQLParamData(SQLHSTMT stmt, SQLPOINTER* token) {
  return guard<Statement>("SQLParamData", stmt,
                          [&](Statement& s) { return s.param_data(token); });
}

// Sends (a piece of) a data-at-execution parameter's value.
DBSQL_EXPORT SQLRETURN SQL_API SQLPutData(SQLHSTMT stmt, SQLPOINTER data, SQLLEN length) {
  return guard<Statement>("SQLPutData", stmt, [&](Statement& s) { s.put_data(data, length); });
}
