// The one place that decides how a DuckDB column looks to a Databricks client:
// its manifest entry (type_name, type_text, precision/scale, interval type) and
// the JSON_ARRAY text of each value. Values are rendered in SQL, one
// json_array(...) per row, because that is by far DuckDB's fastest path to JSON
// (see shared/reference/test-infrastructure.md); JS only joins the rows.
//
// Renderings (UNCONFIRMED against a live workspace unless noted, see README):
//   BIGINT → type_name LONG (recorded); VARCHAR → STRING (recorded); NULL → NULL/VOID (recorded)
//   TIMESTAMP (DuckDB TIMESTAMPTZ) → "2021-06-15T12:34:56.789-07:00", session zone, 3 digits (recorded),
//     "Z" for a zero offset (Java's ISO offset style)
//   TIMESTAMP_NTZ (DuckDB TIMESTAMP) → "2021-06-15T12:34:56.789"
//   BINARY → base64; DOUBLE/FLOAT NaN/±Inf → "NaN", "Infinity", "-Infinity"
//   ARRAY / MAP / STRUCT → JSON text; DATE → yyyy-MM-dd; BOOLEAN → true/false
//   INTERVAL → "Y-M" (YEAR TO MONTH) or "D HH:MM:SS.fffffffff" (DAY TO SECOND)
import { DuckDBTypeId as T } from '@duckdb/node-api';

// Scalar DuckDB types → [type_name, type_text].
const SCALARS = {
  [T.BOOLEAN]: ['BOOLEAN', 'BOOLEAN'],
  [T.TINYINT]: ['BYTE', 'TINYINT'], [T.UTINYINT]: ['SHORT', 'SMALLINT'],
  [T.SMALLINT]: ['SHORT', 'SMALLINT'], [T.USMALLINT]: ['INT', 'INT'],
  [T.INTEGER]: ['INT', 'INT'], [T.UINTEGER]: ['LONG', 'BIGINT'],
  [T.BIGINT]: ['LONG', 'BIGINT'], [T.HUGEINT]: ['LONG', 'BIGINT'], // DuckDB's sum() is HUGEINT, Spark's BIGINT
  [T.FLOAT]: ['FLOAT', 'FLOAT'], [T.DOUBLE]: ['DOUBLE', 'DOUBLE'],
  [T.VARCHAR]: ['STRING', 'STRING'], [T.BLOB]: ['BINARY', 'BINARY'], [T.DATE]: ['DATE', 'DATE'],
  [T.TIMESTAMP_TZ]: ['TIMESTAMP', 'TIMESTAMP'],
  [T.TIMESTAMP]: ['TIMESTAMP_NTZ', 'TIMESTAMP_NTZ'], [T.TIMESTAMP_S]: ['TIMESTAMP_NTZ', 'TIMESTAMP_NTZ'],
  [T.TIMESTAMP_MS]: ['TIMESTAMP_NTZ', 'TIMESTAMP_NTZ'], [T.TIMESTAMP_NS]: ['TIMESTAMP_NTZ', 'TIMESTAMP_NTZ'],
  [T.SQLNULL]: ['NULL', 'VOID'], [T.VARIANT]: ['VARIANT', 'VARIANT'],
};

const isJson = (type) => type.alias === 'JSON';

// Databricks manifest text of a type ("ARRAY<INT>", "STRUCT<a: INT, b: STRING>").
export function typeText(type) {
  if (isJson(type)) return 'VARIANT';
  switch (type.typeId) {
    case T.DECIMAL: return `DECIMAL(${type.width},${type.scale})`;
    case T.UBIGINT: return 'DECIMAL(20,0)';
    case T.UHUGEINT: return 'DECIMAL(38,0)';
    case T.LIST: case T.ARRAY: return `ARRAY<${typeText(type.valueType)}>`;
    case T.MAP: return `MAP<${typeText(type.keyType)}, ${typeText(type.valueType)}>`;
    case T.STRUCT: return `STRUCT<${type.entryNames.map((n, i) => `${n}: ${typeText(type.entryTypes[i])}`).join(', ')}>`;
    case T.INTERVAL: return 'INTERVAL DAY TO SECOND';
    default: return SCALARS[type.typeId]?.[1] ?? 'STRING';
  }
}

