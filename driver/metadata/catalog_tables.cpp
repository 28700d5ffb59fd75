// SQLTables: catalogs, schemas, table types and tables, and the helpers every catalog
// function shares.
#include <algorithm>

#include "metadata/catalog.h"
#include "metadata/metadata_sql.h"

namespace dbsql::metadata {
namespace {

bool is_empty(const Arg& a) {
  return !a || a->empty();
}
bool is(const Arg& a, std::string_view v) {
  return a && *a == v;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\'')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.remove_suffix(1);
  return s;
}

// Rows of a list the driver knows: one name per row in column `column`, others NULL.
void put_name_row(sea::RowBatch& out, size_t column, std::string_view name,
                  std::optional<std::string_view> catalog = std::nullopt) {
  for (size_t c = 0; c < 5; ++c) {
    if (c == column)
      put_text(out, name);
    else if (c == 0 && catalog)
      put_text(out, *catalog);
    else
      put_null(out);
  }
}

std::unique_ptr<sea::Execution> catalog_list(const Context& ctx) {
  return make_result(Layout::kTables, run_metadata(ctx, sql::show_catalogs()),
                     [](const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
                       put_name_row(out, 0, in.text(r, 0));
                     });
}

std::unique_ptr<sea::Execution> table_type_rows() {
  sea::RowBatch rows(5, 0);
  put_name_row(rows, 3, "TABLE");
  put_name_row(rows, 3, "VIEW");
  return make_result(Layout::kTables, local_rows(std::move(rows)));
}

// Which catalogs a SQLTables catalog argument covers: one named catalog, or every
// catalog (nullopt) filtered by `filter`.
struct CatalogScope {
  std::optional<std::string> catalog;
  Pattern filter;
};

// A pattern's text with escapes removed and every other character literal.
std::string unescaped_name(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

CatalogScope catalog_scope(const Context& ctx, const Arg& catalog) {
  if (is_empty(catalog)) return {ctx.current_catalog(), Pattern::any()};
  const Pattern p = pattern_argument(catalog, ctx.metadata_id);
  if (auto name = p.literal()) return {*name, Pattern::any()};
  // Applications pass catalog names as they are, unescaped: "hive_metastore" means that
  // catalog, not every catalog whose name matches hive?metastore. Only % widens the scope.
  if (p.like_text().find('%') == std::string::npos)
    return {unescaped_name(p.like_text()), Pattern::any()};
  return {std::nullopt, p};
}

std::unique_ptr<sea::Execution> schema_list(const Context& ctx, const CatalogScope& scope,
                                            const Pattern& schema) {
  if (scope.catalog) {
    const std::string catalog = *scope.catalog;
    return make_result(Layout::kTables, run_metadata(ctx, sql::show_schemas(catalog)),
                       [catalog, schema](const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
                         if (schema.matches(in.text(r, 0)))
                           put_name_row(out, 1, in.text(r, 0), catalog);
                       });
  }
  return make_result(Layout::kTables, run_metadata(ctx, sql::all_schemata(schema)),
                     [scope, schema](const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
                       if (!scope.filter.matches(in.text(r, 0)) || !schema.matches(in.text(r, 1)))
                         return;
                       put_name_row(out, 1, in.text(r, 1), in.text(r, 0));
                     });
}

struct TableFilter {
  Pattern catalog, schema, table;
  std::vector<std::string> types;
  bool accepts(std::string_view cat, std::string_view sch, std::string_view name,
               std::string_view type) const {
    return catalog.matches(cat) && schema.matches(sch) && table.matches(name) &&
           (types.empty() || std::find(types.begin(), types.end(), type) != types.end());
  }
};

std::unique_ptr<sea::Execution> table_list(const Context& ctx, const CatalogScope& scope,
                                           TableFilter filter) {
  filter.catalog = scope.filter;
  if (scope.catalog && sql::is_hive_catalog(*scope.catalog)) {
    const std::string catalog = *scope.catalog;
    // SHOW TABLES IN CATALOG: namespace, tableName, isTemporary, information, catalogName,
    // tableType, remarks.
    return make_result(
        Layout::kTables, run_metadata(ctx, sql::show_tables_in_catalog(catalog)),
        [catalog, filter](const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
          const bool wide = in.column_count() >= 7;
          const std::string type = odbc_table_type(wide ? in.text(r, 5) : "TABLE");
          if (!filter.accepts(catalog, in.text(r, 0), in.text(r, 1), type)) return;
          put_text(out, wide && !in.is_null(r, 4) ? in.text(r, 4) : std::string_view(catalog));
          put_text(out, in.text(r, 0));
          put_text(out, in.text(r, 1));
          put_text(out, type);
          if (wide && !in.is_null(r, 6) && !in.text(r, 6).empty())
            put_text(out, in.text(r, 6));
          else
            put_null(out);
        });
  }
  std::string statement = sql::uc_tables(scope.catalog, filter.schema, filter.table, filter.types);
  return make_result(Layout::kTables, run_metadata(ctx, std::move(statement)),
                     [filter](const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
                       const std::string type = odbc_table_type(in.text(r, 3));
                       if (!filter.accepts(in.text(r, 0), in.text(r, 1), in.text(r, 2), type))
                         return;
                       for (size_t c = 0; c < 3; ++c) put_text(out, in.text(r, c));
                       put_text(out, type);
                       put_optional(out, in.value(r, 4));
                     });
}

}  // namespace

std::vector<std::string> table_type_list(const Arg& types) {
  std::vector<std::string> out;
  if (is_empty(types) || *types == "%") return out;
  std::string_view rest = *types;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view item = trim(rest.substr(0, comma));
    if (!item.empty()) out.push_back(upper_ascii(item));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

std::string odbc_table_type(std::string_view databricks_type) {
  return upper_ascii(databricks_type).find("VIEW") != std::string::npos ? "VIEW" : "TABLE";
}

std::string catalog_argument(const Context& ctx, const Arg& catalog) {
  if (is_empty(catalog)) return ctx.current_catalog();
  return ctx.metadata_id ? identifier_text(*catalog) : *catalog;
}

std::unique_ptr<RowSource> run_metadata(const Context& ctx, std::string statement) {
  sea::ExecuteRequest request = ctx.request;
  request.statement = std::move(statement);
  request.parameters.clear();
  return fetch_rows(ctx.run, ctx.cache, request);
}

std::unique_ptr<sea::Execution> tables(const Context& ctx, const Arg& catalog, const Arg& schema,
                                       const Arg& table, const Arg& types) {
  // The special enumerations. Excel's ("%", "", "", "TABLE,VIEW") asks for tables, so the
  // catalog list needs an empty type list too.
  if (is(catalog, "%") && is_empty(schema) && is_empty(table) && is_empty(types))
    return catalog_list(ctx);
  if (is(types, "%") && is_empty(catalog) && is_empty(schema) && is_empty(table))
    return table_type_rows();
  const CatalogScope scope = catalog_scope(ctx, catalog);
  const Pattern schema_pattern = pattern_argument(schema, ctx.metadata_id);
  // ("", "%", "", "") lists schemas; so does a schema pattern with an empty (not null)
  // table name, as Tableau asks (c, "%", "", "").
  if (!is_empty(schema) && is(table, "") && is_empty(types))
    return schema_list(ctx, scope, schema_pattern);

  TableFilter filter;
  filter.schema = schema_pattern;
  filter.table = pattern_argument(table, ctx.metadata_id);
  filter.types = table_type_list(types);
  std::erase_if(filter.types, [](const std::string& t) { return t != "TABLE" && t != "VIEW"; });
  if (filter.types.empty() && !table_type_list(types).empty())
    return make_result(Layout::kTables, no_rows());  // only types Databricks has none of
  return table_list(ctx, scope, std::move(filter));
}

}  // namespace dbsql::metadata
