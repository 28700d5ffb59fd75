// The metadata a workspace answers and the driver's catalog functions read:
// SHOW / DESCRIBE, information_schema per catalog and across catalogs (system),
// informational PRIMARY/FOREIGN KEYs, comments, the hive_metastore catalog without
// information_schema, catalog.schema DDL, and the --seed-tables benchmark schema.
// Column names and types are spelled out here rather than imported, so a change
// to the views shows up as a failing test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startWarehouse } from '../lib/harness.mjs';

let wh;
before(async () => { wh = await startWarehouse(['--seed-tables=500']); });
after(async () => { await wh.stop(); });

async function run(statement, extra = {}) {
  const r = await wh.execute({ statement, ...extra });
  assert.equal(r.status.state, 'SUCCEEDED', `${statement}: ${JSON.stringify(r.status)}`);
  return r;
}
const rows = async (statement, extra) => (await run(statement, extra)).result.data_array ?? [];
const schemaOf = async (statement) => (await run(statement)).manifest.schema.columns.map((c) => [c.name, c.type_text]);
async function failure(statement, extra = {}) {
  const r = await wh.execute({ statement, ...extra });
  assert.equal(r.status.state, 'FAILED', statement);
  return { sqlState: r.status.sql_state, message: r.status.error.message };
}
const strings = (...names) => names.map((n) => [n, 'STRING']);

test('SHOW CATALOGS / SCHEMAS with Databricks patterns (* and |, case-insensitive, blanks trimmed)', async () => {
  assert.deepEqual(await rows('SHOW CATALOGS'), [['hive_metastore'], ['main'], ['samples'], ['system']]);
  assert.deepEqual(await schemaOf('SHOW CATALOGS'), [['catalog', 'STRING']]);
  assert.deepEqual(await rows("SHOW CATALOGS LIKE ' SAM*|hive* '"), [['hive_metastore'], ['samples']]);
  assert.deepEqual(await rows('SHOW SCHEMAS IN main'), [['default'], ['information_schema'], ['wide_schema']]);
  assert.deepEqual(await schemaOf('SHOW SCHEMAS IN main'), [['databaseName', 'STRING']]);
  assert.deepEqual(await rows('SHOW SCHEMAS IN hive_metastore'), [['default'], ['legacy_sales']]);
  assert.deepEqual(await rows("SHOW DATABASES FROM samples LIKE 'nyc*'"), [['nyctaxi']]);
  assert.deepEqual(await schemaOf("SHOW SCHEMAS IN ALL CATALOGS LIKE 'default'"), strings('databaseName', 'catalog'));
  assert.deepEqual(await rows("SHOW SCHEMAS IN ALL CATALOGS LIKE 'default'"), [['default', 'hive_metastore'], ['default', 'main']]);
  assert.equal((await failure('SHOW SCHEMAS IN nope')).sqlState, '42704');
});