function typeName(type) {
  if (isJson(type)) return 'VARIANT';
  switch (type.typeId) {
    case T.DECIMAL: case T.UBIGINT: case T.UHUGEINT: return 'DECIMAL';
    case T.LIST: case T.ARRAY: return 'ARRAY';
    case T.MAP: return 'MAP';
    case T.STRUCT: return 'STRUCT';
    case T.INTERVAL: return 'INTERVAL';
    default: return SCALARS[type.typeId]?.[0] ?? 'STRING';
  }
}

// DuckDB turns a bare `SELECT NULL` column into INTEGER; its name is the only trace left.
const looksVoid = (type, name) => type.typeId === T.INTEGER && name === 'NULL';

// Manifest column entry. intervalKind ('YEAR TO MONTH' | 'DAY TO SECOND') comes
// from the data (DuckDB intervals carry no qualifier), see executor.mjs.
export function columnInfo(name, type, position, intervalKind = 'DAY TO SECOND') {
  if (looksVoid(type, name)) return { name, type_text: 'VOID', type_name: 'NULL', position };
  const col = { name, type_text: typeText(type), type_name: typeName(type), position };
  if (col.type_name === 'DECIMAL') {
    const [p, s] = /\((\d+),(\d+)\)/.exec(col.type_text).slice(1).map(Number);
    Object.assign(col, { type_precision: p, type_scale: s });
  }
  if (type.typeId === T.INTERVAL) Object.assign(col, { type_text: `INTERVAL ${intervalKind}`, type_interval_type: intervalKind });
  return col;
}

// DESCRIBE's data_type: Spark's lower-case form without blanks ("struct<a:int,b:string>").
export const describeType = (type) => typeText(type).toLowerCase().replace(/: /g, ':').replace(/, /g, ',');

// SQL expression rendering column reference `ref` (of DuckDB type `type`) as JSON_ARRAY text.
export function renderExpr(type, ref, intervalKind = 'DAY TO SECOND') {
  if (isJson(type)) return `${ref}::VARCHAR`;
  switch (type.typeId) {
    case T.VARCHAR: return ref;
    case T.BLOB: return `base64(${ref})`;
    case T.FLOAT: case T.DOUBLE: return `memory.main.dbx_float(${ref})`;
    // DuckDB writes DECIMAL(4,4) zero as ".0000"; Spark writes "0.0000".
    case T.DECIMAL: return type.width === type.scale ? `regexp_replace(${ref}::VARCHAR, '^(-?)\\.', '\\10.')` : `${ref}::VARCHAR`;
    case T.TIMESTAMP_TZ: return `memory.main.dbx_ts(${ref})`;
    case T.TIMESTAMP: case T.TIMESTAMP_S: case T.TIMESTAMP_MS: case T.TIMESTAMP_NS:
      return `strftime(${ref}::TIMESTAMP, '%Y-%m-%dT%H:%M:%S.%g')`;
    case T.LIST: case T.ARRAY: case T.MAP: case T.STRUCT: return `to_json(${ref})::VARCHAR`;
    case T.INTERVAL: return intervalKind === 'YEAR TO MONTH' ? `memory.main.dbx_iv_ym(${ref})` : `memory.main.dbx_iv_dt(${ref})`;
    case T.SQLNULL: return 'NULL::VARCHAR';
    default: return `${ref}::VARCHAR`;
  }
}

// Wraps a row-returning query so each row comes back as one JSON array text.
// Columns are renamed positionally (q(c0, c1, …)) so duplicate names are harmless;
// the newline keeps a trailing "-- comment" in the user's SQL from eating the ")".
export function rowJsonQuery(sql, types, { limit = null, intervalKinds = [] } = {}) {
  const refs = types.map((_, i) => `c${i}`);
  const exprs = types.map((t, i) => renderExpr(t, refs[i], intervalKinds[i]));
  return `SELECT json_array(${exprs.join(', ')})::VARCHAR FROM (\n${sql}\n) AS q(${refs.join(', ')})` +
    (limit === null ? '' : ` LIMIT ${limit}`);
}

