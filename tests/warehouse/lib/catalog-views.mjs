// Unity-Catalog metadata over DuckDB's catalog: the information_schema views of
// each catalog (and system.information_schema across them) and the relation and
// schema lists the SHOW commands read, as table macros installed into the
// in-memory catalog at start-up (db.mjs). Columns, order and types follow the
// Databricks SQL reference pages of each view; where a workspace was seen to
// answer differently from its page (columns.ordinal_position counts from 0,
// STRING columns report character lengths of 0), the workspace wins.
//
// DuckDB reserves "main", so catalog `main` is the DuckDB database main_db. What
// DuckDB cannot hold (creation times, table types, view text, schema comments,
// informational PRIMARY/FOREIGN KEYs, declared CHAR(n)/VARCHAR(n) column types) lives
// in tables of each writable database's hidden `main` schema (metadata-ddl.mjs and
// metadata-char-varchar.mjs write them).
import { INFO_SCHEMA, infoSchemaRelations } from './metadata-info-schema.mjs';
import { refreshTypes } from './metadata-types.mjs';

export const CATALOG_ALIASES = { main: 'main_db' }; // Databricks name → DuckDB name
export const toDuckCatalog = (name) => CATALOG_ALIASES[String(name).toLowerCase()] ?? name;
export const fromDuckCatalog = (name) => Object.keys(CATALOG_ALIASES).find((k) => CATALOG_ALIASES[k] === name) ?? name;

// The legacy Hive metastore: no information_schema, no informational keys.
export const HIVE = 'hive_metastore';
// Databases whose `main` schema holds the warehouse's own metadata tables.
export const META_DBS = ['main_db', HIVE];
export const INFO_VIEWS = new Set(Object.keys(INFO_SCHEMA));

const OWNER = 'user@example.com';
const SYSTEM_OWNER = 'System user';
const CATALOG_COMMENTS = { main: 'Main catalog (auto-created)', system: 'System catalog (auto-created)' };
const M = 'memory.main';
const HIDDEN_DBS = "('memory', 'system', 'temp')";
const HIDDEN_SCHEMAS = "('main', 'pg_catalog', 'information_schema')";
const str = (v) => (v === null || v === undefined ? 'NULL::VARCHAR' : `'${String(v).replace(/'/g, "''")}'`);

// Per writable database: relation properties, schema properties, declared column types
// (type_text "VARCHAR(3)" / "CHAR(2)", see metadata-types.mjs); constraints live in main only.
export const META_TABLES = [
  ...META_DBS.flatMap((db) => [
    `CREATE TABLE IF NOT EXISTS ${db}.main.dbx_column_types (schema_name VARCHAR, table_name VARCHAR,
       column_name VARCHAR, type_text VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS ${db}.main.dbx_relations (schema_name VARCHAR, table_name VARCHAR,
       table_type VARCHAR, created TIMESTAMPTZ, last_altered TIMESTAMPTZ, storage_path VARCHAR, view_text VARCHAR,
       partition_cols VARCHAR[], properties VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS ${db}.main.dbx_schemas (schema_name VARCHAR, comment VARCHAR, created TIMESTAMPTZ)`,
  ]),
  `CREATE TABLE IF NOT EXISTS main_db.main.dbx_constraints (constraint_schema VARCHAR, constraint_name VARCHAR,
     constraint_type VARCHAR, table_schema VARCHAR, table_name VARCHAR, columns VARCHAR[],
     ref_catalog VARCHAR, ref_schema VARCHAR, ref_table VARCHAR, ref_columns VARCHAR[], ref_positions INTEGER[],
     ref_constraint VARCHAR)`,
];

