// The one DuckDB database of the warehouse: catalog `main` (DuckDB main_db,
// file-backed, writable, schema `default`) and `samples` (read-only), plus the
// rendering and catalog macros in the in-memory catalog. Each statement gets its
// own connection, so one can be interrupted without touching the others.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RENDER_MACROS } from './render.mjs';
import { CATALOG_MACROS } from './catalog-views.mjs';
import { ensureSamples } from './samples.mjs';

export async function openDatabase({ dataDir, tripsRows, threads = 2 }) {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const setup = await instance.connect();
  await setup.run(`ATTACH '${path.join(dataDir, 'main.duckdb').replace(/'/g, "''")}' AS main_db`);
  await setup.run('CREATE SCHEMA IF NOT EXISTS main_db."default"');
  await ensureSamples(setup, path.join(dataDir, 'samples.duckdb'), tripsRows);
  for (const sql of [...RENDER_MACROS, ...CATALOG_MACROS]) await setup.run(sql);
  setup.closeSync();

  return {
    // A connection positioned on catalog.schema in the given session time zone.
    async connect({ timeZone }) {
      const con = await instance.connect();
      await con.run(`SET TimeZone = '${timeZone.replace(/'/g, "''")}'`);
      await con.run('USE main_db."default"');
      return con;
    },
    close() { instance.closeSync(); },
  };
}
