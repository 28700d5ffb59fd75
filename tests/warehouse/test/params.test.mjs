// Named parameters of every type, cast the way Databricks casts them (Spark's
// ANSI string casts), multi-row INSERTs with thousands of markers, the
// parameter-count limit, and the request log's statement fields. The session
// zone has DST so TIMESTAMP parameters show they are read in it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';
import { paramType, parseInterval } from '../lib/params.mjs';

let wh;
before(async () => { wh = await startWarehouse(['--time-zone', 'America/Los_Angeles', '--faults', '--max-parameters', '0']); });
after(async () => { await wh.stop(); });

const run = (statement, parameters) => wh.execute({ statement, parameters, wait_timeout: '50s' });
async function one(statement, parameters) {
  const r = await run(statement, parameters);
  assert.equal(r.status.state, 'SUCCEEDED', `${statement}: ${JSON.stringify(r.status)}`);
  return { row: r.result.data_array[0], columns: r.manifest.schema.columns };
}
const selectOne = async (type, value) => one('SELECT :p AS v', [{ name: 'p', type, value }]);

// [type, value sent, JSON_ARRAY text, manifest type_text]
const VALUES = [
  ['BOOLEAN', ' Yes ', 'true', 'BOOLEAN'],
  ['BOOLEAN', '0', 'false', 'BOOLEAN'],
  ['TINYINT', '-128', '-128', 'TINYINT'],
  ['SMALLINT', '32767', '32767', 'SMALLINT'],
  ['INT', ' +42 ', '42', 'INT'],
  ['BIGINT', '-9223372036854775808', '-9223372036854775808', 'BIGINT'],
  ['FLOAT', '1.5', '1.5', 'FLOAT'],
  ['DOUBLE', '1.236', '1.236', 'DOUBLE'],
  ['DOUBLE', 'NaN', 'NaN', 'DOUBLE'],
  ['DOUBLE', '-Infinity', '-Infinity', 'DOUBLE'],
  ['DECIMAL(5,2)', '123.45', '123.45', 'DECIMAL(5,2)'],
  ['DECIMAL(4,4)', '0.0000', '0.0000', 'DECIMAL(4,4)'],
  ['DECIMAL(5,2)', '1.005', '1.01', 'DECIMAL(5,2)'], // HALF_UP, as Spark's changePrecision
  ['DECIMAL(38,10)', '1234567890123456789012345678.0123456789', '1234567890123456789012345678.0123456789', 'DECIMAL(38,10)'],
  ['DECIMAL(38,0)', '-99999999999999999999999999999999999999', '-99999999999999999999999999999999999999', 'DECIMAL(38,0)'],
  ['DECIMAL(10,2)', '1.5e2', '150.00', 'DECIMAL(10,2)'],
  ['STRING', 'it\'s "quoted" \\ back\\slash 😀 こんにちは', 'it\'s "quoted" \\ back\\slash 😀 こんにちは', 'STRING'],
  ['STRING', '', '', 'STRING'],
  ['DATE', '2024-02-29', '2024-02-29', 'DATE'],
  ['DATE', '0001-01-01', '0001-01-01', 'DATE'],
  ['DATE', '1899-12-31', '1899-12-31', 'DATE'],
  ['DATE', '9999-12-31 23:59:59', '9999-12-31', 'DATE'],
  ['TIMESTAMP', '2021-01-01 10:00:00', '2021-01-01T10:00:00.000-08:00', 'TIMESTAMP'],
  ['TIMESTAMP', '2021-06-15T12:34:56.789Z', '2021-06-15T05:34:56.789-07:00', 'TIMESTAMP'],
  ['TIMESTAMP', '2021-06-15 12:34:56+02:00', '2021-06-15T03:34:56.000-07:00', 'TIMESTAMP'],
  ['TIMESTAMP_NTZ', '2024-01-31 12:34:56.987654', '2024-01-31T12:34:56.987', 'TIMESTAMP_NTZ'],
  ['INTERVAL YEAR TO MONTH', '1-2', '1-2', 'INTERVAL YEAR TO MONTH'],
  ['INTERVAL YEAR TO MONTH', "INTERVAL '-1-2' YEAR TO MONTH", '-1-2', 'INTERVAL YEAR TO MONTH'],
  ['INTERVAL YEAR', '3', '3-0', 'INTERVAL YEAR TO MONTH'],
  ['INTERVAL MONTH', '14', '1-2', 'INTERVAL YEAR TO MONTH'],
  ['INTERVAL DAY TO SECOND', '-1 02:03:04.5', '-1 02:03:04.500000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL DAY TO SECOND', "INTERVAL '3 04:05:06.123456789' DAY TO SECOND", '3 04:05:06.123456000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL DAY', '3', '3 00:00:00.000000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL DAY TO HOUR', '1 05', '1 05:00:00.000000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL DAY TO MINUTE', '1 05:06', '1 05:06:00.000000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL HOUR', '25', '1 01:00:00.000000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL HOUR TO MINUTE', "INTERVAL '10:30' HOUR TO MINUTE", '0 10:30:00.000000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL HOUR TO SECOND', '10:30:15.25', '0 10:30:15.250000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL MINUTE', '90', '0 01:30:00.000000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL MINUTE TO SECOND', '-5:06.7', '-0 00:05:06.700000000', 'INTERVAL DAY TO SECOND'],
  ['INTERVAL SECOND', '45.789', '0 00:00:45.789000000', 'INTERVAL DAY TO SECOND'],
  ['BINARY', 'ab', 'YWI=', 'BINARY'], // a STRING value cast to BINARY is its UTF-8 bytes
];

