// Validation of the execute request (POST /api/2.0/sql/statements), with the
// 400 INVALID_PARAMETER_VALUE answers a workspace gives for bad fields.
import { invalidParameter, ApiError } from './errors.mjs';
import { validateParameters, DEFAULT_MAX_PARAMETERS } from './params.mjs';
import { assertNoPositionalMarkers } from './sql-translate.mjs';

const MAX_STATEMENT_BYTES = 16 * 1024 * 1024;

function oneOf(body, field, allowed, fallback) {
  const v = body[field] ?? fallback;
  if (typeof v !== 'string' || !allowed.includes(v.toUpperCase())) {
    throw invalidParameter(`${field} must be one of ${allowed.join(', ')}; got ${JSON.stringify(body[field])}.`);
  }
  return v.toUpperCase();
}

function optionalCount(body, field, min) {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (!Number.isSafeInteger(n) || n < min) throw invalidParameter(`${field} must be an integer >= ${min}; got ${JSON.stringify(v)}.`);
  return n;
}

function optionalName(body, field) {
  const v = body[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw invalidParameter(`${field} must be a string.`);
  return v;
}

// wait_timeout: "0s" (asynchronous) or "5s".."50s"; default 10s.
export function parseWaitTimeout(value) {
  if (value === undefined || value === null) return 10;
  const m = typeof value === 'string' ? /^(\d+)s$/.exec(value.trim()) : null;
  const n = m ? Number(m[1]) : NaN;
  if (n === 0 || (n >= 5 && n <= 50)) return n;
  throw invalidParameter(`wait_timeout must be 0s or between 5s and 50s (e.g. "10s"); got ${JSON.stringify(value)}.`);
}

// Returns the normalised request or throws ApiError.
// maxParameters: --max-parameters (0 = no limit).
export function validateExecuteRequest(body, warehouseId, { maxParameters = DEFAULT_MAX_PARAMETERS } = {}) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'MALFORMED_REQUEST', 'Invalid JSON given in the body of the request - expected a map.');
  }
  if (typeof body.statement !== 'string' || !body.statement.trim()) throw invalidParameter('statement is required and must be a non-empty string.');
  if (Buffer.byteLength(body.statement) > MAX_STATEMENT_BYTES) throw invalidParameter('statement exceeds the maximum size of 16 MiB.');
  assertNoPositionalMarkers(body.statement);
  if (typeof body.warehouse_id !== 'string' || !body.warehouse_id) throw invalidParameter('warehouse_id is required.');
  if (body.warehouse_id !== warehouseId) {
    throw new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Warehouse ${body.warehouse_id} does not exist.`);
  }
  const format = oneOf(body, 'format', ['JSON_ARRAY', 'ARROW_STREAM', 'CSV'], 'JSON_ARRAY');
  if (format !== 'JSON_ARRAY') {
    throw invalidParameter(`format ${format} is not supported by this warehouse yet; use JSON_ARRAY.`);
  }
  const request = {
    statement: body.statement,
    warehouse_id: body.warehouse_id,
    catalog: optionalName(body, 'catalog'),
    schema: optionalName(body, 'schema'),
    parameters: validateParameters(body.parameters, maxParameters),
    wait_timeout: parseWaitTimeout(body.wait_timeout),
    on_wait_timeout: oneOf(body, 'on_wait_timeout', ['CONTINUE', 'CANCEL'], 'CONTINUE'),
    disposition: oneOf(body, 'disposition', ['INLINE', 'EXTERNAL_LINKS'], 'INLINE'),
    format,
    row_limit: optionalCount(body, 'row_limit', 0),
    byte_limit: optionalCount(body, 'byte_limit', 1),
  };
  if (body.query_tags !== undefined && body.query_tags !== null) {
    const ok = Array.isArray(body.query_tags) && body.query_tags.every((t) => t && typeof t.key === 'string');
    if (!ok) throw invalidParameter('query_tags must be an array of {key, value}.');
    request.query_tags = body.query_tags.slice(0, 20);
  }
  return request;
}
