// Named statement parameters: {name, value?, type?}. The value is always sent
// as a string (or omitted / null for SQL NULL) and, as the API documents, "must
// be castable with cast" to the declared type. Databricks casts it with Spark's
// ANSI string casts; this module does the same in JS, so a bad value fails the
// way a workspace fails it (CAST_INVALID_INPUT, …) and a good one becomes a
// canonical text that DuckDB casts exactly. The canonical text is then either
// inlined as a typed literal (every statement) or, for a multi-row
// INSERT … VALUES of markers, shipped as one bound JSON array (see bulkInsert):
// binding tens of thousands of DuckDB parameters one by one is quadratic.
import { invalidParameter, ApiError, SqlError } from './errors.mjs';
import { sqlString, sqlIdent } from './sql-tokens.mjs';

// Parameter count a workspace accepts. Measured against the Statement Execution
// API: "20000 parameters were given but the limit is 10000" (the Thrift
// endpoints allow 256). server.mjs --max-parameters overrides it; 0 = no limit.
export const DEFAULT_MAX_PARAMETERS = 10_000;

const INTEGRAL = {
  TINYINT: ['TINYINT', 8], BYTE: ['TINYINT', 8], SMALLINT: ['SMALLINT', 16], SHORT: ['SMALLINT', 16],
  INT: ['INTEGER', 32], INTEGER: ['INTEGER', 32], BIGINT: ['BIGINT', 64], LONG: ['BIGINT', 64],
};
const SPARK_INTEGRAL = { TINYINT: 'TINYINT', SMALLINT: 'SMALLINT', INTEGER: 'INT', BIGINT: 'BIGINT' };
const YM_FIELDS = ['YEAR', 'MONTH'];
const DT_FIELDS = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];

