// The Spark SQL that ODBC applications send, against the real server, plus
// direct checks of the translation module for the subtle token rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';
import { translate } from '../lib/sql-translate.mjs';

let wh;
before(async () => { wh = await startWarehouse(); });
after(async () => { await wh.stop(); });

const rows = async (statement, extra = {}) => {
  const r = await wh.execute({ statement, ...extra });
  assert.equal(r.status.state, 'SUCCEEDED', `${statement}: ${JSON.stringify(r.status)}`);
  return r.result.data_array ?? [];
};
const columns = async (statement) => (await wh.execute({ statement })).manifest.schema.columns.map((c) => c.name);

test('Spark DDL types, backticks and main.default names round-trip', async () => {
  await rows('CREATE TABLE `main`.`default`.`people` (id LONG, name STRING, photo BINARY, born DATE, seen TIMESTAMP, local TIMESTAMP_NTZ, tags ARRAY<STRING>, attrs MAP<STRING, INT>, addr STRUCT<city: STRING, zip: INT>)');
  await rows("INSERT INTO main.default.people VALUES (1, 'Ann', X'CAFE', DATE '1990-05-01', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP_NTZ '2024-01-01 00:00:00', array('a', 'b'), map('x', 1), named_struct('city', 'Oslo', 'zip', 150))");
  assert.deepEqual(await rows('SELECT `id`, name, photo, tags, attrs, addr FROM people'),
    [['1', 'Ann', 'yv4=', '["a","b"]', '{"x":1}', '{"city":"Oslo","zip":150}']]);
  const r = await wh.execute({ statement: 'SELECT * FROM main.default.people' });
  assert.deepEqual(r.manifest.schema.columns.map((c) => c.type_text),
    ['BIGINT', 'STRING', 'BINARY', 'DATE', 'TIMESTAMP', 'TIMESTAMP_NTZ', 'ARRAY<STRING>', 'MAP<STRING, INT>', 'STRUCT<city: STRING, zip: INT>']);
});

test('SHOW CATALOGS / SCHEMAS / TABLES / COLUMNS with Databricks column names', async () => {
  assert.deepEqual(await rows('SHOW CATALOGS'), [['hive_metastore'], ['main'], ['samples'], ['system']]);
  assert.deepEqual(await columns('SHOW CATALOGS'), ['catalog']);
  assert.deepEqual(await rows("SHOW SCHEMAS IN samples LIKE 'nyc*'"), [['nyctaxi']]);
  assert.deepEqual(await columns('SHOW SCHEMAS'), ['databaseName']);
  assert.ok((await rows('SHOW DATABASES')).some(([s]) => s === 'default'));
  assert.deepEqual(await rows('SHOW TABLES IN samples.nyctaxi'), [['nyctaxi', 'trips', 'false']]);
  assert.deepEqual(await columns('SHOW TABLES'), ['database', 'tableName', 'isTemporary']);
  const jdbc = await rows("SHOW TABLES IN CATALOG samples SCHEMA LIKE 'nyc.axi' LIKE 't*'");
  assert.deepEqual(jdbc, [['nyctaxi', 'trips', 'false', '', 'samples', 'TABLE', '']]);
  assert.deepEqual((await rows('SHOW COLUMNS IN samples.nyctaxi.trips')).map((r) => r[0]),
    ['tpep_pickup_datetime', 'tpep_dropoff_datetime', 'trip_distance', 'fare_amount', 'pickup_zip', 'dropoff_zip']);
});

test('DESCRIBE TABLE and DESCRIBE QUERY give col_name, data_type, comment in Spark spelling', async () => {
  const d = await rows('DESCRIBE TABLE samples.nyctaxi.trips');
  assert.deepEqual(d[0], ['tpep_pickup_datetime', 'timestamp', null]);
  assert.deepEqual(d.map((r) => r[1]), ['timestamp', 'timestamp', 'double', 'double', 'int', 'int']);
  assert.deepEqual(await rows("DESCRIBE QUERY SELECT 1 AS a, named_struct('x', 'y') AS s"), [['a', 'int', null], ['s', 'struct<x:string>', null]]);
  const missing = await wh.execute({ statement: 'DESCRIBE TABLE main.default.nope' });
  assert.equal(missing.status.sql_state, '42P01');
});

