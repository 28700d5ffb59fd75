#include "odbc/statement_catalog.h"

#include "odbc/connection.h"
#include "odbc/text_in.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

void check_length(SQLSMALLINT length) {
  if (length < 0 && length != SQL_NTS)
    throw Error("HY090", "Invalid string or buffer length: a name length is negative.");
}

}  // namespace

metadata::Arg ansi_arg(const SQLCHAR* text, SQLSMALLINT length) {
  if (!text) return std::nullopt;
  check_length(length);
  return ansi_text(text, length);
}

metadata::Arg wide_arg(const SQLWCHAR* text, SQLSMALLINT length) {
  if (!text) return std::nullopt;
  check_length(length);
  return wide_text(text, length);
}

void run_catalog(Statement& statement, const char* function, const CatalogCall& call) {
  Connection& connection = statement.connection();
  const config::Settings settings = connection.settings();
  std::shared_ptr<metadata::Cache> cache = connection.metadata_cache();
  statement.exec_catalog(function, [&](Backend& backend, const CancelToken& cancel) {
    metadata::Context ctx;
    ctx.run = [&backend, &cancel](const sea::ExecuteRequest& request) {
      return backend.execute(request, cancel);
    };
    ctx.current_catalog = [&connection, &cancel] { return connection.catalog_in_use(cancel); };
    ctx.request = statement.metadata_request();
    ctx.request.row_limit.reset();  // SQL_ATTR_MAX_ROWS limits the ODBC rows, not the server's
    ctx.describe = describe_options(settings.types);
    ctx.cache = cache.get();
    ctx.metadata_id = statement.metadata_id();
    return call(ctx);
  });
}

}  // namespace dbsql::odbc