// Spark's UTF8String.trimAll: whitespace and control characters at both ends.
const trimAll = (s) => s.replace(/^[\s\x00-\x20]+|[\s\x00-\x20]+$/g, '');
const shown = (v) => (v.length > 1000 ? `${v.slice(0, 1000)}...` : v).replace(/'/g, "\\'");

export function castInvalidInput(value, target) {
  return new SqlError('CAST_INVALID_INPUT', '22018',
    `The value '${shown(value)}' of the type "STRING" cannot be cast to "${target}" because it is malformed. ` +
    'Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input ' +
    'and return NULL instead. If necessary set "ANSI_MODE" to "false" to bypass this error.');
}

// Type text of a parameter → descriptor { spark, duck, canon(value) → text, fromText(sqlExpr) → sql }.
// fromText turns an SQL expression holding the canonical text (a literal or a
// JSON-array element) into a value of the declared type.
// Descriptors are immutable, so one per distinct type text serves every parameter.
const TYPE_CACHE = new Map();
export function paramType(type) {
  const key = type ?? 'STRING';
  let desc = TYPE_CACHE.get(key);
  if (!desc) {
    desc = describeType(key);
    if (TYPE_CACHE.size < 1000) TYPE_CACHE.set(key, desc);
  }
  return desc;
}

function describeType(type) {
  const text = String(type).trim().replace(/\s+/g, ' ').toUpperCase();
  if (['STRING', 'VARCHAR', 'CHAR'].includes(text) || /^(VARCHAR|CHAR) ?\( ?\d+ ?\)$/.test(text)) {
    return { spark: 'STRING', duck: 'VARCHAR', canon: (v) => v, fromText: (x) => x };
  }
  if (INTEGRAL[text]) return integralType(...INTEGRAL[text]);
  if (text === 'BOOLEAN') return simple('BOOLEAN', 'BOOLEAN', canonBoolean);
  if (text === 'DOUBLE') return simple('DOUBLE', 'DOUBLE', (v) => canonFloating(v, 'DOUBLE', false));
  if (text === 'FLOAT' || text === 'REAL') return simple('FLOAT', 'FLOAT', (v) => canonFloating(v, 'FLOAT', true));
  const dec = /^(?:DECIMAL|DEC|NUMERIC)(?: ?\( ?(\d+) ?(?:, ?(\d+) ?)?\))?$/.exec(text);
  if (dec) {
    const [p, s] = [Number(dec[1] ?? 10), Number(dec[2] ?? 0)];
    if (p < 1 || p > 38 || s > p) throw unsupported(type);
    return simple(`DECIMAL(${p},${s})`, `DECIMAL(${p},${s})`, (v) => canonDecimal(v, p, s));
  }
  if (text === 'DATE') return simple('DATE', 'DATE', canonDate);
  if (text === 'TIMESTAMP' || text === 'TIMESTAMP_LTZ') return simple('TIMESTAMP', 'TIMESTAMPTZ', (v) => canonTimestamp(v, 'TIMESTAMP', true));
  if (text === 'TIMESTAMP_NTZ') return simple('TIMESTAMP_NTZ', 'TIMESTAMP', (v) => canonTimestamp(v, 'TIMESTAMP_NTZ', false));
  if (text === 'BINARY') return { spark: 'BINARY', duck: 'BLOB', canon: (v) => v, fromText: (x) => `encode(${x})` };
  if (text === 'VOID' || text === 'NULL') return { spark: 'VOID', duck: 'VARCHAR', canon: () => null, fromText: () => 'CAST(NULL AS VARCHAR)' };
  if (text === 'INTERVAL') return simple('INTERVAL', 'INTERVAL', (v) => v);
  const iv = /^INTERVAL (YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)(?: TO (YEAR|MONTH|DAY|HOUR|MINUTE|SECOND))?$/.exec(text);
  if (iv) return intervalType(iv[1], iv[2] ?? iv[1], type);
  throw unsupported(type);
}

function unsupported(type) {
  return invalidParameter(`Unsupported parameter type: ${type}. Supported are the primitive types ` +
    '(e.g. INT, BIGINT, DOUBLE, DECIMAL(p,s), STRING, DATE, TIMESTAMP, BOOLEAN, INTERVAL DAY TO SECOND); ' +
    'ARRAY, MAP and STRUCT are not supported.');
}

const simple = (spark, duck, canon) => ({ spark, duck, canon, fromText: (x) => `CAST(${x} AS ${duck})` });

function integralType(duck, bits) {
  const spark = SPARK_INTEGRAL[duck];
  const max = (1n << BigInt(bits - 1)) - 1n;
  return simple(spark, duck, (v) => {
    const t = trimAll(v);
    if (!/^[+-]?\d+$/.test(t)) throw castInvalidInput(v, spark);
    const n = BigInt(t);
    if (n > max || n < -max - 1n) throw castInvalidInput(v, spark);
    return n.toString();
  });
}

function canonBoolean(v) {
  const t = trimAll(v).toLowerCase();
  if (['t', 'true', 'y', 'yes', '1'].includes(t)) return 'true';
  if (['f', 'false', 'n', 'no', '0'].includes(t)) return 'false';
  throw castInvalidInput(v, 'BOOLEAN');
}

// Java's Double.parseDouble forms plus Spark's special literals (inf, nan, …).
function canonFloating(v, target, isFloat) {
  const t = trimAll(v);
  const special = t.toLowerCase();
  if (['inf', '+inf', 'infinity', '+infinity'].includes(special)) return 'inf';
  if (['-inf', '-infinity'].includes(special)) return '-inf';
  if (special === 'nan') return 'nan';
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(t)) throw castInvalidInput(v, target);
  const n = Number(t.replace(/[fFdD]$/, ''));
  const x = isFloat ? Math.fround(n) : n;
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return Object.is(x, -0) ? '-0.0' : String(x);
}

