// Spark SQL functions, literals and casts the driver emits for ODBC {fn …}
// escapes, evaluated with Spark's semantics (values from the Spark / Databricks
// function reference), plus outer joins and CALL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWarehouse } from '../lib/harness.mjs';
import { strftimePattern } from '../lib/spark-functions.mjs';

let wh;
before(async () => { wh = await startWarehouse(); });
after(async () => { await wh.stop(); });

async function select(pairs) {
  const statement = `SELECT ${pairs.map(([expr], i) => `${expr} AS c${i}`).join(', ')}`;
  const r = await wh.execute({ statement });
  assert.equal(r.status.state, 'SUCCEEDED', `${statement}: ${JSON.stringify(r.status)}`);
  return { row: r.result.data_array[0], columns: r.manifest.schema.columns };
}

// Each case: [Spark expression, JSON_ARRAY text] or [expression, text, type_text].
async function check(cases) {
  const { row, columns } = await select(cases);
  cases.forEach(([expr, text, typeText], i) => {
    assert.equal(row[i], text, expr);
    if (typeText) assert.equal(columns[i].type_text, typeText, `${expr} type`);
  });
}

test('string functions', async () => {
  await check([
    ["ascii('A')", '65', 'INT'], ["ascii('')", '0'],
    ["bit_length('ab')", '16', 'INT'], ["bit_length('é')", '16'],
    ['chr(65)', 'A', 'STRING'], ['chr(321)', 'A'], ['chr(-1)', ''],
    ["char_length('é😀')", '2', 'INT'], ["character_length('abc')", '3'], ["length('abc')", '3'],
    ["concat('a', 'b', 'c')", 'abc'], ["concat('a', CAST(NULL AS STRING))", null],
    ["overlay('abcdef' PLACING 'XY' FROM 2 FOR 3)", 'aXYef'], ["overlay('abcdef' PLACING 'XY' FROM 2)", 'aXYdef'],
    ["lower('AbC')", 'abc'], ["upper('aBc')", 'ABC'],
    ["left('abcd', 2)", 'ab'], ["left('abcd', -1)", ''], ["right('abcd', 2)", 'cd'], ["right('abcd', 9)", 'abcd'],
    ["rtrim('  a  ')", '  a'], ["ltrim('  a  ')", 'a  '],
    ["locate('b', 'abcb')", '2', 'INT'], ["locate('z', 'abc')", '0'], ["locate('b', 'abcb', 3)", '4'], ["locate('b', 'abc', 0)", '0'],
    ["octet_length('é')", '2', 'INT'],
    ["position('c' IN 'abc')", '3', 'INT'], ["position('z' IN 'abc')", '0'],
    ["repeat('ab', 3)", 'ababab'], ["repeat('ab', -1)", ''],
    ["replace('abcb', 'b', 'X')", 'aXcX'], ["replace('abcb', 'b')", 'ac'],
    ["soundex('Robert')", 'R163'], ["soundex('Tymczak')", 'T522'], ["soundex('Ashcraft')", 'A261'], ["soundex('Pfister')", 'P236'], ["soundex('1abc')", '1abc'],
    ['space(3)', '   '], ['space(-1)', ''],
    ["substring('Spark SQL', 5)", 'k SQL'], ["substring('Spark SQL', -3)", 'SQL'], ["substring('Spark SQL', 5, 1)", 'k'],
    ["substring('Spark SQL', 0, 2)", 'Sp'], ["substr('Spark SQL' FROM 2 FOR 3)", 'par'], ["substring('abc', -10, 3)", ''],
  ]);
});

test('numeric functions', async () => {
  await check([
    ['abs(-2)', '2'], ['acos(1)', '0.0', 'DOUBLE'], ['acos(2)', 'NaN'], ['asin(0)', '0.0'], ['atan(0)', '0.0'],
    ['atan2(0, 1)', '0.0'], ['cos(0)', '1.0'], ['cot(1) > 0.64', 'true'], ['cot(0)', 'Infinity'],
    ['degrees(pi())', '180.0'], ['exp(0)', '1.0'], ['ln(1)', '0.0'], ['ln(0)', null], ['log10(1000)', '3.0'], ['log(2, 8)', '3.0'],
    ['ceiling(5.4D)', '6', 'BIGINT'], ['ceil(-0.1D)', '0'], ['floor(-5.4D)', '-6', 'BIGINT'], ['floor(5)', '5'],
    ['ceil(3.1411, 3)', '3.142'], ['floor(3.1419, 3)', '3.141'], ['ceil(3.1411, -3)', '1000'], ['floor(-0.1, 0)', '-1'],
    ['mod(7, 3)', '1'], ['mod(-7, 3)', '-1'], ['pi()', '3.141592653589793'], ['power(2, 10)', '1024.0', 'DOUBLE'],
    ['radians(180)', '3.141592653589793'], ['rand() >= 0 AND rand() < 1', 'true'], ['rand(7) = rand(7)', 'true'],
    ['round(2.5)', '3'], ['round(-2.5)', '-3'], ['round(2.675, 2)', '2.68'], ['round(1234.5678, -2)', '1200'],
    ['sign(-5)', '-1.0', 'DOUBLE'], ['sign(0.0)', '0.0'], ['sin(0)', '0.0'], ['sqrt(16)', '4.0'], ['sqrt(-1)', 'NaN'], ['tan(0)', '0.0'],
  ]);
  const r = await wh.execute({ statement: 'SELECT mod(1, 0)' });
  assert.equal(r.status.state, 'FAILED');
  assert.match(r.status.error.message, /^\[DIVIDE_BY_ZERO\] Division by zero\..* SQLSTATE: 22012$/);
  assert.equal(r.status.sql_state, '22012');
});

