// Catalog functions: names decoded (a null pointer stays distinct from ""), then
// metadata/ builds the result set the statement returns.
#include "metadata/catalog.h"
#include "api/export.h"
#include "odbc/guard.h"
#include "odbc/statement_catalog.h"

using namespace dbsql;
using namespace dbsql::odbc;

// Lists catalogs, schemas, tables or table types.
DBSQL_EXPORT SQLRETURN SQL_API SQLTables(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                         SQLCHAR* schema, SQLSMALLINT schema_len, SQLCHAR* table,
                                         SQLSMALLINT table_len, SQLCHAR* types,
                                         SQLSMALLINT types_len) {
  return guard<Statement>("SQLTables", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg table_arg = ansi_arg(table, table_len);
    const metadata::Arg types_arg = ansi_arg(types, types_len);
    run_catalog(s, "SQLTables", [&](const metadata::Context& c) {
      return metadata::tables(c, cat_arg, schema_arg, table_arg, types_arg);
    });
  });
}

// Lists catalogs, schemas, tables or table types (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLTablesW(SQLHSTMT stmt, SQLWCHAR* cat, SQLSMALLINT cat_len,
                                          SQLWCHAR* schema, SQLSMALLINT schema_len, SQLWCHAR* table,
                                          SQLSMALLINT table_len, SQLWCHAR* types,
                                          SQLSMALLINT types_len) {
  return guard<Statement>("SQLTablesW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg table_arg = wide_arg(table, table_len);
    const metadata::Arg types_arg = wide_arg(types, types_len);
    run_catalog(s, "SQLTables", [&](const metadata::Context& c) {
      return metadata::tables(c, cat_arg, schema_arg, table_arg, types_arg);
    });
  });
}

// Lists the columns of tables.
DBSQL_EXPORT SQLRETURN SQL_API SQLColumns(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                          SQLCHAR* schema, SQLSMALLINT schema_len, SQLCHAR* table,
                                          SQLSMALLINT table_len, SQLCHAR* column,
                                          SQLSMALLINT column_len) {
  return guard<Statement>("SQLColumns", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg table_arg = ansi_arg(table, table_len);
    const metadata::Arg column_arg = ansi_arg(column, column_len);
    run_catalog(s, "SQLColumns", [&](const metadata::Context& c) {
      return metadata::columns(c, cat_arg, schema_arg, table_arg, column_arg);
    });
  });
}

// Lists the columns of tables (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLColumnsW(SQLHSTMT stmt, SQLWCHAR* cat, SQLSMALLINT cat_len,
                                           SQLWCHAR* schema, SQLSMALLINT schema_len,
                                           SQLWCHAR* table, SQLSMALLINT table_len, SQLWCHAR* column,
                                           SQLSMALLINT column_len) {
  return guard<Statement>("SQLColumnsW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg table_arg = wide_arg(table, table_len);
    const metadata::Arg column_arg = wide_arg(column, column_len);
    run_catalog(s, "SQLColumns", [&](const metadata::Context& c) {
      return metadata::columns(c, cat_arg, schema_arg, table_arg, column_arg);
    });
  });
}

// Lists the primary key columns of a table.
DBSQL_EXPORT SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                              SQLCHAR* schema, SQLSMALLINT schema_len,
                                              SQLCHAR* table, SQLSMALLINT table_len) {
  return guard<Statement>("SQLPrimaryKeys", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg table_arg = ansi_arg(table, table_len);
    run_catalog(s, "SQLPrimaryKeys", [&](const metadata::Context& c) {
      return metadata::primary_keys(c, cat_arg, schema_arg, table_arg);
    });
  });
}

// Lists the primary key columns of a table (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT stmt, SQLWCHAR* cat, SQLSMALLINT cat_len,
                                               SQLWCHAR* schema, SQLSMALLINT schema_len,
                                               SQLWCHAR* table, SQLSMALLINT table_len) {
  return guard<Statement>("SQLPrimaryKeysW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg table_arg = wide_arg(table, table_len);
    run_catalog(s, "SQLPrimaryKeys", [&](const metadata::Context& c) {
      return metadata::primary_keys(c, cat_arg, schema_arg, table_arg);
    });
  });
}

