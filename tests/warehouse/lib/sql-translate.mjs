// Spark SQL (what Databricks and ODBC applications send) → DuckDB SQL.
// Every dialect difference the warehouse papers over lives here or in
// sql-commands.mjs (SHOW / DESCRIBE / USE / SET), so it can be read in one sitting:
//   - `backticks` → "identifiers"; "double quoted" is a string in Spark SQL
//   - Spark string escapes (\n, \', \\ …) → DuckDB literals; LIKE gets ESCAPE '\'
//   - :name parameter markers → typed literals of the value cast as Spark casts it
//     (params.mjs); a multi-row INSERT … VALUES of markers → one bound JSON array;
//     a ? marker is refused
//   - Spark functions DuckDB spells or evaluates differently, CAST to integral /
//     STRING / BINARY types, ANSI interval literals, CALL (spark-functions.mjs)
//   - type names: STRING, BINARY, LONG, BYTE, SHORT, TIMESTAMP (session zone),
//     TIMESTAMP_NTZ, VARIANT, ARRAY<…>, MAP<…>, STRUCT<…>
//   - X'0102' binary literals, array(…), map(k, v, …), named_struct('a', v, …)
//   - catalog `main` (a reserved name in DuckDB) ↔ the DuckDB database main_db
//   - `default` as a schema name (a reserved word in DuckDB)
//   - [catalog.]information_schema.* and system.information_schema.* (catalog-views.mjs);
//     hive_metastore has none, as in a workspace
//   - current_catalog() / current_database() name the Databricks catalog / schema
import { tokenize, sparkStringValue, sqlString, sqlIdent, identName } from './sql-tokens.mjs';
import { commandFor } from './sql-commands.mjs';
import { ParamBinder, bulkInsert, parseInterval, INTERVAL_FORMATS } from './params.mjs';
import { SPARK_FUNCTIONS, ARGUMENT_KEYWORDS, CAST_MACROS, castMacro, decimalCastSql, unknownProcedure } from './spark-functions.mjs';
import { SqlError, ApiError } from './errors.mjs';
import { CATALOG_ALIASES, toDuckCatalog, INFO_VIEWS, HIVE } from './catalog-views.mjs';
import { tableNotFound } from './metadata-ddl.mjs';


const SCALAR_TYPES = {
  STRING: 'VARCHAR', BINARY: 'BLOB', LONG: 'BIGINT', BYTE: 'TINYINT', SHORT: 'SMALLINT', INT: 'INTEGER',
  TIMESTAMP: 'TIMESTAMPTZ', TIMESTAMP_LTZ: 'TIMESTAMPTZ', TIMESTAMP_NTZ: 'TIMESTAMP', VARIANT: 'JSON', REAL: 'FLOAT',
};
// Spark's typed numeric literals: 1L, 2S, 3Y, 1.5D, 2.5F, 1.25BD.
const NUMBER_SUFFIX = /^([0-9.]+(?:[eE][+-]?[0-9]+)?)(BD|[LSYDF])$/i;
const NUMBER_TYPES = { L: 'BIGINT', S: 'SMALLINT', Y: 'TINYINT', D: 'DOUBLE', F: 'FLOAT' };
const isSig = (t) => t.kind !== 'ws' && t.kind !== 'comment';
const isIdent = (t) => identName(t) !== null;
const upper = (t) => (t && t.kind === 'word' ? t.text.toUpperCase() : null);
const isOp = (t, op) => t && t.kind === 'op' && t.text === op;

// sql: Spark SQL text; parameters: the request's [{name, value, type}];
// ctx: { user } for current_user(). Returns { sql, bindings } for DuckDB, or
// { command } for executor.mjs (DESCRIBE, USE, SET).
export function translate(sql, parameters = [], ctx = {}) {
  const all = tokenize(sql);
  if (all.some((t) => t.kind === 'qmark')) throw positionalMarker();
  const tokens = trimTrailingSemicolons(all);
  const sig = tokens.filter(isSig);
  const binder = new ParamBinder(parameters);
  if (upper(sig[0]) === 'CALL') throw unknownProcedure(procedureName(sig));
  const cmd = commandFor(sig, (toks) => rewrite(toks, binder, ctx), tokens);
  if (cmd) return { sql: cmd.sql, command: cmd.command, bindings: {} };
  return insertOfMarkers(sig, binder, ctx) ?? rewrite(tokens, binder, ctx);
}

