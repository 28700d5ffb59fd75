// DuckDB column type text (duckdb_columns().data_type, e.g. "STRUCT(a INTEGER[], b
// DECIMAL(10,2))") → every Databricks spelling of the same type the metadata
// answers need: DESCRIBE's lower-case DDL form ("struct<a:array<int>,b:decimal(10,2)>",
// also information_schema full_data_type), the Unity Catalog type name of
// information_schema.columns.data_type ("LONG" for bigint, as in the manifest's
// type_name), the manifest-style text ("STRUCT<a: ARRAY<INT>, …>") and
// DESCRIBE … AS JSON's type object. The scalar mapping is the one render.mjs uses
// for result manifests, so a column reads the same in DESCRIBE and in a SELECT.
//
// information_schema is plain SQL over DuckDB's catalog, so the renderings live in
// the table memory.main.dbx_types (one row per distinct DuckDB type text), kept
// current by refreshTypes() after start-up and after every DDL the warehouse runs.
//
// DuckDB keeps no length for VARCHAR(n) and has no CHAR(n); Databricks keeps both as
// declared. The warehouse records a declared CHAR(n) / VARCHAR(n) column in its own
// metadata (metadata-char-varchar.mjs) under the type text declaredTypeText() spells,
// "VARCHAR(3)" / "CHAR(2)", which DuckDB's catalog itself never shows; parseDuckType()
// reads those texts as the kinds 'varchar' / 'char'.

const SCALARS = {
  BOOLEAN: 'boolean', TINYINT: 'tinyint', UTINYINT: 'smallint', SMALLINT: 'smallint', USMALLINT: 'int',
  INTEGER: 'int', UINTEGER: 'bigint', BIGINT: 'bigint', HUGEINT: 'bigint', FLOAT: 'float', DOUBLE: 'double',
  VARCHAR: 'string', BLOB: 'binary', DATE: 'date', 'TIMESTAMP WITH TIME ZONE': 'timestamp',
  TIMESTAMP: 'timestamp_ntz', TIMESTAMP_S: 'timestamp_ntz', TIMESTAMP_MS: 'timestamp_ntz', TIMESTAMP_NS: 'timestamp_ntz',
  INTERVAL: 'interval day to second', JSON: 'variant', '"NULL"': 'void',
};
const WIDE_DECIMALS = { UBIGINT: [20, 0], UHUGEINT: [38, 0] };

// Unity Catalog type names (ColumnTypeName), keyed by the Spark name.
const UC_NAMES = {
  boolean: 'BOOLEAN', tinyint: 'BYTE', smallint: 'SHORT', int: 'INT', bigint: 'LONG', float: 'FLOAT',
  double: 'DOUBLE', decimal: 'DECIMAL', string: 'STRING', binary: 'BINARY', date: 'DATE', timestamp: 'TIMESTAMP',
  timestamp_ntz: 'TIMESTAMP_NTZ', interval: 'INTERVAL', variant: 'VARIANT', void: 'NULL',
  array: 'ARRAY', map: 'MAP', struct: 'STRUCT',
  // UNCONFIRMED: no recording shows information_schema.columns.data_type of a declared
  // VARCHAR(n) / CHAR(n) column; upper-case VARCHAR / CHAR follow the other names here.
  // Unity Catalog's ColumnTypeName enum has CHAR but no VARCHAR, so a workspace may
  // answer STRING for varchar(n).
  varchar: 'VARCHAR', char: 'CHAR',
};
// Bits of the base-2 numeric types (information_schema numeric_precision).
const BITS = { tinyint: 8, smallint: 16, int: 32, bigint: 64, float: 24, double: 53 };