// Month-only intervals are YEAR TO MONTH; anything with days or time is DAY TO SECOND.
export function intervalKindQuery(sql, count, index) {
  const c = `c${index}`;
  const timeless = ['day', 'hour', 'minute', 'microsecond'].map((p) => `datepart('${p}', ${c}) = 0`).join(' AND ');
  const cols = Array.from({ length: count }, (_, i) => `c${i}`).join(', ');
  return `SELECT coalesce(bool_and(${c} IS NULL OR (${timeless})), false) FROM (\n${sql}\n) AS q(${cols})`;
}

// Values of statements that cannot be wrapped in a SELECT (EXPLAIN, PRAGMA, CALL).
export const renderJsValue = (v) => (v === null || v === undefined ? null : String(v));

// Macros the expressions above use; installed once into the in-memory catalog.
export const RENDER_MACROS = [
  `CREATE OR REPLACE MACRO memory.main.dbx_offset(s) AS CASE WHEN s = 0 THEN 'Z' ELSE
     printf('%s%02d:%02d', CASE WHEN s < 0 THEN '-' ELSE '+' END, abs(s) // 3600, abs(s) % 3600 // 60) END`,
  `CREATE OR REPLACE MACRO memory.main.dbx_ts(c) AS
     strftime(c, '%Y-%m-%dT%H:%M:%S.%g') || memory.main.dbx_offset(date_part('timezone', c))`,
  `CREATE OR REPLACE MACRO memory.main.dbx_float(x) AS CASE WHEN isnan(x) THEN 'NaN'
     WHEN isinf(x) THEN CASE WHEN x > 0 THEN 'Infinity' ELSE '-Infinity' END ELSE x::VARCHAR END`,
  `CREATE OR REPLACE MACRO memory.main.dbx_iv_ym_months(m) AS
     CASE WHEN m < 0 THEN '-' ELSE '' END || (abs(m) // 12)::VARCHAR || '-' || (abs(m) % 12)::VARCHAR`,
  `CREATE OR REPLACE MACRO memory.main.dbx_iv_ym(c) AS memory.main.dbx_iv_ym_months(datepart('year', c) * 12 + datepart('month', c))`,
  `CREATE OR REPLACE MACRO memory.main.dbx_iv_dt_us(u) AS printf('%s%d %02d:%02d:%02d.%06d000',
     CASE WHEN u < 0 THEN '-' ELSE '' END, abs(u) // 86400000000, abs(u) // 3600000000 % 24,
     abs(u) // 60000000 % 60, abs(u) // 1000000 % 60, abs(u) % 1000000)`,
  `CREATE OR REPLACE MACRO memory.main.dbx_iv_dt(c) AS memory.main.dbx_iv_dt_us(
     (datepart('year', c) * 360 + datepart('month', c) * 30 + datepart('day', c))::HUGEINT * 86400000000
     + datepart('hour', c)::HUGEINT * 3600000000 + datepart('minute', c)::HUGEINT * 60000000 + datepart('microsecond', c))`,
];

// Databricks type text for DuckDB's type text, for information_schema (SQL side).
export const DUCK_TYPE_TEXT_SQL = `CASE
  WHEN t = 'VARCHAR' THEN 'STRING' WHEN t = 'INTEGER' THEN 'INT' WHEN t = 'BLOB' THEN 'BINARY'
  WHEN t = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP' WHEN t = 'TIMESTAMP' THEN 'TIMESTAMP_NTZ'
  WHEN t = 'HUGEINT' THEN 'BIGINT' WHEN t = 'JSON' THEN 'VARIANT' WHEN t = 'INTERVAL' THEN 'INTERVAL DAY TO SECOND'
  ELSE t END`;
