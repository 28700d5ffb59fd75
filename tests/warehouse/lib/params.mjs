// Named statement parameters: {name, value?, type?}. The value is always sent
// as a string (or omitted / null for SQL NULL) and cast to the declared type,
// as the API documents ("value must be castable with cast").
import { invalidParameter } from './errors.mjs';

const SIMPLE = {
  STRING: 'VARCHAR', VARCHAR: 'VARCHAR', CHAR: 'VARCHAR',
  INT: 'INTEGER', INTEGER: 'INTEGER', BIGINT: 'BIGINT', LONG: 'BIGINT',
  SMALLINT: 'SMALLINT', SHORT: 'SMALLINT', TINYINT: 'TINYINT', BYTE: 'TINYINT',
  DOUBLE: 'DOUBLE', FLOAT: 'FLOAT', REAL: 'FLOAT', BOOLEAN: 'BOOLEAN',
  DATE: 'DATE', TIMESTAMP: 'TIMESTAMPTZ', TIMESTAMP_LTZ: 'TIMESTAMPTZ', TIMESTAMP_NTZ: 'TIMESTAMP',
  BINARY: 'BLOB', DECIMAL: 'DECIMAL(10,0)', DEC: 'DECIMAL(10,0)', NUMERIC: 'DECIMAL(10,0)',
  INTERVAL: 'INTERVAL', VOID: 'VARCHAR', NULL: 'VARCHAR',
};

// Databricks type text → DuckDB cast target. Unknown / complex types are refused
// up front ("Complex types, such as ARRAY, MAP, and STRUCT are not supported").
export function duckTypeForParam(type) {
  const t = String(type ?? 'STRING').trim().toUpperCase();
  if (SIMPLE[t]) return SIMPLE[t];
  const dec = /^(?:DECIMAL|DEC|NUMERIC)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/.exec(t);
  if (dec && +dec[1] >= 1 && +dec[1] <= 38 && +(dec[2] ?? 0) <= +dec[1]) return `DECIMAL(${dec[1]},${dec[2] ?? 0})`;
  if (/^(VARCHAR|CHAR)\s*\(\s*\d+\s*\)$/.test(t)) return 'VARCHAR';
  if (/^INTERVAL\b/.test(t)) return 'INTERVAL';
  throw invalidParameter(`Unsupported parameter type: ${type}. Supported are the primitive types ` +
    '(e.g. INT, BIGINT, DOUBLE, DECIMAL(p,s), STRING, DATE, TIMESTAMP, BOOLEAN); ARRAY, MAP and STRUCT are not supported.');
}

// Checks the shape of the request's `parameters` array; returns a clean copy.
export function validateParameters(parameters) {
  if (parameters === undefined || parameters === null) return [];
  if (!Array.isArray(parameters)) throw invalidParameter('parameters must be an array of {name, value, type}.');
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
    duckTypeForParam(p.type); // validates
    return { name: p.name, value: p.value ?? null, type: p.type ?? 'STRING' };
  });
}
