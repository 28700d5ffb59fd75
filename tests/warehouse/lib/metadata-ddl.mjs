// Spark DDL whose metadata DuckDB cannot keep as Databricks does, run as command
// objects ({ kind: 'meta', run(con) }, see executor.mjs):
//   - CREATE TABLE with informational PRIMARY KEY / FOREIGN KEY constraints (kept,
//     never enforced, as in Databricks; key columns become NOT NULL), column and
//     table COMMENTs, USING / PARTITIONED BY / CLUSTER BY / LOCATION / OPTIONS /
//     TBLPROPERTIES; CREATE [MATERIALIZED] VIEW with its text and comments;
//   - ALTER TABLE … ADD/DROP CONSTRAINT | DROP PRIMARY KEY | DROP FOREIGN KEY,
//     ALTER COLUMN c COMMENT, ADD COLUMNS, RENAME TO, SET TBLPROPERTIES;
//   - COMMENT ON TABLE|VIEW|COLUMN|SCHEMA, DROP TABLE|VIEW, CREATE/DROP SCHEMA
//     (catalog.schema names, the catalog `main` being DuckDB's main_db).
// The records live in <db>.main.dbx_relations / dbx_schemas and main_db.main.dbx_constraints;
// declared CHAR(n) / VARCHAR(n) columns in <db>.main.dbx_column_types (metadata-char-varchar.mjs).
import { identName, sqlIdent, sqlString } from './sql-tokens.mjs';
import { SqlError } from './errors.mjs';
import { W, isOp, words, stringValue, qualifiedName, closingParen, parenList, nameList, syntaxError, quoted } from './sql-parse.mjs';
import { toDuckCatalog, fromDuckCatalog, HIVE, refreshCatalog } from './catalog-views.mjs';
import { declaredType, lengthCheck, recordDeclared, forgetDeclared, forgetSchemaDeclared, renameDeclared, afterAlter } from './metadata-char-varchar.mjs';

const raw = (text) => ({ kind: 'raw', text });
const op = (text) => ({ kind: 'op', text });
const word = (text) => ({ kind: 'word', text });
// Every handler changes the catalog, so the metadata snapshot is retaken after it.
const meta = (run) => ({ command: { kind: 'meta', run: async (con) => { const out = await run(con); await refreshCatalog(con); return out; } } });
const rowsOf = async (con, sql) => (await con.runAndReadAll(sql)).getRows();

// Returns null (not handled here) or { command } / { sql }.
export function ddlCommandFor(sig, rewrite, tokens) {
  const a = W(sig[0]);
  let i = 1;
  if (a === 'CREATE') {
    const orReplace = words(sig, 1, 'OR', 'REPLACE');
    if (orReplace) i = 3;
    // The SQL standard's LOCAL / GLOBAL TEMPORARY tables (Tableau's connection probe) are
    // not in Spark's grammar, though DuckDB would take them.
    if (['LOCAL', 'GLOBAL'].includes(W(sig[i]))) throw syntaxError(sig[i]);
    if (['SCHEMA', 'DATABASE'].includes(W(sig[i]))) return meta((con) => createSchema(con, sig, i + 1));
    if (words(sig, i, 'MATERIALIZED', 'VIEW')) return meta((con) => createView(con, sig, i + 2, { orReplace, tokens, rewrite, materialized: true }));
    if (W(sig[i]) === 'VIEW') return meta((con) => createView(con, sig, i + 1, { orReplace, tokens, rewrite }));
    const external = W(sig[i]) === 'EXTERNAL';
    if (external) i++;
    if (W(sig[i]) === 'TABLE') return meta((con) => createTable(con, sig, i + 1, { orReplace, external, rewrite }));
    return null;
  }
  if (a === 'DROP' && ['SCHEMA', 'DATABASE'].includes(W(sig[1]))) return meta((con) => dropSchema(con, sig, 2));
  if (a === 'DROP' && (['TABLE', 'VIEW'].includes(W(sig[1])) || words(sig, 1, 'MATERIALIZED', 'VIEW'))) {
    return meta((con) => dropRelation(con, sig, W(sig[1]) === 'MATERIALIZED' ? 3 : 2));
  }
  if (a === 'ALTER' && W(sig[1]) === 'TABLE') return meta((con) => alterTable(con, sig, rewrite));
  if (a === 'COMMENT' && W(sig[1]) === 'ON') return meta((con) => commentOn(con, sig));
  return null;
}

// ---- names -----------------------------------------------------------------