// Lists foreign keys referring to a table, or of a table.
DBSQL_EXPORT SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT stmt, SQLCHAR* pk_cat,
                                              SQLSMALLINT pk_cat_len, SQLCHAR* pk_schema,
                                              SQLSMALLINT pk_schema_len, SQLCHAR* pk_table,
                                              SQLSMALLINT pk_table_len, SQLCHAR* fk_cat,
                                              SQLSMALLINT fk_cat_len, SQLCHAR* fk_schema,
                                              SQLSMALLINT fk_schema_len, SQLCHAR* fk_table,
                                              SQLSMALLINT fk_table_len) {
  return guard<Statement>("SQLForeignKeys", stmt, [&](Statement& s) {
    const metadata::Arg pk_cat_arg = ansi_arg(pk_cat, pk_cat_len);
    const metadata::Arg pk_schema_arg = ansi_arg(pk_schema, pk_schema_len);
    const metadata::Arg pk_table_arg = ansi_arg(pk_table, pk_table_len);
    const metadata::Arg fk_cat_arg = ansi_arg(fk_cat, fk_cat_len);
    const metadata::Arg fk_schema_arg = ansi_arg(fk_schema, fk_schema_len);
    const metadata::Arg fk_table_arg = ansi_arg(fk_table, fk_table_len);
    run_catalog(s, "SQLForeignKeys", [&](const metadata::Context& c) {
      return metadata::foreign_keys(c, pk_cat_arg, pk_schema_arg, pk_table_arg, fk_cat_arg,
                                    fk_schema_arg, fk_table_arg);
    });
  });
}

// Lists foreign keys referring to a table, or of a table (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT stmt, SQLWCHAR* pk_cat,
                                               SQLSMALLINT pk_cat_len, SQLWCHAR* pk_schema,
                                               SQLSMALLINT pk_schema_len, SQLWCHAR* pk_table,
                                               SQLSMALLINT pk_table_len, SQLWCHAR* fk_cat,
                                               SQLSMALLINT fk_cat_len, SQLWCHAR* fk_schema,
                                               SQLSMALLINT fk_schema_len, SQLWCHAR* fk_table,
                                               SQLSMALLINT fk_table_len) {
  return guard<Statement>("SQLForeignKeysW", stmt, [&](Statement& s) {
    const metadata::Arg pk_cat_arg = wide_arg(pk_cat, pk_cat_len);
    const metadata::Arg pk_schema_arg = wide_arg(pk_schema, pk_schema_len);
    const metadata::Arg pk_table_arg = wide_arg(pk_table, pk_table_len);
    const metadata::Arg fk_cat_arg = wide_arg(fk_cat, fk_cat_len);
    const metadata::Arg fk_schema_arg = wide_arg(fk_schema, fk_schema_len);
    const metadata::Arg fk_table_arg = wide_arg(fk_table, fk_table_len);
    run_catalog(s, "SQLForeignKeys", [&](const metadata::Context& c) {
      return metadata::foreign_keys(c, pk_cat_arg, pk_schema_arg, pk_table_arg, fk_cat_arg,
                                    fk_schema_arg, fk_table_arg);
    });
  });
}

// Lists a table's statistics and indexes.
DBSQL_EXPORT SQLRETURN SQL_API SQLStatistics(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                             SQLCHAR* schema, SQLSMALLINT schema_len,
                                             SQLCHAR* table, SQLSMALLINT table_len,
                                             SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  return guard<Statement>("SQLStatistics", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg table_arg = ansi_arg(table, table_len);
    run_catalog(s, "SQLStatistics", [&](const metadata::Context& c) {
      return metadata::statistics(c, cat_arg, schema_arg, table_arg, unique, reserved);
    });
  });
}

