#pragma once
// Every metadata statement the driver sends, in one place. Names and patterns reach the
// SQL only through quote_identifier / string_literal. Unity Catalog catalogs are read
// from their information_schema (one query, filters pushed down); catalogs without one
// (the Hive metastore) through SHOW / DESCRIBE. The column order of each statement is
// what the reshapers in catalog_*.cpp read.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metadata/pattern.h"

namespace dbsql::metadata::sql {

// True for catalogs that have no information_schema.
bool is_hive_catalog(std::string_view catalog);

// → catalog
std::string show_catalogs();
// → schema name (databaseName)
std::string show_schemas(std::string_view catalog);
// → catalog_name, schema_name, over every Unity Catalog catalog.
std::string all_schemata(const Pattern& schema);

// `catalog` nullopt = every Unity Catalog catalog (system.information_schema).
// `types` = the ODBC types wanted among TABLE and VIEW (empty = both).
// → table_catalog, table_schema, table_name, TABLE|VIEW, comment; ordered as SQLTables.
std::string uc_tables(const std::optional<std::string>& catalog, const Pattern& schema,
                      const Pattern& table, const std::vector<std::string>& types);
// → namespace, tableName, isTemporary, information, catalogName, tableType, remarks
std::string show_tables_in_catalog(std::string_view catalog);

// → table_catalog, table_schema, table_name, column_name, data_type, full_data_type,
//   numeric_precision, numeric_scale, is_nullable, comment, column_default; ordered by
//   schema, table, ordinal position. `whole_schema` (for a schema pattern without `%`) reads every
//   table of the schema, so the cache answers SQLColumns for each of them after one
//   statement.
std::string uc_columns(std::string_view catalog, const Pattern& schema, const Pattern& table,
                       bool whole_schema);
// → col_name, data_type, comment (then partition and detail sections, which end the
//   column list at the first row whose col_name is empty or starts with '#').
std::string describe_table(std::string_view catalog, std::string_view schema,
                           std::string_view table);

// → table_catalog, table_schema, table_name, column_name, ordinal_position, constraint_name
std::string uc_primary_keys(std::string_view catalog, const Pattern& schema, const Pattern& table);

// The information_schema of `catalog` (the foreign key's, or the primary key's when only
// that is given).
// → pk cat, schema, table, column, fk cat, schema, table, column, key_seq, update_rule,
//   delete_rule, fk name, pk name; ordered by the fk table (or the pk table when
//   `order_by_pk`) and key_seq.
std::string uc_foreign_keys(std::string_view catalog, const Pattern& pk_schema,
                            const Pattern& pk_table, const Pattern& fk_schema,
                            const Pattern& fk_table, bool order_by_pk);

// → the current catalog.
std::string current_catalog();

// The condition `column` satisfies `pattern` ("" when it matches everything): an
// equality with the lower-cased name when the pattern is one name (Unity Catalog stores
// names in lower case and prunes on equality), else ILIKE with the \ escape.
std::string name_condition(std::string_view column, const Pattern& pattern);

}  // namespace dbsql::metadata::sql