// Spark name parts → the full Databricks and DuckDB names, against the connection's current catalog/schema.
export async function resolveName(con, parts) {
  const [[db, schema]] = await rowsOf(con, 'SELECT current_database(), current_schema()');
  const full = parts.length >= 3 ? parts.slice(-3) : parts.length === 2 ? [fromDuckCatalog(db), ...parts] : [fromDuckCatalog(db), schema, parts[0]];
  const catalog = full[0].toLowerCase();
  const duckDb = toDuckCatalog(catalog);
  return { catalog, schema: full[1], name: full[2], db: duckDb, written: parts,
    sql: [duckDb, full[1], full[2]].map(sqlIdent).join('.'), schemaSql: `${sqlIdent(duckDb)}.${sqlIdent(full[1])}` };
}

// The relation a resolved name denotes, or null.
export async function findRelation(con, n) {
  const rows = await rowsOf(con, `SELECT table_schema, table_name, table_type, is_view FROM memory.main.dbx_relations()
    WHERE db = ${sqlString(n.db)} AND lower(table_schema) = lower(${sqlString(n.schema)}) AND lower(table_name) = lower(${sqlString(n.name)})`);
  if (!rows.length) return null;
  const [schema, name, type, isView] = rows[0];
  return { ...n, schema, name, type, isView, sql: [n.db, schema, name].map(sqlIdent).join('.') };
}

export function tableNotFound(parts) {
  return new SqlError('TABLE_OR_VIEW_NOT_FOUND', '42P01', `The table or view ${quoted(parts)} cannot be found. ` +
    'Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, ' +
    'verify the current_schema() output, or qualify the name with the correct schema and catalog.\n' +
    'To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.');
}

async function requireCatalog(con, catalog) {
  if (catalog === 'system') return;
  const found = await rowsOf(con, `SELECT 1 FROM duckdb_databases() WHERE database_name = ${sqlString(toDuckCatalog(catalog))} AND NOT internal`);
  if (!found.length || catalog === 'memory') {
    throw new SqlError('NO_SUCH_CATALOG_EXCEPTION', '42704', `Catalog '${catalog}' was not found. Please verify the catalog name and then retry the query or command again.`);
  }
}

// Runs statements as one transaction on one database (DuckDB writes one database per transaction).
async function inTransaction(con, statements) {
  await con.run('BEGIN TRANSACTION');
  try {
    for (const s of statements) await con.run(s);
    await con.run('COMMIT');
  } catch (err) {
    await con.run('ROLLBACK').catch(() => {});
    throw err;
  }
}

// ---- CREATE TABLE ----------------------------------------------------------

const CONSTRAINT_OPTIONS = [['NOT', 'ENFORCED'], ['DEFERRABLE'], ['INITIALLY', 'DEFERRED'], ['INITIALLY', 'IMMEDIATE'],
  ['RELY'], ['NORELY'], ['MATCH', 'FULL'], ['ON', 'UPDATE', 'NO', 'ACTION'], ['ON', 'DELETE', 'NO', 'ACTION'],
  ['ENABLE', 'NOVALIDATE'], ['NOT', 'DEFERRABLE']];

function skipOptions(toks, j) {
  for (;;) {
    const opt = CONSTRAINT_OPTIONS.find((o) => words(toks, j, ...o));
    if (!opt) return j;
    j += opt.length;
  }
}

// "[CONSTRAINT n] PRIMARY KEY (…)" / "FOREIGN KEY (…) REFERENCES p (…)" at toks[j] (table
// level) or, with column set, the column-level forms → { key, next } or null.
function readConstraint(toks, j, column) {
  let name = null;
  const start = j;
  if (W(toks[j]) === 'CONSTRAINT') { name = identName(toks[j + 1]); j += 2; }
  if (words(toks, j, 'PRIMARY', 'KEY')) {
    j += 2;
    let columns = [column];
    if (!column) {
      const list = parenList(toks, j);
      columns = list.items.map((it) => identName(it[0])); // "c TIMESERIES" keeps the name
      j = list.next;
    }
    return { key: { type: 'PRIMARY KEY', name, columns }, next: skipOptions(toks, j) };
  }
  if (words(toks, j, 'FOREIGN', 'KEY') || (column && W(toks[j]) === 'REFERENCES')) {
    let columns = [column];
    if (W(toks[j]) === 'FOREIGN') {
      j += 2;
      if (!column) ({ names: columns, next: j } = nameList(toks, j));
    }
    if (W(toks[j]) !== 'REFERENCES') throw syntaxError(toks[j], 'REFERENCES');
    const parent = qualifiedName(toks, j + 1);
    j = parent.next;
    let refColumns = null;
    if (isOp(toks[j], '(')) ({ names: refColumns, next: j } = nameList(toks, j));
    return { key: { type: 'FOREIGN KEY', name, columns, parent: parent.parts, refColumns }, next: skipOptions(toks, j) };
  }
  if (W(toks[start]) === 'UNIQUE' || words(toks, j, 'UNIQUE')) {
    // Informational UNIQUE keys are accepted and not reported (information_schema has no UNIQUE type).
    j = W(toks[j]) === 'UNIQUE' ? j + 1 : j;
    if (!column && isOp(toks[j], '(')) j = closingParen(toks, j) + 1;
    return { key: null, next: skipOptions(toks, j) };
  }
  return null;
}

