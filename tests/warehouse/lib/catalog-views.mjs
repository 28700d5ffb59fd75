// Unity-Catalog-style metadata over DuckDB's catalog functions. DuckDB reserves
// the name "main", so the writable catalog `main` is the DuckDB database
// `main_db`; these table macros show Databricks names and hide DuckDB's own
// internals (the `main` schema of each database, the system and temp catalogs).
// Installed into the in-memory catalog at start-up (db.mjs).
import { DUCK_TYPE_TEXT_SQL } from './render.mjs';

export const CATALOG_ALIASES = { main: 'main_db' }; // Databricks name → DuckDB name
export const toDuckCatalog = (name) => CATALOG_ALIASES[String(name).toLowerCase()] ?? name;

const M = 'memory.main';
const HIDDEN_DBS = "('memory', 'system', 'temp')";
// A NULL catalog argument means the statement's current catalog.
const catalogFilter = (col) => `${M}.dbx_cat(${col}) = coalesce(cat, ${M}.dbx_cat(current_database()))`;

export const CATALOG_MACROS = [
  `CREATE OR REPLACE MACRO ${M}.dbx_cat(n) AS CASE n ${Object.entries(CATALOG_ALIASES)
    .map(([dbx, duck]) => `WHEN '${duck}' THEN '${dbx}'`).join(' ')} ELSE n END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_type(t) AS ${DUCK_TYPE_TEXT_SQL}`,
  `CREATE OR REPLACE MACRO ${M}.dbx_catalogs() AS TABLE
     SELECT ${M}.dbx_cat(database_name) AS catalog FROM duckdb_databases()
     WHERE NOT internal AND database_name NOT IN ${HIDDEN_DBS}`,
  `CREATE OR REPLACE MACRO ${M}.dbx_is_catalogs(cat) AS TABLE
     SELECT catalog AS catalog_name, NULL::VARCHAR AS comment FROM ${M}.dbx_catalogs()
     WHERE cat IS NULL OR catalog = cat`,
  `CREATE OR REPLACE MACRO ${M}.dbx_is_schemata(cat) AS TABLE
     SELECT * FROM (
       SELECT ${M}.dbx_cat(database_name) AS catalog_name, schema_name, comment FROM duckdb_schemas()
       WHERE database_name NOT IN ${HIDDEN_DBS} AND schema_name NOT IN ('main', 'pg_catalog', 'information_schema')
         AND ${catalogFilter('database_name')}
       UNION ALL
       SELECT catalog, 'information_schema', NULL FROM ${M}.dbx_catalogs()
       WHERE catalog = coalesce(cat, ${M}.dbx_cat(current_database())))
     ORDER BY catalog_name, schema_name`,
  `CREATE OR REPLACE MACRO ${M}.dbx_is_tables(cat) AS TABLE
     SELECT ${M}.dbx_cat(database_name) AS table_catalog, schema_name AS table_schema, table_name,
            CASE WHEN is_view THEN 'VIEW' ELSE 'MANAGED' END AS table_type, comment
     FROM (SELECT database_name, schema_name, table_name, comment, false AS is_view FROM duckdb_tables()
           UNION ALL
           SELECT database_name, schema_name, view_name, comment, true FROM duckdb_views() WHERE NOT internal)
     WHERE database_name NOT IN ${HIDDEN_DBS} AND schema_name <> 'main' AND ${catalogFilter('database_name')}
     ORDER BY 1, 2, 3`,
  `CREATE OR REPLACE MACRO ${M}.dbx_is_views(cat) AS TABLE
     SELECT table_catalog, table_schema, table_name FROM ${M}.dbx_is_tables(cat) WHERE table_type = 'VIEW'`,
  `CREATE OR REPLACE MACRO ${M}.dbx_is_columns(cat) AS TABLE
     SELECT ${M}.dbx_cat(database_name) AS table_catalog, schema_name AS table_schema, table_name, column_name,
            column_index AS ordinal_position, column_default, CASE WHEN is_nullable THEN 'YES' ELSE 'NO' END AS is_nullable,
            lower(${M}.dbx_type(data_type)) AS full_data_type,
            regexp_replace(${M}.dbx_type(data_type), '[(<].*$', '') AS data_type,
            numeric_precision, numeric_scale, comment
     FROM duckdb_columns()
     WHERE database_name NOT IN ${HIDDEN_DBS} AND schema_name <> 'main' AND ${catalogFilter('database_name')}
     ORDER BY 1, 2, 3, 5`,
];
