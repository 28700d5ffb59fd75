// Spark SQL functions whose DuckDB namesake is spelled, typed or behaves
// differently, and the Spark-only ones the driver emits for ODBC {fn …}
// escapes. Each translation keeps Spark's semantics (1-based positions, NULL
// rules, INT result types, HALF_UP rounding, Java's DAYS/MONTHS.between, …).
//
// Typed macro overloads (DuckDB picks one by argument type) do the dispatch a
// token-level translation cannot: CAST(3.7 AS INT) truncates a DOUBLE but
// parses a STRING strictly. An overload on BIGINT is in each set because a
// bare NULL binds to it; otherwise NULL would match several overloads.
import { SqlError } from './errors.mjs';
import { sqlString } from './sql-tokens.mjs';

const M = 'memory.main';
const ANSI = 'If necessary set "ANSI_MODE" to "false" to bypass this error.';
const castError = (target) => `error(printf('[CAST_INVALID_INPUT] The value ''%s'' of the type "STRING" cannot be cast to "${target}" because it is malformed. ` +
  `Correct the value as per the syntax, or change its target type. Use \`try_cast\` to tolerate malformed input and return NULL instead. ${ANSI} SQLSTATE: 22018', x))`;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

// Spark's integral casts: fractions truncate, strings must be plain integers.
const integralCast = (name, duck, spark) => `CREATE OR REPLACE MACRO ${M}.${name}(x DOUBLE) AS CAST(trunc(x) AS ${duck}),
  (x DECIMAL(38,10)) AS CAST(trunc(x) AS ${duck}), (x BIGINT) AS CAST(x AS ${duck}), (x HUGEINT) AS CAST(x AS ${duck}),
  (x VARCHAR) AS CASE WHEN x IS NULL THEN NULL
    WHEN regexp_full_match(${M}.dbx_trim_all(x), '[+-]?[0-9]+') AND TRY_CAST(${M}.dbx_trim_all(x) AS ${duck}) IS NOT NULL
    THEN CAST(${M}.dbx_trim_all(x) AS ${duck}) ELSE ${castError(spark)} END,
  (x) AS CAST(x AS ${duck})`;

const collapseRuns = (x) => [0, 1, 2, 3, 4, 5, 6].reduce((acc, d) => `regexp_replace(${acc}, '${d}+', '${d}', 'g')`, x);
const soundexCode = (x) => `translate(${x}, '${UPPER}', '01230127022455012623017202')`;

// Spark prints an interval as its literal: INTERVAL '1-2' YEAR TO MONTH, or for day-time
// INTERVAL '3 04:05:06.5' DAY TO SECOND. A DuckDB interval has no qualifier: one holding
// only months is taken as year-month.
const INTERVAL_TEXT_MACROS = [
  `CREATE OR REPLACE MACRO ${M}.dbx_ym_text(months) AS 'INTERVAL ''' || CASE WHEN months < 0 THEN '-' ELSE '' END
    || (abs(months) // 12) || '-' || (abs(months) % 12) || ''' YEAR TO MONTH'`,
  `CREATE OR REPLACE MACRO ${M}.dbx_dt_text(us) AS 'INTERVAL ''' || CASE WHEN us < 0 THEN '-' ELSE '' END
    || (abs(us) // 86400000000) || ' ' || lpad(CAST(abs(us) // 3600000000 % 24 AS VARCHAR), 2, '0')
    || ':' || lpad(CAST(abs(us) // 60000000 % 60 AS VARCHAR), 2, '0')
    || ':' || lpad(CAST(abs(us) // 1000000 % 60 AS VARCHAR), 2, '0')
    || regexp_replace('.' || lpad(CAST(abs(us) % 1000000 AS VARCHAR), 6, '0'), '\\.?0+$', '') || ''' DAY TO SECOND'`,
  `CREATE OR REPLACE MACRO ${M}.dbx_interval_text(x) AS CASE
    WHEN datepart('day', x) = 0 AND epoch_us(x) = (datepart('year', x) * 12 + datepart('month', x)) * 2592000000000
      AND epoch_us(x) <> 0 THEN ${M}.dbx_ym_text(datepart('year', x) * 12 + datepart('month', x))
    ELSE ${M}.dbx_dt_text(epoch_us(x)) END`,
];

