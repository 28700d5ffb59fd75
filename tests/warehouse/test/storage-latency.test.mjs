// --storage-first-byte-ms and --storage-mbps make the storage listener answer like cloud
// storage seen from a client: a wait before the first byte, then a per-connection
// bandwidth cap. The bodies are unchanged. (Lower bounds only: the flags must hold back
// at least what they say.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';

const FIRST_BYTE_MS = 300;
const MBPS = 4;
let wh;
before(async () => {
  wh = await startWarehouse(['--storage-first-byte-ms', String(FIRST_BYTE_MS), '--storage-mbps', String(MBPS)]);
});
after(async () => { await wh.stop(); });

test('a download waits for its first byte, then arrives no faster than the cap, complete', async () => {
  const r = await wh.execute({
    statement: "SELECT i AS id, repeat('x', 40) AS s FROM range(50000) t(i)",
    disposition: 'EXTERNAL_LINKS',
    wait_timeout: '30s',
  });
  assert.equal(r.status.state, 'SUCCEEDED');
  const [link] = r.result.external_links;
  const started = performance.now();
  const res = await fetch(link.external_link);
  const headersAfter = performance.now() - started;
  const body = await res.text();
  const total = performance.now() - started;
  assert.equal(res.status, 200);
  assert.equal(Buffer.byteLength(body), Number(res.headers.get('content-length')));
  assert.ok(body.length > 2_000_000, `a chunk of ${body.length} bytes`);
  const rows = JSON.parse(body);
  assert.equal(rows.length, link.row_count);
  assert.deepEqual(rows[7], ['7', 'x'.repeat(40)]);
  assert.ok(headersAfter >= FIRST_BYTE_MS - 5, `headers after ${headersAfter} ms`);
  const atCap = (body.length / (MBPS * 1e6)) * 1000;
  assert.ok(total >= FIRST_BYTE_MS + atCap * 0.9, `${body.length} bytes in ${total} ms`);
});