// Parses a DuckDB type text into { kind: 'scalar'|'decimal'|'array'|'map'|'struct', … }.
export function parseDuckType(text) {
  let i = 0;
  const s = String(text);
  const ws = () => { while (s[i] === ' ') i++; };
  const name = () => {
    ws();
    if (s[i] === '"') {
      let out = '';
      for (i++; i < s.length; i++) {
        if (s[i] === '"' && s[i + 1] === '"') { out += '"'; i++; } else if (s[i] === '"') { i++; break; } else out += s[i];
      }
      return out;
    }
    const m = /^[^ (),[\]]+/.exec(s.slice(i));
    i += m ? m[0].length : 0;
    return m ? m[0] : '';
  };
  const skipParens = () => {
    let depth = 0;
    do { if (s[i] === '(') depth++; if (s[i] === ')') depth--; i++; } while (depth > 0 && i < s.length);
  };
  function type() {
    ws();
    const m = /^(TIMESTAMP WITH TIME ZONE|[A-Z_0-9]+|"NULL")/.exec(s.slice(i));
    const base = m ? m[0] : '';
    i += base.length;
    let node;
    if ((base === 'STRUCT' || base === 'UNION') && s[i] === '(') {
      i++;
      const fields = [];
      while (i < s.length && s[i] !== ')') {
        const fieldName = name();
        fields.push({ name: fieldName, type: type() });
        ws();
        if (s[i] === ',') i++;
      }
      i++;
      node = base === 'STRUCT' ? { kind: 'struct', fields } : { kind: 'scalar', spark: 'string' };
    } else if (base === 'MAP' && s[i] === '(') {
      i++;
      const key = type();
      ws(); i++; // ','
      const value = type();
      ws(); i++; // ')'
      node = { kind: 'map', key, value };
    } else if (base === 'DECIMAL' && s[i] === '(') {
      const d = /^\((\d+),\s*(\d+)\)/.exec(s.slice(i));
      i += d[0].length;
      node = { kind: 'decimal', precision: Number(d[1]), scale: Number(d[2]) };
    } else if ((base === 'VARCHAR' || base === 'CHAR') && /^\(\d+\)/.test(s.slice(i))) {
      const d = /^\((\d+)\)/.exec(s.slice(i));
      i += d[0].length;
      node = { kind: base.toLowerCase(), length: Number(d[1]) };
    } else if (WIDE_DECIMALS[base]) {
      node = { kind: 'decimal', precision: WIDE_DECIMALS[base][0], scale: WIDE_DECIMALS[base][1] };
    } else {
      if (s[i] === '(') skipParens(); // ENUM('a', …)
      node = { kind: 'scalar', spark: SCALARS[base] ?? 'string' };
    }
    while (s[i] === '[') {
      while (i < s.length && s[i] !== ']') i++;
      i++;
      node = { kind: 'array', element: node };
    }
    return node;
  }
  return type();
}

// The type text under which a declared CHAR(n) / VARCHAR(n) column is recorded.
export const declaredTypeText = (kind, length) => `${kind.toUpperCase()}(${length})`;

// DESCRIBE / full_data_type spelling: "array<int>", "struct<a:int,b:string>", "decimal(10,2)",
// and the declared "varchar(3)" / "char(2)".
export function ddlText(t) {
  switch (t.kind) {
    case 'decimal': return `decimal(${t.precision},${t.scale})`;
    case 'varchar': case 'char': return `${t.kind}(${t.length})`;
    case 'array': return `array<${ddlText(t.element)}>`;
    case 'map': return `map<${ddlText(t.key)},${ddlText(t.value)}>`;
    case 'struct': return `struct<${t.fields.map((f) => `${f.name}:${ddlText(f.type)}`).join(',')}>`;
    default: return t.spark;
  }
}

// Result-manifest spelling (type_text): "ARRAY<INT>", "STRUCT<a: INT, b: STRING>", "DECIMAL(10,2)".
// A declared CHAR(n) / VARCHAR(n) column is STRING there (recorded for VARCHAR(255)).
export function manifestText(t) {
  switch (t.kind) {
    case 'decimal': return `DECIMAL(${t.precision},${t.scale})`;
    case 'varchar': case 'char': return 'STRING';
    case 'array': return `ARRAY<${manifestText(t.element)}>`;
    case 'map': return `MAP<${manifestText(t.key)}, ${manifestText(t.value)}>`;
    case 'struct': return `STRUCT<${t.fields.map((f) => `${f.name}: ${manifestText(f.type)}`).join(', ')}>`;
    default: return t.spark === 'void' ? 'VOID' : t.spark.toUpperCase();
  }
}

