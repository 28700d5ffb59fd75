// Small readers over the significant tokens of sql-tokens.mjs, shared by the
// command parsers (SHOW, DESCRIBE, the metadata DDL): keywords, dotted names,
// parenthesised lists.
import { identName, sparkStringValue } from './sql-tokens.mjs';
import { SqlError } from './errors.mjs';

export const W = (t) => (t && t.kind === 'word' ? t.text.toUpperCase() : null);
export const isOp = (t, op) => t && t.kind === 'op' && t.text === op;
export const stringValue = (t) => (t && t.kind === 'string' ? sparkStringValue(t.text) : null);

export function syntaxError(tok, expected) {
  const near = tok ? `'${tok.text}'` : 'end of input';
  return new SqlError('PARSE_SYNTAX_ERROR', '42601', `Syntax error at or near ${near}${expected ? `: expected ${expected}` : ''}.`);
}

// True when the words at sig[i…] are exactly `words` (case-insensitive).
export const words = (sig, i, ...ws) => ws.every((w, k) => W(sig[i + k]) === w);

// Reads a dotted name (catalog.schema.table, …) → { parts, next }.
export function qualifiedName(sig, i) {
  const parts = [];
  while (i < sig.length && identName(sig[i]) !== null) {
    parts.push(identName(sig[i]));
    i++;
    if (!isOp(sig[i], '.')) break;
    i++;
  }
  if (!parts.length) throw syntaxError(sig[i], 'a name');
  return { parts, next: i };
}

// Index of the ')' closing the '(' at sig[open].
export function closingParen(sig, open) {
  let depth = 0;
  for (let j = open; j < sig.length; j++) {
    if (isOp(sig[j], '(')) depth++;
    if (isOp(sig[j], ')') && --depth === 0) return j;
  }
  throw syntaxError(null, "')'");
}

// The tokens between sig[open] = '(' and its ')' split at top-level commas → { items, next }.
export function parenList(sig, open) {
  if (!isOp(sig[open], '(')) throw syntaxError(sig[open], "'('");
  const close = closingParen(sig, open);
  const items = [];
  let item = [];
  let depth = 0;
  for (let j = open + 1; j < close; j++) {
    const t = sig[j];
    if (isOp(t, '(') || isOp(t, '<')) depth++;
    if (isOp(t, ')') || isOp(t, '>')) depth--;
    if (depth === 0 && isOp(t, ',')) { items.push(item); item = []; continue; }
    item.push(t);
  }
  if (item.length) items.push(item);
  return { items, next: close + 1 };
}

// A list of column names "(a, b)" → { names, next }.
export function nameList(sig, open) {
  const { items, next } = parenList(sig, open);
  return { names: items.map((it) => identName(it[0])), next };
}

// Backticked Spark rendering of a dotted name, as Databricks quotes names in messages.
export const quoted = (parts) => parts.map((p) => `\`${String(p).replace(/`/g, '``')}\``).join('.');
