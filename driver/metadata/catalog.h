#pragma once
// The catalog functions: each decodes its arguments as ODBC specifies, runs at most one
// metadata statement (none when the cache or the driver itself can answer) and returns
// the ODBC result set as a sea::Execution the statement reads like any other result.
#include <sql.h>

#include <functional>
#include <memory>
#include <string>

#include "convert/sql_types.h"
#include "metadata/cache.h"
#include "metadata/pattern.h"
#include "metadata/result.h"
#include "sea/client.h"

namespace dbsql::metadata {

struct Context {
  Runner run;
  // The catalog in use (the connection's, else the server's default); asked only when an
  // argument leaves the catalog out.
  std::function<std::string()> current_catalog;
  // The request every metadata statement starts from (disposition, deadline, ...).
  sea::ExecuteRequest request;
  convert::DescribeOptions describe;
  Cache* cache = nullptr;
  bool metadata_id = false;  // SQL_ATTR_METADATA_ID
};

std::unique_ptr<sea::Execution> tables(const Context& ctx, const Arg& catalog, const Arg& schema,
                                       const Arg& table, const Arg& types);
std::unique_ptr<sea::Execution> columns(const Context& ctx, const Arg& catalog, const Arg& schema,
                                        const Arg& table, const Arg& column);
std::unique_ptr<sea::Execution> primary_keys(const Context& ctx, const Arg& catalog,
                                             const Arg& schema, const Arg& table);
std::unique_ptr<sea::Execution> foreign_keys(const Context& ctx, const Arg& pk_catalog,
                                             const Arg& pk_schema, const Arg& pk_table,
                                             const Arg& fk_catalog, const Arg& fk_schema,
                                             const Arg& fk_table);
std::unique_ptr<sea::Execution> statistics(const Context& ctx, const Arg& catalog,
                                           const Arg& schema, const Arg& table, SQLUSMALLINT unique,
                                           SQLUSMALLINT reserved);
std::unique_ptr<sea::Execution> special_columns(const Context& ctx, SQLUSMALLINT identifier_type,
                                                const Arg& catalog, const Arg& schema,
                                                const Arg& table, SQLUSMALLINT scope,
                                                SQLUSMALLINT nullable);
std::unique_ptr<sea::Execution> procedures(const Context& ctx, const Arg& catalog,
                                           const Arg& schema, const Arg& procedure);
std::unique_ptr<sea::Execution> procedure_columns(const Context& ctx, const Arg& catalog,
                                                  const Arg& schema, const Arg& procedure,
                                                  const Arg& column);
std::unique_ptr<sea::Execution> table_privileges(const Context& ctx, const Arg& catalog,
                                                 const Arg& schema, const Arg& table);
std::unique_ptr<sea::Execution> column_privileges(const Context& ctx, const Arg& catalog,
                                                  const Arg& schema, const Arg& table,
                                                  const Arg& column);
std::unique_ptr<sea::Execution> type_info(const Context& ctx, SQLSMALLINT data_type);

// The table types of a SQLTables TableType list ("TABLE,VIEW", "'TABLE','VIEW'", ...),
// upper-cased and unquoted; empty for NULL, "" and "%" (every type).
std::vector<std::string> table_type_list(const Arg& types);

// The ODBC TABLE_TYPE of a Databricks table type (MANAGED, EXTERNAL, VIEW, ...).
std::string odbc_table_type(std::string_view databricks_type);

// The catalog an ordinary catalog argument names: the current one for NULL and "".
std::string catalog_argument(const Context& ctx, const Arg& catalog);

// The server rows of one metadata statement (cached when the cache is on).
std::unique_ptr<RowSource> run_metadata(const Context& ctx, std::string statement);

}  // namespace dbsql::metadata
