// A small SQL tokenizer for the Spark SQL → DuckDB translation. It only needs to
// know where strings, quoted identifiers, comments and parameter markers are, so
// that rewrites never touch text inside literals or comments.

// Token kinds: ws, comment, string ('…' or "…", raw Spark text), bident (`…`),
// qident ("…" is a *string* in Spark SQL, see translate), word, number, param
// (:name), qmark (?), op (anything else, one or two characters).
const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

// Runs are matched with sticky regexes rather than a test per character: a
// multi-row INSERT with tens of thousands of markers is a megabyte of SQL.
const WS_RUN = /\s+/y;
const WORD_RUN = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;
const PARAM_RUN = /:[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;
const NUMBER_RUN = /(?:[0-9.eE]|(?<=[eE])[+-])+[A-Za-z]*/y; // 1L, 2.5D, 1BD suffixes
const TWO_CHAR_OPS = new Set(['::', '<=', '>=', '<>', '!=', '||', '=>', '==', '->', ':=']);

function run(re, sql, i) {
  re.lastIndex = i;
  re.test(sql);
  return re.lastIndex;
}

export function tokenize(sql) {
  const tokens = [];
  let i = 0;
  const push = (kind, start) => tokens.push({ kind, text: sql.slice(start, i) });
  while (i < sql.length) {
    const c = sql[i];
    const start = i;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || /\s/.test(c)) {
      i = run(WS_RUN, sql, i);
      push('ws', start);
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      push('comment', start);
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      push('comment', start);
    } else if (c === "'" || c === '"') {
      i = skipQuoted(sql, i, c, true);
      push('string', start);
    } else if (c === '`') {
      i = skipQuoted(sql, i, '`', false);
      push('bident', start);
    } else if (c === ':' && sql[i + 1] !== ':' && sql[i - 1] !== ':' && WORD_START.test(sql[i + 1] || '')) {
      i = run(PARAM_RUN, sql, i);
      push('param', start);
    } else if (c === '?') {
      i++;
      push('qmark', start);
    } else if (WORD_START.test(c)) {
      i = run(WORD_RUN, sql, i);
      push('word', start);
    } else if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(sql[i + 1] || ''))) {
      i = run(NUMBER_RUN, sql, i);
      push('number', start);
    } else {
      i += TWO_CHAR_OPS.has(sql.slice(i, i + 2)) ? 2 : 1;
      push('op', start);
    }
  }
  return tokens;
}

// Returns the index just past the closing quote. Backslash escapes count inside
// Spark strings; a doubled quote is also accepted as an escaped quote.
function skipQuoted(sql, i, quote, backslash) {
  i++;
  while (i < sql.length) {
    if (backslash && sql[i] === '\\') { i += 2; continue; }
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return i; // unterminated: DuckDB will report the syntax error
}

// Spark string literal text (with its quotes) → the string value.
export function sparkStringValue(text) {
  const quote = text[0];
  const body = text.endsWith(quote) && text.length > 1 ? text.slice(1, -1) : text.slice(1);
  const ESC = { n: '\n', t: '\t', r: '\r', b: '\b', 0: '\0', Z: '\x1a', "'": "'", '"': '"', '\\': '\\' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote && body[i + 1] === quote) { out += quote; i++; continue; }
    if (c !== '\\' || i + 1 >= body.length) { out += c; continue; }
    const n = body[++i];
    if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (n === '%' || n === '_') out += '\\' + n; // Spark keeps these for LIKE
    else out += ESC[n] ?? n;
  }
  return out;
}

export const sqlString = (value) => `'${String(value).replace(/'/g, "''")}'`;
export const sqlIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

// Identifier token → its name (unquoted), or null when the token is no identifier.
export function identName(tok) {
  if (!tok) return null;
  if (tok.kind === 'word') return tok.text;
  if (tok.kind === 'bident') return tok.text.slice(1, -1).replace(/``/g, '`');
  if (tok.kind === 'ident') return tok.text.slice(1, -1).replace(/""/g, '"');
  return null;
}
