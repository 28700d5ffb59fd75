#pragma once
// SQLGetFunctions: which ODBC functions this driver implements. kImplementedFunctions is
// the one list to extend when an entry point is added (SQLBindParameter, the catalog
// functions, ...).
#include <sql.h>
#include <sqlext.h>

#include <span>

namespace dbsql::config {

inline constexpr SQLUSMALLINT kImplementedFunctions[] = {
    SQL_API_SQLALLOCHANDLE,    SQL_API_SQLFREEHANDLE,   SQL_API_SQLFREESTMT,
    SQL_API_SQLSETENVATTR,     SQL_API_SQLGETENVATTR,   SQL_API_SQLCONNECT,
    SQL_API_SQLDRIVERCONNECT,  SQL_API_SQLDISCONNECT,   SQL_API_SQLGETCONNECTATTR,
    SQL_API_SQLSETCONNECTATTR, SQL_API_SQLGETINFO,      SQL_API_SQLGETFUNCTIONS,
    SQL_API_SQLNATIVESQL,      SQL_API_SQLEXECDIRECT,   SQL_API_SQLPREPARE,
    SQL_API_SQLEXECUTE,        SQL_API_SQLCANCEL,       SQL_API_SQLROWCOUNT,
    SQL_API_SQLMORERESULTS,    SQL_API_SQLCLOSECURSOR,  SQL_API_SQLNUMRESULTCOLS,
    SQL_API_SQLDESCRIBECOL,    SQL_API_SQLCOLATTRIBUTE, SQL_API_SQLBINDCOL,
    SQL_API_SQLFETCH,          SQL_API_SQLFETCHSCROLL,  SQL_API_SQLGETDATA,
    SQL_API_SQLGETSTMTATTR,    SQL_API_SQLSETSTMTATTR,  SQL_API_SQLGETDESCFIELD,
    SQL_API_SQLGETDESCREC,     SQL_API_SQLSETDESCFIELD, SQL_API_SQLGETDIAGREC,
    SQL_API_SQLGETDIAGFIELD,   SQL_API_SQLENDTRAN,      SQL_API_SQLGETCURSORNAME,
    SQL_API_SQLSETCURSORNAME,  SQL_API_SQLNUMPARAMS,    SQL_API_SQLSETDESCREC,
    SQL_API_SQLCOPYDESC,       SQL_API_SQLBINDPARAMETER, SQL_API_SQLDESCRIBEPARAM,
    SQL_API_SQLPARAMDATA,      SQL_API_SQLPUTDATA,
    // Catalog functions (api/catalog.cpp).
    SQL_API_SQLTABLES,         SQL_API_SQLCOLUMNS,      SQL_API_SQLPRIMARYKEYS,
    SQL_API_SQLFOREIGNKEYS,    SQL_API_SQLSTATISTICS,   SQL_API_SQLSPECIALCOLUMNS,
    SQL_API_SQLPROCEDURES,     SQL_API_SQLPROCEDURECOLUMNS, SQL_API_SQLTABLEPRIVILEGES,
    SQL_API_SQLCOLUMNPRIVILEGES, SQL_API_SQLGETTYPEINFO,
};

// True when `function_id` names an implemented function, directly or as the ODBC 2
// function the driver manager maps onto an implemented ODBC 3 one (SQLAllocStmt →
// SQLAllocHandle, SQLError → SQLGetDiagRec, SQLTransact → SQLEndTran, ...).
bool function_supported(SQLUSMALLINT function_id);

// SQLGetFunctions(function_id, out):
//   SQL_API_ODBC3_ALL_FUNCTIONS: `out` has SQL_API_ODBC3_ALL_FUNCTIONS_SIZE words, a bitmap
//     read with SQL_FUNC_EXISTS;
//   SQL_API_ALL_FUNCTIONS (ODBC 2): `out` has 100 elements, SQL_TRUE/SQL_FALSE for ids < 100;
//   any other id: one SQL_TRUE/SQL_FALSE.
// Returns false (HY095) for an id that cannot name a function.
bool get_functions(SQLUSMALLINT function_id, SQLUSMALLINT* out);

}  // namespace dbsql::config
