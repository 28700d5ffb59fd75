// Runs one statement on its own DuckDB connection and streams its rows into
// chunk files. Returns { columns, chunks, totalRows, totalBytes, truncated }
// (columns = [] for DDL). Throws SqlError for failures; the caller's AbortSignal
// interrupts DuckDB (cancel).
import { StatementType as ST, DuckDBTypeId } from '@duckdb/node-api';
import { translate } from './sql-translate.mjs';
import { columnInfo, rowJsonQuery, intervalKindQuery, describeType, renderJsValue } from './render.mjs';
import { sqlIdent, sqlString } from './sql-tokens.mjs';
import { toDuckCatalog, refreshCatalog } from './catalog-views.mjs';
import { fromDuckDb, SqlError } from './errors.mjs';

const DML = new Set([ST.INSERT, ST.UPDATE, ST.DELETE, ST.MERGE_INTO]);
const ROWS_NOT_WRAPPABLE = new Set([ST.EXPLAIN, ST.PRAGMA, ST.CALL]);
const DDL_RESULT = { columns: [], chunks: [], totalRows: 0, totalBytes: 0, truncated: false };

// ctx: { db, timeZone, writer: () => ChunkWriter, rowLimit, signal }
export async function execute(request, ctx) {
  const translated = translate(request.statement, request.parameters, { user: request.user });
  const con = await ctx.db.connect({ timeZone: ctx.timeZone });
  if (ctx.signal.aborted) { con.closeSync(); throw new Error('INTERRUPT: canceled before it ran'); }
  const interrupt = () => con.interrupt();
  ctx.signal.addEventListener('abort', interrupt);
  try {
    await useCatalogAndSchema(con, request.catalog, request.schema);
    const cmd = translated.command;
    if (!cmd) return await runSql(con, translated.sql, translated.bindings, ctx);
    if (cmd.kind === 'use') { await con.run(cmd.sql); return DDL_RESULT; }
    if (cmd.kind === 'set') return await runSql(con, valuesSql([[cmd.key, cmd.value]], ['key', 'value']), {}, ctx);
    // Metadata commands (sql-commands.mjs, metadata-*.mjs) do their own work and may answer with a query.
    if (cmd.kind === 'meta') {
      const out = await cmd.run(con);
      return out ? await runSql(con, out.sql, {}, ctx) : DDL_RESULT;
    }
    return await runSql(con, await describeSql(con, cmd), {}, ctx);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    throw fromDuckDb(err, request.statement);
  } finally {
    ctx.signal.removeEventListener('abort', interrupt);
    con.closeSync();
  }
}

// The request's catalog/schema, like USE CATALOG / USE SCHEMA. Without a schema,
// Databricks uses `default`; a catalog without one (samples) falls back to its first schema.
async function useCatalogAndSchema(con, catalog, schema) {
  if (!catalog && !schema) return;
  const cat = catalog ? `${sqlIdent(toDuckCatalog(catalog))}.` : '';
  try {
    await con.run(`USE ${cat}${sqlIdent(schema ?? 'default')}`);
  } catch (err) {
    if (schema || !catalog) throw notFound(catalog, schema, err);
    const first = await con.runAndReadAll(`SELECT schema_name FROM memory.main.dbx_schemas() WHERE catalog_name = lower(${sqlString(catalog)}) AND schema_name <> 'information_schema' ORDER BY 1 LIMIT 1`);
    if (!first.getRows().length) throw notFound(catalog, schema, err);
    await con.run(`USE ${cat}${sqlIdent(first.getRows()[0][0])}`);
  }
}

function notFound(catalog, schema, err) {
  if (/Catalog/i.test(err.message)) return new SqlError('NO_SUCH_CATALOG_EXCEPTION', '42704', `Catalog '${catalog}' was not found.`);
  return new SqlError('SCHEMA_NOT_FOUND', '42704', `The schema \`${catalog ? `${catalog}.` : ''}${schema ?? 'default'}\` cannot be found.`);
}

