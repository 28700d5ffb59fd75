// Declared CHAR(n) / VARCHAR(n) columns. DuckDB takes both as plain VARCHAR and
// forgets the length, while Databricks keeps the declared type (information_schema
// full_data_type, DESCRIBE) and fails a write of a longer value. So the DDL of
// metadata-ddl.mjs records each such column in <db>.main.dbx_column_types (kept in
// the database file, so it survives restarts, like the other dbx_ tables) and, for
// CREATE TABLE, adds a CHECK constraint that raises Databricks' error. Result
// manifests keep saying STRING, as a workspace does (render.mjs reads DuckDB's type).
//
// Not covered: ALTER TABLE … ADD COLUMN records the type but cannot enforce it
// (DuckDB refuses constraints on added columns); CHAR(n) values are not padded to n
// on write or read; CHAR / VARCHAR nested in ARRAY / MAP / STRUCT are plain strings.
import { sqlIdent, sqlString, identName } from './sql-tokens.mjs';
import { W, isOp, words } from './sql-parse.mjs';
import { declaredTypeText } from './metadata-types.mjs';

const KINDS = { VARCHAR: 'varchar', CHAR: 'char', CHARACTER: 'char' };

// The type at toks[0] of a column definition ("VARCHAR ( 3 ) NOT NULL …") → { kind,
// length, text } when it is a CHAR(n) / VARCHAR(n), else null.
export function declaredType(toks) {
  const kind = KINDS[W(toks[0])];
  if (!kind || !isOp(toks[1], '(') || toks[2]?.kind !== 'number' || !isOp(toks[3], ')')) return null;
  const length = Number(toks[2].text);
  if (!Number.isInteger(length)) return null;
  return { kind, length, text: declaredTypeText(kind, length) };
}

// The DuckDB column constraint that enforces the length. error() inside the CHECK puts
// the offending value into DuckDB's message, where errors.mjs finds the Spark class
// (the wording of Delta's DELTA_EXCEED_CHAR_VARCHAR_LIMIT). Lengths count characters
// (code points), as Spark's do.
export function lengthCheck(column, declared) {
  const ref = sqlIdent(column);
  const head = `[DELTA_EXCEED_CHAR_VARCHAR_LIMIT] Value "`;
  const tail = `" exceeds char/varchar type length limitation. Failed check: (length(${column}) <= ${declared.length}). SQLSTATE: 22001`;
  return ` CHECK (CASE WHEN ${ref} IS NULL OR length(${ref}) <= ${declared.length} THEN true
    ELSE error(${sqlString(head)} || ${ref} || ${sqlString(tail)}) END)`;
}

const table = (n) => `${sqlIdent(n.db)}.main.dbx_column_types`;
const sameTable = (n) => `lower(schema_name) = lower(${sqlString(n.schema)}) AND lower(table_name) = lower(${sqlString(n.name)})`;
const sameColumn = (n, column) => `${sameTable(n)} AND lower(column_name) = lower(${sqlString(column)})`;

// Statements recording the declared columns ([{ name, declared }]) of table n, each
// replacing an earlier record of the same column.
export function recordDeclared(n, columns) {
  return columns.filter((c) => c.declared).flatMap((c) => [
    `DELETE FROM ${table(n)} WHERE ${sameColumn(n, c.name)}`,
    `INSERT INTO ${table(n)} VALUES (${sqlString(n.schema)}, ${sqlString(n.name)}, ${sqlString(c.name)}, ${sqlString(c.declared.text)})`]);
}

// Forgets every declared column of table n (DROP, CREATE OR REPLACE), or of a whole schema.
export const forgetDeclared = (n) => [`DELETE FROM ${table(n)} WHERE ${sameTable(n)}`];
export const forgetSchemaDeclared = (s) => [`DELETE FROM ${table(s)} WHERE lower(schema_name) = lower(${sqlString(s.schema)})`];
export const renameDeclared = (n, to) => [`UPDATE ${table(n)} SET table_name = ${sqlString(to)} WHERE ${sameTable(n)}`];

// After an ALTER TABLE that DuckDB ran itself (sig[i…] is what follows the table name):
// RENAME COLUMN a TO b moves a's record, ALTER COLUMN c TYPE t replaces c's, and a
// record whose column is gone (DROP COLUMN) is forgotten.
export function afterAlter(n, sig, i) {
  const out = [];
  if (words(sig, i, 'RENAME', 'COLUMN') && W(sig[i + 3]) === 'TO') {
    out.push(`UPDATE ${table(n)} SET column_name = ${sqlString(identName(sig[i + 4]))} WHERE ${sameColumn(n, identName(sig[i + 2]))}`);
  }
  const at = words(sig, i, 'ALTER', 'COLUMN') ? i + 2 : W(sig[i]) === 'ALTER' ? i + 1 : -1;
  const typeAt = at < 0 ? -1 : W(sig[at + 1]) === 'TYPE' ? at + 2 : words(sig, at + 1, 'SET', 'DATA', 'TYPE') ? at + 4 : -1;
  if (typeAt >= 0) {
    const column = identName(sig[at]);
    out.push(`DELETE FROM ${table(n)} WHERE ${sameColumn(n, column)}`, ...recordDeclared(n, [{ name: column, declared: declaredType(sig.slice(typeAt)) }]));
  }
  out.push(`DELETE FROM ${table(n)} AS d WHERE ${sameTable(n)} AND NOT EXISTS (SELECT 1 FROM duckdb_columns() c
    WHERE c.database_name = ${sqlString(n.db)} AND lower(c.schema_name) = lower(${sqlString(n.schema)})
    AND lower(c.table_name) = lower(${sqlString(n.name)}) AND lower(c.column_name) = lower(d.column_name))`);
  return out;
}