// One column definition → { tokens (DuckDB part), name, comment, keys, declared (CHAR(n) / VARCHAR(n) or null) }.
function readColumn(toks) {
  const name = identName(toks[0]);
  const out = [];
  const keys = [];
  let comment = null;
  for (let j = 0; j < toks.length;) {
    if (W(toks[j]) === 'COMMENT' && toks[j + 1]?.kind === 'string') { comment = stringValue(toks[j + 1]); j += 2; continue; }
    const c = j > 0 ? readConstraint(toks, j, name) : null;
    if (c) { if (c.key) keys.push(c.key); j = c.next; continue; }
    out.push(toks[j]);
    j++;
  }
  return { tokens: out, name, comment, keys, declared: declaredType(toks.slice(1)) };
}

// The clauses after the column list → { clauses, next }: next is the index of AS (or the end).
function readTableClauses(sig, j) {
  const c = { comment: null, location: null, partitions: [], properties: [], provider: null };
  while (j < sig.length && W(sig[j]) !== 'AS') {
    const w = W(sig[j]);
    if (w === 'USING') { c.provider = sig[j + 1].text.toLowerCase(); j += 2; } else if (w === 'COMMENT') { c.comment = stringValue(sig[j + 1]); j += 2; } else if (w === 'LOCATION') { c.location = stringValue(sig[j + 1]); j += 2; } else if (words(sig, j, 'PARTITIONED', 'BY')) {
      const list = parenList(sig, j + 2);
      c.partitions = list.items.map((it) => identName(it[0]));
      j = list.next;
    } else if (words(sig, j, 'CLUSTER', 'BY')) {
      j = isOp(sig[j + 2], '(') ? closingParen(sig, j + 2) + 1 : j + 3;
    } else if (w === 'OPTIONS' || w === 'TBLPROPERTIES') {
      const list = parenList(sig, j + 1);
      if (w === 'TBLPROPERTIES') c.properties = list.items.map(propertyPair);
      j = list.next;
    } else if (words(sig, j, 'DEFAULT', 'COLLATION')) {
      j += 3;
    } else {
      throw syntaxError(sig[j]);
    }
  }
  return { clauses: c, next: j };
}

const propertyPair = (it) => {
  const eq = it.findIndex((t) => isOp(t, '='));
  const text = (ts) => ts.map((t) => stringValue(t) ?? t.text).join('');
  return eq < 0 ? [text(it), null] : [text(it.slice(0, eq)), text(it.slice(eq + 1))];
};

async function createTable(con, sig, i, { orReplace, external, rewrite }) {
  const ifNotExists = words(sig, i, 'IF', 'NOT', 'EXISTS');
  if (ifNotExists) i += 3;
  const { parts, next } = qualifiedName(sig, i);
  i = next;
  const columns = [];
  const keys = [];
  if (isOp(sig[i], '(')) {
    const list = parenList(sig, i);
    for (const item of list.items) {
      const tableKey = readConstraint(item, 0, null);
      if (tableKey) { if (tableKey.key) keys.push(tableKey.key); continue; }
      const col = readColumn(item);
      columns.push(col);
      keys.push(...col.keys);
    }
    i = list.next;
  }
  const { clauses, next: asAt } = readTableClauses(sig, i);
  const target = await resolveName(con, parts);
  await requireCatalog(con, target.catalog);
  const existing = await findRelation(con, target);
  if (existing && ifNotExists) return null;
  if (existing && !orReplace) {
    throw new SqlError('TABLE_OR_VIEW_ALREADY_EXISTS', '42P07', `Cannot create table or view ${quoted([target.catalog, target.schema, target.name])} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`);
  }
  const records = await keyRecords(con, target, keys, columns);

  const withCheck = (c) => (c.declared ? [...c.tokens, raw(lengthCheck(c.name, c.declared))] : c.tokens);
  const body = columns.length ? [op('('), ...columns.flatMap((c, k) => (k ? [op(','), ...withCheck(c)] : withCheck(c))), op(')')] : [];
  const query = asAt < sig.length ? sig.slice(asAt) : [];
  const duck = rewrite([raw(`CREATE ${orReplace ? 'OR REPLACE ' : ''}TABLE ${target.sql}`), ...body, ...query]).sql;
  const type = external || clauses.location ? 'EXTERNAL' : 'MANAGED';
  const statements = [duck,
    ...keys.filter((k) => k.type === 'PRIMARY KEY').flatMap((k) => k.columns).map((c) => `ALTER TABLE ${target.sql} ALTER COLUMN ${sqlIdent(c)} SET NOT NULL`),
    ...columns.filter((c) => c.comment !== null).map((c) => `COMMENT ON COLUMN ${target.sql}.${sqlIdent(c.name)} IS ${sqlString(c.comment)}`),
    ...(clauses.comment !== null ? [`COMMENT ON TABLE ${target.sql} IS ${sqlString(clauses.comment)}`] : []),
    ...forgetRelation(target),
    relationRecord(target, { type, location: clauses.location, partitions: clauses.partitions, properties: clauses.properties, provider: clauses.provider }),
    ...recordDeclared(target, columns), ...records];
  await inTransaction(con, statements);
  return null;
}