test('every parameter type: the value is cast as Spark casts it and rendered as JSON_ARRAY text', async () => {
  for (const [type, value, text, typeText] of VALUES) {
    const { row, columns } = await selectOne(type, value);
    assert.equal(row[0], text, `${type} ${JSON.stringify(value)}`);
    assert.equal(columns[0].type_text, typeText, type);
  }
});

test('TIMESTAMP keeps microseconds and truncates nanoseconds; dates before 1900 stay exact', async () => {
  const { row } = await one('SELECT CAST(:t AS STRING), CAST(:n AS STRING), :d = DATE\'1582-10-04\'', [
    { name: 't', type: 'TIMESTAMP', value: '2024-01-31 12:34:56.123456789' },
    { name: 'n', type: 'TIMESTAMP_NTZ', value: '2024-01-31 12:34:56.9999999' },
    { name: 'd', type: 'DATE', value: '1582-10-04' },
  ]);
  assert.deepEqual(row, ['2024-01-31 12:34:56.123456', '2024-01-31 12:34:56.999999', 'true']);
});

test('a parameter without a value is a NULL of its type, for every type', async () => {
  const types = ['BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL(10,2)', 'STRING', 'DATE',
    'TIMESTAMP', 'TIMESTAMP_NTZ', 'BINARY', 'INTERVAL YEAR TO MONTH', 'INTERVAL DAY TO SECOND', 'INTERVAL HOUR'];
  const statement = `SELECT ${types.map((_, i) => `:p${i}`).join(', ')}`;
  const { row, columns } = await one(statement, types.map((type, i) => ({ name: `p${i}`, type })));
  assert.deepEqual(row, types.map(() => null));
  assert.deepEqual(columns.map((c) => c.type_text).slice(0, 13), ['BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE',
    'DECIMAL(10,2)', 'STRING', 'DATE', 'TIMESTAMP', 'TIMESTAMP_NTZ', 'BINARY']);
});

test('a value the cast rejects FAILS the statement as Databricks does', async () => {
  const cases = [
    ['INT', 'abc', 'CAST_INVALID_INPUT', '22018', /The value 'abc' of the type "STRING" cannot be cast to "INT" because it is malformed/],
    ['INT', '1.5', 'CAST_INVALID_INPUT', '22018', /'1.5'.*"INT"/],
    ['TINYINT', '128', 'CAST_INVALID_INPUT', '22018', /"TINYINT"/],
    ['BOOLEAN', 'maybe', 'CAST_INVALID_INPUT', '22018', /"BOOLEAN"/],
    ['DOUBLE', '1.2.3', 'CAST_INVALID_INPUT', '22018', /"DOUBLE"/],
    ['DATE', '2023-02-29', 'CAST_INVALID_INPUT', '22018', /"DATE"/],
    ['TIMESTAMP', '2024-01-31 25:00:00', 'CAST_INVALID_INPUT', '22018', /"TIMESTAMP"/],
    ['DECIMAL(5,2)', '12345.678', 'NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION', '22003', /cannot be represented as Decimal\(5, 2\)/],
    ['INTERVAL DAY TO SECOND', '1 25:00:00', 'INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING', '22006', /day-time format of `\[\+\|-\]d h:m:s.n`/],
    ['INTERVAL YEAR TO MONTH', "INTERVAL '1-2' DAY", 'INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING', '22006', /interval year to month/],
  ];
  for (const [type, value, errorClass, sqlState, message] of cases) {
    const r = await run('SELECT :p', [{ name: 'p', type, value }]);
    assert.equal(r.status.state, 'FAILED', `${type} ${value}`);
    assert.equal(r.status.error.error_code, 'BAD_REQUEST');
    assert.ok(r.status.error.message.startsWith(`[${errorClass}] `), r.status.error.message);
    assert.ok(r.status.error.message.endsWith(`SQLSTATE: ${sqlState}`), r.status.error.message);
    assert.match(r.status.error.message, message);
    assert.equal(r.status.sql_state, sqlState);
  }
});

