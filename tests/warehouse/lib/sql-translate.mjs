// Spark SQL (what Databricks and ODBC applications send) → DuckDB SQL.
// Every dialect difference the warehouse papers over lives here or in
// sql-commands.mjs (SHOW / DESCRIBE / USE / SET), so it can be read in one sitting:
//   - `backticks` → "identifiers"; "double quoted" is a string in Spark SQL
//   - Spark string escapes (\n, \', \\ …) → DuckDB literals; LIKE gets ESCAPE '\'
//   - :name parameter markers → CAST($name AS <type>); a ? marker is refused
//   - type names: STRING, BINARY, LONG, BYTE, SHORT, TIMESTAMP (session zone),
//     TIMESTAMP_NTZ, VARIANT, ARRAY<…>, MAP<…>, STRUCT<…>
//   - X'0102' binary literals, array(…), map(k, v, …), named_struct('a', v, …)
//   - catalog `main` (a reserved name in DuckDB) ↔ the DuckDB database main_db
//   - `default` as a schema name (a reserved word in DuckDB)
//   - [catalog.]information_schema.{catalogs,schemata,tables,columns,views}
import { tokenize, sparkStringValue, sqlString, sqlIdent, identName } from './sql-tokens.mjs';
import { commandFor } from './sql-commands.mjs';
import { duckTypeForParam } from './params.mjs';
import { SqlError, ApiError } from './errors.mjs';
import { CATALOG_ALIASES, toDuckCatalog } from './catalog-views.mjs';


const SCALAR_TYPES = {
  STRING: 'VARCHAR', BINARY: 'BLOB', LONG: 'BIGINT', BYTE: 'TINYINT', SHORT: 'SMALLINT', INT: 'INTEGER',
  TIMESTAMP: 'TIMESTAMPTZ', TIMESTAMP_LTZ: 'TIMESTAMPTZ', TIMESTAMP_NTZ: 'TIMESTAMP', VARIANT: 'JSON', REAL: 'FLOAT',
};
const INFO_VIEWS = new Set(['catalogs', 'schemata', 'tables', 'columns', 'views']);
const isSig = (t) => t.kind !== 'ws' && t.kind !== 'comment';
const isIdent = (t) => identName(t) !== null;
const upper = (t) => (t && t.kind === 'word' ? t.text.toUpperCase() : null);
const isOp = (t, op) => t && t.kind === 'op' && t.text === op;

// sql: Spark SQL text; parameters: the request's [{name, value, type}].
// Returns { sql, bindings } for DuckDB, or { command } for executor.mjs (DESCRIBE, USE, SET).
export function translate(sql, parameters = []) {
  const all = tokenize(sql);
  if (all.some((t) => t.kind === 'qmark')) throw positionalMarker();
  const tokens = trimTrailingSemicolons(all);
  const sig = tokens.filter(isSig);
  const cmd = commandFor(sig, (toks) => rewrite(toks, parameters));
  if (cmd) return { sql: cmd.sql, command: cmd.command, bindings: {} };
  return rewrite(tokens, parameters);
}

// Checked when the request arrives: a `?` marker is a request error (HTTP 400), not a FAILED statement.
export function assertNoPositionalMarkers(sql) {
  if (tokenize(sql).some((t) => t.kind === 'qmark')) throw positionalMarker();
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
export function rewrite(tokens, parameters) {
  const sig = tokens.filter(isSig);
  const out = [];
  const bindings = {};
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
      out.push(paramRef(t.text.slice(1), parameters, bindings));
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
      const catalog = isOp(prev, '.') && isIdent(sig[i - 2]) ? identName(sig[i - 2]) : null;
      if (catalog !== null) out.splice(out.length - 2, 2); // drop "catalog" "."
      out.push(`memory.main.dbx_is_${identName(sig[i + 2]).toLowerCase()}(${catalog === null ? 'NULL' : sqlString(catalog)})`);
      i += 2;
    } else if (isIdent(t) && isCatalogPosition(sig, i)) {
      out.push(sqlIdent(toDuckCatalog(identName(t))));
    } else if (t.kind === 'bident') {
      out.push(sqlIdent(identName(t)));
    } else if (t.kind === 'word' && SCALAR_TYPES[upper(t)] && isTypePosition(sig, i, parens)) {
      out.push(SCALAR_TYPES[upper(t)]);
    } else if (t.kind === 'word' && isOp(next, '(') && PAIR_CALLS[t.text.toLowerCase()]) {
      i = rewritePairCall(sig, i, out, parameters, bindings);
    } else if (t.kind === 'word' && t.text.toLowerCase() === 'array' && isOp(next, '(')) {
      out.push('list_value');
    } else {
      out.push(t.text);
    }
  }
  return { sql: out.join(' '), bindings };
}

const adjacent = (tokens, a, b) => tokens.indexOf(b) === tokens.indexOf(a) + 1;

function stringLiteral(t, sig, i) {
  const value = sparkStringValue(t.text);
  let text = sqlString(value);
  const likeOp = ['LIKE', 'ILIKE'].includes(upper(sig[i - 1]));
  if (likeOp && value.includes('\\') && upper(sig[i + 1]) !== 'ESCAPE') text += " ESCAPE '\\'";
  return text;
}

function paramRef(name, parameters, bindings) {
  const p = parameters.find((x) => x.name === name);
  if (!p) {
    throw new SqlError('UNBOUND_SQL_PARAMETER', '42P02',
      `Found the unbound parameter: ${name}. Please fix \`args\` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as \`map()\`, \`array()\`, \`struct()\`.`);
  }
  bindings[name] = p.value ?? null;
  return `CAST($${name} AS ${duckTypeForParam(p.type)})`;
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

function rewritePairCall(sig, i, out, parameters, bindings) {
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
  const body = rewrite(inner, parameters);
  out.push(body.sql);
  Object.assign(bindings, body.bindings);
  out.push('}');
  return j;
}