function relationRecord(n, { type, location = null, viewText = null, partitions = [], properties = [], provider = null }) {
  const props = JSON.stringify({ properties, provider });
  const list = `[${partitions.map(sqlString).join(', ')}]::VARCHAR[]`;
  return `INSERT INTO ${sqlIdent(n.db)}.main.dbx_relations VALUES (${sqlString(n.schema)}, ${sqlString(n.name)}, ` +
    `${sqlString(type)}, now(), now(), ${location === null ? 'NULL' : sqlString(location)}, ` +
    `${viewText === null ? 'NULL' : sqlString(viewText)}, ${list}, ${sqlString(props)})`;
}

const sameRelation = (n, s = 'schema_name', t = 'table_name') =>
  `lower(${s}) = lower(${sqlString(n.schema)}) AND lower(${t}) = lower(${sqlString(n.name)})`;

function forgetRelation(n) {
  const out = [`DELETE FROM ${sqlIdent(n.db)}.main.dbx_relations WHERE ${sameRelation(n)}`, ...forgetDeclared(n)];
  if (n.db === 'main_db') out.push(`DELETE FROM main_db.main.dbx_constraints WHERE ${sameRelation(n, 'table_schema')}`);
  return out;
}

// Validates informational keys against the table's columns and the parents' primary keys → INSERT statements.
async function keyRecords(con, target, keys, columns) {
  if (!keys.length) return [];
  if (target.catalog === HIVE) {
    throw new SqlError('UNSUPPORTED_FEATURE.TABLE_CONSTRAINTS', '0A000',
      `PRIMARY KEY and FOREIGN KEY constraints are supported on Unity Catalog tables only, not on ${quoted([target.catalog, target.schema, target.name])}.`);
  }
  const names = columns.map((c) => c.name.toLowerCase());
  const out = [];
  for (const k of keys) {
    const missing = k.columns.find((c) => names.length && !names.includes(String(c).toLowerCase()));
    if (missing) throw new SqlError('UNRESOLVED_COLUMN.WITH_SUGGESTION', '42703', `A column, variable, or function parameter with name ${quoted([missing])} cannot be resolved. Did you mean one of the following? [${columns.map((c) => quoted([c.name])).join(', ')}].`);
    out.push(await keyRecord(con, target, k));
  }
  return out;
}

async function keyRecord(con, target, k) {
  const defaultName = k.type === 'PRIMARY KEY' ? `${target.name}_pk` : `${target.name}_${k.columns.join('_')}_fk`;
  const name = k.name ?? defaultName;
  const taken = await rowsOf(con, `SELECT 1 FROM main_db.main.dbx_constraints WHERE lower(constraint_schema) = lower(${sqlString(target.schema)})
    AND lower(constraint_name) = lower(${sqlString(name)})`);
  if (taken.length) throw new SqlError('CONSTRAINT_ALREADY_EXISTS', '42710', `Constraint '${name}' already exists. Please delete the existing constraint first.`);
  let ref = { catalog: null, schema: null, name: null, columns: null, positions: null, constraint: null };
  if (k.type === 'FOREIGN KEY') ref = await parentKey(con, k);
  const list = (xs) => (xs === null ? 'NULL' : `[${xs.map((x) => (typeof x === 'number' ? x : sqlString(x))).join(', ')}]`);
  return `INSERT INTO main_db.main.dbx_constraints VALUES (${sqlString(target.schema)}, ${sqlString(name)}, ${sqlString(k.type)}, ` +
    `${sqlString(target.schema)}, ${sqlString(target.name)}, ${list(k.columns)}::VARCHAR[], ${ref.catalog === null ? 'NULL' : sqlString(ref.catalog)}, ` +
    `${ref.schema === null ? 'NULL' : sqlString(ref.schema)}, ${ref.name === null ? 'NULL' : sqlString(ref.name)}, ${list(ref.columns)}::VARCHAR[], ` +
    `${list(ref.positions)}::INTEGER[], ${ref.constraint === null ? 'NULL' : sqlString(ref.constraint)})`;
}