test('information_schema per catalog, with Databricks names', async () => {
  const t = await rows("SELECT table_catalog, table_schema, table_name FROM samples.information_schema.tables WHERE table_name = 'trips'");
  assert.deepEqual(t, [['samples', 'nyctaxi', 'trips']]);
  const c = await rows("SELECT column_name, data_type, ordinal_position FROM samples.information_schema.columns WHERE table_name = 'trips' ORDER BY ordinal_position");
  assert.deepEqual(c[0], ['tpep_pickup_datetime', 'TIMESTAMP', '0']); // a workspace counts from 0
  assert.deepEqual((await rows('SELECT catalog_name FROM information_schema.catalogs ORDER BY 1')), [['main']]);
});

test('request catalog/schema and USE behave like Databricks; unknown catalog fails cleanly', async () => {
  assert.deepEqual(await rows('SELECT count(*) FROM trips', { catalog: 'samples', schema: 'nyctaxi' }), [['2000']]);
  assert.deepEqual(await rows('SELECT count(*) FROM trips', { catalog: 'samples' }), [['2000']]);
  assert.deepEqual(await rows('SELECT current_schema()', { catalog: 'main' }), [['default']]);
  await rows('USE CATALOG samples');
  await rows('USE SCHEMA default');
  const bad = await wh.execute({ statement: 'SELECT 1', catalog: 'nope' });
  assert.equal(bad.status.state, 'FAILED');
  assert.equal(bad.status.sql_state, '42704');
  const ro = await wh.execute({ statement: 'DELETE FROM samples.nyctaxi.trips' });
  assert.equal(ro.status.sql_state, '42501'); // samples is read-only
});

test('data in main persists across a restart of the server on the same data dir', async () => {
  const first = await startWarehouse();
  try {
    await first.execute({ statement: 'CREATE TABLE main.default.kept AS SELECT 42 AS answer' });
  } finally {
    await first.stop({ keepDataDir: true });
  }
  const second = await startWarehouse([], { dataDir: first.dir });
  try {
    const r = await second.execute({ statement: 'SELECT answer FROM main.default.kept' });
    assert.deepEqual(r.result.data_array, [['42']]);
  } finally {
    await second.stop();
    (await import('node:fs')).rmSync(first.dir, { recursive: true, force: true });
  }
});

test('translation: literals, comments and casts are left alone; only type positions change', () => {
  const t = (sql, params) => translate(sql, params).sql;
  assert.equal(t("SELECT 'a STRING :x ? `q`' -- STRING :y ?"), "SELECT 'a STRING :x ? `q`'");
  assert.equal(t('SELECT x::STRING, CAST(y AS DOUBLE), z AS string FROM t'), 'SELECT x :: VARCHAR , CAST ( y AS DOUBLE ) , z AS string FROM t');
  // integral targets take Spark's truncating / strict cast (spark-functions.mjs)
  assert.equal(t('SELECT CAST(y AS LONG)'), 'SELECT memory.main.dbx_to_bigint(y)');
  assert.equal(t("SELECT 'it\\'s', \"dq\""), "SELECT 'it''s' , 'dq'");
  assert.equal(t('SELECT 1e-5, a->b'), 'SELECT 1e-5 , a -> b');
  assert.equal(t('SELECT * FROM main.default.t JOIN default.u'), 'SELECT * FROM "main_db" . "default" . t JOIN "default" . u');
  assert.equal(t('SELECT :a', [{ name: 'a', value: '1', type: 'DECIMAL(5,2)' }]), "SELECT CAST('1.00' AS DECIMAL(5,2))");
  assert.equal(t("SELECT a FROM t WHERE a LIKE 'x\\_%'"), "SELECT a FROM t WHERE a LIKE 'x\\_%' ESCAPE '\\'");
  assert.throws(() => translate('SELECT ?'), /Positional parameters/);
});
