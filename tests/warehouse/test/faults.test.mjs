// Fault injection (/_warehouse/faults) and the request log: each fault kind,
// and that none of it exists without --faults.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startWarehouse } from '../lib/harness.mjs';

let wh;
before(async () => { wh = await startWarehouse(['--faults']); });
after(async () => { await wh.stop(); });

const addFault = async (rule) => {
  const r = await wh.admin('POST', 'faults', rule);
  assert.equal(r.status, 200, r.text);
  return r.body;
};
const select1 = () => wh.api('POST', '/api/2.0/sql/statements', { statement: 'SELECT 1', warehouse_id: wh.info.warehouse_id });

// Raw GET that reports what arrived even when the connection is cut mid-body.
const rawGet = (url, headers) => new Promise((resolve) => {
  http.get(url, { headers }, (res) => {
    const parts = [];
    res.on('data', (b) => parts.push(b));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts), complete: true }));
    res.on('error', () => resolve({ status: res.statusCode, body: Buffer.concat(parts), complete: false }));
    res.on('aborted', () => resolve({ status: res.statusCode, body: Buffer.concat(parts), complete: false }));
  }).on('error', (err) => resolve({ error: err }));
});

test('status faults: 429 and 503 with Retry-After, 500 without, for the next N matching requests', async () => {
  await addFault({ method: 'POST', path: '/api/2.0/sql/statements', status: 429, retry_after: 2, count: 2 });
  for (let i = 0; i < 2; i++) {
    const r = await select1();
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '2');
    assert.equal(r.body.error_code, 'TOO_MANY_REQUESTS');
  }
  assert.equal((await select1()).status, 200);
  await addFault({ path: '/statements', status: 503, retry_after: 1 });
  const u = await select1();
  assert.deepEqual([u.status, u.headers.get('retry-after'), u.body.error_code], [503, '1', 'TEMPORARILY_UNAVAILABLE']);
  await addFault({ path: '/statements', status: 500 });
  const e = await select1();
  assert.deepEqual([e.status, e.headers.get('retry-after'), e.body.error_code], [500, null, 'INTERNAL_ERROR']);
  assert.deepEqual((await wh.admin('GET', 'faults')).body, { faults: [] }); // all used up
});

test('delay fault: the response arrives late but intact', async () => {
  await addFault({ path: '/api/2.0/sql/warehouses', delay_ms: 400 });
  const t0 = Date.now();
  const r = await wh.api('GET', `/api/2.0/sql/warehouses/${wh.info.warehouse_id}`);
  assert.equal(r.status, 200);
  assert.ok(Date.now() - t0 >= 380);
});

test('drop fault: the connection closes half-way through the body', async () => {
  await addFault({ path: '/api/2.0/sql/warehouses', drop: true });
  const r = await rawGet(`${wh.info.url}/api/2.0/sql/warehouses/${wh.info.warehouse_id}`, { authorization: `Bearer ${wh.info.pat}` });
  assert.equal(r.status, 200);
  assert.equal(r.complete, false);
  assert.equal((await wh.api('GET', '/api/2.0/sql/warehouses')).status, 200); // the fault is used up
});

test('truncate and malformed faults: HTTP 200 with a body that is not valid JSON', async () => {
  await addFault({ method: 'POST', path: '/api/2.0/sql/statements', truncate: true });
  const t = await select1();
  assert.equal(t.status, 200);
  assert.equal(t.body, null);
  assert.ok(t.text.startsWith('{"statement_id"'));
  await addFault({ method: 'POST', path: '/api/2.0/sql/statements', malformed: true });
  const m = await select1();
  assert.equal(m.status, 200);
  assert.equal(m.body, null);
});

test('storage faults: an expired or forbidden link answers 403; then the link works', async () => {
  const r = await wh.execute({ statement: 'SELECT * FROM range(10)', disposition: 'EXTERNAL_LINKS' });
  const url = r.result.external_links[0].external_link;
  await addFault({ target: 'storage', storage: 'expired' });
  const expired = await fetch(url);
  assert.equal(expired.status, 403);
  assert.match(await expired.text(), /expired/);
  await addFault({ target: 'storage', storage: 'forbidden' });
  assert.equal((await fetch(url)).status, 403);
  await addFault({ target: 'storage', status: 503, retry_after: 1 });
  const busy = await fetch(url);
  assert.deepEqual([busy.status, busy.headers.get('retry-after')], [503, '1']);
  assert.equal((await fetch(url)).status, 200);
});

