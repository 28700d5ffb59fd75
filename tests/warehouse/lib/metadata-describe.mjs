// DESCRIBE TABLE [EXTENDED] t [col] [AS JSON] and SHOW COLUMNS IN t, as command
// objects: the target is looked up when the statement runs (it depends on the
// statement's catalog and schema) and the answer is a VALUES query for the
// executor to stream like any result.
//
// Spark's report layout: one (col_name, data_type, comment) row per column, the
// comment NULL when there is none; EXTENDED adds an empty row, "# Detailed Table
// Information" and key/value rows whose comment is ''; partition columns and
// informational keys get their own "#" sections. AS JSON (EXTENDED only) answers
// one json_metadata row in the describe-as-JSON format.
import { sqlString, sqlIdent } from './sql-tokens.mjs';
import { SqlError } from './errors.mjs';
import { parseDuckType, ddlText, jsonType } from './metadata-types.mjs';
import { resolveName, findRelation, tableNotFound } from './metadata-ddl.mjs';
import { META_DBS } from './catalog-views.mjs';

const rowsOf = async (con, sql) => (await con.runAndReadAll(sql)).getRows();

// Rows of strings (or null) → a SELECT over VALUES with STRING columns.
export function valuesQuery(rows, names) {
  if (!rows.length) return `SELECT ${names.map((n) => `NULL::VARCHAR AS ${sqlIdent(n)}`).join(', ')} WHERE false`;
  const values = rows.map((r) => `(${r.map((v) => (v === null || v === undefined ? 'NULL::VARCHAR' : sqlString(v))).join(', ')})`);
  return `SELECT * FROM (VALUES ${values.join(', ')}) AS v(${names.map(sqlIdent).join(', ')})`;
}

async function describeTarget(con, parts) {
  const rel = await findRelation(con, await resolveName(con, parts));
  if (!rel) throw tableNotFound(parts);
  const where = `database_name = ${sqlString(rel.db)} AND schema_name = ${sqlString(rel.schema)} AND table_name = ${sqlString(rel.name)}`;
  // A declared CHAR(n) / VARCHAR(n) replaces DuckDB's VARCHAR (metadata-char-varchar.mjs).
  const declared = META_DBS.includes(rel.db) ? `SELECT column_name, type_text FROM ${sqlIdent(rel.db)}.main.dbx_column_types
    WHERE lower(schema_name) = lower(${sqlString(rel.schema)}) AND lower(table_name) = lower(${sqlString(rel.name)})`
    : 'SELECT NULL::VARCHAR AS column_name, NULL::VARCHAR AS type_text WHERE false';
  const columns = (await rowsOf(con, `SELECT c.column_name, coalesce(d.type_text, c.data_type), c.is_nullable, c.comment
    FROM duckdb_columns() c LEFT JOIN (${declared}) d ON lower(d.column_name) = lower(c.column_name) WHERE ${where} ORDER BY column_index`))
    .map(([name, type, nullable, comment]) => ({ name, type: parseDuckType(type), nullable, comment }));
  const [info] = await rowsOf(con, `SELECT comment, strftime(created AT TIME ZONE 'UTC', '%a %b %d %H:%M:%S UTC %Y'),
      strftime(created AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'), storage_path, view_text, partition_cols, table_type
    FROM memory.main.dbx_relations() WHERE db = ${sqlString(rel.db)} AND table_schema = ${sqlString(rel.schema)} AND table_name = ${sqlString(rel.name)}`);
  const props = (await rowsOf(con, `SELECT properties FROM ${sqlIdent(rel.db)}.main.dbx_relations
    WHERE schema_name = ${sqlString(rel.schema)} AND table_name = ${sqlString(rel.name)}`).catch(() => []))[0]?.[0];
  const keys = (await rowsOf(con, `SELECT constraint_name, constraint_type, columns, ref_catalog, ref_schema, ref_table, ref_columns
    FROM memory.main.dbx_keys() WHERE catalog = ${sqlString(rel.catalog)} AND table_schema = ${sqlString(rel.schema)}
    AND table_name = ${sqlString(rel.name)} ORDER BY constraint_type DESC, constraint_name`))
    .map(([name, type, cols, rc, rs, rt, rcols]) => ({ name, type, columns: cols.items, ref: rt ? { parts: [rc, rs, rt], columns: rcols.items } : null }));
  const parsedProps = props ? JSON.parse(props) : { properties: [], provider: null };
  return {
    rel, columns, keys, comment: info[0], createdText: info[1], createdIso: info[2], location: info[3], viewText: info[4],
    partitions: info[5].items, type: info[6], properties: parsedProps.properties, provider: parsedProps.provider ?? 'delta',
  };
}

