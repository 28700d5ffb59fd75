// Spark SQL commands DuckDB does not speak, answered with Databricks' column
// names: SHOW CATALOGS / SCHEMAS / TABLES / VIEWS / COLUMNS / KEYS / FOREIGN KEYS
// (including the "IN CATALOG … SCHEMA LIKE … LIKE …" and "IN ALL CATALOGS" forms
// Databricks' own drivers send), DESCRIBE [TABLE|QUERY], USE [CATALOG|SCHEMA], SET,
// and the metadata DDL of metadata-ddl.mjs. SHOW commands are SELECTs over the
// catalog macros of catalog-views.mjs, run after the named catalog/schema is
// checked (a workspace fails on an unknown one rather than answering nothing).
import { sqlString, sqlIdent, identName } from './sql-tokens.mjs';
import { SqlError } from './errors.mjs';
import { W, isOp, words, qualifiedName, quoted } from './sql-parse.mjs';
import { toDuckCatalog as duckCatalog, fromDuckCatalog } from './catalog-views.mjs';
import { ddlCommandFor } from './metadata-ddl.mjs';
import { describeTableCommand, showColumnsCommand } from './metadata-describe.mjs';

const M = 'memory.main';

// Returns null (not a command), { sql, bindings } or { command }.
export function commandFor(sig, rewrite, tokens = sig) {
  const [a, b] = [W(sig[0]), W(sig[1])];
  if (a === 'SHOW') {
    const rest = sig.slice(2);
    if (b === 'CATALOGS') return { sql: showCatalogs(rest) };
    if (['SCHEMAS', 'DATABASES', 'NAMESPACES'].includes(b)) return show(showSchemas(rest));
    if (b === 'TABLES') return show(showTables(rest));
    if (b === 'VIEWS') return show(showViews(rest));
    if (b === 'COLUMNS') return showColumns(rest);
    if (b === 'KEYS' || words(sig, 1, 'PRIMARY', 'KEYS')) return show(showKeys(sig.slice(b === 'KEYS' ? 2 : 3), false));
    if (words(sig, 1, 'FOREIGN', 'KEYS')) return show(showKeys(sig.slice(3), true));
    return null;
  }
  if (a === 'DESCRIBE' || a === 'DESC') return describe(sig.slice(1), rewrite);
  if (a === 'USE') return { command: use(sig.slice(1)) };
  if (a === 'SET') return { command: setCommand(sig.slice(1)) };
  return ddlCommandFor(sig, rewrite, tokens);
}

// A SHOW answered by `sql` once the catalog (and schema) it names exist; the
// spec's null catalog/schema mean the statement's current ones.
function show({ catalog = undefined, schema = undefined, sql }) {
  return {
    command: {
      kind: 'meta',
      async run(con) {
        const [[db, current]] = (await con.runAndReadAll('SELECT current_database(), current_schema()')).getRows();
        const cat = catalog === null ? fromDuckCatalog(db) : catalog;
        if (cat !== undefined) await requireSchema(con, cat, schema === null ? current : schema);
        return { sql: sql(cat, schema === null ? current : schema) };
      },
    },
  };
}

async function requireSchema(con, catalog, schema) {
  const cats = (await con.runAndReadAll(`SELECT catalog FROM ${M}.dbx_catalogs() WHERE catalog = lower(${sqlString(catalog)})`)).getRows();
  if (!cats.length) {
    throw new SqlError('NO_SUCH_CATALOG_EXCEPTION', '42704', `Catalog '${catalog}' was not found. Please verify the catalog name and then retry the query or command again.`);
  }
  if (schema === undefined) return;
  const found = (await con.runAndReadAll(`SELECT 1 FROM ${M}.dbx_schemas() WHERE catalog_name = lower(${sqlString(catalog)})
    AND lower(schema_name) = lower(${sqlString(schema)})`)).getRows();
  if (!found.length) {
    throw new SqlError('SCHEMA_NOT_FOUND', '42704', `The schema ${quoted([catalog, schema])} cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.`);
  }
}

// Spark's SHOW … LIKE pattern: '*' is any text, '|' separates alternatives, other
// characters are a regular expression, matched case-insensitively over the whole
// name after trimming blanks.
function likeFilter(column, tok) {
  if (!tok) return 'true';
  const value = tok.text.slice(1, -1);
  const regex = value.split('|').map((p) => p.trim().replace(/\*/g, '.*')).join('|');
  return `regexp_full_match(${column}, ${sqlString(`(${regex})`)}, 'i')`;
}