test('a parameter type the API does not take is a 400, before anything runs', async () => {
  const r = await wh.api('POST', '/api/2.0/sql/statements', { warehouse_id: wh.info.warehouse_id, statement: 'SELECT :a', parameters: [{ name: 'a', value: '[1]', type: 'ARRAY<INT>' }] });
  assert.equal(r.status, 400);
  assert.equal(r.body.error_code, 'INVALID_PARAMETER_VALUE');
});

test('BINARY sent as hex text and wrapped in unhex(): zero bytes survive, rendered like a BINARY column', async () => {
  await run('CREATE TABLE main.default.blobs (id INT, b BINARY)');
  const ins = await run('INSERT INTO main.default.blobs VALUES (:i, unhex(:h))', [{ name: 'i', type: 'INT', value: '1' }, { name: 'h', value: '00FF0010' }]);
  assert.deepEqual(ins.result.data_array, [['1', '1']]);
  const { row, columns } = await one("SELECT b, unhex(:h) = X'00FF0010', length(b), unhex(:odd), unhex(:bad), unhex(:empty) FROM main.default.blobs",
    [{ name: 'h', value: '00ff0010' }, { name: 'odd', value: 'F' }, { name: 'bad', value: 'zz' }, { name: 'empty', value: '' }]);
  assert.deepEqual(row, ['AP8AEA==', 'true', '4', 'Dw==', null, '']);
  assert.equal(columns[0].type_name, 'BINARY');
  // the driver's batched form: every row's BINARY marker inside unhex()
  const batch = await run('INSERT INTO main.default.blobs VALUES (:i2, unhex(:h2)), (:i3, unhex(:h3)), (:i4, unhex(:h4))', [
    { name: 'i2', type: 'INT', value: '2' }, { name: 'h2', value: '0000' }, { name: 'i3', type: 'INT', value: '3' }, { name: 'h3', value: '' },
    { name: 'i4', type: 'INT', value: '4' }, { name: 'h4' }]);
  assert.deepEqual(batch.result.data_array, [['3', '3']]);
  const back = await run('SELECT id, b, length(b) FROM main.default.blobs ORDER BY id');
  assert.deepEqual(back.result.data_array, [['1', 'AP8AEA==', '4'], ['2', 'AAA=', '2'], ['3', '', '0'], ['4', null, null]]);
});

test('1 MB STRING values with quotes, backslashes and emoji round-trip, inline and in a multi-row INSERT', async () => {
  const big = `'"\\😀é`.repeat(150_000).slice(0, 1_000_000);
  const { row } = await one('SELECT length(:s), :s = :s, substring(:s, 1, 6)', [{ name: 's', value: big }]);
  assert.deepEqual(row, [String([...big].length), 'true', [...big].slice(0, 6).join('')]);
  await run('CREATE TABLE main.default.big_strings (id INT, s STRING)');
  await run('INSERT INTO main.default.big_strings VALUES (:a, :s), (:b, :t)',
    [{ name: 'a', type: 'INT', value: '1' }, { name: 's', value: big }, { name: 'b', type: 'INT', value: '2' }, { name: 't', value: 'a\u0000b' }]);
  const r = await run('SELECT id, s = :s, length(s) FROM main.default.big_strings ORDER BY id', [{ name: 's', value: big }]);
  assert.deepEqual(r.result.data_array, [['1', 'true', String([...big].length)], ['2', 'false', '3']]);
});