// A foreign key's parent must be a table with a primary key; the key's columns default to it.
async function parentKey(con, k) {
  const parent = await findRelation(con, await resolveName(con, k.parent));
  if (!parent) throw tableNotFound(k.parent);
  const pk = (await rowsOf(con, `SELECT constraint_name, columns FROM memory.main.dbx_keys() WHERE catalog = ${sqlString(parent.catalog)}
    AND constraint_type = 'PRIMARY KEY' AND ${sameRelation(parent, 'table_schema')}`))[0];
  if (!pk) {
    throw new SqlError('DELTA_CONSTRAINT_DOES_NOT_EXIST', '42704', `Cannot create the foreign key: the parent table ${quoted([parent.catalog, parent.schema, parent.name])} has no primary key.`);
  }
  const pkCols = pk[1].items.map(String);
  const refColumns = k.refColumns ?? pkCols;
  const positions = refColumns.map((c) => pkCols.findIndex((p) => p.toLowerCase() === c.toLowerCase()) + 1);
  if (refColumns.length !== k.columns.length || positions.includes(0) || refColumns.length !== pkCols.length) {
    throw new SqlError('INVALID_FOREIGN_KEY', '42830', `The foreign key columns (${k.columns.join(', ')}) must reference the primary key (${pkCols.join(', ')}) of ${quoted([parent.catalog, parent.schema, parent.name])}.`);
  }
  return { catalog: parent.catalog, schema: parent.schema, name: parent.name, columns: refColumns, positions, constraint: pk[0] };
}

// ---- CREATE VIEW -----------------------------------------------------------

async function createView(con, sig, i, { orReplace, tokens, rewrite, materialized = false }) {
  const ifNotExists = words(sig, i, 'IF', 'NOT', 'EXISTS');
  if (ifNotExists) i += 3;
  const { parts, next } = qualifiedName(sig, i);
  i = next;
  let columns = [];
  if (isOp(sig[i], '(')) {
    const list = parenList(sig, i);
    columns = list.items.map(readColumn);
    i = list.next;
  }
  const { clauses, next: asAt } = readTableClauses(sig, i);
  if (W(sig[asAt]) !== 'AS') throw syntaxError(sig[asAt], 'AS');
  const target = await resolveName(con, parts);
  await requireCatalog(con, target.catalog);
  const existing = await findRelation(con, target);
  if (existing && ifNotExists) return null;
  if (existing && !orReplace) {
    throw new SqlError('TABLE_OR_VIEW_ALREADY_EXISTS', '42P07', `Cannot create table or view ${quoted([target.catalog, target.schema, target.name])} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`);
  }
  const from = tokens.indexOf(sig[asAt + 1]);
  const viewText = tokens.slice(from).map((t) => t.text).join('').trim();
  const kind = materialized ? 'TABLE' : 'VIEW';
  const names = columns.length ? `(${columns.map((c) => sqlIdent(c.name)).join(', ')})` : '';
  const select = rewrite(sig.slice(asAt + 1)).sql;
  const duck = materialized
    ? `CREATE OR REPLACE TABLE ${target.sql} AS SELECT * FROM (${select}) AS q${names}`
    : `CREATE OR REPLACE VIEW ${target.sql}${names} AS ${select}`;
  await inTransaction(con, [duck,
    ...columns.filter((c) => c.comment !== null).map((c) => `COMMENT ON COLUMN ${target.sql}.${sqlIdent(c.name)} IS ${sqlString(c.comment)}`),
    ...(clauses.comment !== null ? [`COMMENT ON ${kind} ${target.sql} IS ${sqlString(clauses.comment)}`] : []),
    ...forgetRelation(target),
    relationRecord(target, { type: materialized ? 'MATERIALIZED_VIEW' : 'VIEW', viewText, properties: clauses.properties })]);
  return null;
}

// ---- DROP TABLE / VIEW, CREATE / DROP SCHEMA -------------------------------

async function dropRelation(con, sig, i) {
  const ifExists = words(sig, i, 'IF', 'EXISTS');
  const { parts } = qualifiedName(sig, ifExists ? i + 2 : i);
  const rel = await findRelation(con, await resolveName(con, parts));
  if (!rel) {
    if (ifExists) return null;
    throw tableNotFound(parts);
  }
  const wantView = W(sig[1]) === 'VIEW';
  if (wantView !== (rel.type === 'VIEW')) {
    const [cls, what] = wantView ? ['WRONG_COMMAND_FOR_OBJECT_TYPE', 'DROP TABLE'] : ['WRONG_COMMAND_FOR_OBJECT_TYPE', 'DROP VIEW'];
    throw new SqlError(cls, '42809', `The operation requires a ${wantView ? 'VIEW' : 'TABLE'}. But ${quoted([rel.catalog, rel.schema, rel.name])} is a ${rel.type === 'VIEW' ? 'VIEW' : 'TABLE'}. Use ${what} instead.`);
  }
  await inTransaction(con, [`DROP ${rel.isView ? 'VIEW' : 'TABLE'} ${rel.sql}`, ...forgetRelation(rel)]);
  return null;
}

