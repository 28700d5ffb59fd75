// Fault injection and the request log (only with --faults; see README "Fault API").
// A rule matches the next `count` requests of a listener ("api" or "storage")
// by method and path substring, or the next statements containing a text
// ("statement" target), and applies one action:
//   status (429/500/503/…, optional retry_after; optional body: an object as the JSON
//   error body, a string sent as text/html), delay_ms (then serve normally),
//   drop (close the connection half-way through the body), truncate (a complete
//   response whose JSON body is cut in half), malformed (a body that is not JSON),
//   storage: "expired" | "forbidden" (S3-style 403), and for statements:
//   fail_statement (FAILED with sql_state), end_state: "CANCELED" (canceled by the
//   server, as an administrator or a warehouse stop does) or "CLOSED" (succeeds, then its
//   result is closed right after the first answer that carries it), misreport_rows: N
//   (the manifest's total_row_count is off by N).
import { sendRefusal } from './storage.mjs';

const ERROR_CODES = { 429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_ERROR', 502: 'BAD_GATEWAY', 503: 'TEMPORARILY_UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };
const LOG_LIMIT = 10_000;
const STATEMENT_ACTIONS = ['fail_statement', 'end_state', 'misreport_rows'];

export function createFaults() {
  let nextId = 1;
  let seq = 0;
  let rules = [];
  let log = [];

  function take(target, match) {
    const rule = rules.find((r) => r.target === target && r.remaining > 0 && match(r));
    if (!rule) return null;
    rule.remaining--;
    rules = rules.filter((r) => r.remaining > 0);
    return rule;
  }

  function record(listener, req, res) {
    const url = new URL(req.url, 'http://x');
    const entry = {
      seq: ++seq, time: new Date().toISOString(), listener, method: req.method, path: url.pathname,
      has_authorization: req.headers.authorization !== undefined, status: null,
    };
    // Storage headers are logged so tests can check http_headers were sent; an
    // Authorization value is never logged, only its presence.
    if (listener === 'storage') {
      entry.headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, k === 'authorization' ? '[present]' : v]));
    }
    res.on('finish', () => { entry.status = res.statusCode; });
    res.on('close', () => { entry.status ??= 'connection closed'; });
    log.push(entry);
    if (log.length > LOG_LIMIT) log = log.slice(-LOG_LIMIT);
    req.warehouseLogEntry = entry;
  }

  return {
    add(spec) {
      const rule = normalise(spec, nextId++);
      rules.push(rule);
      return rule;
    },
    list: () => rules,
    clear() { rules = []; },
    requests: (since = 0) => log.filter((e) => e.seq > since),
    clearRequests() { log = []; },
    // A statement POST's entry gets the statement's first 200 characters, its
    // UTF-8 byte length and its parameter count, so tests can count statements
    // and batch sizes; parameter values are never logged.
    describeStatement(req, body) {
      const entry = req.warehouseLogEntry;
      if (!entry || !body || typeof body.statement !== 'string') return;
      entry.statement = body.statement.slice(0, 200);
      entry.statement_bytes = Buffer.byteLength(body.statement);
      entry.parameter_count = Array.isArray(body.parameters) ? body.parameters.length : 0;
    },
    // The statement rule matching `statement` (consumed), or null.
    takeStatementFault(statement) {
      return take('statement', (r) => !r.statement_contains || statement.includes(r.statement_contains));
    },
    // Wraps a listener's handler: logs the request, then applies a matching rule or calls next().
    handle(listener, req, res, next) {
      record(listener, req, res);
      const path = new URL(req.url, 'http://x').pathname;
      const rule = take(listener, (r) => (!r.method || r.method === req.method) && (!r.path || path.includes(r.path)));
      if (!rule) return next();
      return apply(rule, listener, res, next);
    },
  };
}