export const FUNCTION_MACROS = [
  ...INTERVAL_TEXT_MACROS,
  `CREATE OR REPLACE MACRO ${M}.dbx_trim_all(s) AS regexp_replace(s, '^[[:space:][:cntrl:]]+|[[:space:][:cntrl:]]+$', '', 'g')`,
  integralCast('dbx_to_tinyint', 'TINYINT', 'TINYINT'),
  integralCast('dbx_to_smallint', 'SMALLINT', 'SMALLINT'),
  integralCast('dbx_to_int', 'INTEGER', 'INT'),
  integralCast('dbx_to_bigint', 'BIGINT', 'BIGINT'),
  // Spark prints timestamps as yyyy-MM-dd HH:mm:ss[.fraction without trailing zeros], in the session zone.
  `CREATE OR REPLACE MACRO ${M}.dbx_to_string(x TIMESTAMPTZ) AS regexp_replace(strftime(x, '%Y-%m-%d %H:%M:%S.%f'), '\\.?0+$', ''),
    (x TIMESTAMP) AS regexp_replace(strftime(x, '%Y-%m-%d %H:%M:%S.%f'), '\\.?0+$', ''),
    (x DATE) AS CAST(x AS VARCHAR), (x BLOB) AS decode(x), (x VARCHAR) AS x, (x BIGINT) AS CAST(x AS VARCHAR),
    (x INTERVAL) AS ${M}.dbx_interval_text(x),
    (x) AS regexp_replace(CAST(x AS VARCHAR), '^(-?)\\.', '\\10.')`,
  `CREATE OR REPLACE MACRO ${M}.dbx_to_binary(x VARCHAR) AS encode(x), (x BLOB) AS x, (x BIGINT) AS CAST(x AS BLOB), (x) AS CAST(x AS BLOB)`,
  // Spark's unhex: odd length gets a leading 0, anything not hex is NULL.
  `CREATE OR REPLACE MACRO ${M}.dbx_unhex(s) AS CASE WHEN regexp_full_match(s, '[0-9A-Fa-f]*')
    THEN unhex(CASE WHEN length(s) % 2 = 1 THEN '0' || s ELSE s END) END`,
  // substringSQL: pos 0 is 1, negative pos counts from the end, a window before the start is cut off.
  `CREATE OR REPLACE MACRO ${M}.dbx_substr_window(s, st, en) AS CASE WHEN s IS NULL OR st IS NULL OR en IS NULL THEN NULL
    WHEN greatest(st, 0) >= en THEN '' ELSE substring(s, greatest(st, 0) + 1, en - greatest(st, 0)) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_substr3(s, pos, len) AS ${M}.dbx_substr_window(s,
    CASE WHEN pos > 0 THEN CAST(pos AS BIGINT) - 1 WHEN pos < 0 THEN length(s) + pos ELSE 0 END,
    CASE WHEN pos > 0 THEN CAST(pos AS BIGINT) - 1 WHEN pos < 0 THEN length(s) + pos ELSE 0 END + CAST(len AS BIGINT))`,
  `CREATE OR REPLACE MACRO ${M}.dbx_substr2(s, pos) AS ${M}.dbx_substr3(s, pos, 2147483647)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_locate(sub, s, pos) AS CAST(CASE WHEN pos IS NULL THEN 0 WHEN sub IS NULL OR s IS NULL THEN NULL
    WHEN pos < 1 THEN 0 WHEN sub = '' THEN 1 WHEN instr(substring(s, pos), sub) = 0 THEN 0
    ELSE instr(substring(s, pos), sub) + pos - 1 END AS INTEGER)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_overlay(s, r, pos, len) AS ${M}.dbx_substr3(s, 1, pos - 1) || r ||
    ${M}.dbx_substr3(s, pos + CASE WHEN len >= 0 THEN len ELSE length(r) END, 2147483647)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_chr(n) AS CASE WHEN n IS NULL THEN NULL WHEN n < 0 THEN '' ELSE chr(CAST(n % 256 AS INTEGER)) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_char_length(x VARCHAR) AS CAST(length(x) AS INTEGER), (x BLOB) AS CAST(octet_length(x) AS INTEGER),
    (x BIGINT) AS CAST(length(CAST(x AS VARCHAR)) AS INTEGER), (x) AS CAST(length(CAST(x AS VARCHAR)) AS INTEGER)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_octet_length(x VARCHAR) AS CAST(strlen(x) AS INTEGER), (x BLOB) AS CAST(octet_length(x) AS INTEGER),
    (x BIGINT) AS CAST(strlen(CAST(x AS VARCHAR)) AS INTEGER), (x) AS CAST(strlen(CAST(x AS VARCHAR)) AS INTEGER)`,
  // UTF8String.soundex: ASCII letters only; H and W are skipped without ending a run, other characters end it.
  `CREATE OR REPLACE MACRO ${M}.dbx_soundex(s) AS CASE WHEN s IS NULL THEN NULL WHEN s = '' THEN ''
    WHEN NOT regexp_full_match(left(s, 1), '[A-Za-z]') THEN s
    ELSE translate(left(s, 1), '${LOWER}', '${UPPER}') || rpad(left(replace(substring(${collapseRuns(
      `${soundexCode(`translate(left(s, 1), '${LOWER}', '${UPPER}')`)} || replace(${soundexCode(
        `regexp_replace(translate(substring(s, 2), '${LOWER}', '${UPPER}'), '[^A-Z]', '0', 'g')`)}, '7', '')`)}, 2), '0', ''), 3), 3, '0') END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_concat1(x BLOB) AS x, (x VARCHAR) AS x, (x BIGINT) AS CAST(x AS VARCHAR), (x) AS CAST(x AS VARCHAR)`,
  // Spark math: NaN / NULL where DuckDB raises, DOUBLE results, BIGINT ceil/floor.
  `CREATE OR REPLACE MACRO ${M}.dbx_acos(x DOUBLE) AS CASE WHEN x < -1 OR x > 1 THEN CAST('NaN' AS DOUBLE) ELSE acos(x) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_asin(x DOUBLE) AS CASE WHEN x < -1 OR x > 1 THEN CAST('NaN' AS DOUBLE) ELSE asin(x) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_sqrt(x DOUBLE) AS CASE WHEN x < 0 THEN CAST('NaN' AS DOUBLE) ELSE sqrt(x) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_ln(x DOUBLE) AS CASE WHEN x > 0 THEN ln(x) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_log10(x DOUBLE) AS CASE WHEN x > 0 THEN log10(x) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_log2(x DOUBLE) AS CASE WHEN x > 0 THEN log2(x) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_log(b DOUBLE, x DOUBLE) AS CASE WHEN b > 0 AND x > 0 THEN ln(x) / ln(b) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_cot(x DOUBLE) AS 1.0 / tan(x)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_ceil(x DOUBLE) AS CAST(ceil(x) AS BIGINT), (x BIGINT) AS x, (x) AS ceil(x)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_floor(x DOUBLE) AS CAST(floor(x) AS BIGINT), (x BIGINT) AS x, (x) AS floor(x)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_ceil_scale(x, n) AS round(CASE WHEN round(x, n) >= x THEN round(x, n)
    ELSE round(x, n) + CAST(power(10, -n) AS DECIMAL(38,18)) END, n)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_floor_scale(x, n) AS round(CASE WHEN round(x, n) <= x THEN round(x, n)
    ELSE round(x, n) - CAST(power(10, -n) AS DECIMAL(38,18)) END, n)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_mod(a, b) AS CASE WHEN b = 0 THEN error('[DIVIDE_BY_ZERO] Division by zero. ` +
    `Use \`try_divide\` to tolerate divisor being 0 and return NULL instead. ${ANSI} SQLSTATE: 22012') ELSE a % b END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_rand(seed) AS CAST(hash(seed) % 1000000007 AS DOUBLE) / 1000000007`,
  // Datetime arguments as Spark sees them: DATE and STRING become session-zone TIMESTAMPs, NTZ stays NTZ.
  `CREATE OR REPLACE MACRO ${M}.dbx_as_ts(x DATE) AS CAST(x AS TIMESTAMPTZ), (x TIMESTAMP) AS x, (x TIMESTAMPTZ) AS x,
    (x VARCHAR) AS CAST(x AS TIMESTAMPTZ), (x BIGINT) AS CAST(CAST(x AS VARCHAR) AS TIMESTAMPTZ)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_local(x DATE) AS CAST(x AS TIMESTAMP), (x TIMESTAMP) AS x,
    (x TIMESTAMPTZ) AS CAST(x AS TIMESTAMP), (x VARCHAR) AS CAST(CAST(x AS TIMESTAMPTZ) AS TIMESTAMP),
    (x BIGINT) AS CAST(CAST(CAST(x AS VARCHAR) AS TIMESTAMPTZ) AS TIMESTAMP)`,
  // java.time LocalDateTime.until(end, DAYS|MONTHS): the end date moves one day when its time of day has not been reached.
  `CREATE OR REPLACE MACRO ${M}.dbx_until_date(a, b) AS CASE
    WHEN CAST(b AS DATE) > CAST(a AS DATE) AND CAST(b AS TIME) < CAST(a AS TIME) THEN CAST(b AS DATE) - 1
    WHEN CAST(b AS DATE) < CAST(a AS DATE) AND CAST(b AS TIME) > CAST(a AS TIME) THEN CAST(b AS DATE) + 1
    ELSE CAST(b AS DATE) END`,
  `CREATE OR REPLACE MACRO ${M}.dbx_packed_month(d) AS (CAST(year(d) AS BIGINT) * 12 + month(d) - 1) * 32 + day(d)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_days_between(a, b) AS CAST(${M}.dbx_until_date(a, b) - CAST(a AS DATE) AS BIGINT)`,
  `CREATE OR REPLACE MACRO ${M}.dbx_months_between(a, b) AS
    (${M}.dbx_packed_month(${M}.dbx_until_date(a, b)) - ${M}.dbx_packed_month(CAST(a AS DATE))) // 32`,
];

