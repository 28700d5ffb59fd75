// Chunked results in both dispositions: INLINE chunks linked by
// next_chunk_internal_link, EXTERNAL_LINKS served by the storage listener
// (no Authorization, expiry, http_headers, fresh links), and the 25 MiB INLINE limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';

let wh;
before(async () => { wh = await startWarehouse(['--rows-per-chunk', '1000', '--faults']); });
after(async () => { await wh.stop(); });

const RANGE = 'SELECT i AS id, \'row \' || i AS s FROM range(2500) t(i) ORDER BY i';
const chunk = (id, n) => wh.api('GET', `/api/2.0/sql/statements/${id}/result/chunks/${n}`);
const download = (link, headers = {}) => fetch(link.external_link, { headers: { ...(link.http_headers ?? {}), ...headers } });
const setConfig = (cfg) => wh.admin('POST', 'config', cfg);

test('INLINE: rows are split by --rows-per-chunk and linked by next_chunk_internal_link', async () => {
  const r = await wh.execute({ statement: RANGE });
  assert.equal(r.manifest.total_chunk_count, 3);
  assert.deepEqual(r.manifest.chunks, [
    { chunk_index: 0, row_offset: 0, row_count: 1000 },
    { chunk_index: 1, row_offset: 1000, row_count: 1000 },
    { chunk_index: 2, row_offset: 2000, row_count: 500 }]);
  assert.equal(r.manifest.total_byte_count, undefined); // not available for INLINE
  let result = r.result;
  const rows = [...result.data_array];
  assert.equal(result.next_chunk_index, 1);
  while (result.next_chunk_internal_link) {
    const next = await wh.api('GET', result.next_chunk_internal_link);
    assert.equal(next.status, 200);
    result = next.body;
    assert.equal(result.statement_id, undefined); // the chunk endpoint returns the result object itself
    rows.push(...result.data_array);
  }
  assert.equal(result.chunk_index, 2);
  assert.equal(result.next_chunk_index, undefined);
  assert.deepEqual(rows.map((x) => Number(x[0])), Array.from({ length: 2500 }, (_, i) => i));
  assert.deepEqual(rows[2499], ['2499', 'row 2499']);
  const outOfRange = await chunk(r.statement_id, 3);
  assert.deepEqual([outOfRange.status, outOfRange.body.error_code], [400, 'INVALID_PARAMETER_VALUE']);
});