test('SHOW TABLES in both forms, SHOW VIEWS, SHOW COLUMNS', async () => {
  assert.deepEqual(await schemaOf('SHOW TABLES IN hive_metastore.legacy_sales'),
    [['database', 'STRING'], ['tableName', 'STRING'], ['isTemporary', 'BOOLEAN']]);
  assert.deepEqual(await rows('SHOW TABLES IN hive_metastore.legacy_sales'),
    [['legacy_sales', 'big_orders', 'false'], ['legacy_sales', 'customers', 'false'], ['legacy_sales', 'orders', 'false']]);
  assert.deepEqual(await rows("SHOW TABLES FROM main.wide_schema LIKE 't000[1-3]|t0500'"),
    [['wide_schema', 't0001', 'false'], ['wide_schema', 't0002', 'false'], ['wide_schema', 't0003', 'false'], ['wide_schema', 't0500', 'false']]);
  assert.deepEqual(await rows('SHOW TABLES', { catalog: 'samples', schema: 'nyctaxi' }), [['nyctaxi', 'trips', 'false']]);
  assert.equal((await failure('SHOW TABLES IN main.nope')).sqlState, '42704');
  // The JDBC driver's getTables() form: the columns and types of the recording.
  const recorded = JSON.parse(fs.readFileSync(new URL('../../../../shared/recorded/external-links-show-tables.json', import.meta.url)));
  const form = "SHOW TABLES IN CATALOG hive_metastore SCHEMA LIKE 'legacy.sales' LIKE 'c*|big*'";
  assert.deepEqual(await schemaOf(form), recorded.response.body.manifest.schema.columns.map((c) => [c.name, c.type_text]));
  assert.deepEqual(await rows(form), [
    ['legacy_sales', 'big_orders', 'false', '', 'hive_metastore', 'VIEW', ''],
    ['legacy_sales', 'customers', 'false', '', 'hive_metastore', 'TABLE', 'Customers from the old data lake']]);
  assert.equal((await rows("SHOW TABLES IN ALL CATALOGS SCHEMA LIKE 'wide_schema'")).length, 500);
  assert.deepEqual(await schemaOf('SHOW VIEWS IN hive_metastore.legacy_sales'),
    [['namespace', 'STRING'], ['viewName', 'STRING'], ['isTemporary', 'BOOLEAN']]);
  assert.deepEqual(await rows('SHOW VIEWS IN hive_metastore.legacy_sales'), [['legacy_sales', 'big_orders', 'false']]);
  assert.deepEqual(await rows('SHOW COLUMNS IN orders IN hive_metastore.legacy_sales'), [['order_id'], ['customer_id'], ['amount'], ['ordered_at']]);
  assert.deepEqual(await schemaOf('SHOW COLUMNS IN samples.nyctaxi.trips'), [['col_name', 'STRING']]);
});