// A function the driver may emit → (args, ctx) → DuckDB SQL. args: [{ sql, sig }] (sig:
// the argument's significant tokens). null from a handler means "not handled here".
const m = (name, ...args) => `${M}.${name}(${args.join(', ')})`;
const a = (args) => args.map((x) => x.sql);
const fixed = (count, fn) => (args) => (args.length === count ? fn(...a(args)) : null);
const local = (x) => m('dbx_local', x);
const asInt = (sql) => `CAST(${sql} AS INTEGER)`;

// extract / date_part field names (Spark accepts these synonyms) → SQL over a local timestamp.
const FIELDS = {
  YEAR: (l) => asInt(`year(${l})`), QUARTER: (l) => asInt(`quarter(${l})`), MONTH: (l) => asInt(`month(${l})`),
  WEEK: (l) => asInt(`weekofyear(${l})`), DAY: (l) => asInt(`day(${l})`), DAYOFWEEK: (l) => asInt(`dayofweek(${l}) + 1`),
  DAYOFWEEK_ISO: (l) => asInt(`isodow(${l})`), DOY: (l) => asInt(`dayofyear(${l})`), HOUR: (l) => asInt(`hour(${l})`),
  MINUTE: (l) => asInt(`minute(${l})`), SECOND: (l) => `CAST(date_part('microsecond', ${l}) / 1000000 AS DECIMAL(8,6))`,
  YEAROFWEEK: (l) => asInt(`isoyear(${l})`),
};
const FIELD_SYNONYMS = {
  Y: 'YEAR', YEARS: 'YEAR', YR: 'YEAR', YRS: 'YEAR', QTR: 'QUARTER', MON: 'MONTH', MONS: 'MONTH', MONTHS: 'MONTH',
  W: 'WEEK', WEEKS: 'WEEK', D: 'DAY', DAYS: 'DAY', DOW: 'DAYOFWEEK', DOW_ISO: 'DAYOFWEEK_ISO', H: 'HOUR', HOURS: 'HOUR',
  HR: 'HOUR', HRS: 'HOUR', M: 'MINUTE', MIN: 'MINUTE', MINS: 'MINUTE', MINUTES: 'MINUTE', S: 'SECOND', SEC: 'SECOND',
  SECONDS: 'SECOND', SECS: 'SECOND', DAYOFMONTH: 'DAY',
};