// "[IN|FROM] name [LIKE] ['pattern']" → { parts, pattern }.
function scopeAndPattern(rest) {
  let i = 0;
  let parts = [];
  if (['IN', 'FROM'].includes(W(rest[i]))) ({ parts, next: i } = qualifiedName(rest, i + 1));
  if (W(rest[i]) === 'LIKE') i++;
  const pattern = rest[i]?.kind === 'string' ? rest[i] : null;
  return { parts, pattern };
}

// "IN CATALOG c | IN ALL CATALOGS" [SCHEMA LIKE p] [TABLE LIKE p] [LIKE p] → { catalog (null = all), … }.
function catalogScope(rest) {
  let i = 2;
  let catalog = null;
  if (words(rest, 0, 'IN', 'CATALOG')) ({ parts: [catalog], next: i } = qualifiedName(rest, 2));
  else if (words(rest, 0, 'IN', 'ALL', 'CATALOGS')) i = 3;
  const out = { catalog: catalog?.toLowerCase() ?? null, schemaPattern: null, tablePattern: null, pattern: null };
  for (; i < rest.length; i++) {
    if (words(rest, i, 'SCHEMA', 'LIKE')) { out.schemaPattern = rest[i + 2]; i += 2; } else if (words(rest, i, 'TABLE', 'LIKE')) { out.tablePattern = rest[i + 2]; i += 2; } else if (W(rest[i]) === 'LIKE') { out.pattern = rest[i + 1]; i++; }
  }
  return out;
}
const isCatalogScope = (rest) => words(rest, 0, 'IN', 'CATALOG') || words(rest, 0, 'IN', 'ALL', 'CATALOGS');
const catalogIs = (col, catalog) => (catalog === null ? `${col} <> 'system'` : `${col} = ${sqlString(catalog)}`);

function showCatalogs(rest) {
  const { pattern } = scopeAndPattern(rest);
  return `SELECT catalog FROM ${M}.dbx_catalogs() WHERE ${likeFilter('catalog', pattern)} ORDER BY 1`;
}

function showSchemas(rest) {
  if (words(rest, 0, 'IN', 'ALL', 'CATALOGS')) {
    const { pattern } = scopeAndPattern(rest.slice(3));
    return { sql: () => `SELECT schema_name AS databaseName, catalog_name AS catalog FROM ${M}.dbx_schemas()
      WHERE ${likeFilter('schema_name', pattern)} ORDER BY 2, 1` };
  }
  const { parts, pattern } = scopeAndPattern(rest);
  return {
    catalog: parts.length ? parts[0].toLowerCase() : null,
    sql: (cat) => `SELECT schema_name AS databaseName FROM ${M}.dbx_schemas()
      WHERE catalog_name = ${sqlString(cat)} AND ${likeFilter('schema_name', pattern)} ORDER BY 1`,
  };
}

// "[IN|FROM] [catalog.]schema" of SHOW TABLES / VIEWS → { catalog, schema } (null = current).
function schemaScope(parts) {
  if (parts.length > 2) throw new SqlError('REQUIRES_SINGLE_PART_NAMESPACE', '42K05', `${quoted(parts)} is not a valid schema name.`);
  return { catalog: parts.length === 2 ? parts[0].toLowerCase() : null, schema: parts.length ? parts[parts.length - 1] : null };
}

function showTables(rest) {
  if (isCatalogScope(rest)) return showTablesInCatalog(rest);
  const { parts, pattern } = scopeAndPattern(rest);
  return {
    ...schemaScope(parts),
    sql: (cat, schema) => `SELECT table_schema AS database, table_name AS tableName, false AS isTemporary
      FROM ${M}.dbx_relations() WHERE table_catalog = ${sqlString(cat)} AND lower(table_schema) = lower(${sqlString(schema)})
      AND ${likeFilter('table_name', pattern)} ORDER BY 1, 2`,
  };
}