// started: ISO time used as `created` of objects the warehouse has no record of.
export function catalogMacros({ started }) {
  const since = `TIMESTAMPTZ '${started}'`;
  const current = `${M}.dbx_cat(current_database())`;
  const owner = (cat) => `CASE WHEN ${cat} IN ('samples', 'system') THEN '${SYSTEM_OWNER}' ELSE '${OWNER}' END`;
  const metaUnion = (table) => META_DBS.map((db) => `SELECT '${db}' AS db, * FROM ${db}.main.${table}`).join(' UNION ALL ');
  // In scope of information_schema `cat`: that catalog, or every Unity Catalog one for `system`.
  const inScope = (col) => `(CASE WHEN coalesce(cat, ${current}) = 'system' THEN ${col} <> '${HIVE}'
                              ELSE ${col} = coalesce(cat, ${current}) END)`;
  // The workspace's answer for a Hive metastore information_schema (only an unqualified
  // reference gets here: a qualified one is refused while translating).
  const guard = `(CASE WHEN coalesce(cat, ${current}) = '${HIVE}' THEN
    error('Table with name ${HIVE}.information_schema does not exist') ELSE true END)`;
  const cols = (view) => INFO_SCHEMA[view].map(([name]) => name).join(', ');

  return [
    `CREATE OR REPLACE MACRO ${M}.dbx_cat(n) AS CASE n ${Object.entries(CATALOG_ALIASES)
      .map(([dbx, duck]) => `WHEN '${duck}' THEN '${dbx}'`).join(' ')} ELSE n END`,
    // Every catalog a workspace would list, `system` included (it holds only information_schema).
    `CREATE OR REPLACE MACRO ${M}.dbx_catalogs() AS TABLE
       SELECT ${M}.dbx_cat(database_name) AS catalog FROM duckdb_databases()
       WHERE NOT internal AND database_name NOT IN ${HIDDEN_DBS} UNION ALL SELECT 'system'`,
    // All schemas of all catalogs; information_schema in every Unity Catalog one.
    `CREATE OR REPLACE MACRO ${M}.dbx_schemas() AS TABLE
       SELECT ${M}.dbx_cat(s.database_name) AS catalog_name, s.schema_name,
              coalesce(m.comment, CASE WHEN s.schema_name = 'default' THEN 'Default schema (auto-created)' END) AS comment,
              coalesce(m.created, ${since}) AS created
       FROM duckdb_schemas() s LEFT JOIN (${metaUnion('dbx_schemas')}) m
         ON m.db = s.database_name AND lower(m.schema_name) = lower(s.schema_name)
       WHERE s.database_name NOT IN ${HIDDEN_DBS} AND s.schema_name NOT IN ${HIDDEN_SCHEMAS}
       UNION ALL
       SELECT catalog, 'information_schema', 'Information schema (auto-created)', ${since}
       FROM ${M}.dbx_catalogs() WHERE catalog <> '${HIVE}'`,
    // All tables and views of all catalogs, with the warehouse's own record of each
    // (read through the snapshot of refreshCatalog()).
    `CREATE OR REPLACE MACRO ${M}.dbx_relations_live() AS TABLE
       SELECT ${M}.dbx_cat(t.database_name) AS table_catalog, t.schema_name AS table_schema, t.table_name,
              coalesce(r.table_type, CASE WHEN t.is_view THEN 'VIEW' ELSE 'MANAGED' END) AS table_type,
              t.comment, t.is_view, coalesce(r.created, ${since}) AS created,
              coalesce(r.last_altered, r.created, ${since}) AS last_altered, r.storage_path,
              coalesce(r.view_text, regexp_extract(t.view_sql, '(?is)^CREATE VIEW .*? AS (.*?);?$', 1)) AS view_text,
              coalesce(r.partition_cols, []) AS partition_cols, t.database_name AS db
       FROM (SELECT database_name, schema_name, table_name, comment, false AS is_view, NULL::VARCHAR AS view_sql
             FROM duckdb_tables() WHERE NOT temporary
             UNION ALL
             SELECT database_name, schema_name, view_name, comment, true, sql FROM duckdb_views()
             WHERE NOT internal AND NOT temporary) t
       LEFT JOIN (${metaUnion('dbx_relations')}) r
         ON r.db = t.database_name AND lower(r.schema_name) = lower(t.schema_name) AND lower(r.table_name) = lower(t.table_name)
       WHERE t.database_name NOT IN ${HIDDEN_DBS} AND t.schema_name NOT IN ${HIDDEN_SCHEMAS}`,
    // data_type is DuckDB's type text, or the declared CHAR(n) / VARCHAR(n) DuckDB drops.
    `CREATE OR REPLACE MACRO ${M}.dbx_columns_live() AS TABLE
       SELECT c.database_name, c.schema_name, c.table_name, c.column_name, c.column_index, c.column_default, c.is_nullable,
              coalesce(d.type_text, c.data_type) AS data_type, c.comment
       FROM duckdb_columns() c LEFT JOIN (${metaUnion('dbx_column_types')}) d
         ON d.db = c.database_name AND lower(d.schema_name) = lower(c.schema_name)
         AND lower(d.table_name) = lower(c.table_name) AND lower(d.column_name) = lower(c.column_name)
       WHERE c.database_name NOT IN ${HIDDEN_DBS} AND c.schema_name NOT IN ${HIDDEN_SCHEMAS}`,
    ...SNAPSHOT,
    `CREATE OR REPLACE MACRO ${M}.dbx_relations() AS TABLE SELECT * FROM ${M}.dbx_rel_snapshot`,
    // Informational keys whose table still exists.
    `CREATE OR REPLACE MACRO ${M}.dbx_keys() AS TABLE
       SELECT 'main' AS catalog, k.* FROM main_db.main.dbx_constraints k
       WHERE EXISTS (SELECT 1 FROM ${M}.dbx_rel_snapshot t WHERE t.db = 'main_db' AND NOT t.is_view
                     AND lower(t.table_schema) = lower(k.table_schema) AND lower(t.table_name) = lower(k.table_name))`,

    `CREATE OR REPLACE MACRO ${M}.dbx_is_catalogs(cat) AS TABLE
       SELECT catalog AS catalog_name, ${owner('catalog')} AS catalog_owner,
              CASE catalog ${Object.entries(CATALOG_COMMENTS).map(([c, t]) => `WHEN '${c}' THEN ${str(t)}`).join(' ')} END AS comment,
              ${since} AS created, ${owner('catalog')} AS created_by, ${since} AS last_altered,
              ${owner('catalog')} AS last_altered_by
       FROM ${M}.dbx_catalogs()
       WHERE ${guard} AND (coalesce(cat, ${current}) = 'system' OR catalog = coalesce(cat, ${current}))
       ORDER BY 1`,
    `CREATE OR REPLACE MACRO ${M}.dbx_is_schemata(cat) AS TABLE
       SELECT catalog_name, schema_name, ${owner('catalog_name')} AS schema_owner, comment, created,
              ${owner('catalog_name')} AS created_by, created AS last_altered, ${owner('catalog_name')} AS last_altered_by
       FROM ${M}.dbx_schemas() WHERE ${guard} AND ${inScope('catalog_name')} ORDER BY 1, 2`,
    `CREATE OR REPLACE MACRO ${M}.dbx_is_tables(cat) AS TABLE
       SELECT ${cols('tables')} FROM (
         SELECT table_catalog, table_schema, table_name, table_type,
                CASE WHEN table_type IN ('VIEW', 'MATERIALIZED_VIEW') OR table_catalog = 'samples' THEN 'NO' ELSE 'YES' END
                  AS is_insertable_into,
                'PRESERVE' AS commit_action, ${owner('table_catalog')} AS table_owner, comment, created,
                ${owner('table_catalog')} AS created_by, last_altered, ${owner('table_catalog')} AS last_altered_by,
                CASE WHEN table_type IN ('VIEW', 'MATERIALIZED_VIEW') THEN 'UNKNOWN_DATA_SOURCE_FORMAT' ELSE 'DELTA' END
                  AS data_source_format, storage_path, NULL::VARCHAR AS storage_sub_directory
         FROM ${M}.dbx_relations()
         UNION ALL
         SELECT catalog, 'information_schema', v.name, 'VIEW', 'NO', 'PRESERVE', '${SYSTEM_OWNER}', NULL, ${since},
                '${SYSTEM_OWNER}', ${since}, '${SYSTEM_OWNER}', 'UNKNOWN_DATA_SOURCE_FORMAT', NULL, NULL
         FROM ${M}.dbx_catalogs(), (VALUES ${[...INFO_VIEWS].map((v) => `('${v}')`).join(', ')}) v(name)
         WHERE catalog <> '${HIVE}')
       WHERE ${guard} AND ${inScope('table_catalog')} ORDER BY 1, 2, 3`,
    // The columns of the information_schema views themselves (a table: binding a long VALUES list costs).
    `CREATE OR REPLACE TABLE ${M}.dbx_info_columns AS ${infoSchemaRelations()}`,
    `CREATE OR REPLACE MACRO ${M}.dbx_is_columns(cat) AS TABLE
       SELECT ${cols('columns')} FROM (
         SELECT r.table_catalog, r.table_schema, r.table_name, c.column_name, (c.column_index - 1)::INTEGER AS ordinal_position,
                c.column_default, CASE WHEN c.is_nullable THEN 'YES' ELSE 'NO' END AS is_nullable,
                coalesce(ty.full_data_type, lower(c.data_type)) AS full_data_type, coalesce(ty.data_type, 'STRING') AS data_type,
                ty.character_length AS character_maximum_length, ty.character_length::VARCHAR AS character_octet_length,
                ty.numeric_precision, ty.numeric_precision_radix, ty.numeric_scale, ty.datetime_precision, ty.interval_type,
                NULL::INTEGER AS interval_precision, NULL::INTEGER AS maximum_cardinality, 'NO' AS is_identity,
                NULL::VARCHAR AS identity_generation, NULL::VARCHAR AS identity_start, NULL::VARCHAR AS identity_increment,
                NULL::VARCHAR AS identity_maximum, NULL::VARCHAR AS identity_minimum, NULL::VARCHAR AS identity_cycle,
                'NO' AS is_generated, NULL::VARCHAR AS generation_expression, 'NO' AS is_system_time_period_start,
                'NO' AS is_system_time_period_end, NULL::VARCHAR AS system_time_period_timestamp_generation,
                CASE WHEN r.is_view OR r.table_catalog = 'samples' THEN 'NO' ELSE 'YES' END AS is_updatable,
                (list_position(list_transform(r.partition_cols, x -> lower(x)), lower(c.column_name)) - 1)::INTEGER AS partition_index,
                c.comment
         FROM ${M}.dbx_col_snapshot c
         JOIN ${M}.dbx_relations() r ON r.db = c.database_name AND r.table_schema = c.schema_name AND r.table_name = c.table_name
         LEFT JOIN ${M}.dbx_types ty ON ty.duck = c.data_type
         UNION ALL
         SELECT catalog, 'information_schema', i.table_name, i.column_name, i.ordinal_position, NULL, 'YES', i.full_data_type,
                i.data_type, i.character_length, i.character_length::VARCHAR, i.numeric_precision, i.numeric_precision_radix,
                i.numeric_scale, i.datetime_precision, NULL, NULL, NULL, 'NO', NULL, NULL, NULL, NULL, NULL, NULL, 'NO', NULL,
                'NO', 'NO', NULL, 'NO', NULL, NULL
         FROM ${M}.dbx_catalogs(), ${M}.dbx_info_columns i WHERE catalog <> '${HIVE}')
       WHERE ${guard} AND ${inScope('table_catalog')} ORDER BY 1, 2, 3, 5`,
    `CREATE OR REPLACE MACRO ${M}.dbx_is_views(cat) AS TABLE
       SELECT table_catalog, table_schema, table_name, view_text AS view_definition, 'NONE' AS check_option,
              'NO' AS is_updatable, 'NO' AS is_insertable_into, NULL::VARCHAR AS sql_path
       FROM ${M}.dbx_relations() WHERE table_type = 'VIEW' AND ${guard} AND ${inScope('table_catalog')} ORDER BY 1, 2, 3`,
    `CREATE OR REPLACE MACRO ${M}.dbx_is_table_constraints(cat) AS TABLE
       SELECT catalog AS constraint_catalog, constraint_schema, constraint_name, catalog AS table_catalog, table_schema,
              table_name, constraint_type, 'YES' AS is_deferrable, 'NO' AS initially_deferred, 'NO' AS enforced,
              NULL::VARCHAR AS comment
       FROM ${M}.dbx_keys() WHERE ${guard} AND ${inScope('catalog')} ORDER BY 1, 2, 3`,
    `CREATE OR REPLACE MACRO ${M}.dbx_is_key_column_usage(cat) AS TABLE
       SELECT catalog AS constraint_catalog, constraint_schema, constraint_name, catalog AS table_catalog, table_schema,
              table_name, columns[i] AS column_name, i::INTEGER AS ordinal_position,
              ref_positions[i]::INTEGER AS position_in_unique_constraint
       FROM (SELECT *, generate_subscripts(columns, 1) AS i FROM ${M}.dbx_keys())
       WHERE ${guard} AND ${inScope('catalog')} ORDER BY 1, 2, 3, 8`,
    `CREATE OR REPLACE MACRO ${M}.dbx_is_referential_constraints(cat) AS TABLE
       SELECT catalog AS constraint_catalog, constraint_schema, constraint_name, ref_catalog AS unique_constraint_catalog,
              ref_schema AS unique_constraint_schema, ref_constraint AS unique_constraint_name, 'FULL' AS match_option,
              'NO ACTION' AS update_rule, 'NO ACTION' AS delete_rule
       FROM ${M}.dbx_keys() WHERE constraint_type = 'FOREIGN KEY' AND ${guard} AND ${inScope('catalog')} ORDER BY 1, 2, 3`,
    // The columns each key constrains: a primary key's own, a foreign key's parent columns.
    `CREATE OR REPLACE MACRO ${M}.dbx_is_constraint_column_usage(cat) AS TABLE
       SELECT DISTINCT * FROM (
         SELECT CASE WHEN constraint_type = 'PRIMARY KEY' THEN catalog ELSE ref_catalog END AS table_catalog,
                CASE WHEN constraint_type = 'PRIMARY KEY' THEN table_schema ELSE ref_schema END AS table_schema,
                CASE WHEN constraint_type = 'PRIMARY KEY' THEN table_name ELSE ref_table END AS table_name,
                unnest(CASE WHEN constraint_type = 'PRIMARY KEY' THEN columns ELSE ref_columns END) AS column_name,
                catalog AS constraint_catalog, constraint_schema, constraint_name
         FROM ${M}.dbx_keys() WHERE ${guard} AND ${inScope('catalog')}) ORDER BY 5, 6, 7, 4`,
    // No user-defined functions exist here: the views answer with their columns and no rows.
    ...['routines', 'parameters'].map((view) => `CREATE OR REPLACE MACRO ${M}.dbx_is_${view}(cat) AS TABLE
       SELECT ${INFO_SCHEMA[view].map(([name, type]) => `NULL::${duckType(type)} AS ${name}`).join(', ')}
       WHERE ${guard} AND false`),
  ];
}

const duckType = (t) => ({ STRING: 'VARCHAR', INTEGER: 'INTEGER', TIMESTAMP: 'TIMESTAMPTZ' })[t];

// DuckDB's catalog functions cost milliseconds per call over hundreds of tables, so
// the metadata views read a snapshot of them, taken again after every statement
// that can change the catalog (executor.mjs, metadata-ddl.mjs) and at start-up.
const SNAPSHOT = [
  `CREATE OR REPLACE TABLE ${M}.dbx_rel_snapshot AS SELECT * FROM ${M}.dbx_relations_live()`,
  `CREATE OR REPLACE TABLE ${M}.dbx_col_snapshot AS SELECT * FROM ${M}.dbx_columns_live()`,
];

// Refreshes run one at a time: two at once would be a DuckDB write-write conflict on
// the snapshot tables, and each one sees every DDL committed before it started.
let refreshing = Promise.resolve();

export function refreshCatalog(con) {
  const run = refreshing.then(async () => {
    for (const sql of SNAPSHOT) await con.run(sql);
    await refreshTypes(con); // reads the column snapshot
  });
  refreshing = run.catch(() => {});
  return run;
}
