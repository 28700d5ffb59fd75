// The one DuckDB database of the warehouse: catalog `main` (DuckDB main_db,
// file-backed, writable, schema `default`), `samples` (read-only) and the legacy
// `hive_metastore` (file-backed, writable), plus the rendering and catalog
// macros in the in-memory catalog. Each statement gets its
// own connection, so one can be interrupted without touching the others.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RENDER_MACROS } from './render.mjs';
import { catalogMacros, META_TABLES, refreshCatalog } from './catalog-views.mjs';
import { TYPES_TABLE } from './metadata-types.mjs';
import { seedHive, seedWideSchema, recordUnknownRelations } from './metadata-seed.mjs';
import { ensureSamples } from './samples.mjs';
import { FUNCTION_MACROS } from './spark-functions.mjs';

const attach = (file, name) => `ATTACH '${file.replace(/'/g, "''")}' AS ${name}`;

// seedTables: --seed-tables, the number of tables of main.wide_schema.
export async function openDatabase({ dataDir, tripsRows, threads = 2, seedTables = 0 }) {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const setup = await instance.connect();
  await setup.run(attach(path.join(dataDir, 'main.duckdb'), 'main_db'));
  await setup.run('CREATE SCHEMA IF NOT EXISTS main_db."default"');
  await setup.run(attach(path.join(dataDir, 'hive_metastore.duckdb'), 'hive_metastore'));
  await ensureSamples(setup, path.join(dataDir, 'samples.duckdb'), tripsRows);
  for (const sql of [...META_TABLES, TYPES_TABLE]) await setup.run(sql);
  await seedHive(setup);
  await seedWideSchema(setup, seedTables);
  await recordUnknownRelations(setup);
  const started = new Date().toISOString();
  for (const sql of [...RENDER_MACROS, ...catalogMacros({ started }), ...FUNCTION_MACROS]) await setup.run(sql);
  await refreshCatalog(setup);
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