test('date and time functions', async () => {
  await check([
    ["date_format(DATE'2024-01-07', 'EEEE')", 'Sunday'], ["date_format(DATE'2024-01-07', 'MMMM')", 'January'],
    ["date_format(TIMESTAMP'2024-01-07 13:04:05.123', 'yyyy-MM-dd HH:mm:ss.SSS')", '2024-01-07 13:04:05.123'],
    ["date_format('2024-03-05', 'd/M/yy EEE')", '5/3/24 Tue'],
    ["dayofmonth(DATE'2024-01-31')", '31', 'INT'], ["dayofweek(DATE'2024-01-07')", '1', 'INT'], ["dayofweek(DATE'2024-01-13')", '7'],
    ["dayofyear(DATE'2024-12-31')", '366', 'INT'], ["hour(TIMESTAMP'2024-01-31 12:34:56')", '12', 'INT'],
    ["minute(TIMESTAMP'2024-01-31 12:34:56')", '34'], ["second(TIMESTAMP'2024-01-31 12:34:56.9')", '56', 'INT'],
    ["month(DATE'2024-01-31')", '1', 'INT'], ["quarter(DATE'2024-05-01')", '2', 'INT'], ["year(DATE'2024-01-31')", '2024', 'INT'],
    ["weekofyear(DATE'2021-01-03')", '53'], ["weekofyear(DATE'2024-01-01')", '1', 'INT'],
    ["extract(YEAR FROM DATE'2024-01-31')", '2024', 'INT'], ["extract(DOW FROM DATE'2024-01-07')", '1'],
    ["extract(SECOND FROM TIMESTAMP'2024-01-31 12:34:56.123456')", '56.123456', 'DECIMAL(8,6)'],
    ["date_part('MONTH', DATE'2024-03-31')", '3'],
    ["timestampadd(DAY, 1, DATE'2024-01-31')", '2024-02-01T00:00:00.000Z', 'TIMESTAMP'],
    ["timestampadd(MONTH, 1, TIMESTAMP'2024-01-31 12:00:00')", '2024-02-29T12:00:00.000Z'],
    ["timestampadd(SECOND, 90, TIMESTAMP'2024-01-31 23:59:00')", '2024-02-01T00:00:30.000Z'],
    ["timestampadd(MINUTE, -1, TIMESTAMP'2024-01-01 00:00:00')", '2023-12-31T23:59:00.000Z'],
    ["timestampadd(HOUR, 2, TIMESTAMP_NTZ'2024-01-31 23:00:00')", '2024-02-01T01:00:00.000', 'TIMESTAMP_NTZ'],
    ["timestampadd(WEEK, 1, DATE'2024-01-01')", '2024-01-08T00:00:00.000Z'], ["timestampadd(QUARTER, 1, DATE'2024-11-30')", '2025-02-28T00:00:00.000Z'],
    ["timestampadd(YEAR, 1, DATE'2024-02-29')", '2025-02-28T00:00:00.000Z'],
    ["timestampdiff(SECOND, TIMESTAMP'2024-01-01 00:00:00', TIMESTAMP'2024-01-01 00:01:30.9')", '90', 'BIGINT'],
    ["timestampdiff(MINUTE, TIMESTAMP'2024-01-01 00:00:00', TIMESTAMP'2024-01-01 01:00:00')", '60'],
    ["timestampdiff(HOUR, TIMESTAMP'2024-01-01 10:00:00', TIMESTAMP'2024-01-01 08:30:00')", '-1'],
    ["timestampdiff(DAY, TIMESTAMP'2024-01-01 12:00:00', TIMESTAMP'2024-01-03 11:00:00')", '1'],
    ["timestampdiff(WEEK, DATE'2024-01-01', DATE'2024-01-15')", '2'],
    ["timestampdiff(MONTH, DATE'2024-01-31', DATE'2024-02-29')", '0'], ["timestampdiff(MONTH, DATE'2024-01-15', DATE'2024-03-15')", '2'],
    ["timestampdiff(QUARTER, DATE'2024-01-01', DATE'2024-12-31')", '3'], ["timestampdiff(YEAR, DATE'2020-02-29', DATE'2024-02-28')", '3'],
    ["datediff(DATE'2024-03-01', DATE'2024-02-01')", '29', 'INT'], ["date_add(DATE'2024-02-28', 2)", '2024-03-01', 'DATE'],
    ['current_date() = current_date', 'true'], ['current_timestamp() <= now()', 'true'],
  ]);
  const { columns } = await select([['current_date()'], ['current_timestamp()']]);
  assert.deepEqual(columns.map((c) => c.type_text), ['DATE', 'TIMESTAMP']);
});

