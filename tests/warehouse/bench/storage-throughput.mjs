#!/usr/bin/env node
// Measures how fast the storage listener serves EXTERNAL_LINKS chunk files over
// loopback: starts a warehouse, runs one ~85 MB result (1M rows × 6 columns),
// then downloads every chunk PASSES times (PARALLEL at once) and prints MB/s.
//   node bench/storage-throughput.mjs [PASSES=5] [PARALLEL=2]
import http from 'node:http';
import { startWarehouse } from '../lib/harness.mjs';

const passes = Number(process.argv[2] ?? 5);
const parallel = Number(process.argv[3] ?? 2);
const wh = await startWarehouse(['--rows-per-chunk', '100000']);
try {
  const sql = `SELECT i AS id, i * 1.5 AS dbl, CAST(i AS DECIMAL(18,2)) AS dec, 'row-' || i AS s,
    DATE '2020-01-01' + CAST(i % 1000 AS INT) AS d, TIMESTAMP '2020-01-01 00:00:00' + to_seconds(i) AS ts FROM range(1000000) t(i)`;
  let t = performance.now();
  const first = await wh.execute({ statement: sql, disposition: 'EXTERNAL_LINKS', wait_timeout: '50s' });
  console.log(`execute (1M rows x 6 columns → ${first.manifest.total_byte_count} bytes of JSON): ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const links = [];
  for (let i = 0; i < first.manifest.total_chunk_count; i++) {
    links.push((await wh.api('GET', `/api/2.0/sql/statements/${first.statement_id}/result/chunks/${i}`)).body.external_links[0].external_link);
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: parallel });
  const download = (url) => new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      let n = 0;
      res.on('data', (b) => { n += b.length; });
      res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
  const queue = Array.from({ length: passes }, () => links).flat();
  let bytes = 0;
  t = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (queue.length) {
      const n = await download(queue.shift()); // not "bytes += await …": that would race
      bytes += n;
    }
  }));
  const secs = (performance.now() - t) / 1000;
  console.log(`storage: ${(bytes / 1e6).toFixed(0)} MB in ${secs.toFixed(2)} s = ${(bytes / 1e6 / secs).toFixed(0)} MB/s (${parallel} parallel)`);
  agent.destroy();
} finally {
  await wh.stop();
}
