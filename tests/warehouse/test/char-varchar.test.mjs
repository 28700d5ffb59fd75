// Declared CHAR(n) / VARCHAR(n) columns: DuckDB forgets the length, the warehouse
// keeps it as Databricks does (information_schema, DESCRIBE), enforces it on write
// (DELTA_EXCEED_CHAR_VARCHAR_LIMIT, 22001), and still reports STRING in result
// manifests as the recordings show for VARCHAR(255).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startWarehouse } from '../lib/harness.mjs';

let wh;
before(async () => { wh = await startWarehouse(); });
after(async () => { await wh.stop(); });

async function run(statement, extra = {}, on = wh) {
  const r = await on.execute({ statement, ...extra });
  assert.equal(r.status.state, 'SUCCEEDED', `${statement}: ${JSON.stringify(r.status)}`);
  return r;
}
const rows = async (statement, extra) => (await run(statement, extra)).result.data_array ?? [];
async function failure(statement) {
  const r = await wh.execute({ statement });
  assert.equal(r.status.state, 'FAILED', statement);
  return { sqlState: r.status.sql_state, message: r.status.error.message };
}
const columnsOf = (table, where = "table_schema = 'default'") => rows(`SELECT column_name, full_data_type, data_type,
  character_maximum_length, character_octet_length FROM system.information_schema.columns
  WHERE ${where} AND table_name = '${table}' ORDER BY ordinal_position`);

test('information_schema.columns: full_data_type varchar(n) / char(n), data_type VARCHAR / CHAR', async () => {
  await run('CREATE TABLE main.default.t1 (a INT, b VARCHAR(3), c CHAR(2), d CHARACTER(4) NOT NULL COMMENT \'d\', e STRING)');
  const expected = [['a', 'int', 'INT', null, null], ['b', 'varchar(3)', 'VARCHAR', '3', '3'], ['c', 'char(2)', 'CHAR', '2', '2'],
    ['d', 'char(4)', 'CHAR', '4', '4'], ['e', 'string', 'STRING', '0', '0']];
  assert.deepEqual(await columnsOf('t1'), expected);
  assert.deepEqual(await rows(`SELECT column_name, full_data_type, data_type, character_maximum_length, character_octet_length
    FROM main.information_schema.columns WHERE table_name = 't1' ORDER BY ordinal_position`), expected);
  assert.deepEqual(await rows("SELECT is_nullable, comment FROM main.information_schema.columns WHERE table_name = 't1' AND column_name = 'd'"),
    [['NO', 'd']]);
  // Any Unity Catalog catalog and schema, `default` as the current schema included.
  await run('CREATE SCHEMA main.cv');
  await run('CREATE TABLE cv_t (x VARCHAR(10))', { catalog: 'main', schema: 'cv' });
  assert.deepEqual(await columnsOf('cv_t', "table_catalog = 'main' AND table_schema = 'cv'"), [['x', 'varchar(10)', 'VARCHAR', '10', '10']]);
  await run('DROP SCHEMA main.cv CASCADE');
});

test('DESCRIBE TABLE [EXTENDED] [AS JSON] and DESCRIBE t col show the declared type', async () => {
  const described = (await rows('DESCRIBE TABLE main.default.t1')).map((r) => r.slice(0, 2));
  assert.deepEqual(described, [['a', 'int'], ['b', 'varchar(3)'], ['c', 'char(2)'], ['d', 'char(4)'], ['e', 'string']]);
  const extended = await rows('DESCRIBE TABLE EXTENDED main.default.t1');
  assert.deepEqual(extended.slice(0, 5).map((r) => r[1]), ['int', 'varchar(3)', 'char(2)', 'char(4)', 'string']);
  assert.deepEqual(await rows('DESCRIBE main.default.t1 b'), [['col_name', 'b'], ['data_type', 'varchar(3)'], ['comment', 'NULL']]);
  const json = JSON.parse((await rows('DESCRIBE TABLE EXTENDED main.default.t1 AS JSON'))[0][0]);
  assert.deepEqual(json.columns.slice(1, 3).map((c) => c.type), [{ name: 'varchar', length: 3 }, { name: 'char', length: 2 }]);
});

test('a SELECT of CHAR/VARCHAR columns reports STRING in the manifest', async () => {
  await run("INSERT INTO main.default.t1 VALUES (1, 'abc', 'xy', 'wxyz', 'anything'), (2, NULL, NULL, 'q', NULL)");
  const r = await run('SELECT b, c, d FROM main.default.t1 ORDER BY a');
  assert.deepEqual(r.manifest.schema.columns.map((c) => [c.name, c.type_name, c.type_text]),
    [['b', 'STRING', 'STRING'], ['c', 'STRING', 'STRING'], ['d', 'STRING', 'STRING']]);
  assert.deepEqual(r.result.data_array, [['abc', 'xy', 'wxyz'], [null, null, 'q']]);
});