test('fail_statement: the next matching statement FAILS with the given SQLSTATE', async () => {
  await addFault({ fail_statement: { sql_state: '40001', message: 'Concurrent update. SQLSTATE: 40001' }, statement_contains: 'trips' });
  const other = await wh.execute({ statement: 'SELECT 2' });
  assert.equal(other.status.state, 'SUCCEEDED');
  const r = await wh.execute({ statement: 'SELECT count(*) FROM samples.nyctaxi.trips' });
  assert.equal(r.status.state, 'FAILED');
  assert.equal(r.status.sql_state, '40001');
  assert.match(r.status.error.message, /SQLSTATE: 40001/);
  assert.equal((await wh.execute({ statement: 'SELECT count(*) FROM samples.nyctaxi.trips' })).status.state, 'SUCCEEDED');
});

test('end_state CANCELED: the next matching statement is canceled by the server', async () => {
  await addFault({ end_state: 'CANCELED', statement_contains: 'range(7)' });
  const r = await wh.execute({ statement: 'SELECT * FROM range(7)' });
  assert.equal(r.status.state, 'CANCELED');
  assert.equal(r.manifest, undefined);
  assert.equal((await wh.execute({ statement: 'SELECT * FROM range(7)' })).status.state, 'SUCCEEDED');
});

test('end_state CLOSED: the result is closed once an answer has carried it', async () => {
  await addFault({ end_state: 'CLOSED' });
  const r = await wh.execute({ statement: 'SELECT * FROM range(10)', disposition: 'INLINE' });
  assert.equal(r.status.state, 'SUCCEEDED');
  assert.equal(r.result.data_array.length, 10);
  const poll = await wh.api('GET', `/api/2.0/sql/statements/${r.statement_id}`);
  assert.equal(poll.body.status.state, 'CLOSED');
  const chunk = await wh.api('GET', `/api/2.0/sql/statements/${r.statement_id}/result/chunks/0`);
  assert.deepEqual([chunk.status, chunk.body.error_code], [400, 'INVALID_STATE']);
});

test('misreport_rows: the manifest\'s total_row_count is off by the given number', async () => {
  await addFault({ misreport_rows: 5 });
  const r = await wh.execute({ statement: 'SELECT * FROM range(10)' });
  assert.equal(r.manifest.total_row_count, 15);
  assert.equal(r.result.data_array.length, 10);
  assert.equal((await wh.execute({ statement: 'SELECT * FROM range(10)' })).manifest.total_row_count, 10);
});

test('request log: method, path, Authorization presence and storage request headers', async () => {
  await wh.admin('DELETE', 'requests');
  const r = await wh.execute({ statement: 'SELECT 1', disposition: 'EXTERNAL_LINKS' });
  await fetch(r.result.external_links[0].external_link, { headers: { 'x-test': 'yes' } });
  await fetch(r.result.external_links[0].external_link, { headers: { authorization: 'Bearer secret-value' } });
  const log = (await wh.admin('GET', 'requests')).body.requests;
  const api = log.filter((e) => e.listener === 'api');
  assert.deepEqual(api.map((e) => [e.method, e.path, e.has_authorization, e.status]), [['POST', '/api/2.0/sql/statements', true, 200]]);
  const storage = log.filter((e) => e.listener === 'storage');
  assert.deepEqual(storage.map((e) => [e.method, e.has_authorization, e.status]), [['GET', false, 200], ['GET', true, 400]]);
  assert.equal(storage[0].headers['x-test'], 'yes');
  assert.ok(!storage[0].path.includes('Signature'), 'presigned query strings are not logged');
  assert.ok(!JSON.stringify(log).includes('secret-value'), 'Authorization values are not logged');
  const since = log[log.length - 1].seq;
  assert.deepEqual((await wh.admin('GET', `requests?since=${since}`)).body.requests, []);
});

test('bad fault rules are refused with 400', async () => {
  for (const rule of [{}, { status: 200 }, { status: 503, drop: true }, { storage: 'gone' }, { status: 503, count: 0 },
    { end_state: 'FAILED' }, { misreport_rows: 0 }, { target: 'api', end_state: 'CANCELED' }]) {
    const r = await wh.admin('POST', 'faults', rule);
    assert.equal(r.status, 400, JSON.stringify(rule));
  }
});

test('without --faults the admin API does not exist', async () => {
  const plain = await startWarehouse();
  try {
    for (const p of ['faults', 'requests', 'config']) {
      const r = await plain.admin('GET', p);
      assert.equal(r.status, 404);
    }
    assert.equal((await plain.admin('POST', 'faults', { status: 500 })).status, 404);
  } finally {
    await plain.stop();
  }
});