async function schemaName(con, sig, i) {
  const { parts, next } = qualifiedName(sig, i);
  if (parts.length > 2) throw new SqlError('REQUIRES_SINGLE_PART_NAMESPACE', '42K05', `${quoted(parts)} is not a valid schema name.`);
  const [[db]] = await rowsOf(con, 'SELECT current_database()');
  const catalog = (parts.length === 2 ? parts[0] : fromDuckCatalog(db)).toLowerCase();
  const schema = parts[parts.length - 1];
  await requireCatalog(con, catalog);
  const duckDb = toDuckCatalog(catalog);
  return { catalog, schema, db: duckDb, sql: `${sqlIdent(duckDb)}.${sqlIdent(schema)}`, next };
}

const schemaExists = async (con, s) => (await rowsOf(con, `SELECT 1 FROM duckdb_schemas() WHERE database_name = ${sqlString(s.db)}
  AND lower(schema_name) = lower(${sqlString(s.schema)})`)).length > 0;

async function createSchema(con, sig, i) {
  const ifNotExists = words(sig, i, 'IF', 'NOT', 'EXISTS');
  const s = await schemaName(con, sig, ifNotExists ? i + 3 : i);
  let comment = null;
  for (let j = s.next; j < sig.length; j++) if (W(sig[j]) === 'COMMENT') comment = stringValue(sig[j + 1]);
  if (await schemaExists(con, s)) {
    if (ifNotExists) return null;
    throw new SqlError('SCHEMA_ALREADY_EXISTS', '42P06', `Cannot create schema ${quoted([s.catalog, s.schema])} because it already exists.\nChoose a different name, drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema.`);
  }
  await inTransaction(con, [`CREATE SCHEMA ${s.sql}`,
    `DELETE FROM ${sqlIdent(s.db)}.main.dbx_schemas WHERE lower(schema_name) = lower(${sqlString(s.schema)})`,
    `INSERT INTO ${sqlIdent(s.db)}.main.dbx_schemas VALUES (${sqlString(s.schema)}, ${comment === null ? 'NULL' : sqlString(comment)}, now())`]);
  return null;
}

async function dropSchema(con, sig, i) {
  const ifExists = words(sig, i, 'IF', 'EXISTS');
  const s = await schemaName(con, sig, ifExists ? i + 2 : i);
  const cascade = W(sig[s.next]) === 'CASCADE';
  if (!(await schemaExists(con, s))) {
    if (ifExists) return null;
    throw new SqlError('SCHEMA_NOT_FOUND', '42704', `The schema ${quoted([s.catalog, s.schema])} cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on drop use DROP SCHEMA IF EXISTS.`);
  }
  const same = `lower(schema_name) = lower(${sqlString(s.schema)})`;
  const cleanup = [`DELETE FROM ${sqlIdent(s.db)}.main.dbx_schemas WHERE ${same}`, `DELETE FROM ${sqlIdent(s.db)}.main.dbx_relations WHERE ${same}`,
    ...forgetSchemaDeclared(s)];
  if (s.db === 'main_db') cleanup.push(`DELETE FROM main_db.main.dbx_constraints WHERE lower(table_schema) = lower(${sqlString(s.schema)})`);
  try {
    await inTransaction(con, [`DROP SCHEMA ${s.sql}${cascade ? ' CASCADE' : ''}`, ...cleanup]);
  } catch (err) {
    if (!/depend/i.test(err.message)) throw err;
    throw new SqlError('SCHEMA_NOT_EMPTY', '2BP01', `Cannot drop a schema ${quoted([s.catalog, s.schema])} because it contains objects.\nUse DROP SCHEMA ... CASCADE to drop the schema and all its objects.`);
  }
  return null;
}

// ---- ALTER TABLE, COMMENT ON -----------------------------------------------