test('information_schema.columns: Databricks columns, types and renderings for every type family', async () => {
  await run(`CREATE TABLE main.default.all_types (id BIGINT NOT NULL COMMENT 'key', i INT, s SMALLINT, b TINYINT,
    f FLOAT, d DOUBLE, amount DECIMAL(10,2), name STRING, bin BINARY, ok BOOLEAN, day DATE, ts TIMESTAMP,
    ntz TIMESTAMP_NTZ, tags ARRAY<INT>, attrs MAP<STRING, INT>, addr STRUCT<city: STRING, zip: INT>, v VARIANT)`);
  const cols = await schemaOf('SELECT * FROM main.information_schema.columns');
  assert.deepEqual(cols.map(([n]) => n), ['table_catalog', 'table_schema', 'table_name', 'column_name', 'ordinal_position',
    'column_default', 'is_nullable', 'full_data_type', 'data_type', 'character_maximum_length', 'character_octet_length',
    'numeric_precision', 'numeric_precision_radix', 'numeric_scale', 'datetime_precision', 'interval_type', 'interval_precision',
    'maximum_cardinality', 'is_identity', 'identity_generation', 'identity_start', 'identity_increment', 'identity_maximum',
    'identity_minimum', 'identity_cycle', 'is_generated', 'generation_expression', 'is_system_time_period_start',
    'is_system_time_period_end', 'system_time_period_timestamp_generation', 'is_updatable', 'partition_index', 'comment']);
  assert.deepEqual(cols.filter(([, t]) => t !== 'STRING').map(([n]) => n), ['ordinal_position', 'character_maximum_length',
    'numeric_precision', 'numeric_precision_radix', 'numeric_scale', 'datetime_precision', 'interval_precision',
    'maximum_cardinality', 'partition_index']);
  const got = await rows(`SELECT column_name, ordinal_position, is_nullable, full_data_type, data_type, character_maximum_length,
    character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, comment
    FROM main.information_schema.columns WHERE table_name = 'all_types' ORDER BY ordinal_position`);
  assert.deepEqual(got, [
    ['id', '0', 'NO', 'bigint', 'LONG', null, null, '64', '2', '0', null, 'key'],
    ['i', '1', 'YES', 'int', 'INT', null, null, '32', '2', '0', null, null],
    ['s', '2', 'YES', 'smallint', 'SHORT', null, null, '16', '2', '0', null, null],
    ['b', '3', 'YES', 'tinyint', 'BYTE', null, null, '8', '2', '0', null, null],
    ['f', '4', 'YES', 'float', 'FLOAT', null, null, '24', '2', null, null, null],
    ['d', '5', 'YES', 'double', 'DOUBLE', null, null, '53', '2', null, null, null],
    ['amount', '6', 'YES', 'decimal(10,2)', 'DECIMAL', null, null, '10', '10', '2', null, null],
    ['name', '7', 'YES', 'string', 'STRING', '0', '0', null, null, null, null, null],
    ['bin', '8', 'YES', 'binary', 'BINARY', null, null, null, null, null, null, null],
    ['ok', '9', 'YES', 'boolean', 'BOOLEAN', null, null, null, null, null, null, null],
    ['day', '10', 'YES', 'date', 'DATE', null, null, null, null, null, '0', null],
    ['ts', '11', 'YES', 'timestamp', 'TIMESTAMP', null, null, null, null, null, '3', null],
    ['ntz', '12', 'YES', 'timestamp_ntz', 'TIMESTAMP_NTZ', null, null, null, null, null, '3', null],
    ['tags', '13', 'YES', 'array<int>', 'ARRAY', null, null, null, null, null, null, null],
    ['attrs', '14', 'YES', 'map<string,int>', 'MAP', null, null, null, null, null, null, null],
    ['addr', '15', 'YES', 'struct<city:string,zip:int>', 'STRUCT', null, null, null, null, null, null, null],
    ['v', '16', 'YES', 'variant', 'VARIANT', null, null, null, null, null, null, null]]);
  const fixed = await rows(`SELECT DISTINCT column_default, is_identity, is_generated, is_system_time_period_start, is_updatable, partition_index
    FROM main.information_schema.columns WHERE table_name = 'all_types'`);
  assert.deepEqual(fixed, [[null, 'NO', 'NO', 'NO', 'YES', null]]);
  // The same types read by DESCRIBE, and the manifest's own spelling in the JDBC column listing.
  assert.deepEqual((await rows('DESCRIBE TABLE main.default.all_types')).slice(13, 16).map((r) => r[1]),
    ['array<int>', 'map<string,int>', 'struct<city:string,zip:int>']);
  assert.deepEqual((await rows("SHOW COLUMNS IN CATALOG main SCHEMA LIKE 'default' TABLE LIKE 'all_types' LIKE 'amount|addr'"))
    .map((r) => [r[3], r[4], r[5], r[6], r[8], r[10]]), [['amount', 'DECIMAL(10,2)', '10', '2', 'true', '7'], ['addr', 'STRUCT<city: STRING, zip: INT>', null, null, 'true', '16']]);
  await run('DROP TABLE main.default.all_types');
});