function normalise(spec, id) {
  if (!spec || typeof spec !== 'object') throw new Error('a fault rule must be a JSON object');
  const statementAction = STATEMENT_ACTIONS.some((k) => spec[k] !== undefined);
  const target = spec.target ?? (statementAction ? 'statement' : spec.storage ? 'storage' : 'api');
  if (!['api', 'storage', 'statement'].includes(target)) throw new Error('target must be api, storage or statement');
  const actions = ['status', 'delay_ms', 'drop', 'truncate', 'malformed', 'storage', ...STATEMENT_ACTIONS].filter((k) => spec[k] !== undefined);
  if (actions.length !== 1) throw new Error(`exactly one action expected, got: ${actions.join(', ') || 'none'}`);
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599)) throw new Error('status must be 400..599');
  if (spec.storage !== undefined && !['expired', 'forbidden'].includes(spec.storage)) throw new Error('storage must be expired or forbidden');
  if (spec.fail_statement !== undefined && typeof spec.fail_statement !== 'object') throw new Error('fail_statement must be an object');
  if (spec.end_state !== undefined && !['CANCELED', 'CLOSED'].includes(spec.end_state)) throw new Error('end_state must be CANCELED or CLOSED');
  if (spec.misreport_rows !== undefined && !(Number.isInteger(spec.misreport_rows) && spec.misreport_rows !== 0)) throw new Error('misreport_rows must be a non-zero integer');
  if (statementAction !== (target === 'statement')) throw new Error('fail_statement, end_state and misreport_rows need target statement, and only they');
  const count = spec.count ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
  return { ...spec, id, target, method: spec.method?.toUpperCase(), remaining: count };
}

function apply(rule, listener, res, next) {
  if (rule.delay_ms !== undefined) return setTimeout(next, Math.min(Number(rule.delay_ms) || 0, 600_000));
  if (rule.storage === 'expired') return sendRefusal(res, { status: 403, code: 'AccessDenied', message: 'Request has expired' });
  if (rule.storage === 'forbidden') return sendRefusal(res, { status: 403, code: 'AccessDenied', message: 'Access Denied' });
  if (rule.status !== undefined) return sendStatus(rule, listener, res);
  captureBody(res, (status, headers, body) => {
    if (rule.malformed) return send(res, status, headers, Buffer.from('{"statement_id": "01f0-injected", "status": {"state": SUCCEEDED'));
    const half = body.subarray(0, Math.floor(body.length / 2));
    if (rule.truncate) return send(res, status, headers, half);
    // drop: announce the full length, send half, then cut the connection.
    res.writeHead(status, { ...headers, 'content-length': body.length });
    res.write(half, () => res.socket?.destroy());
  });
  return next();
}

function sendStatus(rule, listener, res) {
  const headers = {};
  if (rule.retry_after !== undefined) headers['retry-after'] = String(rule.retry_after);
  if (listener === 'storage') {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    return sendRefusal(res, { status: rule.status, code: 'ServiceUnavailable', message: 'Injected failure' });
  }
  // A string body is sent as it is, as a proxy's HTML error page would be.
  if (typeof rule.body === 'string') return send(res, rule.status, { ...headers, 'content-type': 'text/html' }, Buffer.from(rule.body));
  const body = rule.body ?? { error_code: ERROR_CODES[rule.status] ?? 'BAD_REQUEST', message: rule.message ?? `Injected HTTP ${rule.status} from the warehouse fault API.` };
  send(res, rule.status, { ...headers, 'content-type': 'application/json' }, Buffer.from(JSON.stringify(body)));
}

function send(res, status, headers, body) {
  res.writeHead(status, { ...headers, 'content-length': body.length });
  res.end(body);
}

// Buffers whatever the real handler writes, then hands status, headers and body to done().
function captureBody(res, done) {
  const parts = [];
  let status = 200;
  let headers = {};
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  res.writeHead = (code, ...rest) => {
    status = code;
    const h = rest.find((x) => x && typeof x === 'object');
    if (h) headers = { ...headers, ...h };
    return res;
  };
  res.write = (chunk, enc, cb) => {
    parts.push(Buffer.from(chunk, typeof enc === 'string' ? enc : undefined));
    if (typeof enc === 'function') enc(); else if (typeof cb === 'function') cb();
    return true;
  };
  res.end = (chunk, enc, cb) => {
    if (chunk && typeof chunk !== 'function') parts.push(Buffer.from(chunk, typeof enc === 'string' ? enc : undefined));
    Object.assign(res, original);
    const all = { ...Object.fromEntries(Object.entries(res.getHeaders())), ...headers };
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    delete all['content-length'];
    done(res.statusCode !== 200 ? res.statusCode : status, all, Buffer.concat(parts));
    return res;
  };
}