const procedureName = (sig) => {
  const open = sig.findIndex((t) => isOp(t, '('));
  return sig.slice(1, open < 0 ? sig.length : open).filter((t) => !isOp(t, '.')).map((t) => identName(t) ?? t.text).join('.');
};

// INSERT INTO [TABLE] t [(cols)] VALUES (:a, unhex(:b)), (:c, unhex(:d)), … (only
// markers, bare or in unhex() as the driver sends BINARY, in the rows): see
// bulkInsert in params.mjs. null for anything else.
function insertOfMarkers(sig, binder, ctx) {
  if (upper(sig[0]) !== 'INSERT' || upper(sig[1]) !== 'INTO') return null;
  const start = upper(sig[2]) === 'TABLE' ? 3 : 2;
  const values = sig.findIndex((t, k) => k > start && upper(t) === 'VALUES');
  if (values < 0 || sig.slice(start, values).some((t) => t.kind === 'param')) return null;
  const rows = [];
  let i = values + 1;
  while (i < sig.length) {
    if (!isOp(sig[i], '(')) return null;
    const row = [];
    for (i++; ; i += 2) {
      const unhex = upper(sig[i]) === 'UNHEX' && isOp(sig[i + 1], '(') && sig[i + 2]?.kind === 'param' && isOp(sig[i + 3], ')');
      if (unhex) i += 2;
      if (sig[i]?.kind !== 'param') return null;
      row.push({ name: sig[i].text.slice(1), unhex });
      if (unhex) i++;
      if (isOp(sig[i + 1], ')')) break;
      if (!isOp(sig[i + 1], ',')) return null;
    }
    rows.push(row);
    i += 2; // past ')'
    if (i < sig.length && !(isOp(sig[i], ',') && isOp(sig[i + 1], '('))) return null;
    i++;
  }
  if (rows.length < 2) return null;
  const bulk = bulkInsert(rows, binder);
  if (!bulk) return null;
  return { sql: `INSERT INTO ${rewrite(sig.slice(start, values), binder, ctx).sql} ${bulk.select}`, bindings: bulk.bindings };
}

// Checked when the request arrives: a `?` marker is a request error (HTTP 400), not a FAILED statement.
export function assertNoPositionalMarkers(sql) {
  if (sql.includes('?') && tokenize(sql).some((t) => t.kind === 'qmark')) throw positionalMarker();
}

function positionalMarker() {
  return new ApiError(400, 'INVALID_PARAMETER_VALUE',
    'Positional parameters denoted by a `?` marker are not supported by the SQL Statement Execution API; ' +
    'use named parameter markers (:name) and pass them in `parameters`.');
}

function trimTrailingSemicolons(tokens) {
  let end = tokens.length;
  while (end > 0 && (!isSig(tokens[end - 1]) || isOp(tokens[end - 1], ';'))) end--;
  return tokens.slice(0, end);
}