function fieldName(arg) {
  const t = arg.sig.length === 1 ? arg.sig[0] : null;
  const raw = t?.kind === 'word' ? t.text : t?.kind === 'string' ? t.text.slice(1, -1) : null;
  const name = raw?.toUpperCase();
  const field = FIELD_SYNONYMS[name] ?? name;
  if (!FIELDS[field]) throw new SqlError('INVALID_EXTRACT_FIELD', '42601', `Cannot extract ${raw ?? arg.sql} from the source.`);
  return field;
}

const extract = (args) => (args.length === 2 ? FIELDS[fieldName(args[0])](local(args[1].sql)) : null);
const field = (f) => fixed(1, (x) => FIELDS[f](local(x)));

// timestampadd / timestampdiff units (bare keywords in Databricks SQL).
const MICROS = { MICROSECOND: 1, MILLISECOND: 1000, SECOND: 1e6, MINUTE: 6e7, HOUR: 3.6e9 };
const unitName = (arg) => {
  const t = arg.sig.length === 1 ? arg.sig[0] : null;
  const u = (t?.kind === 'word' ? t.text : t?.kind === 'string' ? t.text.slice(1, -1) : '').toUpperCase().replace(/^SQL_TSI_/, '');
  const unit = { FRAC_SECOND: 'MICROSECOND', DAYOFYEAR: 'DAY' }[u] ?? u;
  if (!MICROS[unit] && !['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'].includes(unit)) {
    throw new SqlError('INVALID_PARAMETER_VALUE.DATETIME_UNIT', '22023', `The value of parameter(s) \`unit\` is invalid: ${arg.sql}.`);
  }
  return unit;
};