test('EXTERNAL_LINKS: presigned links download without Authorization; any chunk, any order', async () => {
  const r = await wh.execute({ statement: RANGE, disposition: 'EXTERNAL_LINKS' });
  assert.equal(r.manifest.total_chunk_count, 3);
  assert.ok(r.manifest.total_byte_count > 0);
  assert.equal(r.manifest.chunks.reduce((n, c) => n + c.byte_count, 0), r.manifest.total_byte_count);
  const [link0] = r.result.external_links;
  assert.equal(link0.next_chunk_index, 1);
  assert.equal(link0.next_chunk_internal_link, `/api/2.0/sql/statements/${r.statement_id}/result/chunks/1`);
  assert.ok(link0.external_link.startsWith(wh.info.storage_url));
  assert.match(link0.expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(Date.parse(link0.expiration) > Date.now() + 14 * 60_000); // default 15 minutes
  const c2 = await chunk(r.statement_id, 2);
  assert.deepEqual(Object.keys(c2.body), ['external_links']);
  const [link2] = c2.body.external_links;
  assert.deepEqual([link2.chunk_index, link2.row_offset, link2.row_count, link2.next_chunk_index], [2, 2000, 500, undefined]);
  const res = await download(link2);
  assert.equal(res.status, 200);
  const body = Buffer.from(await res.arrayBuffer());
  assert.equal(body.length, link2.byte_count);
  const data = JSON.parse(body);
  assert.deepEqual([data.length, data[0], data[499]], [500, ['2000', 'row 2000'], ['2499', 'row 2499']]);
});

test('storage refuses Authorization headers and tampered links; the chunk endpoint gives fresh links', async () => {
  const r = await wh.execute({ statement: RANGE, disposition: 'EXTERNAL_LINKS' });
  const [link] = r.result.external_links;
  const withAuth = await download(link, { authorization: `Bearer ${wh.info.pat}` });
  assert.equal(withAuth.status, 400);
  assert.match(await withAuth.text(), /Only one auth mechanism allowed/);
  const tampered = await fetch(link.external_link.replace(/Signature=(.)/, (_, c) => `Signature=${c === '0' ? '1' : '0'}`));
  assert.equal(tampered.status, 403);
  const other = await fetch(link.external_link.replace('/0?', '/1?'));
  assert.equal(other.status, 403);
  await new Promise((res) => setTimeout(res, 5));
  const fresh = (await chunk(r.statement_id, 0)).body.external_links[0];
  assert.notEqual(fresh.external_link, link.external_link);
  assert.ok(Date.parse(fresh.expiration) >= Date.parse(link.expiration));
  assert.equal((await download(fresh)).status, 200);
});

test('expired links are refused with 403; a fresh link from the chunk endpoint works again', async () => {
  await setConfig({ link_ttl_seconds: 0.3 });
  try {
    const r = await wh.execute({ statement: RANGE, disposition: 'EXTERNAL_LINKS' });
    await new Promise((res) => setTimeout(res, 400));
    const expired = await download(r.result.external_links[0]);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /Request has expired/);
    await setConfig({ link_ttl_seconds: 900 });
    assert.equal((await download((await chunk(r.statement_id, 0)).body.external_links[0])).status, 200);
  } finally {
    await setConfig({ link_ttl_seconds: 900 });
  }
});

test('http_headers listed on a link are required by storage', async () => {
  await setConfig({ link_http_headers: true });
  try {
    const r = await wh.execute({ statement: RANGE, disposition: 'EXTERNAL_LINKS' });
    const [link] = r.result.external_links;
    assert.deepEqual(Object.keys(link.http_headers), ['x-warehouse-chunk-key']);
    assert.equal((await fetch(link.external_link)).status, 400);
    assert.equal((await fetch(link.external_link, { headers: { 'x-warehouse-chunk-key': 'wrong' } })).status, 400);
    assert.equal((await download(link)).status, 200);
  } finally {
    await setConfig({ link_http_headers: false });
  }
});

test('closing a statement removes its chunk files from storage', async () => {
  const r = await wh.execute({ statement: RANGE, disposition: 'EXTERNAL_LINKS' });
  await wh.api('DELETE', `/api/2.0/sql/statements/${r.statement_id}`);
  await new Promise((res) => setTimeout(res, 100));
  assert.equal((await download(r.result.external_links[0])).status, 404);
});

test('INLINE over 25 MiB FAILS the statement; ~24 MB INLINE works; EXTERNAL_LINKS takes any size', async () => {
  const big = (rows) => `SELECT i, repeat('x', 1000) AS pad FROM range(${rows}) t(i)`;
  const failed = await wh.execute({ statement: big(27000), wait_timeout: '50s' });
  assert.equal(failed.status.state, 'FAILED');
  assert.equal(failed.status.sql_state, '54000');
  assert.match(failed.status.error.message, /25 MiB.*EXTERNAL_LINKS/);
  const ok = await wh.execute({ statement: big(24000), wait_timeout: '50s' });
  assert.equal(ok.status.state, 'SUCCEEDED');
  assert.equal(ok.manifest.total_row_count, 24000);
  const ext = await wh.execute({ statement: big(27000), disposition: 'EXTERNAL_LINKS', wait_timeout: '50s' });
  assert.equal(ext.status.state, 'SUCCEEDED');
  assert.ok(ext.manifest.total_byte_count > 25 * 1024 * 1024);
});