async function alterTable(con, sig, rewrite) {
  const { parts, next } = qualifiedName(sig, 2);
  const rel = await findRelation(con, await resolveName(con, parts));
  if (!rel) throw tableNotFound(parts);
  let i = next;
  const [a, b] = [W(sig[i]), W(sig[i + 1])];
  if (a === 'ADD' && (b === 'CONSTRAINT' || words(sig, i + 1, 'PRIMARY', 'KEY') || words(sig, i + 1, 'FOREIGN', 'KEY'))) {
    const c = readConstraint(sig, i + 1, null);
    if (!c) throw syntaxError(sig[i + 1]);
    if (!c.key) return null;
    const cols = (await rowsOf(con, `SELECT column_name FROM duckdb_columns() WHERE database_name = ${sqlString(rel.db)}
      AND schema_name = ${sqlString(rel.schema)} AND table_name = ${sqlString(rel.name)}`)).map(([n]) => ({ name: n }));
    if (c.key.type === 'PRIMARY KEY' && (await rowsOf(con, `SELECT 1 FROM memory.main.dbx_keys() WHERE catalog = ${sqlString(rel.catalog)}
        AND constraint_type = 'PRIMARY KEY' AND ${sameRelation(rel, 'table_schema')}`)).length) {
      throw new SqlError('DELTA_CONSTRAINT_ALREADY_EXISTS', '42710', `Table ${quoted([rel.catalog, rel.schema, rel.name])} already has a primary key; drop it first.`);
    }
    const [record] = await keyRecords(con, rel, [c.key], cols);
    const notNull = c.key.type === 'PRIMARY KEY' ? c.key.columns.map((col) => `ALTER TABLE ${rel.sql} ALTER COLUMN ${sqlIdent(col)} SET NOT NULL`) : [];
    await inTransaction(con, [...notNull, record]);
    return null;
  }
  if (a === 'DROP' && (b === 'CONSTRAINT' || words(sig, i + 1, 'PRIMARY', 'KEY') || words(sig, i + 1, 'FOREIGN', 'KEY'))) return dropKey(con, rel, sig, i + 1);
  if ((a === 'ALTER' || a === 'CHANGE') && sig.slice(i).some((t) => W(t) === 'COMMENT')) {
    if (['COLUMN'].includes(b)) i++;
    const column = identName(sig[i + 1]);
    const text = stringValue(sig.find((t, k) => k > i && W(sig[k - 1]) === 'COMMENT'));
    await con.run(`COMMENT ON COLUMN ${rel.sql}.${sqlIdent(column)} IS ${text === null ? 'NULL' : sqlString(text)}`);
    return null;
  }
  if (a === 'ADD' && ['COLUMN', 'COLUMNS'].includes(b)) {
    const list = isOp(sig[i + 2], '(') ? parenList(sig, i + 2).items : [sig.slice(i + 2)];
    const cols = list.map(readColumn);
    // The declared CHAR(n) / VARCHAR(n) of an added column is recorded, not enforced (DuckDB refuses a CHECK here).
    await inTransaction(con, [...cols.flatMap((c) => [rewrite([raw(`ALTER TABLE ${rel.sql}`), word('ADD'), word('COLUMN'), ...c.tokens]).sql,
      ...(c.comment === null ? [] : [`COMMENT ON COLUMN ${rel.sql}.${sqlIdent(c.name)} IS ${sqlString(c.comment)}`])]),
    ...recordDeclared(rel, cols)]);
    return null;
  }
  if (words(sig, i, 'RENAME', 'TO')) {
    const to = qualifiedName(sig, i + 2).parts.at(-1);
    const where = sameRelation(rel);
    const renames = [`ALTER ${rel.isView ? 'VIEW' : 'TABLE'} ${rel.sql} RENAME TO ${sqlIdent(to)}`,
      `UPDATE ${sqlIdent(rel.db)}.main.dbx_relations SET table_name = ${sqlString(to)}, last_altered = now() WHERE ${where}`,
      ...renameDeclared(rel, to)];
    if (rel.db === 'main_db') renames.push(`UPDATE main_db.main.dbx_constraints SET table_name = ${sqlString(to)} WHERE ${sameRelation(rel, 'table_schema')}`);
    await inTransaction(con, renames);
    return null;
  }
  if (a === 'SET' && b === 'TBLPROPERTIES') return null; // accepted; DESCRIBE shows the CREATE-time properties
  // Anything else (ALTER COLUMN … SET/DROP NOT NULL, DROP COLUMN, …) is DuckDB's own ALTER TABLE.
  const rest = rewrite([raw(`ALTER ${rel.isView ? 'VIEW' : 'TABLE'} ${rel.sql}`), ...sig.slice(next)]).sql;
  await inTransaction(con, [rest, ...(rel.isView ? [] : afterAlter(rel, sig, next))]);
  return null;
}