// A multi-row INSERT of markers, as the driver batches rows.
function insertBatch(table, rows, types) {
  const parameters = [];
  const tuples = rows.map((row, r) => `(${row.map((value, c) => {
    const name = `p${r * types.length + c}`;
    parameters.push(value === null ? { name, type: types[c] } : { name, type: types[c], value });
    return `:${name}`;
  }).join(', ')})`);
  return { statement: `INSERT INTO ${table} (a, b, c, d, e) VALUES ${tuples.join(', ')}`, parameters };
}

test('a 10,000-row × 5-column INSERT of markers: every value lands typed, with Databricks DML counts', async () => {
  await run('CREATE TABLE main.default.batch (a INT, b STRING, c DOUBLE, d DECIMAL(10,2), e TIMESTAMP)');
  const types = ['INT', 'STRING', 'DOUBLE', 'DECIMAL(10,2)', 'TIMESTAMP'];
  const rows = Array.from({ length: 10_000 }, (_, i) => [String(i), i % 10 === 0 ? null : `name ${i}, "q" 'x' [${i}]`,
    String(i / 4), `${i}.5`, `2024-01-${String(1 + (i % 28)).padStart(2, '0')} 12:00:00.${String(i % 1000).padStart(3, '0')}`]);
  const { statement, parameters } = insertBatch('main.default.batch', rows, types);
  assert.equal(parameters.length, 50_000);
  const r = await run(statement, parameters);
  assert.equal(r.status.state, 'SUCCEEDED', JSON.stringify(r.status));
  assert.deepEqual(r.manifest.schema.columns.map((c) => [c.name, c.type_name]), [['num_affected_rows', 'LONG'], ['num_inserted_rows', 'LONG']]);
  assert.deepEqual(r.result.data_array, [['10000', '10000']]);
  const check = await one('SELECT count(*), count(b), sum(a), sum(d), max(c), min(e) FROM main.default.batch');
  assert.deepEqual(check.row, ['10000', '9000', '49995000', '50000000.00', '2499.75', '2024-01-01T12:00:00.000-08:00']);
  const sample = await one('SELECT a, b, c, d, CAST(e AS STRING) FROM main.default.batch WHERE a = 1234');
  assert.deepEqual(sample.row, ['1234', 'name 1234, "q" \'x\' [1234]', '308.5', '1234.50', '2024-01-03 12:00:00.234']);
});

test('a multi-row INSERT whose column types differ per row, or that mixes literals, still inserts exactly', async () => {
  await run('CREATE TABLE main.default.mixed (a BIGINT, b STRING)');
  const r = await run("INSERT INTO main.default.mixed VALUES (:a, :b), (:c, 'lit'), (:d, :e)", [
    { name: 'a', type: 'INT', value: '1' }, { name: 'b', value: 'x' }, { name: 'c', type: 'BIGINT', value: '9223372036854775807' },
    { name: 'd', type: 'SMALLINT', value: '3' }, { name: 'e' }]);
  assert.deepEqual(r.result.data_array, [['3', '3']]);
  const all = await run('SELECT * FROM main.default.mixed ORDER BY a');
  assert.deepEqual(all.result.data_array, [['1', 'x'], ['3', null], ['9223372036854775807', 'lit']]);
  const bad = await run('INSERT INTO main.default.mixed VALUES (:a, :b), (:c, :d)', [
    { name: 'a', type: 'INT', value: '1' }, { name: 'b', value: 'x' }, { name: 'c', type: 'INT', value: 'two' }, { name: 'd', value: 'y' }]);
  assert.equal(bad.status.sql_state, '22018');
  assert.equal((await one('SELECT count(*) FROM main.default.mixed')).row[0], '3'); // nothing of the failed batch
});

test('the parameter-count limit a workspace enforces: 400 BAD_REQUEST past --max-parameters', async () => {
  const limited = await startWarehouse(['--max-parameters', '3']);
  try {
    const params = (n) => Array.from({ length: n }, (_, i) => ({ name: `p${i}`, type: 'INT', value: String(i) }));
    const ok = await limited.execute({ statement: 'SELECT :p0 + :p1 + :p2', parameters: params(3) });
    assert.deepEqual(ok.result.data_array, [['3']]);
    const r = await limited.api('POST', '/api/2.0/sql/statements', { warehouse_id: limited.info.warehouse_id, statement: 'SELECT 1', parameters: params(4) });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, { error_code: 'BAD_REQUEST', message: 'Parameterized query has too many parameters: 4 parameters were given but the limit is 3.' });
  } finally {
    await limited.stop();
  }
});

