// SQLPrimaryKeys and SQLForeignKeys (Unity Catalog's informational constraints), and the
// catalog functions Databricks has nothing to answer with (indexes, row ids, procedures,
// privileges: empty result sets with the ODBC columns), and SQLGetTypeInfo.
#include "metadata/catalog.h"
#include "metadata/metadata_sql.h"
#include "metadata/type_info.h"
#include "util/error.h"

namespace dbsql::metadata {
namespace {

std::unique_ptr<sea::Execution> empty(Layout layout) {
  return make_result(layout, no_rows());
}

void require_table(const Arg& table, const char* function) {
  if (!table)
    throw Error("HY009",
                std::string("Invalid use of null pointer: ") + function + " needs a table name.");
}

// A catalog without the constraint views (the Hive metastore, or a server without
// informational constraints) has no keys to report, which is an answer, not an error.
std::unique_ptr<RowSource> keys_or_none(const Context& ctx, const std::string& catalog,
                                        std::string statement) {
  if (sql::is_hive_catalog(catalog)) return no_rows();
  try {
    return run_metadata(ctx, std::move(statement));
  } catch (const Error& e) {
    if (e.sqlstate() == "42P01" || e.sqlstate() == "42S02") return no_rows();
    throw;
  }
}

// information_schema's referential actions as SQL_CASCADE, SQL_NO_ACTION, ...
long long referential_rule(std::optional<std::string_view> rule) {
  if (!rule) return SQL_NO_ACTION;
  if (*rule == "CASCADE") return SQL_CASCADE;
  if (*rule == "SET NULL") return SQL_SET_NULL;
  if (*rule == "SET DEFAULT") return SQL_SET_DEFAULT;
  if (*rule == "RESTRICT") return SQL_RESTRICT;
  return SQL_NO_ACTION;
}

}  // namespace

std::unique_ptr<sea::Execution> primary_keys(const Context& ctx, const Arg& catalog,
                                             const Arg& schema, const Arg& table) {
  require_table(table, "SQLPrimaryKeys");
  const std::string cat = catalog_argument(ctx, catalog);
  const Pattern s = name_argument(schema, ctx.metadata_id);
  const Pattern t = name_argument(table, ctx.metadata_id);
  return make_result(Layout::kPrimaryKeys, keys_or_none(ctx, cat, sql::uc_primary_keys(cat, s, t)),
                     [s, t](const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
                       if (!s.matches(in.text(r, 1)) || !t.matches(in.text(r, 2))) return;
                       for (size_t c = 0; c < 5; ++c) put_text(out, in.text(r, c));
                       put_optional(out, in.value(r, 5));
                     });
}

std::unique_ptr<sea::Execution> foreign_keys(const Context& ctx, const Arg& pk_catalog,
                                             const Arg& pk_schema, const Arg& pk_table,
                                             const Arg& fk_catalog, const Arg& fk_schema,
                                             const Arg& fk_table) {
  if (!pk_table && !fk_table)
    throw Error("HY009",
                "Invalid use of null pointer: SQLForeignKeys needs the primary key table, the "
                "foreign key table, or both.");
  const bool by_pk = !fk_table || fk_table->empty();
  // Constraints live in the foreign key's catalog; with only the primary key table given,
  // references from other catalogs are not found.
  const std::string cat =
      by_pk ? catalog_argument(ctx, pk_catalog) : catalog_argument(ctx, fk_catalog);
  const Pattern ps = name_argument(pk_schema, ctx.metadata_id);
  const Pattern pt = name_argument(pk_table, ctx.metadata_id);
  const Pattern fs = name_argument(fk_schema, ctx.metadata_id);
  const Pattern ft = name_argument(fk_table, ctx.metadata_id);
  return make_result(Layout::kForeignKeys,
                     keys_or_none(ctx, cat, sql::uc_foreign_keys(cat, ps, pt, fs, ft, by_pk)),
                     [ps, pt, fs, ft](const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
                       if (!ps.matches(in.text(r, 1)) || !pt.matches(in.text(r, 2)) ||
                           !fs.matches(in.text(r, 5)) || !ft.matches(in.text(r, 6)))
                         return;
                       for (size_t c = 0; c < 9; ++c) put_text(out, in.text(r, c));
                       put_int(out, referential_rule(in.value(r, 9)));
                       put_int(out, referential_rule(in.value(r, 10)));
                       put_optional(out, in.value(r, 11));
                       put_optional(out, in.value(r, 12));
                       // Databricks constraints are informational: never checked, so never
                       // deferred.
                       put_int(out, SQL_NOT_DEFERRABLE);
                     });
}

std::unique_ptr<sea::Execution> statistics(const Context&, const Arg&, const Arg&, const Arg& table,
                                           SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  require_table(table, "SQLStatistics");
  if (unique != SQL_INDEX_UNIQUE && unique != SQL_INDEX_ALL)
    throw Error("HY100",
                "Uniqueness option type out of range: use SQL_INDEX_UNIQUE or "
                "SQL_INDEX_ALL.");
  if (reserved != SQL_ENSURE && reserved != SQL_QUICK)
    throw Error("HY101", "Accuracy option type out of range: use SQL_ENSURE or SQL_QUICK.");
  return empty(Layout::kStatistics);  // Databricks tables have no indexes
}

std::unique_ptr<sea::Execution> special_columns(const Context&, SQLUSMALLINT identifier_type,
                                                const Arg&, const Arg&, const Arg& table,
                                                SQLUSMALLINT scope, SQLUSMALLINT nullable) {
  require_table(table, "SQLSpecialColumns");
  if (identifier_type != SQL_BEST_ROWID && identifier_type != SQL_ROWVER)
    throw Error("HY097", "Column type out of range: use SQL_BEST_ROWID or SQL_ROWVER.");
  if (scope != SQL_SCOPE_CURROW && scope != SQL_SCOPE_TRANSACTION && scope != SQL_SCOPE_SESSION)
    throw Error("HY098", "Scope type out of range.");
  if (nullable != SQL_NO_NULLS && nullable != SQL_NULLABLE)
    throw Error("HY099", "Nullable type out of range.");
  // No row ids and no automatically updated version columns.
  return empty(Layout::kSpecialColumns);
}

std::unique_ptr<sea::Execution> procedures(const Context&, const Arg&, const Arg&, const Arg&) {
  return empty(Layout::kProcedures);
}

std::unique_ptr<sea::Execution> procedure_columns(const Context&, const Arg&, const Arg&,
                                                  const Arg&, const Arg&) {
  return empty(Layout::kProcedureColumns);
}

std::unique_ptr<sea::Execution> table_privileges(const Context&, const Arg&, const Arg&,
                                                 const Arg&) {
  return empty(Layout::kTablePrivileges);
}

std::unique_ptr<sea::Execution> column_privileges(const Context&, const Arg&, const Arg&,
                                                  const Arg&, const Arg&) {
  return empty(Layout::kColumnPrivileges);
}

std::unique_ptr<sea::Execution> type_info(const Context& ctx, SQLSMALLINT data_type) {
  return make_result(Layout::kTypeInfo,
                     local_rows(type_info_batch(type_info_rows(data_type, ctx.describe))));
}

}  // namespace dbsql::metadata