async function runSql(con, sql, bindings, ctx) {
  const prepared = await con.prepare(sql);
  if (Object.keys(bindings).length) prepared.bind(bindings);
  const type = prepared.statementType;
  if (type === ST.SELECT) return streamRows(con, prepared, sql, bindings, ctx);
  const result = await prepared.run();
  // DDL that reached DuckDB directly may have changed what the metadata views show.
  if (!DML.has(type) && !ROWS_NOT_WRAPPABLE.has(type)) await refreshCatalog(con);
  if (DML.has(type)) {
    const count = String((await result.getRows())[0]?.[0] ?? 0);
    const names = type === ST.INSERT ? ['num_affected_rows', 'num_inserted_rows'] : ['num_affected_rows'];
    const longType = { typeId: DuckDBTypeId.BIGINT };
    return writeRows(names.map((n, i) => columnInfo(n, longType, i)), [names.map(() => count)], ctx);
  }
  if (ROWS_NOT_WRAPPABLE.has(type) && result.columnCount > 0) {
    const columns = result.columnNames().map((n, i) => columnInfo(n, result.columnType(i), i));
    return writeRows(columns, (await result.getRows()).map((r) => r.map(renderJsValue)), ctx);
  }
  return DDL_RESULT;
}

async function writeRows(columns, rows, ctx) {
  const writer = ctx.writer();
  for (const row of rows) writer.add(JSON.stringify(row));
  return { columns, ...(await writer.finish()) };
}

async function streamRows(con, prepared, sql, bindings, ctx) {
  const count = prepared.columnCount;
  const types = Array.from({ length: count }, (_, i) => prepared.columnType(i));
  const intervalKinds = await intervalKindsOf(con, sql, bindings, types);
  const columns = types.map((t, i) => columnInfo(prepared.columnName(i), t, i, intervalKinds[i]));
  const limit = ctx.rowLimit ?? null;
  const wrapped = await con.prepare(rowJsonQuery(sql, types, { limit: limit === null ? null : limit + 1, intervalKinds }));
  if (Object.keys(bindings).length) wrapped.bind(bindings);
  const stream = await wrapped.stream();
  const writer = ctx.writer();
  let rows = 0;
  reading: for (let chunk = await stream.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await stream.fetchChunk()) {
    for (const row of chunk.getColumnValues(0)) {
      if (limit !== null && rows === limit) { writer.truncated = true; break reading; }
      if (!writer.add(row)) break reading;
      rows++;
    }
    await writer.drain();
    if (ctx.signal.aborted) throw new Error('INTERRUPT: canceled');
  }
  return { columns, ...(await writer.finish()) };
}

async function intervalKindsOf(con, sql, bindings, types) {
  const kinds = [];
  for (let i = 0; i < types.length; i++) {
    if (types[i].typeId !== DuckDBTypeId.INTERVAL) continue;
    const p = await con.prepare(intervalKindQuery(sql, types.length, i));
    if (Object.keys(bindings).length) p.bind(bindings);
    kinds[i] = (await (await p.run()).getRows())[0][0] ? 'YEAR TO MONTH' : 'DAY TO SECOND';
  }
  return kinds;
}

function valuesSql(rows, names) {
  const values = rows.map((r) => `(${r.map((v) => (v === null ? 'NULL::VARCHAR' : sqlString(v))).join(', ')})`);
  return `SELECT * FROM (VALUES ${values.join(', ')}) AS v(${names.map(sqlIdent).join(', ')})`;
}

// DESCRIBE TABLE / DESCRIBE QUERY / SHOW COLUMNS: Spark's col_name, data_type, comment.
async function describeSql(con, cmd) {
  const probe = await con.prepare(cmd.query ?? `SELECT * FROM ${cmd.target}`);
  const cols = Array.from({ length: probe.columnCount }, (_, i) => [probe.columnName(i), describeType(probe.columnType(i)), null]);
  if (cmd.columnsOnly) return valuesSql(cols.map((c) => [c[0]]), ['col_name']);
  return valuesSql(cols, ['col_name', 'data_type', 'comment']);
}