test('information_schema.tables, views, schemata, catalogs per catalog; system.information_schema across them', async () => {
  await run("CREATE TABLE main.default.ext (a INT) LOCATION 's3://bucket/ext' COMMENT 'an external table'");
  await run('CREATE VIEW main.default.ext_v (a COMMENT \'the a\') COMMENT \'a view\' AS SELECT a FROM main.default.ext');
  await run('CREATE MATERIALIZED VIEW main.default.ext_mv AS SELECT count(*) AS n FROM main.default.ext');
  assert.deepEqual((await schemaOf('SELECT * FROM main.information_schema.tables')).map(([n, t]) => `${n}:${t}`), ['table_catalog:STRING',
    'table_schema:STRING', 'table_name:STRING', 'table_type:STRING', 'is_insertable_into:STRING', 'commit_action:STRING',
    'table_owner:STRING', 'comment:STRING', 'created:TIMESTAMP', 'created_by:STRING', 'last_altered:TIMESTAMP',
    'last_altered_by:STRING', 'data_source_format:STRING', 'storage_path:STRING', 'storage_sub_directory:STRING']);
  assert.deepEqual(await rows(`SELECT table_name, table_type, is_insertable_into, comment, data_source_format, storage_path
    FROM main.information_schema.tables WHERE table_schema = 'default' AND table_name LIKE 'ext%' ORDER BY 1`), [
    ['ext', 'EXTERNAL', 'YES', 'an external table', 'DELTA', 's3://bucket/ext'],
    ['ext_mv', 'MATERIALIZED_VIEW', 'NO', null, 'UNKNOWN_DATA_SOURCE_FORMAT', null],
    ['ext_v', 'VIEW', 'NO', 'a view', 'UNKNOWN_DATA_SOURCE_FORMAT', null]]);
  assert.deepEqual(await rows("SELECT * FROM main.information_schema.views WHERE table_name = 'ext_v'"),
    [['main', 'default', 'ext_v', 'SELECT a FROM main.default.ext', 'NONE', 'NO', 'NO', null]]);
  assert.deepEqual(await rows("SELECT comment FROM main.information_schema.columns WHERE table_name = 'ext_v'"), [['the a']]);
  // The information_schema views describe themselves, as a workspace's do.
  assert.deepEqual(await rows(`SELECT column_name, ordinal_position, data_type FROM samples.information_schema.columns
    WHERE table_schema = 'information_schema' AND table_name = 'key_column_usage' AND ordinal_position >= 7`),
  [['ordinal_position', '7', 'INT'], ['position_in_unique_constraint', '8', 'INT']]);
  assert.deepEqual(await rows('SELECT catalog_name, catalog_owner, comment FROM main.information_schema.catalogs'),
    [['main', 'user@example.com', 'Main catalog (auto-created)']]);
  assert.deepEqual(await rows('SELECT catalog_name FROM system.information_schema.catalogs'),
    [['hive_metastore'], ['main'], ['samples'], ['system']]);
  assert.deepEqual(await schemaOf('SELECT * FROM system.information_schema.schemata'), [...strings('catalog_name', 'schema_name',
    'schema_owner', 'comment'), ['created', 'TIMESTAMP'], ['created_by', 'STRING'], ['last_altered', 'TIMESTAMP'], ['last_altered_by', 'STRING']]);
  assert.deepEqual(await rows("SELECT catalog_name, schema_name, comment FROM system.information_schema.schemata WHERE schema_name <> 'wide_schema'"), [
    ['main', 'default', 'Default schema (auto-created)'], ['main', 'information_schema', 'Information schema (auto-created)'],
    ['samples', 'information_schema', 'Information schema (auto-created)'], ['samples', 'nyctaxi', null],
    ['system', 'information_schema', 'Information schema (auto-created)']]);
  assert.deepEqual(await rows(`SELECT DISTINCT table_catalog FROM system.information_schema.tables
    WHERE table_schema <> 'information_schema' ORDER BY 1`), [['main'], ['samples']]);
  assert.deepEqual(await rows('SELECT count(*) FROM information_schema.columns', { catalog: 'samples', schema: 'nyctaxi' }),
    await rows("SELECT count(*) FROM system.information_schema.columns WHERE table_catalog = 'samples'"));
  for (const view of ['routines', 'parameters']) assert.deepEqual(await rows(`SELECT * FROM main.information_schema.${view}`), []);
  assert.equal((await schemaOf('SELECT * FROM main.information_schema.routines')).length, 33);
  assert.deepEqual((await schemaOf('SELECT * FROM main.information_schema.parameters')).slice(0, 9).map(([n]) => n), ['specific_catalog',
    'specific_schema', 'specific_name', 'ordinal_position', 'parameter_mode', 'is_result', 'as_locator', 'parameter_name', 'data_type']);
  for (const s of ['DROP VIEW main.default.ext_v', 'DROP MATERIALIZED VIEW main.default.ext_mv', 'DROP TABLE main.default.ext']) await run(s);
});

