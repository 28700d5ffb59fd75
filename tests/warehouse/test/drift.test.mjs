// --bounded-results and --late-manifest: answers as the result API drifts (no
// total_chunk_count or chunk list; a first SUCCEEDED answer without its manifest).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';

let wh;
before(async () => { wh = await startWarehouse(['--rows-per-chunk', '1000', '--bounded-results', '--late-manifest', '1']); });
after(async () => { await wh.stop(); });

test('the first SUCCEEDED answer has no manifest; the next one is bounded and chains its chunks', async () => {
  const first = await wh.execute({ statement: 'SELECT i FROM range(2500) t(i)', disposition: 'EXTERNAL_LINKS' });
  assert.equal(first.status.state, 'SUCCEEDED');
  assert.equal(first.manifest, undefined);
  assert.equal(first.result, undefined);
  const polled = (await wh.api('GET', `/api/2.0/sql/statements/${first.statement_id}`)).body;
  assert.equal(polled.manifest.total_row_count, 2500);
  assert.equal(polled.manifest.total_chunk_count, undefined);
  assert.equal(polled.manifest.chunks, undefined);
  let link = polled.result.external_links[0];
  let rows = 0;
  for (;;) {
    rows += (await (await fetch(link.external_link)).json()).length;
    if (link.next_chunk_index === undefined) break;
    link = (await wh.api('GET', link.next_chunk_internal_link)).body.external_links[0];
  }
  assert.equal(rows, 2500);
});