// Java BigDecimal text → DECIMAL(p,s), rounded HALF_UP as Spark's changePrecision.
function canonDecimal(v, p, s) {
  const t = trimAll(v);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw castInvalidInput(v, `DECIMAL(${p},${s})`);
  const digits = (m[2] + (m[3] ?? '')).replace(/^0+(?=\d)/, '');
  const scale = (m[3] ?? '').length - Number(m[4] ?? 0); // value = digits × 10^-scale
  let unscaled = BigInt(digits || '0');
  if (scale > s) {
    const div = 10n ** BigInt(scale - s);
    unscaled = unscaled / div + ((unscaled % div) * 2n >= div ? 1n : 0n); // HALF_UP on the magnitude
  } else unscaled *= 10n ** BigInt(s - scale);
  if (unscaled.toString().length > p) {
    throw new SqlError('NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION', '22003',
      `${t} cannot be represented as Decimal(${p}, ${s}). If necessary set "ANSI_MODE" to "false" to bypass this error, and return NULL instead.`);
  }
  const str = unscaled.toString().padStart(s + 1, '0');
  const sign = m[1] === '-' && unscaled !== 0n ? '-' : '';
  return s ? `${sign}${str.slice(0, -s)}.${str.slice(-s)}` : `${sign}${str}`;
}

const pad = (n, w) => String(n).padStart(w, '0');
const DATE_RE = /^([+-]?)(\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/;

function validDate(y, mo, d) {
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1];
}