function timestampAdd(args) {
  if (args.length !== 3) return null;
  const [unit, n, ts] = [unitName(args[0]), args[1].sql, m('dbx_as_ts', args[2].sql)];
  if (MICROS[unit]) return `(${ts} + to_microseconds(CAST(${n} AS BIGINT) * ${MICROS[unit]}))`;
  const days = { DAY: 1, WEEK: 7 }[unit];
  if (days) return `(${ts} + to_days(CAST(${n} AS INTEGER) * ${days}))`;
  return `(${ts} + to_months(CAST(${n} AS INTEGER) * ${{ MONTH: 1, QUARTER: 3, YEAR: 12 }[unit]}))`;
}

function timestampDiff(args) {
  if (args.length !== 3) return null;
  const unit = unitName(args[0]);
  const [x, y] = [args[1].sql, args[2].sql];
  if (MICROS[unit]) return `((epoch_us(${m('dbx_as_ts', y)}) - epoch_us(${m('dbx_as_ts', x)})) // ${MICROS[unit]})`;
  const [lx, ly] = [local(x), local(y)];
  if (unit === 'DAY') return m('dbx_days_between', lx, ly);
  if (unit === 'WEEK') return `(${m('dbx_days_between', lx, ly)} // 7)`;
  return `(${m('dbx_months_between', lx, ly)} // ${{ MONTH: 1, QUARTER: 3, YEAR: 12 }[unit]})`;
}

// Spark datetime pattern → strftime format, for date_format with a literal pattern.
const PATTERN = {
  yyyy: '%Y', yyy: '%Y', y: '%Y', yy: '%y', MMMM: '%B', MMM: '%b', MM: '%m', M: '%-m', LLLL: '%B', LLL: '%b', LL: '%m', L: '%-m',
  dd: '%d', d: '%-d', DDD: '%j', D: '%-j', HH: '%H', H: '%-H', hh: '%I', h: '%-I', mm: '%M', m: '%-M', ss: '%S', s: '%-S',
  SSS: '%g', SSSSSS: '%f', S: '%g', SS: '%g', a: '%p', EEEE: '%A', EEE: '%a', EE: '%a', E: '%a', u: '%u',
};

export function strftimePattern(pattern) {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const text = end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? pattern.length : end);
      out += text.replace(/%/g, '%%');
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const run = pattern.slice(i, j);
      const spec = PATTERN[run] ?? (c === 'S' ? '%f' : null);
      if (!spec) throw new SqlError('INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER', '22007', `Illegal pattern character found in datetime pattern: ${c}. Please provide legal character.`);
      out += spec;
      i = j;
    } else {
      out += c === '%' ? '%%' : c;
      i++;
    }
  }
  return out;
}