// Rewrites a token list (may include whitespace) into { sql, bindings }.
// parameters: the request's parameter list or a ParamBinder.
export function rewrite(tokens, parameters = [], ctx = {}) {
  const binder = parameters instanceof ParamBinder ? parameters : new ParamBinder(parameters);
  const sig = tokens.filter(isSig);
  const out = [];
  const bindings = {};
  let special; // the translation of the interval literal / call at sig[i], when there is one
  const parens = []; // word before each open '(' — tells CAST(x AS type) from an alias
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i];
    const prev = sig[i - 1];
    const next = sig[i + 1];
    if (isOp(t, '(')) parens.push(upper(prev));
    if (isOp(t, ')')) parens.pop();
    const typeStart = ['ARRAY', 'MAP', 'STRUCT'].includes(upper(t)) && isOp(next, '<');
    if (typeStart) {
      const parsed = parseType(sig, i);
      out.push(parsed.duck);
      i = parsed.next - 1;
    } else if (t.kind === 'param') {
      out.push(binder.literal(t.text.slice(1)));
    } else if (t.kind === 'number' && NUMBER_SUFFIX.test(t.text)) {
      const [, digits, suffix] = NUMBER_SUFFIX.exec(t.text);
      const bd = suffix.toUpperCase() === 'BD';
      if (bd && digits.includes('.')) out.push(digits); // already an exact DECIMAL(p,s) literal in DuckDB
      else out.push(`CAST(${digits} AS ${bd ? `DECIMAL(${Math.min(digits.length, 38)},0)` : NUMBER_TYPES[suffix.toUpperCase()]})`);
    } else if (upper(t) === 'INTERVAL' && (special = intervalLiteral(sig, i))) {
      out.push(special.sql);
      i = special.next - 1;
    } else if (t.kind === 'word' && isOp(next, '(') && isFunctionPosition(sig, i, parens) && (special = callRewrite(sig, i, binder, ctx))) {
      out.push(special.sql);
      i = special.end;
    } else if (upper(t) === 'CURRENT_USER' && !isOp(next, '(') && !isOp(prev, '.')) {
      out.push(SPARK_FUNCTIONS.current_user([], ctx));
    } else if (t.kind === 'qmark') {
      throw positionalMarker();
    } else if (t.kind === 'string') {
      out.push(stringLiteral(t, sig, i));
    } else if ((upper(t) === 'X') && next?.kind === 'string' && t.text.length === 1 && adjacent(tokens, t, next)) {
      out.push(`from_hex(${sqlString(sparkStringValue(next.text))})`);
      i++;
    } else if (upper(t) === 'DEFAULT' && (isOp(prev, '.') || isOp(next, '.') || ['SCHEMA', 'DATABASE', 'USE', 'IN', 'FROM', 'EXISTS', 'NAMESPACE'].includes(upper(prev)))) {
      out.push('"default"');
    } else if (isIdent(t) && identName(t).toLowerCase() === 'information_schema' && isOp(next, '.') && INFO_VIEWS.has(identName(sig[i + 2])?.toLowerCase())) {
      const catalog = isOp(prev, '.') && isIdent(sig[i - 2]) ? identName(sig[i - 2]).toLowerCase() : null;
      if (catalog === HIVE) throw tableNotFound([catalog, 'information_schema', identName(sig[i + 2])]);
      if (catalog !== null) out.splice(out.length - 2, 2); // drop "catalog" "."
      out.push(`memory.main.dbx_is_${identName(sig[i + 2]).toLowerCase()}(${catalog === null ? 'NULL' : sqlString(catalog)})`);
      i += 2;
    } else if (isIdent(t) && isCatalogPosition(sig, i)) {
      out.push(sqlIdent(toDuckCatalog(identName(t))));
    } else if (t.kind === 'bident') {
      out.push(sqlIdent(identName(t)));
    } else if (t.kind === 'word' && SCALAR_TYPES[upper(t)] && isTypePosition(sig, i, parens)) {
      out.push(SCALAR_TYPES[upper(t)]);
    } else if (t.kind === 'word' && isOp(next, '(') && isOp(sig[i + 2], ')') && SESSION_CALLS[t.text.toLowerCase()]) {
      out.push(SESSION_CALLS[t.text.toLowerCase()]);
      i += 2;
    } else if (t.kind === 'word' && isOp(next, '(') && PAIR_CALLS[t.text.toLowerCase()]) {
      i = rewritePairCall(sig, i, out, binder, bindings);
    } else if (t.kind === 'word' && t.text.toLowerCase() === 'array' && isOp(next, '(')) {
      out.push('list_value');
    } else {
      out.push(t.text);
    }
  }
  return { sql: out.join(' '), bindings };
}

// Spark's session functions: the catalog is named as Databricks names it (main, not
// DuckDB's main_db), and current_database() is Spark's synonym of current_schema().
const SESSION_CALLS = { current_catalog: 'memory.main.dbx_cat(current_database())', current_database: 'current_schema()' };

const adjacent = (tokens, a, b) => tokens.indexOf(b) === tokens.indexOf(a) + 1;

function stringLiteral(t, sig, i) {
  const value = sparkStringValue(t.text);
  let text = sqlString(value);
  const likeOp = ['LIKE', 'ILIKE'].includes(upper(sig[i - 1]));
  if (likeOp && value.includes('\\') && upper(sig[i + 1]) !== 'ESCAPE') text += " ESCAPE '\\'";
  return text;
}

// A word followed by '(' is a built-in call unless it is qualified (a UDF), names
// a table (INSERT INTO year (…)) or is CHAR(n) as a type.
const NOT_AFTER = new Set(['INTO', 'TABLE', 'FROM', 'JOIN', 'UPDATE', 'VIEW', 'EXISTS', 'FUNCTION']);
function isFunctionPosition(sig, i, parens) {
  const prev = sig[i - 1];
  if (isOp(prev, '.') || NOT_AFTER.has(upper(prev))) return false;
  return !(upper(sig[i]) === 'CHAR' && isTypePosition(sig, i, parens));
}