test('the request log shows each statement POST: first 200 characters, byte length, parameter count, no values', async () => {
  await wh.admin('DELETE', 'requests');
  const statement = `SELECT :secret AS s, '${'é'.repeat(300)}' AS long_text`;
  await run(statement, [{ name: 'secret', value: 'hunter2-value' }]);
  await run('SELECT 1');
  const log = (await wh.admin('GET', 'requests')).body.requests.filter((e) => e.method === 'POST' && e.path === '/api/2.0/sql/statements');
  assert.equal(log.length, 2);
  assert.equal(log[0].statement, statement.slice(0, 200));
  assert.equal(log[0].statement_bytes, Buffer.byteLength(statement));
  assert.equal(log[0].parameter_count, 1);
  assert.deepEqual([log[1].statement, log[1].statement_bytes, log[1].parameter_count], ['SELECT 1', 8, 0]);
  assert.ok(!JSON.stringify(log).includes('hunter2-value'));
});

test('markers work anywhere a literal does: IN lists, function arguments, LIMIT, CREATE TABLE AS', async () => {
  const { row } = await one('SELECT 3 IN (:a, :b), upper(:s), :n * 2, concat(:s, :s) FROM range(10) LIMIT :lim', [
    { name: 'a', type: 'INT', value: '1' }, { name: 'b', type: 'INT', value: '3' }, { name: 's', value: 'ab' },
    { name: 'n', type: 'DECIMAL(3,1)', value: '1.5' }, { name: 'lim', type: 'INT', value: '1' }]);
  assert.deepEqual(row, ['true', 'AB', '3.0', 'abab']);
  await run('CREATE TABLE main.default.ctas AS SELECT :d AS d', [{ name: 'd', type: 'DATE', value: '2024-01-31' }]);
  assert.deepEqual((await one('SELECT d FROM main.default.ctas')).row, ['2024-01-31']);
});

test('the value parsers directly: Spark string forms of numbers, intervals and types', () => {
  assert.equal(paramType('decimal( 38 , 10 )').spark, 'DECIMAL(38,10)');
  assert.equal(paramType('DECIMAL').spark, 'DECIMAL(10,0)');
  assert.equal(paramType('interval  day to second').spark, 'INTERVAL DAY TO SECOND');
  assert.throws(() => paramType('INTERVAL MONTH TO DAY'), /Unsupported parameter type/);
  assert.equal(paramType('DECIMAL(5,2)').canon('-0.005'), '-0.01');
  assert.equal(paramType('DECIMAL(5,2)').canon('-0.004'), '0.00');
  assert.equal(paramType('DOUBLE').canon('1.5d'), '1.5');
  assert.equal(paramType('FLOAT').canon('1e39'), 'inf');
  assert.equal(paramType('TIMESTAMP').canon('2024-1-5T7:08'), '2024-01-05 07:08:00.000000');
  assert.equal(paramType('TIMESTAMP').canon('2024-01-05 07:08:09 America/New_York'), '2024-01-05 07:08:09.000000 America/New_York');
  assert.equal(paramType('TIMESTAMP').canon('2024-01-05 07:08:09UTC+1'), '2024-01-05 07:08:09.000000+01:00');
  assert.equal(paramType('TIMESTAMP_NTZ').canon('2024-01-05 07:08:09Z'), '2024-01-05 07:08:09.000000');
  assert.equal(parseInterval("INTERVAL -'-1-2' YEAR TO MONTH", 'YEAR TO MONTH', ['YEAR', 'MONTH']), 14n);
  assert.equal(parseInterval('+1 00:00:00.000001', 'DAY TO SECOND', ['DAY', 'HOUR', 'MINUTE', 'SECOND']), 86_400_000_001n);
  assert.throws(() => parseInterval('1-12', 'YEAR TO MONTH', ['YEAR', 'MONTH']), /INVALID_INTERVAL_FORMAT/);
});