// Lists a table's statistics and indexes (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT stmt, SQLWCHAR* cat, SQLSMALLINT cat_len,
                                              SQLWCHAR* schema, SQLSMALLINT schema_len,
                                              SQLWCHAR* table, SQLSMALLINT table_len,
                                              SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  return guard<Statement>("SQLStatisticsW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg table_arg = wide_arg(table, table_len);
    run_catalog(s, "SQLStatistics", [&](const metadata::Context& c) {
      return metadata::statistics(c, cat_arg, schema_arg, table_arg, unique, reserved);
    });
  });
}

// Lists the columns that identify a row.
DBSQL_EXPORT SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT stmt, SQLUSMALLINT type, SQLCHAR* cat,
                                                 SQLSMALLINT cat_len, SQLCHAR* schema,
                                                 SQLSMALLINT schema_len, SQLCHAR* table,
                                                 SQLSMALLINT table_len, SQLUSMALLINT scope,
                                                 SQLUSMALLINT nullable) {
  return guard<Statement>("SQLSpecialColumns", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg table_arg = ansi_arg(table, table_len);
    run_catalog(s, "SQLSpecialColumns", [&](const metadata::Context& c) {
      return metadata::special_columns(c, type, cat_arg, schema_arg, table_arg, scope, nullable);
    });
  });
}

// Lists the columns that identify a row (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT stmt, SQLUSMALLINT type, SQLWCHAR* cat,
                                                  SQLSMALLINT cat_len, SQLWCHAR* schema,
                                                  SQLSMALLINT schema_len, SQLWCHAR* table,
                                                  SQLSMALLINT table_len, SQLUSMALLINT scope,
                                                  SQLUSMALLINT nullable) {
  return guard<Statement>("SQLSpecialColumnsW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg table_arg = wide_arg(table, table_len);
    run_catalog(s, "SQLSpecialColumns", [&](const metadata::Context& c) {
      return metadata::special_columns(c, type, cat_arg, schema_arg, table_arg, scope, nullable);
    });
  });
}

// Lists procedures.
DBSQL_EXPORT SQLRETURN SQL_API SQLProcedures(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                             SQLCHAR* schema, SQLSMALLINT schema_len, SQLCHAR* proc,
                                             SQLSMALLINT proc_len) {
  return guard<Statement>("SQLProcedures", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg proc_arg = ansi_arg(proc, proc_len);
    run_catalog(s, "SQLProcedures", [&](const metadata::Context& c) {
      return metadata::procedures(c, cat_arg, schema_arg, proc_arg);
    });
  });
}

// Lists procedures (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLProceduresW(SQLHSTMT stmt, SQLWCHAR* cat, SQLSMALLINT cat_len,
                                              SQLWCHAR* schema, SQLSMALLINT schema_len,
                                              SQLWCHAR* proc, SQLSMALLINT proc_len) {
  return guard<Statement>("SQLProceduresW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg proc_arg = wide_arg(proc, proc_len);
    run_catalog(s, "SQLProcedures", [&](const metadata::Context& c) {
      return metadata::procedures(c, cat_arg, schema_arg, proc_arg);
    });
  });
}

// Lists procedure parameters and result columns.
DBSQL_EXPORT SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                                   SQLCHAR* schema, SQLSMALLINT schema_len,
                                                   SQLCHAR* proc, SQLSMALLINT proc_len,
                                                   SQLCHAR* column, SQLSMALLINT column_len) {
  return guard<Statement>("SQLProcedureColumns", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg proc_arg = ansi_arg(proc, proc_len);
    const metadata::Arg column_arg = ansi_arg(column, column_len);
    run_catalog(s, "SQLProcedureColumns", [&](const metadata::Context& c) {
      return metadata::procedure_columns(c, cat_arg, schema_arg, proc_arg, column_arg);
    });
  });
}