// [+-]yyyy*[-[m]m[-[d]d]] followed by nothing, or by ' ' / 'T' and anything.
function canonDate(v) {
  const t = trimAll(v);
  const m = DATE_RE.exec(t);
  const rest = m ? t.slice(m[0].length) : null;
  if (!m || !(rest === '' || (m[4] !== undefined && /^[ T]/.test(rest)))) throw castInvalidInput(v, 'DATE');
  const [y, mo, d] = [Number(m[1] + m[2]), Number(m[3] ?? 1), Number(m[4] ?? 1)];
  if (y < 1 || y > 9999 || !validDate(y, mo, d)) throw castInvalidInput(v, 'DATE');
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

// Spark's stringToTimestamp: date, optional ' '/'T' time with up to 9 fraction
// digits (truncated to microseconds), optional zone (Z, ±hh[:mm], UTC/GMT[±…], region id).
const TIME_RE = /^[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?/;
const ZONE_RE = /^ ?(Z|[+-]\d{1,2}(?::?\d{2})?(?::?\d{2})?|(?:UTC|GMT|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+)$/;

function canonTimestamp(v, target, keepZone) {
  const t = trimAll(v);
  const dm = DATE_RE.exec(t);
  if (!dm) throw castInvalidInput(v, target);
  let rest = t.slice(dm[0].length);
  let [h, mi, sec, frac] = [0, 0, 0, ''];
  const tm = dm[4] !== undefined ? TIME_RE.exec(rest) : null;
  if (tm) {
    [h, mi, sec, frac] = [Number(tm[1]), Number(tm[2] ?? 0), Number(tm[3] ?? 0), tm[4] ?? ''];
    rest = rest.slice(tm[0].length);
  } else if (rest === 'T' || rest === ' ') rest = '';
  const zone = rest === '' ? null : ZONE_RE.exec(rest)?.[1];
  const [y, mo, d] = [Number(dm[1] + dm[2]), Number(dm[3] ?? 1), Number(dm[4] ?? 1)];
  if (zone === undefined || y < 1 || y > 9999 || !validDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) {
    throw castInvalidInput(v, target);
  }
  const micros = frac.padEnd(6, '0').slice(0, 6);
  const base = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}.${micros}`;
  if (!keepZone || !zone) return base;
  const offset = zoneOffset(zone);
  return `${base}${/^[A-Za-z]/.test(offset) && offset !== 'Z' ? ' ' : ''}${offset}`;
}

// ±h → ±hh:00, UTC+1 → +01:00; region ids are left to DuckDB's ICU.
function zoneOffset(zone) {
  const m = /^(?:UTC|GMT|UT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (m) return `${m[1]}${pad(m[2], 2)}:${m[3] ?? '00'}`;
  return /^(UTC|GMT|UT)$/.test(zone) ? 'Z' : zone;
}

// ANSI interval types: the value is the qualifier's field text ('1-2',
// '-1 02:03:04.5', '3') or the whole literal ("INTERVAL '1-2' YEAR TO MONTH"),
// as Spark's cast reads them. Year-month → total months, day-time → total µs.
export const INTERVAL_FORMATS = {
  'YEAR': '[+|-]y', 'MONTH': '[+|-]m', 'YEAR TO MONTH': '[+|-]y-m',
  'DAY': '[+|-]d', 'DAY TO HOUR': '[+|-]d h', 'DAY TO MINUTE': '[+|-]d h:m', 'DAY TO SECOND': '[+|-]d h:m:s.n',
  'HOUR': '[+|-]h', 'HOUR TO MINUTE': '[+|-]h:m', 'HOUR TO SECOND': '[+|-]h:m:s.n',
  'MINUTE': '[+|-]m', 'MINUTE TO SECOND': '[+|-]m:s.n', 'SECOND': '[+|-]s.n',
};

function intervalType(start, end, type) {
  const ym = YM_FIELDS.includes(start);
  const fields = ym ? YM_FIELDS : DT_FIELDS;
  const [from, to] = [fields.indexOf(start), fields.indexOf(end)];
  if (from < 0 || to < from) throw unsupported(type);
  const qualifier = start === end ? start : `${start} TO ${end}`;
  const spark = `INTERVAL ${qualifier}`;
  return {
    spark, duck: 'INTERVAL', qualifier,
    canon: (v) => String(parseInterval(v, qualifier, fields.slice(from, to + 1))),
    fromText: (x) => (ym ? `to_months(CAST(${x} AS INTEGER))` : `to_microseconds(CAST(${x} AS BIGINT))`),
  };
}

const UNIT_MICROS = { DAY: 86_400_000_000n, HOUR: 3_600_000_000n, MINUTE: 60_000_000n, SECOND: 1_000_000n };
const FIELD_MAX = { MONTH: 11, HOUR: 23, MINUTE: 59, SECOND: 59 };

// → BigInt months or microseconds. Throws INVALID_INTERVAL_FORMAT as Spark does.
export function parseInterval(v, qualifier, fields) {
  let t = trimAll(v);
  let sign = 1n;
  const lit = /^INTERVAL\s*([+-]?)\s*'([^']*)'\s*(.+)$/i.exec(t);
  if (lit) {
    if (lit[3].trim().replace(/\s+/g, ' ').toUpperCase() !== qualifier) throw badInterval(v, qualifier);
    if (lit[1] === '-') sign = -1n;
    t = lit[2].trim();
  }
  const m = /^([+-]?)(.*)$/.exec(t);
  if (m[1] === '-') sign = -sign;
  const parts = m[2].split(/[ :-]/);
  const seps = m[2].replace(/[^ :-]/g, '');
  const expectSeps = fields.map((f, i) => (i === 0 ? '' : f === 'MONTH' ? '-' : f === 'HOUR' && fields[0] === 'DAY' ? ' ' : ':')).join('');
  if (parts.length !== fields.length || seps !== expectSeps) throw badInterval(v, qualifier);
  let total = 0n;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const hasFrac = f === 'SECOND';
    const pm = (hasFrac ? /^(\d+)(?:\.(\d{1,9}))?$/ : /^(\d+)$/).exec(parts[i]);
    if (!pm) throw badInterval(v, qualifier);
    const whole = BigInt(pm[1]);
    if (i > 0 && whole > BigInt(FIELD_MAX[f])) throw badInterval(v, qualifier);
    if (f === 'YEAR') total += whole * 12n;
    else if (f === 'MONTH') total += whole;
    else total += whole * UNIT_MICROS[f] + (hasFrac ? BigInt((pm[2] ?? '').padEnd(6, '0').slice(0, 6)) : 0n);
  }
  const limit = fields[0] === 'YEAR' || fields[0] === 'MONTH' ? 2147483647n : 9223372036854775807n;
  if (total > limit) throw badInterval(v, qualifier);
  return sign * total;
}

function badInterval(v, qualifier) {
  const ym = /YEAR|MONTH/.test(qualifier) && !/DAY|HOUR|MINUTE|SECOND/.test(qualifier);
  const body = INTERVAL_FORMATS[qualifier];
  return new SqlError('INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING', '22006',
    `Interval string does not match ${ym ? 'year-month' : 'day-time'} format of \`${body}\`, ` +
    `\`INTERVAL [+|-]'${body}' ${qualifier}\` when cast to interval ${qualifier.toLowerCase()}: ${v}.`);
}

// Checks the shape of the request's `parameters` array; returns a clean copy.
export function validateParameters(parameters, maxParameters = DEFAULT_MAX_PARAMETERS) {
  if (parameters === undefined || parameters === null) return [];
  if (!Array.isArray(parameters)) throw invalidParameter('parameters must be an array of {name, value, type}.');
  if (maxParameters > 0 && parameters.length > maxParameters) {
    throw new ApiError(400, 'BAD_REQUEST',
      `Parameterized query has too many parameters: ${parameters.length} parameters were given but the limit is ${maxParameters}.`);
  }
  const seen = new Set();
  return parameters.map((p, i) => {
    if (!p || typeof p !== 'object') throw invalidParameter(`parameters[${i}] must be an object.`);
    if (p.name === undefined && p.ordinal !== undefined) {
      throw invalidParameter('Positional parameters (ordinal) are not supported by the SQL Statement Execution API; use named parameters.');
    }
    if (typeof p.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) {
      throw invalidParameter(`parameters[${i}].name must be a valid parameter name.`);
    }
    if (seen.has(p.name)) throw invalidParameter(`Duplicate parameter name: ${p.name}.`);
    seen.add(p.name);
    if (p.value !== undefined && p.value !== null && typeof p.value !== 'string') {
      throw invalidParameter(`parameters[${i}].value must be a string.`);
    }
    paramType(p.type); // validates
    return { name: p.name, value: p.value ?? null, type: p.type ?? 'STRING' };
  });
}

// Resolves :name markers of one statement. Values are converted once per name,
// and only when the statement uses them, as a cast in the query would be.
export class ParamBinder {
  constructor(parameters = []) {
    this.byName = new Map(parameters.map((p) => [p.name, p]));
    this.types = new Map();
    this.literals = new Map();
  }

  param(name) {
    const p = this.byName.get(name);
    if (!p) {
      throw new SqlError('UNBOUND_SQL_PARAMETER', '42P02',
        `Found the unbound parameter: ${name}. Please fix \`args\` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as \`map()\`, \`array()\`, \`struct()\`.`);
    }
    return p;
  }

  type(name) {
    if (!this.types.has(name)) this.types.set(name, paramType(this.param(name).type));
    return this.types.get(name);
  }

  // The canonical text of a value, or null for SQL NULL.
  text(name) {
    const p = this.param(name);
    return p.value === null ? null : this.type(name).canon(p.value);
  }

  // A typed SQL literal standing for the marker.
  literal(name) {
    if (!this.literals.has(name)) {
      const type = this.type(name);
      const text = this.text(name);
      this.literals.set(name, text === null ? type.fromText(`CAST(NULL AS VARCHAR)`) : type.fromText(sqlString(text)));
    }
    return this.literals.get(name);
  }
}

// INSERT INTO t [(cols)] VALUES (:a, :b), (:c, :d), … with only markers in the
// rows (rows: [[{ name, unhex }]], unhex for a marker written unhex(:p)): the
// values travel as one bound JSON array of canonical texts and come back as
// typed columns. Returns null when the rows do not fit that shape (mixed arity,
// a column whose markers differ in type or in the unhex() around them).
export function bulkInsert(rows, binder) {
  const width = rows[0].length;
  if (rows.some((r) => r.length !== width)) return null;
  const first = rows[0];
  const types = first.map((cell) => binder.type(cell.name));
  for (const row of rows) {
    for (let c = 0; c < width; c++) {
      if (binder.type(row[c].name).spark !== types[c].spark || row[c].unhex !== first[c].unhex) return null;
    }
  }
  const data = rows.map((row) => row.map((cell) => binder.text(cell.name)));
  const exprs = types.map((t, c) => {
    const value = t.fromText(`r[${c + 1}]`);
    return `${first[c].unhex ? `memory.main.dbx_unhex(${value})` : value} AS ${sqlIdent(`c${c}`)}`;
  });
  return {
    select: `SELECT ${exprs.join(', ')} FROM (SELECT unnest(from_json($dbx_rows, '[["VARCHAR"]]')) AS r)`,
    bindings: { dbx_rows: JSON.stringify(data) },
  };
}