// The form Databricks' own JDBC/ADBC drivers send for getTables() (recorded columns).
function showTablesInCatalog(rest) {
  const s = catalogScope(rest);
  return {
    catalog: s.catalog ?? undefined,
    sql: () => `SELECT table_schema AS namespace, table_name AS tableName, false AS isTemporary, '' AS information,
      table_catalog AS catalogName, CASE WHEN table_type IN ('VIEW', 'MATERIALIZED_VIEW') THEN 'VIEW' ELSE 'TABLE' END AS tableType,
      coalesce(comment, '') AS remarks
      FROM ${M}.dbx_relations() WHERE ${catalogIs('table_catalog', s.catalog)} AND ${likeFilter('table_schema', s.schemaPattern)}
      AND ${likeFilter('table_name', s.pattern)} ORDER BY 5, 1, 2`,
  };
}

function showViews(rest) {
  const { parts, pattern } = scopeAndPattern(rest);
  return {
    ...schemaScope(parts),
    sql: (cat, schema) => `SELECT table_schema AS namespace, table_name AS viewName, false AS isTemporary
      FROM ${M}.dbx_relations() WHERE table_type = 'VIEW' AND table_catalog = ${sqlString(cat)}
      AND lower(table_schema) = lower(${sqlString(schema)}) AND ${likeFilter('table_name', pattern)} ORDER BY 1, 2`,
  };
}

function showColumns(rest) {
  if (isCatalogScope(rest)) return show(showColumnsInCatalog(rest));
  if (!['IN', 'FROM'].includes(W(rest[0]))) throw new SqlError('PARSE_SYNTAX_ERROR', '42601', "Syntax error: expected IN or FROM after 'SHOW COLUMNS'.");
  let { parts, next } = qualifiedName(rest, 1);
  if (['IN', 'FROM'].includes(W(rest[next]))) parts = [...qualifiedName(rest, next + 1).parts, ...parts];
  return { command: showColumnsCommand(parts) };
}

// SHOW COLUMNS IN CATALOG c [SCHEMA LIKE p] [TABLE LIKE p] [LIKE p]: one row per column,
// in the column names Databricks' JDBC driver reads (its getColumns() maps them).
function showColumnsInCatalog(rest) {
  const s = catalogScope(rest);
  const size = `CASE c.data_type WHEN 'DECIMAL' THEN c.numeric_precision WHEN 'INT' THEN 10 WHEN 'LONG' THEN 19
    WHEN 'SHORT' THEN 5 WHEN 'BYTE' THEN 3 WHEN 'FLOAT' THEN 7 WHEN 'DOUBLE' THEN 15 WHEN 'BOOLEAN' THEN 1
    WHEN 'DATE' THEN 10 WHEN 'TIMESTAMP' THEN 29 WHEN 'TIMESTAMP_NTZ' THEN 29 END`;
  return {
    catalog: s.catalog ?? undefined,
    sql: () => `SELECT c.table_catalog AS catalogName, c.table_schema AS namespace, c.table_name AS tableName,
      c.column_name AS col_name, coalesce(ty.type_text, upper(c.full_data_type)) AS columnType, (${size})::INTEGER AS columnSize,
      c.numeric_scale AS decimalDigits, CASE WHEN c.numeric_precision_radix IS NOT NULL THEN 10 END::INTEGER AS radix,
      CASE WHEN c.is_nullable = 'YES' THEN 'true' ELSE 'false' END AS isNullable, c.comment AS remarks,
      (c.ordinal_position + 1)::INTEGER AS ordinalPosition, 'NO' AS isAutoIncrement, 'NO' AS isGenerated
      FROM ${M}.dbx_is_columns('system') c
      LEFT JOIN (SELECT DISTINCT full_data_type, type_text FROM ${M}.dbx_types) ty ON ty.full_data_type = c.full_data_type
      WHERE ${catalogIs('c.table_catalog', s.catalog)} AND c.table_schema <> 'information_schema'
      AND ${likeFilter('c.table_schema', s.schemaPattern)} AND ${likeFilter('c.table_name', s.tablePattern)}
      AND ${likeFilter('c.column_name', s.pattern)} ORDER BY 1, 2, 3, 11`,
  };
}

