// Statement lifecycle over the real server: every state, every endpoint, the
// request validation a workspace does, DML/DDL shapes and the warehouses API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';

let wh;
before(async () => { wh = await startWarehouse(); });
after(async () => { await wh.stop(); });

const SEED = 'SELECT count(1) as trip_count, pickup_zip FROM samples.nyctaxi.trips GROUP BY pickup_zip LIMIT 10';
const get = (id) => wh.api('GET', `/api/2.0/sql/statements/${id}`);
async function pollUntil(id, done) {
  for (let i = 0; i < 200; i++) {
    const r = await get(id);
    if (done(r.body.status.state)) return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('statement did not reach the expected state');
}

test('the seed query, sent as the seed post sends it (unused DATE parameter), succeeds', async () => {
  const r = await wh.execute({ statement: SEED, parameters: [{ name: 'date', value: '2024-01-01', type: 'DATE' }] });
  assert.equal(r.status.state, 'SUCCEEDED');
  assert.deepEqual(r.manifest.schema.columns.map((c) => [c.name, c.type_name, c.type_text]),
    [['trip_count', 'LONG', 'BIGINT'], ['pickup_zip', 'INT', 'INT']]);
  assert.equal(r.result.row_count, 10);
  assert.equal(r.manifest.total_row_count, 10);
  for (const [count, zip] of r.result.data_array) assert.match(count + zip, /^\d+$/);
});

test('named parameters are typed, NULL when the value is missing, and :date works', async () => {
  const r = await wh.execute({
    statement: 'SELECT :d AS d, :n + 1 AS n, :x AS x, :s AS s, :dec AS dec, count(*) AS c FROM samples.nyctaxi.trips WHERE tpep_pickup_datetime >= :d',
    parameters: [{ name: 'd', value: '2016-01-15', type: 'DATE' }, { name: 'n', value: '41', type: 'INT' },
      { name: 'x', type: 'BIGINT' }, { name: 's', value: 'it\'s' }, { name: 'dec', value: '123.45', type: 'DECIMAL(5,2)' }],
  });
  assert.equal(r.status.state, 'SUCCEEDED');
  const [d, n, x, s, dec, c] = r.result.data_array[0];
  assert.deepEqual([d, n, x, s, dec], ['2016-01-15', '42', null, 'it\'s', '123.45']);
  assert.ok(Number(c) > 0 && Number(c) < 2000);
  assert.equal(r.manifest.schema.columns[2].type_name, 'LONG');
});

test('an unbound parameter fails the statement; a ? marker or ordinal parameters are refused', async () => {
  const r = await wh.execute({ statement: 'SELECT :nope' });
  assert.equal(r.status.state, 'FAILED');
  assert.equal(r.status.sql_state, '42P02');
  assert.match(r.status.error.message, /UNBOUND_SQL_PARAMETER.*SQLSTATE: 42P02/);
  for (const body of [{ statement: 'SELECT ?' }, { statement: 'SELECT 1', parameters: [{ ordinal: 1, value: '1', type: 'INT' }] }]) {
    const q = await wh.api('POST', '/api/2.0/sql/statements', { warehouse_id: wh.info.warehouse_id, ...body });
    assert.equal(q.status, 400);
    assert.equal(q.body.error_code, 'INVALID_PARAMETER_VALUE');
  }
});

test('a SQL error is HTTP 200 FAILED with error_code, SQLSTATE in the message and sql_state', async () => {
  const r = await wh.execute({ statement: 'SELEC 1' });
  assert.equal(r.status.state, 'FAILED');
  assert.equal(r.status.error.error_code, 'BAD_REQUEST');
  assert.match(r.status.error.message, /^\[PARSE_SYNTAX_ERROR\] .*SQLSTATE: 42601/);
  assert.equal(r.status.sql_state, '42601');
  // DuckDB takes the SQL standard's temporary tables; Spark's grammar does not.
  const temporary = await wh.execute({ statement: 'CREATE LOCAL TEMPORARY TABLE t (c INT) ON COMMIT PRESERVE ROWS' });
  assert.equal(temporary.status.sql_state, '42601');
  assert.match(temporary.status.error.message, /^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'LOCAL'/);
  const missing = await wh.execute({ statement: 'SELECT * FROM main.default.no_such_table' });
  assert.equal(missing.status.sql_state, '42P01');
  assert.equal((await get(r.statement_id)).body.status.state, 'FAILED');
});

test('wait_timeout 0s returns PENDING at once; polling shows RUNNING, then SUCCEEDED', async () => {
  const r = await wh.execute({ statement: '/*warehouse:pending=0.3*/ /*warehouse:sleep=0.3*/ SELECT 42', wait_timeout: '0s' });
  assert.deepEqual(r, { statement_id: r.statement_id, status: { state: 'PENDING' } });
  await pollUntil(r.statement_id, (s) => s === 'RUNNING');
  const done = await pollUntil(r.statement_id, (s) => s === 'SUCCEEDED');
  assert.deepEqual(done.result.data_array, [['42']]);
});

test('hybrid mode: after wait_timeout a slow statement is returned RUNNING (CONTINUE) or CANCELED (CANCEL)', async () => {
  const t0 = Date.now();
  const cont = await wh.execute({ statement: '/*warehouse:sleep=30*/ SELECT 1', wait_timeout: '5s' });
  assert.equal(cont.status.state, 'RUNNING');
  assert.ok(Date.now() - t0 >= 4900);
  const cancel = await wh.execute({ statement: '/*warehouse:sleep=30*/ SELECT 1', wait_timeout: '5s', on_wait_timeout: 'CANCEL' });
  assert.equal(cancel.status.state, 'CANCELED');
  await wh.api('POST', `/api/2.0/sql/statements/${cont.statement_id}/cancel`);
});

test('cancel stops a sleeping statement and interrupts a running DuckDB query; the server stays responsive', async () => {
  const slow = await wh.execute({ statement: '/*warehouse:sleep=60*/ SELECT 1', wait_timeout: '0s' });
  const heavy = await wh.execute({ statement: 'SELECT count(*) FROM range(100000000000) a', wait_timeout: '0s' });
  await pollUntil(heavy.statement_id, (s) => s === 'RUNNING');
  const quick = await wh.execute({ statement: 'SELECT 7' });
  assert.deepEqual(quick.result.data_array, [['7']]);
  for (const id of [slow.statement_id, heavy.statement_id]) {
    const c = await wh.api('POST', `/api/2.0/sql/statements/${id}/cancel`);
    assert.deepEqual([c.status, c.body], [200, {}]);
    assert.equal((await pollUntil(id, (s) => s !== 'RUNNING' && s !== 'PENDING')).status.state, 'CANCELED');
  }
  const again = await wh.api('POST', `/api/2.0/sql/statements/${slow.statement_id}/cancel`);
  assert.equal(again.status, 200); // cancelling a terminal statement is a no-op
});

test('DELETE closes a statement: CLOSED, chunks no longer fetchable; unknown ids give 404', async () => {
  const r = await wh.execute({ statement: 'SELECT 1' });
  const d = await wh.api('DELETE', `/api/2.0/sql/statements/${r.statement_id}`);
  assert.deepEqual([d.status, d.body], [200, {}]);
  assert.deepEqual((await get(r.statement_id)).body, { statement_id: r.statement_id, status: { state: 'CLOSED' } });
  const chunk = await wh.api('GET', `/api/2.0/sql/statements/${r.statement_id}/result/chunks/0`);
  assert.equal(chunk.status, 400);
  assert.equal(chunk.body.error_code, 'INVALID_STATE');
  for (const [method, p] of [['GET', ''], ['GET', '/result/chunks/0'], ['POST', '/cancel'], ['DELETE', '']]) {
    const u = await wh.api(method, `/api/2.0/sql/statements/00000000-0000-0000-0000-000000000000${p}`);
    assert.equal(u.status, 404, `${method} ${p}`);
    assert.equal(u.body.error_code, 'NOT_FOUND');
  }
});

test('bad requests get 400 INVALID_PARAMETER_VALUE (or MALFORMED_REQUEST), never a crash', async () => {
  const W = wh.info.warehouse_id;
  const cases = [
    { statement: 'SELECT 1', warehouse_id: W, wait_timeout: '3s' },
    { statement: 'SELECT 1', warehouse_id: W, wait_timeout: '51s' },
    { statement: 'SELECT 1', warehouse_id: W, wait_timeout: 'soon' },
    { statement: 'SELECT 1', warehouse_id: W, format: 'ARROW_STREAM' },
    { statement: 'SELECT 1', warehouse_id: W, format: 'CSV', disposition: 'EXTERNAL_LINKS' },
    { statement: 'SELECT 1', warehouse_id: W, disposition: 'SOMEWHERE' },
    { statement: 'SELECT 1', warehouse_id: W, on_wait_timeout: 'WAIT' },
    { statement: 'SELECT 1', warehouse_id: W, row_limit: -1 },
    { statement: 'SELECT 1', warehouse_id: W, parameters: 'x' },
    { statement: 'SELECT :a', warehouse_id: W, parameters: [{ name: 'a', type: 'ARRAY<INT>', value: '1' }] },
    { statement: '', warehouse_id: W },
    { statement: 'SELECT 1' },
  ];
  for (const body of cases) {
    const r = await wh.api('POST', '/api/2.0/sql/statements', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error_code, 'INVALID_PARAMETER_VALUE', JSON.stringify(body));
    assert.ok(r.body.message.length > 10);
  }
  const format = await wh.api('POST', '/api/2.0/sql/statements', cases[3]);
  assert.match(format.body.message, /ARROW_STREAM.*JSON_ARRAY/);
  const raw = await fetch(`${wh.info.url}/api/2.0/sql/statements`, { method: 'POST', headers: { authorization: `Bearer ${wh.info.pat}` }, body: '{"statement":' });
  assert.equal(raw.status, 400);
  assert.equal((await raw.json()).error_code, 'MALFORMED_REQUEST');
  const wrong = await wh.api('POST', '/api/2.0/sql/statements', { statement: 'SELECT 1', warehouse_id: 'nope' });
  assert.deepEqual([wrong.status, wrong.body.error_code], [404, 'RESOURCE_DOES_NOT_EXIST']);
  const unknown = await wh.api('GET', '/api/2.0/sql/nothing');
  assert.deepEqual([unknown.status, unknown.body.error_code], [404, 'ENDPOINT_NOT_FOUND']);
});

test('paths with a trailing slash work, as the JDBC driver sends them', async () => {
  const r = await wh.api('POST', '/api/2.0/sql/statements/', { statement: 'SELECT 1', warehouse_id: wh.info.warehouse_id });
  assert.equal(r.body.status.state, 'SUCCEEDED');
  assert.equal((await wh.api('GET', `/api/2.0/sql/statements/${r.body.statement_id}/`)).status, 200);
});

test('every API call needs a credential: 401 like a workspace', async () => {
  const r = await wh.api('POST', '/api/2.0/sql/statements', { statement: 'SELECT 1', warehouse_id: wh.info.warehouse_id }, { token: null });
  assert.equal(r.status, 401);
  assert.equal(r.body.error_code, 401);
  assert.match(r.headers.get('www-authenticate'), /^Bearer/);
});

test('DDL has column_count 0 and result {}; INSERT/UPDATE/DELETE report affected rows', async () => {
  const ddl = await wh.execute({ statement: 'CREATE TABLE main.default.lifecycle_t (id INT, name STRING)' });
  assert.deepEqual(ddl.manifest, { format: 'JSON_ARRAY', schema: { column_count: 0 }, total_chunk_count: 0, total_row_count: 0, truncated: false });
  assert.deepEqual(ddl.result, {});
  const ins = await wh.execute({ statement: "INSERT INTO main.default.lifecycle_t VALUES (1, 'a'), (2, 'b'), (3, 'c')" });
  assert.deepEqual(ins.manifest.schema.columns.map((c) => [c.name, c.type_name, c.type_text]),
    [['num_affected_rows', 'LONG', 'BIGINT'], ['num_inserted_rows', 'LONG', 'BIGINT']]);
  assert.deepEqual(ins.result.data_array, [['3', '3']]);
  const upd = await wh.execute({ statement: "UPDATE main.default.lifecycle_t SET name = 'z' WHERE id > 1" });
  assert.deepEqual([upd.manifest.schema.column_count, upd.result.data_array], [1, [['2']]]);
  const del = await wh.execute({ statement: 'DELETE FROM main.default.lifecycle_t WHERE id = 1' });
  assert.deepEqual(del.result.data_array, [['1']]);
  const empty = await wh.execute({ statement: 'SELECT * FROM main.default.lifecycle_t WHERE id > 100' });
  assert.deepEqual([empty.manifest.total_chunk_count, empty.manifest.total_row_count, empty.result], [0, 0, {}]);
  assert.equal(empty.manifest.schema.column_count, 2);
});

test('row_limit and byte_limit truncate the result and say so', async () => {
  const rows = await wh.execute({ statement: 'SELECT * FROM range(100)', row_limit: 10 });
  assert.deepEqual([rows.manifest.total_row_count, rows.manifest.truncated], [10, true]);
  const exact = await wh.execute({ statement: 'SELECT * FROM range(10)', row_limit: 10 });
  assert.equal(exact.manifest.truncated, false);
  const bytes = await wh.execute({ statement: 'SELECT * FROM range(1000)', byte_limit: 100 });
  assert.equal(bytes.manifest.truncated, true);
  assert.ok(bytes.manifest.total_row_count > 0 && bytes.manifest.total_row_count < 30);
});

test('GET /api/2.0/sql/warehouses/{id} shows the RUNNING warehouse; an unknown id is 404', async () => {
  const r = await wh.api('GET', `/api/2.0/sql/warehouses/${wh.info.warehouse_id}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.id, wh.info.warehouse_id);
  assert.equal(r.body.state, 'RUNNING');
  assert.equal(r.body.odbc_params.path, wh.info.http_path);
  const u = await wh.api('GET', '/api/2.0/sql/warehouses/0123456789abcdef');
  assert.deepEqual([u.status, u.body.error_code], [404, 'RESOURCE_DOES_NOT_EXIST']);
});