test('session functions, coalesce, literals and CAST targets', async () => {
  await check([
    ['current_catalog()', 'main'], ['current_user()', 'user@example.com'], ['coalesce(NULL, 2, 3)', '2'], ['nvl(NULL, 3)', '3'],
    ["DATE'2024-01-31'", '2024-01-31', 'DATE'], ["TIMESTAMP'2024-01-31 12:34:56.123456'", '2024-01-31T12:34:56.123Z', 'TIMESTAMP'],
    ["INTERVAL '1-2' YEAR TO MONTH", '1-2', 'INTERVAL YEAR TO MONTH'], ["INTERVAL -'1-2' YEAR TO MONTH", '-1-2'],
    ["INTERVAL '3' DAY", '3 00:00:00.000000000', 'INTERVAL DAY TO SECOND'], ["INTERVAL '3 04:05:06.5' DAY TO SECOND", '3 04:05:06.500000000'],
    ["DATE'2024-01-31' + INTERVAL '1' MONTH", '2024-02-29T00:00:00.000'],
    ['1L', '1', 'BIGINT'], ['2S', '2', 'SMALLINT'], ['3Y', '3', 'TINYINT'], ['1.5D', '1.5', 'DOUBLE'], ['1.25BD', '1.25', 'DECIMAL(3,2)'],
    ['CAST(3.7 AS INT)', '3', 'INT'], ['CAST(-3.7D AS BIGINT)', '-3', 'BIGINT'], ["CAST(' 12 ' AS SMALLINT)", '12', 'SMALLINT'],
    ['CAST(true AS TINYINT)', '1', 'TINYINT'], ["CAST('yes' AS BOOLEAN)", 'true', 'BOOLEAN'], ['CAST(0 AS BOOLEAN)', 'false'],
    ['CAST(12 AS STRING)', '12', 'STRING'], ["CAST(TIMESTAMP'2024-01-31 12:34:56.100' AS STRING)", '2024-01-31 12:34:56.1'],
    ["CAST(DATE'2024-01-31' AS STRING)", '2024-01-31'], ["CAST(X'616263' AS STRING)", 'abc'], ['CAST(CAST(0.5 AS DECIMAL(1,1)) AS STRING)', '0.5'],
    ["CAST('123.456' AS DECIMAL(5,2))", '123.46', 'DECIMAL(5,2)'], ["CAST('1.5' AS DOUBLE)", '1.5', 'DOUBLE'], ['CAST(1 AS FLOAT)', '1.0', 'FLOAT'],
    ["CAST('2024-01-31 12:00:00' AS DATE)", '2024-01-31', 'DATE'], ["CAST('2024-01-31 12:00:00' AS TIMESTAMP)", '2024-01-31T12:00:00.000Z', 'TIMESTAMP'],
    ["CAST('abc' AS BINARY)", 'YWJj', 'BINARY'], ['CAST(NULL AS INT)', null, 'INT'],
    // Spark widens FLOAT to DOUBLE before DECIMAL; a bare DECIMAL is DECIMAL(10,0).
    ['CAST(CAST(42 AS FLOAT) AS DECIMAL(38,18))', '42.000000000000000000', 'DECIMAL(38,18)'],
    ["CAST('2.5' AS DECIMAL)", '3', 'DECIMAL(10,0)'], ['CAST(12345678.91 AS DECIMAL(10,2))', '12345678.91', 'DECIMAL(10,2)'],
    ['CAST(CAST(1234567890123456789 AS DECIMAL(38,0)) AS DECIMAL(38,10))', '1234567890123456789.0000000000'],
    // An interval prints as its literal.
    ["CAST(INTERVAL '-1-2' YEAR TO MONTH AS STRING)", "INTERVAL '-1-2' YEAR TO MONTH", 'STRING'],
    ["CAST(INTERVAL '3 04:05:06.5' DAY TO SECOND AS STRING)", "INTERVAL '3 04:05:06.5' DAY TO SECOND"],
  ]);
  for (const [statement, sqlState] of [["SELECT CAST('1.5' AS INT)", '22018'], ["SELECT CAST('x' AS BIGINT)", '22018'], ['SELECT CAST(1e20D AS INT)', '22003']]) {
    const r = await wh.execute({ statement });
    assert.equal(r.status.state, 'FAILED', statement);
    assert.equal(r.status.sql_state, sqlState, `${statement}: ${r.status.error.message}`);
  }
});