test('informational PRIMARY KEY / FOREIGN KEY: kept, not enforced, reported through information_schema', async () => {
  await run('CREATE SCHEMA main.shop');
  await run('CREATE TABLE main.shop.customers (id INT NOT NULL, region STRING, name STRING, CONSTRAINT customers_pk PRIMARY KEY (id, region))');
  await run(`CREATE TABLE main.shop.orders (order_id BIGINT PRIMARY KEY, cust INT, reg STRING, note STRING,
    CONSTRAINT orders_customers_fk FOREIGN KEY (reg, cust) REFERENCES main.shop.customers (region, id) NOT ENFORCED RELY)`);
  await run('INSERT INTO main.shop.orders VALUES (1, 99, \'x\', NULL), (1, 98, \'y\', NULL)'); // not enforced, as in Databricks
  assert.deepEqual(await rows("SELECT * FROM main.information_schema.table_constraints WHERE table_schema = 'shop'"), [
    ['main', 'shop', 'customers_pk', 'main', 'shop', 'customers', 'PRIMARY KEY', 'YES', 'NO', 'NO', null],
    ['main', 'shop', 'orders_customers_fk', 'main', 'shop', 'orders', 'FOREIGN KEY', 'YES', 'NO', 'NO', null],
    ['main', 'shop', 'orders_pk', 'main', 'shop', 'orders', 'PRIMARY KEY', 'YES', 'NO', 'NO', null]]);
  assert.deepEqual(await schemaOf('SELECT * FROM main.information_schema.key_column_usage'), [...strings('constraint_catalog',
    'constraint_schema', 'constraint_name', 'table_catalog', 'table_schema', 'table_name', 'column_name'),
  ['ordinal_position', 'INT'], ['position_in_unique_constraint', 'INT']]);
  assert.deepEqual(await rows(`SELECT constraint_name, column_name, ordinal_position, position_in_unique_constraint
    FROM main.information_schema.key_column_usage WHERE table_schema = 'shop'`), [
    ['customers_pk', 'id', '1', null], ['customers_pk', 'region', '2', null],
    ['orders_customers_fk', 'reg', '1', '2'], ['orders_customers_fk', 'cust', '2', '1'], ['orders_pk', 'order_id', '1', null]]);
  assert.deepEqual(await rows('SELECT * FROM system.information_schema.referential_constraints'),
    [['main', 'shop', 'orders_customers_fk', 'main', 'shop', 'customers_pk', 'FULL', 'NO ACTION', 'NO ACTION']]);
  assert.deepEqual(await rows("SELECT table_name, column_name, constraint_name FROM main.information_schema.constraint_column_usage WHERE table_schema = 'shop'"), [
    ['customers', 'id', 'customers_pk'], ['customers', 'region', 'customers_pk'], ['customers', 'id', 'orders_customers_fk'],
    ['customers', 'region', 'orders_customers_fk'], ['orders', 'order_id', 'orders_pk']]);
  // Key columns are NOT NULL (implicitly for region and order_id).
  assert.deepEqual(await rows(`SELECT table_name, column_name FROM main.information_schema.columns
    WHERE table_schema = 'shop' AND is_nullable = 'NO'`), [['customers', 'id'], ['customers', 'region'], ['orders', 'order_id']]);
  // The drivers' key commands.
  assert.deepEqual(await rows('SHOW KEYS IN CATALOG main IN SCHEMA shop IN TABLE customers'),
    [['main', 'shop', 'customers', 'id', '1', 'customers_pk'], ['main', 'shop', 'customers', 'region', '2', 'customers_pk']]);
  assert.deepEqual((await rows('SHOW FOREIGN KEYS IN CATALOG main IN SCHEMA shop IN TABLE orders')).map((r) => [r[2], r[3], r[6], r[7], r[8], r[11], r[12]]),
    [['customers', 'region', 'orders', 'reg', '1', 'orders_customers_fk', 'customers_pk'], ['customers', 'id', 'orders', 'cust', '2', 'orders_customers_fk', 'customers_pk']]);
  // ALTER TABLE ADD / DROP, and the failures a workspace reports.
  await run('CREATE TABLE main.shop.items (sku STRING, order_id BIGINT)');
  await run('ALTER TABLE main.shop.items ADD CONSTRAINT items_pk PRIMARY KEY (sku)');
  await run('ALTER TABLE main.shop.items ADD CONSTRAINT items_orders_fk FOREIGN KEY (order_id) REFERENCES main.shop.orders');
  assert.deepEqual(await rows("SELECT constraint_name, unique_constraint_name FROM main.information_schema.referential_constraints WHERE constraint_name LIKE 'items%'"),
    [['items_orders_fk', 'orders_pk']]);
  assert.equal((await failure('ALTER TABLE main.shop.orders DROP PRIMARY KEY')).sqlState, '42K09');
  await run('ALTER TABLE main.shop.orders DROP PRIMARY KEY CASCADE');
  await run('ALTER TABLE main.shop.items DROP CONSTRAINT IF EXISTS items_orders_fk');
  assert.equal((await failure('ALTER TABLE main.shop.items DROP CONSTRAINT nope')).sqlState, '42704');
  assert.equal((await failure('CREATE TABLE main.shop.bad (x INT, CONSTRAINT f FOREIGN KEY (x) REFERENCES main.shop.orders)')).sqlState, '42704');
  assert.equal((await failure('CREATE TABLE main.shop.bad (x INT, CONSTRAINT customers_pk PRIMARY KEY (x))')).sqlState, '42710');
  assert.deepEqual(await rows("SELECT constraint_name FROM main.information_schema.table_constraints WHERE table_schema = 'shop'"),
    [['customers_pk'], ['orders_customers_fk'], ['items_pk']].sort());
  await run('DROP TABLE main.shop.items');
  assert.deepEqual(await rows("SELECT count(*) FROM main.information_schema.key_column_usage WHERE table_name = 'items'"), [['0']]);
});

