/* dbsql-odbc: driver-specific connection and statement attributes and diagnostic fields.
 * An application includes this header next to <sql.h>/<sqlext.h> to use them; every number
 * lies in the driver-specific ranges ODBC reserves, except the Simba-compatible pair
 * (SQL_ATTR_CREDENTIALS / SQL_ATTR_REFRESH_CONNECTION) kept so code written for the
 * vendor driver works unchanged. */
#ifndef DBSQL_DBSQL_H
#define DBSQL_DBSQL_H

/* Connection attribute (SQLSetConnectAttr, write-only): a new OAuth access token for a
 * connection opened with pass-through authentication (AuthMech=11;Auth_Flow=0) or a PAT.
 * ValuePtr is the token text, StringLength its length or SQL_NTS. Later requests of the
 * connection, including those of open statements, carry the new token. */
#define SQL_DBSQL_ATTR_ACCESS_TOKEN 16384

/* Simba-compatible token refresh: SQL_ATTR_CREDENTIALS takes a connection string holding
 * Auth_AccessToken=<token> (other keys are ignored); SQL_ATTR_REFRESH_CONNECTION with
 * SQL_REFRESH_NOW then applies it. This driver applies the token at once; the refresh call
 * is accepted for compatibility. */
#ifndef SQL_ATTR_CREDENTIALS
#define SQL_ATTR_CREDENTIALS 122
#endif
#ifndef SQL_ATTR_REFRESH_CONNECTION
#define SQL_ATTR_REFRESH_CONNECTION 123
#endif
#ifndef SQL_REFRESH_NOW
#define SQL_REFRESH_NOW (-1)
#endif

/* Statement attribute (SQLGetStmtAttr, read-only, character string): the server's statement
 * id of the last statement executed on the handle, empty when there is none. */
#define SQL_DBSQL_ATTR_STATEMENT_ID 16385

/* Diagnostic record field (SQLGetDiagField, character string): the server's statement id
 * the record is about, empty when the failure happened before a statement existed. */
#define SQL_DBSQL_DIAG_STATEMENT_ID 16386

#endif /* DBSQL_DBSQL_H */