const bt = (names) => names.map((n) => `\`${n}\``).join(', ');
const keyText = (k) => (k.type === 'PRIMARY KEY' ? `PRIMARY KEY (${bt(k.columns)})`
  : `FOREIGN KEY (${bt(k.columns)}) REFERENCES ${k.ref.parts.map((p) => `\`${p}\``).join('.')} (${bt(k.ref.columns)})`);

// opts: { parts, extended, json, column }
export function describeTableCommand(opts) {
  return {
    kind: 'meta',
    async run(con) {
      const d = await describeTarget(con, opts.parts);
      if (opts.json) return { sql: valuesQuery([[JSON.stringify(describeJson(d))]], ['json_metadata']) };
      if (opts.column) return { sql: describeColumn(d, opts.column) };
      return { sql: valuesQuery(describeRows(d, opts.extended), ['col_name', 'data_type', 'comment']) };
    },
  };
}

function describeRows(d, extended) {
  const rows = d.columns.map((c) => [c.name, ddlText(c.type), c.comment]);
  if (d.partitions.length) {
    rows.push(['# Partition Information', '', ''], ['# col_name', 'data_type', 'comment']);
    for (const p of d.partitions) {
      const c = d.columns.find((x) => x.name.toLowerCase() === p.toLowerCase());
      if (c) rows.push([c.name, ddlText(c.type), c.comment]);
    }
  }
  if (!extended) return rows;
  const isView = d.type === 'VIEW';
  rows.push(['', '', ''], ['# Detailed Table Information', '', ''],
    ['Catalog', d.rel.catalog, ''], ['Database', d.rel.schema, ''], ['Table', d.rel.name, ''],
    ['Created Time', d.createdText, ''], ['Last Access', 'UNKNOWN', ''], ['Created By', 'Spark ', ''], ['Type', d.type, '']);
  if (d.comment !== null) rows.push(['Comment', d.comment, '']);
  if (isView) rows.push(['View Text', d.viewText ?? '', ''], ['View Original Text', d.viewText ?? '', '']);
  if (d.location) rows.push(['Location', d.location, '']);
  if (!isView) rows.push(['Provider', d.provider, '']);
  rows.push(['Owner', ['samples'].includes(d.rel.catalog) ? 'System user' : 'user@example.com', '']);
  if (d.type === 'MANAGED') rows.push(['Is_managed_location', 'true', '']);
  if (d.properties.length) rows.push(['Table Properties', `[${d.properties.map(([k, v]) => `${k}=${v}`).join(',')}]`, '']);
  if (d.keys.length) {
    rows.push(['', '', ''], ['# Constraints', '', '']);
    for (const k of d.keys) rows.push([k.name, keyText(k), '']);
  }
  return rows;
}

// DESCRIBE t col: Spark's (info_name, info_value) rows for one column.
function describeColumn(d, name) {
  const c = d.columns.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!c) {
    throw new SqlError('UNRESOLVED_COLUMN.WITH_SUGGESTION', '42703', `A column, variable, or function parameter with name \`${name}\` cannot be resolved. Did you mean one of the following? [${d.columns.map((x) => `\`${x.name}\``).join(', ')}].`);
  }
  return valuesQuery([['col_name', c.name], ['data_type', ddlText(c.type)], ['comment', c.comment ?? 'NULL']], ['info_name', 'info_value']);
}

function describeJson(d) {
  const out = {
    table_name: d.rel.name, catalog_name: d.rel.catalog, schema_name: d.rel.schema, namespace: [d.rel.schema], type: d.type,
  };
  if (d.type !== 'VIEW') out.provider = d.provider;
  out.columns = d.columns.map((c) => ({ name: c.name, type: jsonType(c.type), ...(c.comment !== null ? { comment: c.comment } : {}), nullable: c.nullable }));
  if (d.partitions.length) out.partition_columns = d.partitions;
  if (d.location) out.location = d.location;
  if (d.type === 'VIEW') Object.assign(out, { view_text: d.viewText, view_original_text: d.viewText });
  out.owner = d.rel.catalog === 'samples' ? 'System user' : 'user@example.com';
  if (d.comment !== null) out.comment = d.comment;
  if (d.properties.length) out.table_properties = Object.fromEntries(d.properties);
  Object.assign(out, { created_time: d.createdIso, created_by: 'Spark ', last_access: 'UNKNOWN' });
  if (d.keys.length) out.table_constraints = d.keys.map((k) => ({ name: k.name, definition: keyText(k) }));
  return out;
}

// SHOW COLUMNS { IN | FROM } t [{ IN | FROM } schema] → col_name.
export function showColumnsCommand(parts) {
  return {
    kind: 'meta',
    async run(con) {
      const d = await describeTarget(con, parts);
      return { sql: valuesQuery(d.columns.map((c) => [c.name]), ['col_name']) };
    },
  };
}