const sparkName = (t) => (t.kind === 'scalar' ? t.spark.split(' ')[0] : t.kind);
const isCharacter = (name) => name === 'string' || name === 'varchar' || name === 'char';

// DESCRIBE … AS JSON type object (Spark's describe-as-JSON format).
export function jsonType(t) {
  switch (t.kind) {
    case 'decimal': return { name: 'decimal', precision: t.precision, scale: t.scale };
    case 'varchar': case 'char': return { name: t.kind, length: t.length };
    case 'array': return { name: 'array', element_type: jsonType(t.element), element_nullable: true };
    case 'map': return { name: 'map', key_type: jsonType(t.key), value_type: jsonType(t.value), value_nullable: true };
    case 'struct': return { name: 'struct', fields: t.fields.map((f) => ({ name: f.name, type: jsonType(f.type), nullable: true })) };
    default:
      if (t.spark === 'timestamp') return { name: 'timestamp_ltz' };
      if (t.spark.startsWith('interval')) return { name: 'interval', start_unit: 'day', end_unit: 'second' };
      return { name: t.spark };
  }
}

// One dbx_types row: the information_schema.columns fields that depend on the type only.
export function typeRow(duckText) {
  const t = parseDuckType(duckText);
  const name = sparkName(t);
  const numeric = t.kind === 'decimal' || BITS[name] !== undefined;
  const integral = ['tinyint', 'smallint', 'int', 'bigint'].includes(name);
  let datetime = null;
  if (name === 'date') datetime = 0;
  if (name === 'timestamp' || name === 'timestamp_ntz' || name === 'interval') datetime = 3;
  return {
    duck: duckText,
    full_data_type: ddlText(t),
    data_type: UC_NAMES[name] ?? 'STRING',
    type_text: manifestText(t),
    numeric_precision: t.kind === 'decimal' ? t.precision : (BITS[name] ?? null),
    numeric_precision_radix: numeric ? (t.kind === 'decimal' ? 10 : 2) : null,
    numeric_scale: t.kind === 'decimal' ? t.scale : (integral ? 0 : null),
    datetime_precision: datetime,
    interval_type: name === 'interval' ? 'DAY TO SECOND' : null,
    // Observed on a workspace: STRING columns report 0 for both lengths, others NULL.
    // UNCONFIRMED: the declared length for CHAR(n) / VARCHAR(n) (no recording).
    character_length: isCharacter(name) ? (t.length ?? 0) : null,
  };
}

export const TYPES_TABLE = `CREATE TABLE IF NOT EXISTS memory.main.dbx_types (duck VARCHAR PRIMARY KEY,
  full_data_type VARCHAR, data_type VARCHAR, type_text VARCHAR, numeric_precision INTEGER,
  numeric_precision_radix INTEGER, numeric_scale INTEGER, datetime_precision INTEGER, interval_type VARCHAR,
  character_length INTEGER)`;

const lit = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

// Adds a dbx_types row for every type text in the column snapshot (DuckDB's, or the
// declared CHAR(n) / VARCHAR(n) of catalog-views.mjs) that has none yet.
export async function refreshTypes(con) {
  const missing = await con.runAndReadAll(`SELECT DISTINCT data_type FROM memory.main.dbx_col_snapshot
    WHERE data_type NOT IN (SELECT duck FROM memory.main.dbx_types)`);
  const rows = missing.getRows().map(([text]) => typeRow(text));
  if (!rows.length) return;
  const values = rows.map((r) => `(${Object.values(r).map(lit).join(', ')})`).join(', ');
  await con.run(`INSERT OR IGNORE INTO memory.main.dbx_types VALUES ${values}`);
}