// Lists procedure parameters and result columns (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT stmt, SQLWCHAR* cat,
                                                    SQLSMALLINT cat_len, SQLWCHAR* schema,
                                                    SQLSMALLINT schema_len, SQLWCHAR* proc,
                                                    SQLSMALLINT proc_len, SQLWCHAR* column,
                                                    SQLSMALLINT column_len) {
  return guard<Statement>("SQLProcedureColumnsW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg proc_arg = wide_arg(proc, proc_len);
    const metadata::Arg column_arg = wide_arg(column, column_len);
    run_catalog(s, "SQLProcedureColumns", [&](const metadata::Context& c) {
      return metadata::procedure_columns(c, cat_arg, schema_arg, proc_arg, column_arg);
    });
  });
}

// Lists table privileges.
DBSQL_EXPORT SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                                  SQLCHAR* schema, SQLSMALLINT schema_len,
                                                  SQLCHAR* table, SQLSMALLINT table_len) {
  return guard<Statement>("SQLTablePrivileges", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg table_arg = ansi_arg(table, table_len);
    run_catalog(s, "SQLTablePrivileges", [&](const metadata::Context& c) {
      return metadata::table_privileges(c, cat_arg, schema_arg, table_arg);
    });
  });
}

// Lists table privileges (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT stmt, SQLWCHAR* cat,
                                                   SQLSMALLINT cat_len, SQLWCHAR* schema,
                                                   SQLSMALLINT schema_len, SQLWCHAR* table,
                                                   SQLSMALLINT table_len) {
  return guard<Statement>("SQLTablePrivilegesW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg table_arg = wide_arg(table, table_len);
    run_catalog(s, "SQLTablePrivileges", [&](const metadata::Context& c) {
      return metadata::table_privileges(c, cat_arg, schema_arg, table_arg);
    });
  });
}

// Lists column privileges.
DBSQL_EXPORT SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT stmt, SQLCHAR* cat, SQLSMALLINT cat_len,
                                                   SQLCHAR* schema, SQLSMALLINT schema_len,
                                                   SQLCHAR* table, SQLSMALLINT table_len,
                                                   SQLCHAR* column, SQLSMALLINT column_len) {
  return guard<Statement>("SQLColumnPrivileges", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = ansi_arg(cat, cat_len);
    const metadata::Arg schema_arg = ansi_arg(schema, schema_len);
    const metadata::Arg table_arg = ansi_arg(table, table_len);
    const metadata::Arg column_arg = ansi_arg(column, column_len);
    run_catalog(s, "SQLColumnPrivileges", [&](const metadata::Context& c) {
      return metadata::column_privileges(c, cat_arg, schema_arg, table_arg, column_arg);
    });
  });
}

// Lists column privileges (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT stmt, SQLWCHAR* cat,
                                                    SQLSMALLINT cat_len, SQLWCHAR* schema,
                                                    SQLSMALLINT schema_len, SQLWCHAR* table,
                                                    SQLSMALLINT table_len, SQLWCHAR* column,
                                                    SQLSMALLINT column_len) {
  return guard<Statement>("SQLColumnPrivilegesW", stmt, [&](Statement& s) {
    const metadata::Arg cat_arg = wide_arg(cat, cat_len);
    const metadata::Arg schema_arg = wide_arg(schema, schema_len);
    const metadata::Arg table_arg = wide_arg(table, table_len);
    const metadata::Arg column_arg = wide_arg(column, column_len);
    run_catalog(s, "SQLColumnPrivileges", [&](const metadata::Context& c) {
      return metadata::column_privileges(c, cat_arg, schema_arg, table_arg, column_arg);
    });
  });
}

// The data types the data source supports.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT stmt, SQLSMALLINT type) {
  return guard<Statement>("SQLGetTypeInfo", stmt, [&](Statement& s) {
    run_catalog(s, "SQLGetTypeInfo",
                [&](const metadata::Context& c) { return metadata::type_info(c, type); });
  });
}

// The data types the data source supports (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT stmt, SQLSMALLINT type) {
  return guard<Statement>("SQLGetTypeInfoW", stmt, [&](Statement& s) {
    run_catalog(s, "SQLGetTypeInfo",
                [&](const metadata::Context& c) { return metadata::type_info(c, type); });
  });
}