// SHOW [PRIMARY] KEYS | FOREIGN KEYS IN CATALOG c IN SCHEMA s IN TABLE t (exact names, as the drivers send).
function showKeys(rest, foreign) {
  let i = 0;
  const names = {};
  while (i < rest.length) {
    const what = W(rest[i + 1]);
    if (W(rest[i]) !== 'IN' || !['CATALOG', 'SCHEMA', 'TABLE'].includes(what)) throw new SqlError('PARSE_SYNTAX_ERROR', '42601', `Syntax error at or near '${rest[i]?.text}'.`);
    const { parts, next } = qualifiedName(rest, i + 2);
    names[what] = parts[parts.length - 1];
    i = next;
  }
  const where = `catalog = ${names.CATALOG ? sqlString(names.CATALOG.toLowerCase()) : `${M}.dbx_cat(current_database())`}
    AND lower(table_schema) = lower(${names.SCHEMA ? sqlString(names.SCHEMA) : 'current_schema()'}) AND lower(table_name) = lower(${sqlString(names.TABLE)})`;
  const keys = `(SELECT *, generate_subscripts(columns, 1) AS i FROM ${M}.dbx_keys())`;
  if (!foreign) {
    return { sql: () => `SELECT catalog AS catalogName, table_schema AS namespace, table_name AS tableName, columns[i] AS col_name,
      i::INTEGER AS keySeq, constraint_name AS constraintName FROM ${keys} WHERE constraint_type = 'PRIMARY KEY' AND ${where} ORDER BY 5` };
  }
  return { sql: () => `SELECT ref_catalog AS pktableCat, ref_schema AS pktableSchem, ref_table AS pktableName, ref_columns[i] AS pkcolumnName,
    catalog AS fktableCat, table_schema AS fktableSchem, table_name AS fktableName, columns[i] AS fkcolumnName, i::INTEGER AS keySeq,
    3 AS updateRule, 3 AS deleteRule, constraint_name AS fkName, ref_constraint AS pkName, 5 AS deferrability
    FROM ${keys} WHERE constraint_type = 'FOREIGN KEY' AND ${where} ORDER BY 12, 9` };
}

// Quoted DuckDB name of a Spark table reference, for DESCRIBE QUERY targets.
function describe(rest, rewrite) {
  if (W(rest[0]) === 'QUERY') return { command: { kind: 'describe', query: rewrite(rest.slice(1), []).sql } };
  if (['SELECT', 'WITH', 'VALUES'].includes(W(rest[0]))) return { command: { kind: 'describe', query: rewrite(rest, []).sql } };
  if (['SCHEMA', 'DATABASE', 'CATALOG', 'FUNCTION', 'HISTORY', 'DETAIL'].includes(W(rest[0]))) return null;
  let i = 0;
  if (W(rest[i]) === 'TABLE') i++;
  const extended = ['EXTENDED', 'FORMATTED'].includes(W(rest[i]));
  if (extended) i++;
  const { parts, next } = qualifiedName(rest, i);
  const json = words(rest, rest.length - 2, 'AS', 'JSON');
  if (json && !extended) {
    throw new SqlError('DESCRIBE_JSON_NOT_EXTENDED', '0A000', 'DESCRIBE TABLE ... AS JSON only supported when [EXTENDED|FORMATTED] is specified. For example: DESCRIBE EXTENDED <tableName> AS JSON is supported but DESCRIBE <tableName> AS JSON is not.');
  }
  const column = !json && next < rest.length && !isOp(rest[next], '(') ? identName(rest[next]) : null;
  return { command: describeTableCommand({ parts, extended, json, column }) };
}

function use(rest) {
  let i = 0;
  const what = W(rest[0]);
  if (['CATALOG', 'SCHEMA', 'DATABASE', 'NAMESPACE'].includes(what)) i++;
  const { parts } = qualifiedName(rest, i);
  if (what === 'CATALOG') return { kind: 'use', sql: `USE ${sqlIdent(duckCatalog(parts[0]))}` };
  if (parts.length === 2) return { kind: 'use', sql: `USE ${sqlIdent(duckCatalog(parts[0]))}.${sqlIdent(parts[1])}` };
  return { kind: 'use', sql: `USE ${sqlIdent(parts[0])}` };
}

// SET key = value / SET TIME ZONE '…': accepted and echoed like Spark (key, value);
// without sessions nothing outlives the statement.
function setCommand(rest) {
  const text = rest.map((t) => t.text).join(' ');
  const eq = text.indexOf('=');
  const key = (eq < 0 ? text : text.slice(0, eq)).trim();
  const value = eq < 0 ? null : text.slice(eq + 1).trim().replace(/^'(.*)'$/, '$1');
  return { kind: 'set', key, value };
}