test("LIKE … ESCAPE '\\\\' and the default backslash escape", async () => {
  await check([
    ["'a_b' LIKE 'a\\\\_b' ESCAPE '\\\\'", 'true'], ["'axb' LIKE 'a\\\\_b' ESCAPE '\\\\'", 'false'],
    ["'a%b' LIKE 'a\\\\%b'", 'true'], ["'a%b' LIKE 'a!%b' ESCAPE '!'", 'true'], ["'abc' LIKE 'a%'", 'true'],
  ]);
});

test('LEFT / RIGHT / FULL OUTER JOIN, nested', async () => {
  for (const sql of ['CREATE TABLE main.default.ja (id INT, a STRING)', 'CREATE TABLE main.default.jb (id INT, b STRING)',
    'CREATE TABLE main.default.jc (id INT, c STRING)', "INSERT INTO main.default.ja VALUES (1, 'a1'), (2, 'a2'), (3, 'a3')",
    "INSERT INTO main.default.jb VALUES (2, 'b2'), (3, 'b3'), (4, 'b4')", "INSERT INTO main.default.jc VALUES (3, 'c3'), (4, 'c4')"]) {
    assert.equal((await wh.execute({ statement: sql })).status.state, 'SUCCEEDED', sql);
  }
  const rows = async (statement) => (await wh.execute({ statement })).result.data_array;
  assert.deepEqual(await rows('SELECT ja.id, b FROM main.default.ja LEFT OUTER JOIN main.default.jb ON ja.id = jb.id ORDER BY 1'),
    [['1', null], ['2', 'b2'], ['3', 'b3']]);
  assert.deepEqual(await rows('SELECT jb.id, a FROM main.default.ja RIGHT OUTER JOIN main.default.jb ON ja.id = jb.id ORDER BY 1'),
    [['2', 'a2'], ['3', 'a3'], ['4', null]]);
  assert.deepEqual(await rows('SELECT coalesce(ja.id, jb.id), a, b FROM main.default.ja FULL OUTER JOIN main.default.jb ON ja.id = jb.id ORDER BY 1'),
    [['1', 'a1', null], ['2', 'a2', 'b2'], ['3', 'a3', 'b3'], ['4', null, 'b4']]);
  assert.deepEqual(await rows('SELECT ja.id, b, c FROM main.default.ja LEFT OUTER JOIN (main.default.jb INNER JOIN main.default.jc ON jb.id = jc.id) ON ja.id = jb.id ORDER BY 1'),
    [['1', null, null], ['2', null, null], ['3', 'b3', 'c3']]);
});

test('CALL fails as a workspace does for an unknown procedure', async () => {
  const r = await wh.execute({ statement: 'CALL main.default.refresh_all(1, \'x\')' });
  assert.equal(r.status.state, 'FAILED');
  assert.equal(r.status.error.error_code, 'BAD_REQUEST');
  assert.equal(r.status.error.message, '[UNRESOLVED_ROUTINE] Cannot resolve routine `main.default.refresh_all` on search path ' +
    '[`system`.`builtin`, `system`.`session`, `main`.`default`]. SQLSTATE: 42883');
  assert.equal(r.status.sql_state, '42883');
});

test('functions nest, take column arguments, and leave string literals and qualified names alone', async () => {
  const r = await wh.execute({ statement: "SELECT upper(left(concat(name, '!'), 3)), 'left(x, 1)' FROM (VALUES ('spark')) AS t(name)" });
  assert.deepEqual(r.result.data_array, [['SPA', 'left(x, 1)']]);
  const t = await wh.execute({ statement: 'SELECT year(tpep_pickup_datetime) AS y, count(*) FROM samples.nyctaxi.trips GROUP BY 1' });
  assert.deepEqual(t.result.data_array, [['2016', '2000']]);
  assert.equal(t.manifest.schema.columns[0].type_text, 'INT');
});

test('Spark datetime patterns → strftime', () => {
  assert.equal(strftimePattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS"), '%Y-%m-%dT%H:%M:%S.%f');
  assert.equal(strftimePattern("EEEE, MMMM d ''yy 100%"), "%A, %B %-d '%y 100%%");
  assert.throws(() => strftimePattern('qqq'), /INVALID_DATETIME_PATTERN/);
});
