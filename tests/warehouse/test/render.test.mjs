// JSON_ARRAY rendering and manifest entries of every type (lib/render.mjs),
// with a session time zone that has DST, as in the recorded workspace answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';

let wh;
before(async () => { wh = await startWarehouse(['--time-zone', 'America/Los_Angeles']); });
after(async () => { await wh.stop(); });

// [select expression, type_name, type_text, rendered value, extra manifest fields]
const CASES = [
  ['true', 'BOOLEAN', 'BOOLEAN', 'true'],
  ['CAST(-7 AS TINYINT)', 'BYTE', 'TINYINT', '-7'],
  ['CAST(300 AS SMALLINT)', 'SHORT', 'SMALLINT', '300'],
  ['CAST(1 AS INT)', 'INT', 'INT', '1'],
  ['CAST(9223372036854775807 AS BIGINT)', 'LONG', 'BIGINT', '9223372036854775807'],
  ['CAST(1.5 AS FLOAT)', 'FLOAT', 'FLOAT', '1.5'],
  ['CAST(3.25 AS DOUBLE)', 'DOUBLE', 'DOUBLE', '3.25'],
  ["CAST('NaN' AS DOUBLE)", 'DOUBLE', 'DOUBLE', 'NaN'],
  ["CAST('-Infinity' AS DOUBLE)", 'DOUBLE', 'DOUBLE', '-Infinity'],
  ['CAST(123.45 AS DECIMAL(10,2))', 'DECIMAL', 'DECIMAL(10,2)', '123.45', { type_precision: 10, type_scale: 2 }],
  ['CAST(0 AS DECIMAL(4,4))', 'DECIMAL', 'DECIMAL(4,4)', '0.0000', { type_precision: 4, type_scale: 4 }],
  ["'héllo \"こんにちは\" '", 'STRING', 'STRING', 'héllo "こんにちは" '],
  ["CAST('x' AS VARCHAR(255))", 'STRING', 'STRING', 'x'],
  ["X'010203'", 'BINARY', 'BINARY', 'AQID'],
  ["X''", 'BINARY', 'BINARY', ''],
  ["DATE '2021-01-01'", 'DATE', 'DATE', '2021-01-01'],
  ["TIMESTAMP '2021-01-01 10:00:00'", 'TIMESTAMP', 'TIMESTAMP', '2021-01-01T10:00:00.000-08:00'],
  ["TIMESTAMP '2021-06-15 12:34:56.789'", 'TIMESTAMP', 'TIMESTAMP', '2021-06-15T12:34:56.789-07:00'],
  ["TIMESTAMP_NTZ '2021-06-15 12:34:56.789'", 'TIMESTAMP_NTZ', 'TIMESTAMP_NTZ', '2021-06-15T12:34:56.789'],
  ['array(1, 2, NULL)', 'ARRAY', 'ARRAY<INT>', '[1,2,null]'],
  ["map('k1', 1, 'k2', 2)", 'MAP', 'MAP<STRING, INT>', '{"k1":1,"k2":2}'],
  ["named_struct('street', 'Main', 'zip', 94105)", 'STRUCT', 'STRUCT<street: STRING, zip: INT>', '{"street":"Main","zip":94105}'],
  ["INTERVAL '14' MONTH", 'INTERVAL', 'INTERVAL YEAR TO MONTH', '1-2', { type_interval_type: 'YEAR TO MONTH' }],
  ["INTERVAL '3' DAY + INTERVAL '4' HOUR + INTERVAL '30.123' SECOND", 'INTERVAL', 'INTERVAL DAY TO SECOND', '3 04:00:30.123000000', { type_interval_type: 'DAY TO SECOND' }],
];

test('every type: manifest type_name/type_text and JSON_ARRAY text', async () => {
  const statement = `SELECT ${CASES.map(([expr], i) => `${expr} AS c${i}`).join(', ')}`;
  const r = await wh.execute({ statement });
  assert.equal(r.status.state, 'SUCCEEDED', JSON.stringify(r.status));
  const row = r.result.data_array[0];
  CASES.forEach(([expr, typeName, typeText, value, extra = {}], i) => {
    const col = r.manifest.schema.columns[i];
    assert.deepEqual(col, { name: `c${i}`, type_text: typeText, type_name: typeName, position: i, ...extra }, expr);
    assert.equal(row[i], value, expr);
  });
});

test('NULL: SELECT NULL is type NULL / VOID, and NULL of any type is JSON null', async () => {
  const r = await wh.execute({ statement: 'SELECT NULL, CAST(NULL AS DOUBLE) AS d, CAST(NULL AS STRING) AS s, CAST(NULL AS TIMESTAMP) AS t' });
  assert.deepEqual(r.manifest.schema.columns[0], { name: 'NULL', type_text: 'VOID', type_name: 'NULL', position: 0 });
  assert.deepEqual(r.result.data_array, [[null, null, null, null]]);
});

test('values are exact: big BIGINT, DECIMAL(38,10), microsecond timestamps rendered with milliseconds', async () => {
  const r = await wh.execute({ statement: "SELECT CAST('1234567890.0123456789' AS DECIMAL(38,10)) AS d, -9223372036854775808 AS b, TIMESTAMP_NTZ '2024-02-29 23:59:59.999999' AS t" });
  assert.deepEqual(r.result.data_array, [['1234567890.0123456789', '-9223372036854775808', '2024-02-29T23:59:59.999']]);
  assert.equal(r.manifest.schema.columns[1].type_name, 'LONG');
});

test('aggregates keep Spark types: sum(INT) is BIGINT, avg is DOUBLE, duplicate column names are fine', async () => {
  const r = await wh.execute({ statement: 'SELECT sum(pickup_zip) AS s, avg(fare_amount) AS a, 1 AS x, 2 AS x FROM samples.nyctaxi.trips' });
  assert.deepEqual(r.manifest.schema.columns.map((c) => c.type_text), ['BIGINT', 'DOUBLE', 'INT', 'INT']);
  assert.deepEqual(r.result.data_array[0].slice(2), ['1', '2']);
});

test('a table column typed TIMESTAMP holds session-zone instants; TIMESTAMP_NTZ does not shift', async () => {
  await wh.execute({ statement: 'CREATE TABLE main.default.ts_t (id INT, ts TIMESTAMP, ntz TIMESTAMP_NTZ)' });
  await wh.execute({ statement: "INSERT INTO main.default.ts_t VALUES (1, '2021-01-01 10:00:00', '2021-01-01 10:00:00'), (2, '2021-06-15 12:34:56.789', '2021-06-15 12:34:56.789'), (3, NULL, NULL)" });
  const r = await wh.execute({ statement: 'SELECT * FROM main.default.ts_t ORDER BY id' });
  assert.deepEqual(r.result.data_array, [
    ['1', '2021-01-01T10:00:00.000-08:00', '2021-01-01T10:00:00.000'],
    ['2', '2021-06-15T12:34:56.789-07:00', '2021-06-15T12:34:56.789'],
    ['3', null, null],
  ]);
});