test('a value longer than n fails the write with DELTA_EXCEED_CHAR_VARCHAR_LIMIT (22001)', async () => {
  const tooLong = await failure("INSERT INTO main.default.t1 VALUES (3, 'abcd', 'xy', 'w', NULL)");
  assert.equal(tooLong.sqlState, '22001');
  assert.equal(tooLong.message, '[DELTA_EXCEED_CHAR_VARCHAR_LIMIT] Value "abcd" exceeds char/varchar type length limitation. ' +
    'Failed check: (length(b) <= 3). SQLSTATE: 22001');
  assert.equal((await failure("INSERT INTO main.default.t1 (a, c, d) VALUES (3, 'xyz', 'w')")).sqlState, '22001');
  assert.equal((await failure("UPDATE main.default.t1 SET d = 'vwxyz' WHERE a = 2")).sqlState, '22001');
  assert.equal((await failure("INSERT INTO main.default.t1 SELECT 4, 'ab', 'x', d || d, NULL FROM main.default.t1 WHERE a = 1")).sqlState, '22001');
  // Parameters take the same path; lengths count characters, not bytes.
  const p = await wh.execute({ statement: 'INSERT INTO main.default.t1 (a, b, d) VALUES (:a, :b, :d)',
    parameters: [{ name: 'a', value: '5', type: 'INT' }, { name: 'b', value: 'äöü', type: 'STRING' }, { name: 'd', value: '€€€€€', type: 'STRING' }] });
  assert.equal(p.status.state, 'FAILED');
  assert.equal(p.status.sql_state, '22001');
  await run("INSERT INTO main.default.t1 (a, b, d) VALUES (5, 'äöü', '€€€€')");
  assert.deepEqual(await rows('SELECT count(*) FROM main.default.t1'), [['3']]);
});

test('ALTER TABLE ADD COLUMN / RENAME COLUMN / DROP COLUMN / RENAME TO keep the records right', async () => {
  await run('ALTER TABLE main.default.t1 ADD COLUMNS (f VARCHAR(7), g STRING)');
  await run('ALTER TABLE main.default.t1 ADD COLUMN h CHAR(1)');
  await run('ALTER TABLE main.default.t1 RENAME COLUMN b TO b2');
  await run('ALTER TABLE main.default.t1 DROP COLUMN c');
  await run('ALTER TABLE main.default.t1 RENAME TO main.default.t1r');
  // A column added with ALTER has no length check (DuckDB takes no constraint there), so its type can change.
  await run('ALTER TABLE main.default.t1r ALTER COLUMN f TYPE VARCHAR(9)');
  await run('ALTER TABLE main.default.t1r ALTER COLUMN h TYPE STRING');
  assert.deepEqual((await columnsOf('t1r')).map((r) => r.slice(0, 3)), [['a', 'int', 'INT'], ['b2', 'varchar(3)', 'VARCHAR'],
    ['d', 'char(4)', 'CHAR'], ['e', 'string', 'STRING'], ['f', 'varchar(9)', 'VARCHAR'], ['g', 'string', 'STRING'], ['h', 'string', 'STRING']]);
  // The CHECK follows the renamed column.
  assert.equal((await failure("INSERT INTO main.default.t1r (a, b2) VALUES (9, 'long')")).sqlState, '22001');
  // A column dropped and added again under its old name is a new column.
  await run('ALTER TABLE main.default.t1r ADD COLUMN c STRING');
  assert.deepEqual((await columnsOf('t1r')).at(-1).slice(0, 3), ['c', 'string', 'STRING']);
  await run('ALTER TABLE main.default.t1r RENAME TO main.default.t1');
});

test('DROP TABLE and CREATE OR REPLACE forget the declared types; hive_metastore keeps them too', async () => {
  await run('DROP TABLE main.default.t1');
  await run('CREATE TABLE main.default.t1 (b STRING, c STRING)');
  assert.deepEqual((await columnsOf('t1')).map((r) => r.slice(0, 3)), [['b', 'string', 'STRING'], ['c', 'string', 'STRING']]);
  await run("INSERT INTO main.default.t1 VALUES ('no limit now', 'none')");
  await run('CREATE TABLE main.default.t2 (b VARCHAR(2))');
  await run('CREATE OR REPLACE TABLE main.default.t2 (b STRING)');
  assert.deepEqual((await rows('DESCRIBE main.default.t2')).map((r) => r[1]), ['string']);
  await run("INSERT INTO main.default.t2 VALUES ('longer than two')");
  for (const t of ['t1', 't2']) await run(`DROP TABLE main.default.${t}`);

  await run('CREATE TABLE hive_metastore.default.h (x CHAR(4), y VARCHAR(1))');
  assert.deepEqual((await rows('DESCRIBE hive_metastore.default.h')).map((r) => r[1]), ['char(4)', 'varchar(1)']);
  assert.equal((await failure("INSERT INTO hive_metastore.default.h VALUES ('12345', 'y')")).sqlState, '22001');
  await run('DROP TABLE hive_metastore.default.h');
  await run('CREATE TABLE hive_metastore.default.h (x STRING, y STRING)');
  assert.deepEqual((await rows('DESCRIBE hive_metastore.default.h')).map((r) => r[1]), ['string', 'string']);
  await run('DROP TABLE hive_metastore.default.h');
});

test('declared types and their length checks survive a restart on the same data dir', async () => {
  const first = await startWarehouse();
  try {
    await run('CREATE TABLE main.default.kept (b VARCHAR(3), c CHAR(2))', {}, first);
  } finally {
    await first.stop({ keepDataDir: true });
  }
  const second = await startWarehouse([], { dataDir: first.dir });
  try {
    const r = await run(`SELECT column_name, full_data_type, data_type FROM main.information_schema.columns
      WHERE table_name = 'kept' ORDER BY ordinal_position`, {}, second);
    assert.deepEqual(r.result.data_array, [['b', 'varchar(3)', 'VARCHAR'], ['c', 'char(2)', 'CHAR']]);
    const bad = await second.execute({ statement: "INSERT INTO main.default.kept VALUES ('abcd', 'x')" });
    assert.equal(bad.status.sql_state, '22001');
  } finally {
    await second.stop();
    fs.rmSync(first.dir, { recursive: true, force: true });
  }
});