function dateFormat(args) {
  if (args.length !== 2) return null;
  const p = args[1].sig;
  if (p.length !== 1 || p[0].kind !== 'string') {
    throw new SqlError('UNSUPPORTED_FEATURE', '0A000', 'date_format with a non-literal pattern is not supported by the local warehouse.');
  }
  return `strftime(${local(args[0].sql)}, ${sqlString(strftimePattern(args[1].literal))})`;
}

const concat = (args) => (args.length === 1 ? m('dbx_concat1', args[0].sql) : args.length ? `(${a(args).map((x) => `(${x})`).join(' || ')})` : "''");
const locate = (args) => (args.length === 2 ? m('dbx_locate', args[0].sql, args[1].sql, '1')
  : args.length === 3 ? m('dbx_locate', ...a(args)) : null);
const substr = (args) => (args.length === 2 ? m('dbx_substr2', ...a(args)) : args.length === 3 ? m('dbx_substr3', ...a(args)) : null);
const ceilFloor = (kind) => (args) => (args.length === 1 ? m(`dbx_${kind}`, args[0].sql)
  : args.length === 2 ? m(`dbx_${kind}_scale`, ...a(args)) : null);
const user = (args, ctx) => (args.length === 0 ? sqlString(ctx.user ?? 'user@example.com') : null);
const dateArith = (op) => fixed(2, (d, n) => `CAST(CAST(${d} AS DATE) ${op} CAST(${n} AS INTEGER) AS DATE)`);

export const SPARK_FUNCTIONS = {
  bit_length: fixed(1, (x) => `(${m('dbx_octet_length', x)} * 8)`),
  octet_length: fixed(1, (x) => m('dbx_octet_length', x)),
  char_length: fixed(1, (x) => m('dbx_char_length', x)),
  character_length: fixed(1, (x) => m('dbx_char_length', x)),
  length: fixed(1, (x) => m('dbx_char_length', x)),
  len: fixed(1, (x) => m('dbx_char_length', x)),
  chr: fixed(1, (n) => m('dbx_chr', n)),
  char: fixed(1, (n) => m('dbx_chr', n)),
  concat,
  overlay: (args) => (args.length === 3 ? m('dbx_overlay', ...a(args), '-1') : args.length === 4 ? m('dbx_overlay', ...a(args)) : null),
  left: fixed(2, (s, n) => m('dbx_substr3', s, '1', n)),
  right: fixed(2, (s, n) => `CASE WHEN (${n}) <= 0 THEN '' ELSE ${m('dbx_substr3', s, `-(${n})`, n)} END`),
  locate,
  position: locate,
  instr: fixed(2, (s, sub) => m('dbx_locate', sub, s, '1')),
  replace: fixed(2, (s, search) => `replace(${s}, ${search}, '')`),
  soundex: fixed(1, (s) => m('dbx_soundex', s)),
  space: fixed(1, (n) => `repeat(' ', CAST(${n} AS BIGINT))`),
  substring: substr,
  substr,
  unhex: fixed(1, (s) => m('dbx_unhex', s)),
  acos: fixed(1, (x) => m('dbx_acos', x)),
  asin: fixed(1, (x) => m('dbx_asin', x)),
  sqrt: fixed(1, (x) => m('dbx_sqrt', x)),
  ln: fixed(1, (x) => m('dbx_ln', x)),
  log10: fixed(1, (x) => m('dbx_log10', x)),
  log2: fixed(1, (x) => m('dbx_log2', x)),
  log: (args) => (args.length === 1 ? m('dbx_ln', args[0].sql) : args.length === 2 ? m('dbx_log', ...a(args)) : null),
  cot: fixed(1, (x) => m('dbx_cot', x)),
  ceil: ceilFloor('ceil'),
  ceiling: ceilFloor('ceil'),
  floor: ceilFloor('floor'),
  mod: fixed(2, (x, y) => m('dbx_mod', x, y)),
  sign: fixed(1, (x) => `CAST(sign(${x}) AS DOUBLE)`),
  signum: fixed(1, (x) => `CAST(sign(${x}) AS DOUBLE)`),
  rand: (args) => (args.length === 0 ? 'random()' : args.length === 1 ? m('dbx_rand', args[0].sql) : null),
  random: (args) => (args.length === 0 ? 'random()' : args.length === 1 ? m('dbx_rand', args[0].sql) : null),
  bround: (args) => `round_even(${a(args).join(', ')}${args.length === 1 ? ', 0' : ''})`,
  nvl: fixed(2, (x, y) => `coalesce(${x}, ${y})`),
  current_date: fixed(0, () => 'current_date'),
  curdate: fixed(0, () => 'current_date'),
  current_timestamp: fixed(0, () => 'current_timestamp'),
  now: fixed(0, () => 'current_timestamp'),
  current_timezone: fixed(0, () => "current_setting('TimeZone')"),
  current_user: user,
  user,
  session_user: user,
  date_format: dateFormat,
  extract,
  date_part: extract,
  datepart: extract,
  year: field('YEAR'),
  quarter: field('QUARTER'),
  month: field('MONTH'),
  day: field('DAY'),
  dayofmonth: field('DAY'),
  dayofweek: field('DAYOFWEEK'),
  weekday: fixed(1, (x) => asInt(`isodow(${local(x)}) - 1`)),
  dayofyear: field('DOY'),
  weekofyear: field('WEEK'),
  hour: field('HOUR'),
  minute: field('MINUTE'),
  second: fixed(1, (x) => asInt(`second(${local(x)})`)),
  timestampadd: timestampAdd,
  timestampdiff: timestampDiff,
  dateadd: (args) => (args.length === 3 ? timestampAdd(args) : args.length === 2 ? dateArith('+')(args) : null),
  datediff: (args) => (args.length === 3 ? timestampDiff(args)
    : args.length === 2 ? `CAST(CAST(${args[0].sql} AS DATE) - CAST(${args[1].sql} AS DATE) AS INTEGER)` : null),
  date_add: dateArith('+'),
  date_sub: dateArith('-'),
  add_months: fixed(2, (d, n) => `CAST(CAST(${d} AS DATE) + to_months(CAST(${n} AS INTEGER)) AS DATE)`),
  to_date: fixed(1, (x) => `CAST(${x} AS DATE)`),
  to_timestamp: fixed(1, (x) => m('dbx_as_ts', x)),
};

