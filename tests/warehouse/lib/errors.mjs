// The two kinds of failure a workspace reports, and the mapping of DuckDB's
// error messages onto Databricks error classes and SQLSTATEs.

// A request the API refuses: non-200 with {"error_code": "...", "message": "..."}.
export class ApiError extends Error {
  constructor(status, errorCode, message, headers = {}) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.headers = headers;
  }
  get body() { return { error_code: this.errorCode, message: this.message }; }
}

export const invalidParameter = (message) => new ApiError(400, 'INVALID_PARAMETER_VALUE', message);
export const statementNotFound = (id) =>
  new ApiError(404, 'NOT_FOUND', `The statement ${id} was not found. It may have been closed or purged.`);

// A statement that ran and failed: HTTP 200, state FAILED, the SQLSTATE both in
// status.sql_state and inside the message text, as workspaces write it.
export class SqlError extends Error {
  constructor(errorClass, sqlState, detail, errorCode = 'BAD_REQUEST') {
    super(`[${errorClass}] ${detail} SQLSTATE: ${sqlState}`);
    this.sqlState = sqlState;
    this.errorCode = errorCode;
  }
}

// First matching rule wins: [pattern over DuckDB's message, error class, SQLSTATE].
const RULES = [
  [/^Parser Error/i, 'PARSE_SYNTAX_ERROR', '42601'],
  [/Table with name .* does not exist|Table .* does not exist/i, 'TABLE_OR_VIEW_NOT_FOUND', '42P01'],
  [/Catalog "?.*"? does not exist|Catalog with name .* does not exist/i, 'NO_SUCH_CATALOG_EXCEPTION', '42704'],
  [/Schema with name .* does not exist|schema .* does not exist|No catalog \+ schema named/i, 'SCHEMA_NOT_FOUND', '42704'],
  [/already exists/i, 'TABLE_OR_VIEW_ALREADY_EXISTS', '42P07'],
  [/Referenced column .* not found|column .* not found/i, 'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', '42703'],
  [/Function with name .* does not exist/i, 'UNRESOLVED_ROUTINE', '42883'],
  [/No function matches|Cannot compare|Cannot mix/i, 'DATATYPE_MISMATCH', '42K09'],
  [/out of range for the destination type/i, 'CAST_OVERFLOW', '22003'],
  [/^Conversion Error/i, 'CAST_INVALID_INPUT', '22018'],
  [/^Out of Range Error|overflow/i, 'NUMERIC_VALUE_OUT_OF_RANGE', '22003'],
  [/Division by zero/i, 'DIVIDE_BY_ZERO', '22012'],
  [/NOT NULL constraint/i, 'NOT_NULL_CONSTRAINT_VIOLATION', '23502'],
  [/^Constraint Error/i, 'CONSTRAINT_VIOLATION', '23505'],
  [/read-only|read only/i, 'PERMISSION_DENIED', '42501'],
  [/Cannot prepare multiple statements|No statement to prepare/i, 'PARSE_SYNTAX_ERROR', '42601'],
  [/^Not implemented Error/i, 'UNSUPPORTED_FEATURE', '0A000'],
  [/^TransactionContext Error/i, 'CONCURRENT_MODIFICATION', '40001'],
  [/^(Binder|Catalog) Error/i, 'ANALYSIS_ERROR', '42000'],
  [/^Invalid Input Error/i, 'INVALID_INPUT', '22023'],
];

// DuckDB error → SqlError. The DuckDB text stays in the message (minus its
// "LINE 1: …" caret excerpt) so people can see what the engine said.
export function fromDuckDb(err, statementText = '') {
  if (err instanceof SqlError) return err;
  const raw = String(err?.message ?? err);
  const first = raw.split('\n')[0].trim();
  // Spark-shaped failures raised inside SQL (error() in spark-functions.mjs macros) keep their class.
  const spark = /^[A-Za-z ]+ Error: \[([A-Z][A-Z0-9_.]*)\] ([\s\S]*?) SQLSTATE: ([0-9A-Z]{5})/.exec(raw);
  if (spark) return new SqlError(spark[1], spark[3], spark[2]);
  // The same raised by a CHECK constraint (metadata-char-varchar.mjs): DuckDB quotes the
  // expression, then appends "(Error: <message>)".
  const checked = /^Constraint Error: [\s\S]*?\(Error: \[([A-Z][A-Z0-9_.]*)\] ([\s\S]*) SQLSTATE: ([0-9A-Z]{5})\)\s*$/.exec(raw);
  if (checked) return new SqlError(checked[1], checked[3], checked[2]);
  const rule = RULES.find(([re]) => re.test(first));
  if (!rule) return new SqlError('INTERNAL_ERROR', 'XX000', first, 'INTERNAL_ERROR');
  const detail = first.replace(/^[A-Za-z ]+ Error:\s*/, '').replace(/!$/, '');
  const sqlHint = rule[1] === 'PARSE_SYNTAX_ERROR' && statementText ? `\n\n== SQL ==\n${statementText.slice(0, 1000)}\n` : '';
  const e = new SqlError(rule[1], rule[2], detail.endsWith('.') ? detail : `${detail}.`);
  e.message += sqlHint;
  return e;
}

export const isInterrupt = (err) => /INTERRUPT|Interrupted/i.test(String(err?.message ?? err));
