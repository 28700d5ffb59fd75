// /api/2.0/sql/statements: execute, poll, fetch chunks, cancel, close.
import { validateExecuteRequest } from '../request.mjs';
import { TERMINAL } from '../statements.mjs';
import { statementJson, resultJson } from '../responses.mjs';
import { statementNotFound, invalidParameter, ApiError } from '../errors.mjs';

const BASE = '/api/2.0/sql/statements';

export function statementRoutes(app, { registry, chunkStore, links, warehouseId, faults, maxParameters, drift = {} }) {
  const deps = { chunkStore, links, drift };
  const json = (reply, text) => reply.type('application/json').send(text);
  // The end_state CLOSED fault: the result is closed once an answer has carried it.
  const answer = async (reply, stmt) => {
    const text = await statementJson(stmt, deps);
    if (stmt.closeAfterAnswer && stmt.state === 'SUCCEEDED' && text.includes('"manifest"')) registry.close(stmt);
    return json(reply, text);
  };
  const find = (id) => {
    const stmt = registry.get(id);
    if (!stmt) throw statementNotFound(id);
    return stmt;
  };

  app.post(BASE, async (req, reply) => {
    faults?.describeStatement(req.raw, req.body);
    const request = validateExecuteRequest(req.body, warehouseId, { maxParameters });
    request.user = req.principal?.sub ?? null; // current_user()
    const stmt = registry.submit(request);
    await registry.wait(stmt, request.wait_timeout * 1000);
    if (!TERMINAL.has(stmt.state) && request.wait_timeout > 0 && request.on_wait_timeout === 'CANCEL') registry.cancel(stmt);
    return answer(reply, stmt);
  });

  app.get(`${BASE}/:id`, async (req, reply) => answer(reply, find(req.params.id)));

  app.get(`${BASE}/:id/result/chunks/:index`, async (req, reply) => {
    const stmt = find(req.params.id);
    if (stmt.state !== 'SUCCEEDED') {
      throw new ApiError(400, 'INVALID_STATE', `Statement ${stmt.id} is in state ${stmt.state}; its result is not available.`);
    }
    const index = /^\d+$/.test(req.params.index) ? Number(req.params.index) : NaN;
    if (!(index < stmt.result.chunks.length)) {
      throw invalidParameter(`chunk_index ${req.params.index} is out of range; the result has ${stmt.result.chunks.length} chunk(s).`);
    }
    return json(reply, await resultJson(stmt, index, deps));
  });

  app.post(`${BASE}/:id/cancel`, async (req) => {
    registry.cancel(find(req.params.id));
    return {};
  });

  app.delete(`${BASE}/:id`, async (req) => {
    registry.close(find(req.params.id));
    return {};
  });
}
