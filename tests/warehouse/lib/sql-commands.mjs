// Spark SQL commands DuckDB does not speak, answered with Databricks' column
// names: SHOW CATALOGS / SCHEMAS / TABLES / COLUMNS, DESCRIBE [TABLE|QUERY],
// USE [CATALOG|SCHEMA], SET. SHOW commands become SELECTs over the catalog
// macros of catalog-views.mjs; the rest are small command objects for executor.mjs.
import { sqlString, sqlIdent, identName } from './sql-tokens.mjs';
import { SqlError } from './errors.mjs';
import { toDuckCatalog as duckCatalog } from './catalog-views.mjs';

const W = (t) => (t && t.kind === 'word' ? t.text.toUpperCase() : null);
const isOp = (t, op) => t && t.kind === 'op' && t.text === op;
const CURRENT_CATALOG = 'memory.main.dbx_cat(current_database())';

// Returns null (not a command), { sql, bindings } or { command }.
export function commandFor(sig, rewrite) {
  const [a, b] = [W(sig[0]), W(sig[1])];
  if (a === 'SHOW' && b === 'CATALOGS') return { sql: showCatalogs(sig.slice(2)) };
  if (a === 'SHOW' && ['SCHEMAS', 'DATABASES', 'NAMESPACES'].includes(b)) return { sql: showSchemas(sig.slice(2)) };
  if (a === 'SHOW' && b === 'TABLES') return { sql: showTables(sig.slice(2)) };
  if (a === 'SHOW' && b === 'COLUMNS') return { command: showColumns(sig.slice(2)) };
  if (a === 'DESCRIBE' || a === 'DESC') return { command: describe(sig.slice(1), rewrite) };
  if (a === 'USE') return { command: use(sig.slice(1)) };
  if (a === 'SET') return { command: setCommand(sig.slice(1)) };
  return null;
}

// Spark's SHOW … LIKE pattern: '*' is any text, '|' separates alternatives,
// matched case-insensitively as a regular expression over the whole name.
function likeFilter(column, tok) {
  if (!tok) return 'true';
  const value = tok.text.slice(1, -1);
  const regex = value.split('|').map((p) => p.trim().replace(/\*/g, '.*')).join('|');
  return `regexp_full_match(${column}, ${sqlString(`(${regex})`)}, 'i')`;
}

// Reads "[IN|FROM] name [LIKE] ['pattern']" → { parts, pattern }.
function scopeAndPattern(rest) {
  let i = 0;
  let parts = [];
  if (['IN', 'FROM'].includes(W(rest[i]))) {
    i++;
    ({ parts, next: i } = qualifiedName(rest, i));
  }
  if (W(rest[i]) === 'LIKE') i++;
  const pattern = rest[i]?.kind === 'string' ? rest[i] : null;
  return { parts, pattern };
}

function qualifiedName(sig, i) {
  const parts = [];
  while (i < sig.length && identName(sig[i]) !== null) {
    parts.push(identName(sig[i]));
    i++;
    if (!isOp(sig[i], '.')) break;
    i++;
  }
  if (!parts.length) throw new SqlError('PARSE_SYNTAX_ERROR', '42601', `Syntax error at or near '${sig[i]?.text ?? 'end of input'}'.`);
  return { parts, next: i };
}

function showCatalogs(rest) {
  const { pattern } = scopeAndPattern(rest);
  return `SELECT catalog FROM memory.main.dbx_catalogs() WHERE ${likeFilter('catalog', pattern)} ORDER BY 1`;
}

function showSchemas(rest) {
  const { parts, pattern } = scopeAndPattern(rest);
  const catalog = parts.length ? sqlString(parts[0]) : CURRENT_CATALOG;
  return `SELECT schema_name AS databaseName FROM memory.main.dbx_is_schemata(${catalog}) ` +
    `WHERE ${likeFilter('schema_name', pattern)} ORDER BY 1`;
}

function showTables(rest) {
  if (W(rest[0]) === 'IN' && W(rest[1]) === 'CATALOG') return showTablesInCatalog(rest.slice(2));
  const { parts, pattern } = scopeAndPattern(rest);
  const catalog = parts.length === 2 ? sqlString(parts[0]) : 'NULL';
  const schema = parts.length ? sqlString(parts[parts.length - 1]) : 'current_schema()';
  return 'SELECT table_schema AS database, table_name AS tableName, false AS isTemporary ' +
    `FROM memory.main.dbx_is_tables(${catalog}) WHERE table_schema = ${schema} AND ${likeFilter('table_name', pattern)} ORDER BY 2`;
}

// The form Databricks' own JDBC driver sends for getTables():
// SHOW TABLES IN CATALOG c [SCHEMA LIKE 'p'] [LIKE 'p'] (recorded columns).
function showTablesInCatalog(rest) {
  const { parts, next } = qualifiedName(rest, 0);
  let i = next;
  let schemaPattern = null;
  if (W(rest[i]) === 'SCHEMA' && W(rest[i + 1]) === 'LIKE') { schemaPattern = rest[i + 2]; i += 3; }
  const tablePattern = W(rest[i]) === 'LIKE' ? rest[i + 1] : null;
  return 'SELECT table_schema AS namespace, table_name AS tableName, false AS isTemporary, ' +
    'NULL::VARCHAR AS information, table_catalog AS catalogName, ' +
    "CASE table_type WHEN 'VIEW' THEN 'VIEW' ELSE 'TABLE' END AS tableType, coalesce(comment, '') AS remarks " +
    `FROM memory.main.dbx_is_tables(${sqlString(parts[0])}) ` +
    `WHERE ${likeFilter('table_schema', schemaPattern)} AND ${likeFilter('table_name', tablePattern)} ORDER BY 1, 2`;
}

// Quoted DuckDB name of a Spark table reference (catalog.schema.table, schema.table, table).
function tableRef(parts) {
  const mapped = parts.length === 3 ? [duckCatalog(parts[0]), parts[1], parts[2]] : parts;
  return mapped.map(sqlIdent).join('.');
}

function showColumns(rest) {
  if (!['IN', 'FROM'].includes(W(rest[0]))) throw new SqlError('PARSE_SYNTAX_ERROR', '42601', "Syntax error: expected IN or FROM after 'SHOW COLUMNS'.");
  let { parts, next } = qualifiedName(rest, 1);
  if (['IN', 'FROM'].includes(W(rest[next]))) parts = [...qualifiedName(rest, next + 1).parts, ...parts];
  return { kind: 'describe', target: tableRef(parts), columnsOnly: true };
}

function describe(rest, rewrite) {
  if (W(rest[0]) === 'QUERY') return { kind: 'describe', query: rewrite(rest.slice(1), []).sql };
  if (['SELECT', 'WITH', 'VALUES'].includes(W(rest[0]))) return { kind: 'describe', query: rewrite(rest, []).sql };
  let i = 0;
  if (W(rest[i]) === 'TABLE') i++;
  if (['EXTENDED', 'FORMATTED'].includes(W(rest[i]))) i++;
  const { parts } = qualifiedName(rest, i);
  return { kind: 'describe', target: tableRef(parts) };
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