// The arguments of the call at sig[i] (name, '('): token lists split at
// depth-0 commas and, for Spark's special syntaxes, at their keywords
// (overlay(s PLACING r FROM p FOR n), position(a IN b), extract(f FROM x)).
function callArguments(sig, i, keywords = []) {
  const args = [[]];
  let depth = 0;
  let j = i + 2;
  for (; j < sig.length; j++) {
    const t = sig[j];
    if (isOp(t, '(') || isOp(t, '[')) depth++;
    if (isOp(t, ')') || isOp(t, ']')) { if (depth === 0) break; depth--; }
    if (depth === 0 && (isOp(t, ',') || keywords.includes(upper(t)))) { args.push([]); continue; }
    args[args.length - 1].push(t);
  }
  if (j >= sig.length) return null; // unbalanced: DuckDB reports it
  return { args: args.length === 1 && !args[0].length ? [] : args, end: j };
}

// A Spark function or CAST the warehouse translates → { sql, end } (end: index of
// the closing parenthesis), or null to leave the call to the token rewrite.
function callRewrite(sig, i, binder, ctx) {
  const name = sig[i].text.toLowerCase();
  if (name === 'cast') return castRewrite(sig, i, binder, ctx);
  if (!Object.hasOwn(SPARK_FUNCTIONS, name)) return null;
  const parsed = callArguments(sig, i, ARGUMENT_KEYWORDS[name]);
  if (!parsed) return null;
  const args = parsed.args.map((toks) => ({
    sig: toks, sql: rewrite(toks, binder, ctx).sql,
    literal: toks.length === 1 && toks[0].kind === 'string' ? sparkStringValue(toks[0].text) : undefined,
  }));
  const sql = SPARK_FUNCTIONS[name](args, ctx);
  return sql === null ? null : { sql, end: parsed.end };
}

// CAST(x AS INT | BIGINT | … | STRING | BINARY): Spark's conversion rules (see
// CAST_MACROS); other target types keep DuckDB's CAST after the type rewrite.
function castRewrite(sig, i, binder, ctx) {
  const parsed = callArguments(sig, i);
  if (!parsed || parsed.args.length !== 1) return null;
  const toks = parsed.args[0];
  const as = toks.length - 2;
  const type = upper(toks[as + 1]);
  const decimal = decimalCast(toks, binder, ctx);
  if (decimal) return { sql: decimal, end: parsed.end };
  if (as < 1 || upper(toks[as]) !== 'AS' || !CAST_MACROS[type]) return null;
  const value = toks.slice(0, as);
  if (value.length === 1 && upper(value[0]) === 'NULL') return null;
  return { sql: castMacro(type, rewrite(value, binder, ctx).sql), end: parsed.end };
}

// CAST(x AS DECIMAL[(p, s)]): a FLOAT is widened to DOUBLE first, as Spark does.
function decimalCast(toks, binder, ctx) {
  const as = toks.findLastIndex((t) => upper(t) === 'AS');
  if (as < 1 || !['DECIMAL', 'DEC', 'NUMERIC'].includes(upper(toks[as + 1]))) return null;
  // A bare DECIMAL is DECIMAL(10,0) in Spark (DuckDB's default is (18,3)).
  const type = as + 2 === toks.length ? 'DECIMAL(10,0)' : toks.slice(as + 1).map((t) => t.text).join('');
  return decimalCastSql(`(${rewrite(toks.slice(0, as), binder, ctx).sql})`, type);
}

// ANSI interval literals with a qualifier: INTERVAL [-]'1-2' YEAR TO MONTH,
// INTERVAL '3 04:05:06.5' DAY TO SECOND, INTERVAL '3' DAY … → { sql, next }.
// Year-month intervals are months, day-time ones exact microseconds, as in Spark.
function intervalLiteral(sig, i) {
  let j = i + 1;
  const sign = isOp(sig[j], '-') || isOp(sig[j], '+') ? sig[j++].text : '';
  if (sig[j]?.kind !== 'string') return null;
  const units = [upper(sig[j + 1])];
  if (upper(sig[j + 2]) === 'TO') units.push(upper(sig[j + 3]));
  const qualifier = units.join(' TO ');
  if (!INTERVAL_FORMATS[qualifier]) return null;
  const fields = ['YEAR', 'MONTH'].includes(units[0]) ? ['YEAR', 'MONTH'] : ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
  const span = fields.slice(fields.indexOf(units[0]), fields.indexOf(units[units.length - 1]) + 1);
  const value = parseInterval(`${sign}${sparkStringValue(sig[j].text)}`, qualifier, span);
  const sql = fields[0] === 'YEAR' ? `to_months(CAST(${value} AS INTEGER))` : `to_microseconds(CAST(${value} AS BIGINT))`;
  return { sql, next: j + 1 + (units.length === 2 ? 3 : 1) };
}

