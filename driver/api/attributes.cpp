// Connection and statement attributes. For the W functions, string values and lengths are
// in bytes (the value is an SQLPOINTER).
#include "api/export.h"
#include "odbc/connection.h"
#include "odbc/guard.h"
#include "odbc/statement.h"

using namespace dbsql::odbc;

// Sets a connection attribute.
DBSQL_EXPORT SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC dbc, SQLINTEGER attribute,
                                                 SQLPOINTER value, SQLINTEGER length) {
  return guard<Connection>("SQLSetConnectAttr", dbc, [&](Connection& c) {
    c.set_attr(attribute, value, length, TextUnits::kAnsi);
  });
}

// Sets a connection attribute (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC dbc, SQLINTEGER attribute,
                                                  SQLPOINTER value, SQLINTEGER length) {
  return guard<Connection>("SQLSetConnectAttrW", dbc, [&](Connection& c) {
    c.set_attr(attribute, value, length, TextUnits::kWideBytes);
  });
}

// Reads a connection attribute.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC dbc, SQLINTEGER attribute,
                                                 SQLPOINTER value, SQLINTEGER buffer_length,
                                                 SQLINTEGER* length) {
  return guard<Connection>("SQLGetConnectAttr", dbc, [&](Connection& c) {
    c.get_attr(attribute, value, buffer_length, length, TextUnits::kAnsi);
  });
}

// Reads a connection attribute (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC dbc, SQLINTEGER attribute,
                                                  SQLPOINTER value, SQLINTEGER buffer_length,
                                                  SQLINTEGER* length) {
  return guard<Connection>("SQLGetConnectAttrW", dbc, [&](Connection& c) {
    c.get_attr(attribute, value, buffer_length, length, TextUnits::kWideBytes);
  });
}

// Sets a statement attribute.
DBSQL_EXPORT SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT stmt, SQLINTEGER attribute, SQLPOINTER value,
                                              SQLINTEGER length) {
  return guard<Statement>("SQLSetStmtAttr", stmt, [&](Statement& s) {
    s.set_attr(attribute, value, length, TextUnits::kAnsi);
  });
}

// Sets a statement attribute (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT stmt, SQLINTEGER attribute,
                                               SQLPOINTER value, SQLINTEGER length) {
  return guard<Statement>("SQLSetStmtAttrW", stmt, [&](Statement& s) {
    s.set_attr(attribute, value, length, TextUnits::kWideBytes);
  });
}

// Reads a statement attribute.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT stmt, SQLINTEGER attribute, SQLPOINTER value,
                                              SQLINTEGER buffer_length, SQLINTEGER* length) {
  return guard<Statement>("SQLGetStmtAttr", stmt, [&](Statement& s) {
    s.get_attr(attribute, value, buffer_length, length, TextUnits::kAnsi);
  });
}

// Reads a statement attribute (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT stmt, SQLINTEGER attribute,
                                               SQLPOINTER value, SQLINTEGER buffer_length,
                                               SQLINTEGER* length) {
  return guard<Statement>("SQLGetStmtAttrW", stmt, [&](Statement& s) {
    s.get_attr(attribute, value, buffer_length, length, TextUnits::kWideBytes);
  });
}
