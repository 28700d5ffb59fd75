#include "metadata/metadata_sql.h"

namespace dbsql::metadata::sql {
namespace {

std::string info_schema(const std::optional<std::string>& catalog) {
  return (catalog ? quote_identifier(*catalog) : std::string("system")) + ".information_schema";
}

// " WHERE a AND b" from the non-empty conditions.
std::string where(std::initializer_list<std::string> conditions) {
  std::string out;
  for (const std::string& c : conditions) {
    if (c.empty()) continue;
    out += out.empty() ? " WHERE " : " AND ";
    out += c;
  }
  return out;
}

constexpr std::string_view kOdbcTableType =
    "CASE WHEN table_type IN ('VIEW', 'MATERIALIZED_VIEW', 'METRIC_VIEW') THEN 'VIEW' "
    "ELSE 'TABLE' END";

}  // namespace

bool is_hive_catalog(std::string_view catalog) {
  const std::string c = lower_ascii(catalog);
  return c == "hive_metastore" || c == "spark_catalog";
}

std::string name_condition(std::string_view column, const Pattern& pattern) {
  if (pattern.is_any()) return {};
  if (auto name = pattern.literal())
    return std::string(column) + " = " + string_literal(lower_ascii(*name));
  return std::string(column) + " ILIKE " + string_literal(pattern.like_text());
}

std::string show_catalogs() {
  return "SHOW CATALOGS";
}

std::string show_schemas(std::string_view catalog) {
  return "SHOW SCHEMAS IN " + quote_identifier(catalog);
}

std::string all_schemata(const Pattern& schema) {
  return "SELECT catalog_name, schema_name FROM system.information_schema.schemata" +
         where({name_condition("schema_name", schema)}) + " ORDER BY catalog_name, schema_name";
}

std::string uc_tables(const std::optional<std::string>& catalog, const Pattern& schema,
                      const Pattern& table, const std::vector<std::string>& types) {
  std::string type_condition;
  if (types.size() == 1)
    type_condition = std::string(kOdbcTableType) + " = " + string_literal(types[0]);
  return "SELECT table_catalog, table_schema, table_name, " + std::string(kOdbcTableType) +
         " AS table_type, comment FROM " + info_schema(catalog) + ".tables" +
         where({catalog ? name_condition("table_catalog", Pattern::from_literal(*catalog)) : "",
                name_condition("table_schema", schema), name_condition("table_name", table),
                type_condition}) +
         " ORDER BY 4, 1, 2, 3";
}

std::string show_tables_in_catalog(std::string_view catalog) {
  return "SHOW TABLES IN CATALOG " + quote_identifier(catalog);
}

std::string uc_columns(std::string_view catalog, const Pattern& schema, const Pattern& table,
                       bool whole_schema) {
  // The statement then names no table, so SQLColumns for each table of the schema sends the
  // same text and the cache answers all but the first.
  whole_schema = whole_schema && schema.is_bounded();
  return "SELECT table_catalog, table_schema, table_name, column_name, data_type, "
         "full_data_type, numeric_precision, numeric_scale, is_nullable, comment, "
         "column_default FROM " +
         info_schema(std::string(catalog)) + ".columns" +
         where({name_condition("table_schema", schema),
                whole_schema ? "" : name_condition("table_name", table)}) +
         " ORDER BY table_schema, table_name, ordinal_position";
}

std::string describe_table(std::string_view catalog, std::string_view schema,
                           std::string_view table) {
  return "DESCRIBE TABLE " + quote_identifier(catalog) + "." + quote_identifier(schema) + "." +
         quote_identifier(table);
}

std::string uc_primary_keys(std::string_view catalog, const Pattern& schema, const Pattern& table) {
  const std::string is = info_schema(std::string(catalog));
  return "SELECT k.table_catalog, k.table_schema, k.table_name, k.column_name, "
         "k.ordinal_position, k.constraint_name FROM " +
         is + ".table_constraints c JOIN " + is +
         ".key_column_usage k ON k.constraint_catalog = c.constraint_catalog AND "
         "k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name" +
         where({"c.constraint_type = 'PRIMARY KEY'", name_condition("k.table_schema", schema),
                name_condition("k.table_name", table)}) +
         " ORDER BY 1, 2, 3, 5";
}

std::string uc_foreign_keys(std::string_view catalog, const Pattern& pk_schema,
                            const Pattern& pk_table, const Pattern& fk_schema,
                            const Pattern& fk_table, bool order_by_pk) {
  const std::string is = info_schema(std::string(catalog));
  return "SELECT p.table_catalog, p.table_schema, p.table_name, p.column_name, "
         "f.table_catalog, f.table_schema, f.table_name, f.column_name, f.ordinal_position, "
         "r.update_rule, r.delete_rule, f.constraint_name, p.constraint_name FROM " +
         is + ".referential_constraints r JOIN " + is +
         ".key_column_usage f ON f.constraint_catalog = r.constraint_catalog AND "
         "f.constraint_schema = r.constraint_schema AND f.constraint_name = r.constraint_name "
         "JOIN " +
         is +
         ".key_column_usage p ON p.constraint_catalog = r.unique_constraint_catalog AND "
         "p.constraint_schema = r.unique_constraint_schema AND "
         "p.constraint_name = r.unique_constraint_name AND "
         "p.ordinal_position = f.position_in_unique_constraint" +
         where({name_condition("p.table_schema", pk_schema),
                name_condition("p.table_name", pk_table),
                name_condition("f.table_schema", fk_schema),
                name_condition("f.table_name", fk_table)}) +
         (order_by_pk ? " ORDER BY 1, 2, 3, 9" : " ORDER BY 5, 6, 7, 9");
}

std::string current_catalog() {
  return "SELECT current_catalog()";
}

}  // namespace dbsql::metadata::sql
