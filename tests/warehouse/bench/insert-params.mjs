#!/usr/bin/env node
// Times a multi-row INSERT of parameter markers, as the driver batches rows:
// ROWS rows × 5 columns (INT, STRING, DOUBLE, DECIMAL(10,2), TIMESTAMP), one
// marker per value, posted RUNS times (the first includes warm-up), plus the
// same rows interpolated as literals for comparison. The warehouse runs with
// --max-parameters 0, since a workspace refuses more than 10,000 parameters.
//   node bench/insert-params.mjs [ROWS=10000] [RUNS=3]
import { startWarehouse } from '../lib/harness.mjs';

const rowsN = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const wh = await startWarehouse(['--max-parameters', '0']);
const ms = (t) => `${(performance.now() - t).toFixed(0)} ms`;
try {
  await wh.execute({ statement: 'CREATE TABLE main.default.bench (a INT, b STRING, c DOUBLE, d DECIMAL(10,2), e TIMESTAMP)' });
  const tuples = [];
  const literals = [];
  const parameters = [];
  for (let r = 0; r < rowsN; r++) {
    const k = r * 5;
    tuples.push(`(:p${k}, :p${k + 1}, :p${k + 2}, :p${k + 3}, :p${k + 4})`);
    literals.push(`(${r}, 'name ${r}', ${r * 1.5}D, ${r}.25, TIMESTAMP'2024-01-31 12:34:56.123456')`);
    parameters.push({ name: `p${k}`, type: 'INT', value: String(r) }, { name: `p${k + 1}`, type: 'STRING', value: `name ${r}` },
      { name: `p${k + 2}`, type: 'DOUBLE', value: String(r * 1.5) }, { name: `p${k + 3}`, type: 'DECIMAL(10,2)', value: `${r}.25` },
      { name: `p${k + 4}`, type: 'TIMESTAMP', value: '2024-01-31 12:34:56.123456' });
  }
  const statement = `INSERT INTO main.default.bench (a, b, c, d, e) VALUES ${tuples.join(', ')}`;
  const request = JSON.stringify({ statement, parameters });
  console.log(`${rowsN} rows x 5 columns: ${parameters.length} parameters, statement ${statement.length} bytes, request ${request.length} bytes`);
  for (let i = 1; i <= runs; i++) {
    const t = performance.now();
    const r = await wh.execute({ statement, parameters, wait_timeout: '50s' });
    console.log(`markers  run ${i}: ${ms(t)} → ${r.status.state} ${JSON.stringify(r.result?.data_array ?? r.status.error)}`);
  }
  const inlined = `INSERT INTO main.default.bench (a, b, c, d, e) VALUES ${literals.join(', ')}`;
  for (let i = 1; i <= runs; i++) {
    const t = performance.now();
    const r = await wh.execute({ statement: inlined, wait_timeout: '50s' });
    console.log(`literals run ${i}: ${ms(t)} → ${r.status.state} (statement ${inlined.length} bytes)`);
  }
} finally {
  await wh.stop();
}