// A name in the first of three dotted parts is a catalog (Spark: catalog.schema.table).
function isCatalogPosition(sig, i) {
  if (isOp(sig[i - 1], '.')) return false;
  return isOp(sig[i + 1], '.') && isIdent(sig[i + 2]) && isOp(sig[i + 3], '.') && isIdent(sig[i + 4]) &&
    Object.hasOwn(CATALOG_ALIASES, identName(sig[i]).toLowerCase());
}

// Only rewrite a type word where a type can stand: CAST(x AS T), x::T, a column
// definition "(name T" / ", name T", ALTER … TYPE T, or a typed literal T '…'.
function isTypePosition(sig, i, parens) {
  const prev = sig[i - 1];
  const prev2 = sig[i - 2];
  if (isOp(sig[i + 1], '.') || isOp(prev, '.')) return false;
  if (sig[i + 1]?.kind === 'string') return ['TIMESTAMP', 'TIMESTAMP_NTZ', 'TIMESTAMP_LTZ'].includes(upper(sig[i]));
  if (isOp(prev, '::') || upper(prev) === 'TYPE') return true;
  if (upper(prev) === 'AS') return ['CAST', 'TRY_CAST'].includes(parens[parens.length - 1]);
  return isIdent(prev) && (isOp(prev2, '(') || isOp(prev2, ',') || ['COLUMN', 'ADD'].includes(upper(prev2)));
}

// ARRAY<T> → T[], MAP<K, V> → MAP(K, V), STRUCT<a: T, …> → STRUCT("a" T, …).
function parseType(sig, i) {
  const word = upper(sig[i]);
  if (word === 'ARRAY' || word === 'MAP' || word === 'STRUCT') {
    if (!isOp(sig[i + 1], '<')) return { duck: sig[i].text, next: i + 1 };
    let j = i + 2;
    const parts = [];
    while (j < sig.length && !isOp(sig[j], '>')) {
      if (word === 'STRUCT') {
        const name = identName(sig[j]);
        j++;
        if (sig[j]?.kind === 'param') sig[j] = { kind: 'word', text: sig[j].text.slice(1) }; // a:INT
        else if (isOp(sig[j], ':')) j++;
        const t = parseType(sig, j);
        parts.push(`${sqlIdent(name)} ${t.duck}`);
        j = t.next;
      } else {
        const t = parseType(sig, j);
        parts.push(t.duck);
        j = t.next;
      }
      if (isOp(sig[j], ',')) j++;
    }
    const next = j + 1;
    if (word === 'ARRAY') return { duck: `${parts[0]}[]`, next };
    if (word === 'MAP') return { duck: `MAP(${parts.join(', ')})`, next };
    return { duck: `STRUCT(${parts.join(', ')})`, next };
  }
  let duck = SCALAR_TYPES[word] ?? sig[i].text;
  let j = i + 1;
  if (isOp(sig[j], '(')) { // DECIMAL(10,2), VARCHAR(255)
    const close = sig.findIndex((t, k) => k > j && isOp(t, ')'));
    duck += sig.slice(j, close + 1).map((t) => t.text).join('');
    j = close + 1;
  }
  return { duck, next: j };
}

// Spark calls whose arguments are key/value pairs: map(k1, v1, …) → MAP {k1: v1, …},
// named_struct('a', v, …) → {'a': v, …} (a DuckDB struct literal).
const PAIR_CALLS = { map: 'MAP {', named_struct: '{' };

function rewritePairCall(sig, i, out, binder, bindings) {
  out.push(PAIR_CALLS[sig[i].text.toLowerCase()]);
  let depth = 0;
  let arg = 0;
  let j = i + 2;
  const inner = [];
  for (; j < sig.length; j++) {
    const t = sig[j];
    if (isOp(t, '(')) depth++;
    if (isOp(t, ')')) { if (depth === 0) break; depth--; }
    if (depth === 0 && isOp(t, ',')) {
      inner.push({ kind: 'op', text: arg % 2 === 0 ? ':' : ',' });
      arg++;
      continue;
    }
    inner.push(t);
  }
  const body = rewrite(inner, binder);
  out.push(body.sql);
  Object.assign(bindings, body.bindings);
  out.push('}');
  return j;
}