// Keywords that separate the arguments of Spark's special call syntaxes.
export const ARGUMENT_KEYWORDS = {
  overlay: ['PLACING', 'FROM', 'FOR'], position: ['IN'], extract: ['FROM'], substring: ['FROM', 'FOR'], substr: ['FROM', 'FOR'],
};

// CAST targets Spark converts differently from DuckDB → the macro that does it Spark's way.
export const CAST_MACROS = {
  INT: 'dbx_to_int', INTEGER: 'dbx_to_int', BIGINT: 'dbx_to_bigint', LONG: 'dbx_to_bigint', SMALLINT: 'dbx_to_smallint',
  SHORT: 'dbx_to_smallint', TINYINT: 'dbx_to_tinyint', BYTE: 'dbx_to_tinyint', STRING: 'dbx_to_string', BINARY: 'dbx_to_binary',
};
export const castMacro = (type, sql) => `${M}.${CAST_MACROS[type]}(${sql})`;
// CAST(x AS DECIMAL(p,s)). DuckDB's FLOAT → DECIMAL loses digits (42 becomes 41.99999837…);
// Spark widens the FLOAT to DOUBLE first. typeof() is constant, so DuckDB keeps one branch
// (a macro overload on FLOAT would also catch DECIMAL arguments).
export const decimalCastSql = (sql, type) =>
  `CASE WHEN typeof(${sql}) = 'FLOAT' THEN CAST(CAST(CAST(${sql} AS DOUBLE) AS VARCHAR) AS ${type}) ` +
  `ELSE CAST(${sql} AS ${type}) END`;

// CALL: the warehouse has no Unity Catalog procedures, so every name is unknown.
export function unknownProcedure(name) {
  return new SqlError('UNRESOLVED_ROUTINE', '42883',
    `Cannot resolve routine \`${name}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`main\`.\`default\`].`);
}