test('comments: CREATE TABLE COMMENT, COMMENT ON TABLE / SCHEMA, ALTER COLUMN … COMMENT', async () => {
  await run("CREATE TABLE main.default.notes (id INT COMMENT 'first', body STRING) COMMENT 'some notes'");
  await run("COMMENT ON TABLE main.default.notes IS 'better notes'");
  await run("ALTER TABLE main.default.notes ALTER COLUMN body COMMENT 'the text'");
  await run("CREATE SCHEMA main.commented COMMENT 'made for a test'");
  await run("COMMENT ON SCHEMA main.default IS 'where things go'");
  assert.deepEqual(await rows("SELECT comment FROM main.information_schema.tables WHERE table_name = 'notes'"), [['better notes']]);
  assert.deepEqual(await rows("SELECT column_name, comment FROM main.information_schema.columns WHERE table_name = 'notes'"),
    [['id', 'first'], ['body', 'the text']]);
  assert.deepEqual(await rows("SELECT schema_name, comment FROM main.information_schema.schemata WHERE schema_name IN ('commented', 'default')"),
    [['commented', 'made for a test'], ['default', 'where things go']]);
  assert.deepEqual((await rows("SHOW TABLES IN CATALOG main SCHEMA LIKE 'default' LIKE 'notes'"))[0][6], 'better notes');
  await run('DROP TABLE main.default.notes');
  await run('DROP SCHEMA main.commented');
  await run("COMMENT ON SCHEMA main.default IS NULL");
});