// ALTER TABLE … DROP CONSTRAINT [IF EXISTS] n | DROP PRIMARY KEY [IF EXISTS] [CASCADE] | DROP FOREIGN KEY [IF EXISTS] (cols)
async function dropKey(con, rel, sig, i) {
  let filter;
  let what;
  const ifExists = sig.some((t, k) => k >= i && W(t) === 'IF' && W(sig[k + 1]) === 'EXISTS');
  if (W(sig[i]) === 'CONSTRAINT') {
    what = identName(sig[ifExists ? i + 3 : i + 1]);
    filter = `lower(constraint_name) = lower(${sqlString(what)})`;
  } else if (W(sig[i]) === 'PRIMARY') {
    filter = "constraint_type = 'PRIMARY KEY'";
    what = 'PRIMARY KEY';
  } else {
    const at = sig.findIndex((t, k) => k > i && isOp(t, '('));
    const cols = nameList(sig, at).names.map((c) => c.toLowerCase());
    filter = `constraint_type = 'FOREIGN KEY' AND list_transform(columns, x -> lower(x)) = [${cols.map(sqlString).join(', ')}]`;
    what = `FOREIGN KEY (${cols.join(', ')})`;
  }
  const where = `${sameRelation(rel, 'table_schema')} AND ${filter}`;
  const found = rel.db === 'main_db' ? await rowsOf(con, `SELECT constraint_name, constraint_type FROM main_db.main.dbx_constraints WHERE ${where}`) : [];
  if (!found.length) {
    if (ifExists) return null;
    throw new SqlError('DELTA_CONSTRAINT_DOES_NOT_EXIST', '42704', `Cannot drop nonexistent constraint ${what} from table ${quoted([rel.catalog, rel.schema, rel.name])}. To avoid throwing an error, provide the parameter IF EXISTS or set the SQL session configuration spark.databricks.constraints.allowNonExistent to true.`);
  }
  const statements = [`DELETE FROM main_db.main.dbx_constraints WHERE ${where}`];
  const pk = found.find(([, type]) => type === 'PRIMARY KEY');
  if (pk) {
    const children = `ref_constraint = ${sqlString(pk[0])} AND lower(ref_schema) = lower(${sqlString(rel.schema)}) AND lower(ref_table) = lower(${sqlString(rel.name)})`;
    const dependent = await rowsOf(con, `SELECT 1 FROM main_db.main.dbx_constraints WHERE ${children}`);
    if (dependent.length && !sig.some((t) => W(t) === 'CASCADE')) {
      throw new SqlError('DELTA_CONSTRAINT_DEPENDENT_COLUMN_CHANGE', '42K09', `Cannot drop the primary key ${pk[0]}: foreign keys reference it. Use DROP PRIMARY KEY CASCADE.`);
    }
    statements.push(`DELETE FROM main_db.main.dbx_constraints WHERE ${children}`);
  }
  await inTransaction(con, statements);
  return null;
}

async function commentOn(con, sig) {
  const kind = W(sig[2]);
  const isAt = sig.findIndex((t) => W(t) === 'IS');
  if (isAt < 0) throw syntaxError(sig[sig.length - 1], 'IS');
  const text = W(sig[isAt + 1]) === 'NULL' ? null : stringValue(sig[isAt + 1]);
  const value = text === null ? 'NULL' : sqlString(text);
  const { parts } = qualifiedName(sig, 3);
  if (kind === 'SCHEMA' || kind === 'DATABASE') {
    const s = await schemaName(con, sig, 3);
    if (!(await schemaExists(con, s))) throw new SqlError('SCHEMA_NOT_FOUND', '42704', `The schema ${quoted([s.catalog, s.schema])} cannot be found.`);
    const same = `lower(schema_name) = lower(${sqlString(s.schema)})`;
    const known = (await rowsOf(con, `SELECT 1 FROM ${sqlIdent(s.db)}.main.dbx_schemas WHERE ${same}`)).length > 0;
    await con.run(known ? `UPDATE ${sqlIdent(s.db)}.main.dbx_schemas SET comment = ${value} WHERE ${same}`
      : `INSERT INTO ${sqlIdent(s.db)}.main.dbx_schemas VALUES (${sqlString(s.schema)}, ${value}, now())`);
    return null;
  }
  if (kind === 'COLUMN') {
    const rel = await findRelation(con, await resolveName(con, parts.slice(0, -1)));
    if (!rel) throw tableNotFound(parts.slice(0, -1));
    await con.run(`COMMENT ON COLUMN ${rel.sql}.${sqlIdent(parts.at(-1))} IS ${value}`);
    return null;
  }
  if (kind !== 'TABLE' && kind !== 'VIEW') throw syntaxError(sig[2], 'TABLE, VIEW, COLUMN or SCHEMA');
  const rel = await findRelation(con, await resolveName(con, parts));
  if (!rel) throw tableNotFound(parts);
  await con.run(`COMMENT ON ${rel.isView ? 'VIEW' : 'TABLE'} ${rel.sql} IS ${value}`);
  return null;
}