test('DESCRIBE TABLE [EXTENDED] [AS JSON] and DESCRIBE t col', async () => {
  await run(`CREATE TABLE main.default.described (id INT NOT NULL, day DATE COMMENT 'partition day', v STRING,
    CONSTRAINT described_pk PRIMARY KEY (id)) USING DELTA PARTITIONED BY (day) COMMENT 'for DESCRIBE' TBLPROPERTIES ('k' = 'v')`);
  assert.deepEqual(await schemaOf('DESCRIBE TABLE main.default.described'), strings('col_name', 'data_type', 'comment'));
  assert.deepEqual(await rows('DESCRIBE main.default.described'), [['id', 'int', null], ['day', 'date', 'partition day'], ['v', 'string', null],
    ['# Partition Information', '', ''], ['# col_name', 'data_type', 'comment'], ['day', 'date', 'partition day']]);
  const ext = await rows('DESCRIBE TABLE EXTENDED main.default.described');
  const detail = Object.fromEntries(ext.slice(ext.findIndex((r) => r[0] === '# Detailed Table Information') + 1).map((r) => [r[0], r[1]]));
  assert.equal(detail.Catalog, 'main');
  assert.equal(detail.Database, 'default');
  assert.equal(detail.Table, 'described');
  assert.equal(detail.Type, 'MANAGED');
  assert.equal(detail.Comment, 'for DESCRIBE');
  assert.equal(detail.Provider, 'delta');
  assert.equal(detail['Table Properties'], '[k=v]');
  assert.match(detail['Created Time'], /^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
  assert.equal(detail.described_pk, 'PRIMARY KEY (`id`)');
  const json = JSON.parse((await rows('DESCRIBE TABLE EXTENDED main.default.described AS JSON'))[0][0]);
  assert.deepEqual(await schemaOf('DESC FORMATTED main.default.described AS JSON'), [['json_metadata', 'STRING']]);
  assert.deepEqual([json.table_name, json.catalog_name, json.schema_name, json.namespace, json.type, json.provider],
    ['described', 'main', 'default', ['default'], 'MANAGED', 'delta']);
  assert.deepEqual(json.columns[0], { name: 'id', type: { name: 'int' }, nullable: false });
  assert.deepEqual(json.columns[1], { name: 'day', type: { name: 'date' }, comment: 'partition day', nullable: true });
  assert.equal((await failure('DESCRIBE main.default.described AS JSON')).sqlState, '0A000');
  assert.deepEqual(await rows('DESCRIBE main.default.described day'), [['col_name', 'day'], ['data_type', 'date'], ['comment', 'partition day']]);
  const missing = await failure('DESCRIBE TABLE main.default.nope');
  assert.equal(missing.sqlState, '42P01');
  assert.match(missing.message, /^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `main`\.`default`\.`nope` cannot be found/);
  await run('DROP TABLE main.default.described');
});

test('hive_metastore: SHOW and DESCRIBE work, information_schema does not exist there', async () => {
  const r = await failure('SELECT * FROM hive_metastore.information_schema.tables');
  assert.equal(r.sqlState, '42P01');
  assert.match(r.message, /^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `hive_metastore`\.`information_schema`\.`tables` cannot be found\./);
  assert.equal((await failure('SELECT * FROM information_schema.columns', { catalog: 'hive_metastore' })).sqlState, '42P01');
  assert.deepEqual(await rows('SELECT count(*) FROM legacy_sales.orders', { catalog: 'hive_metastore' }), [['3']]);
  assert.deepEqual((await rows('DESCRIBE hive_metastore.legacy_sales.orders')).map((x) => x[1]), ['bigint', 'int', 'decimal(10,2)', 'timestamp']);
  assert.equal((await failure('CREATE TABLE hive_metastore.default.k (id INT PRIMARY KEY)')).sqlState, '0A000');
  await run("CREATE TABLE hive_metastore.default.plain (id INT COMMENT 'x')");
  assert.deepEqual(await rows('SHOW TABLES IN hive_metastore.default'), [['default', 'plain', 'false']]);
  assert.deepEqual(await rows("SELECT count(*) FROM system.information_schema.tables WHERE table_catalog = 'hive_metastore'"), [['0']]);
  await run('DROP TABLE hive_metastore.default.plain');
});

test('catalog.schema DDL, USE, and current_catalog()/current_schema() name the Databricks catalog', async () => {
  await run('CREATE SCHEMA IF NOT EXISTS main.sales');
  await run('CREATE SCHEMA IF NOT EXISTS main.sales');
  assert.equal((await failure('CREATE SCHEMA main.sales')).sqlState, '42P06');
  assert.equal((await failure('CREATE SCHEMA nope.sales')).sqlState, '42704');
  await run('CREATE TABLE main.sales.x (a INT)');
  await run('CREATE TABLE y (b INT)', { catalog: 'main', schema: 'sales' });
  assert.deepEqual(await rows('SHOW TABLES IN main.sales'), [['sales', 'x', 'false'], ['sales', 'y', 'false']]);
  assert.deepEqual(await rows('SELECT current_catalog(), current_schema(), current_database()', { catalog: 'main', schema: 'sales' }),
    [['main', 'sales', 'sales']]);
  assert.deepEqual(await rows('SELECT current_catalog(), current_schema()', { catalog: 'hive_metastore' }), [['hive_metastore', 'default']]);
  assert.deepEqual(await rows('SELECT current_catalog(), current_schema()'), [['main', 'default']]);
  await run('USE CATALOG hive_metastore');
  await run('USE SCHEMA main.sales');
  const notEmpty = await failure('DROP SCHEMA main.sales');
  assert.equal(notEmpty.sqlState, '2BP01');
  assert.match(notEmpty.message, /^\[SCHEMA_NOT_EMPTY\]/);
  await run('DROP SCHEMA main.sales CASCADE');
  await run('DROP SCHEMA IF EXISTS main.sales');
  assert.equal((await failure('DROP SCHEMA main.sales')).sqlState, '42704');
});

test('--seed-tables=500 builds main.wide_schema; metadata over it stays complete', async () => {
  assert.equal((await rows('SHOW TABLES IN main.wide_schema')).length, 500);
  assert.deepEqual(await rows(`SELECT count(DISTINCT table_name), count(*), count(DISTINCT data_type) FROM main.information_schema.columns
    WHERE table_schema = 'wide_schema'`), [['500', '2750', '16']]);
  assert.deepEqual(await rows("SELECT column_name, full_data_type FROM main.information_schema.columns WHERE table_name = 't0004'"), [
    ['id', 'int'], ['label', 'string'], ['score', 'float'], ['flag', 'tinyint'], ['addr', 'struct<city:string,zip:int>'], ['note', 'string']]);
  assert.equal((await rows("SHOW COLUMNS IN CATALOG main SCHEMA LIKE 'wide_schema'")).length, 2750);
});

test('keys, comments and table types survive a restart on the same data dir', async () => {
  const first = await startWarehouse();
  try {
    await first.execute({ statement: "CREATE TABLE main.default.kept (id INT PRIMARY KEY) COMMENT 'kept'" });
    await first.execute({ statement: 'CREATE VIEW main.default.kept_v AS SELECT id FROM main.default.kept' });
  } finally {
    await first.stop({ keepDataDir: true });
  }
  const second = await startWarehouse([], { dataDir: first.dir });
  try {
    const r = await second.execute({ statement: `SELECT t.table_name, t.table_type, t.comment, k.constraint_name FROM main.information_schema.tables t
      LEFT JOIN main.information_schema.table_constraints k USING (table_schema, table_name) WHERE t.table_name LIKE 'kept%' ORDER BY 1` });
    assert.deepEqual(r.result.data_array, [['kept', 'MANAGED', 'kept', 'kept_pk'], ['kept_v', 'VIEW', null, null]]);
  } finally {
    await second.stop();
    fs.rmSync(first.dir, { recursive: true, force: true });
  }
});
