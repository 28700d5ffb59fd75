// The API listener's fastify app: workspace-shaped errors for every failure
// (never fastify's own), authentication of every /api/ request, and the routes.
import Fastify from 'fastify';
import { ApiError } from './errors.mjs';
import { statementRoutes } from './routes/statements.mjs';
import { warehouseRoutes } from './routes/warehouses.mjs';
import { adminRoutes } from './routes/admin.mjs';

// deps: { serverFactory, auth: () => auth module, registry, chunkStore, links, faults|null, warehouseId, publicUrl, log }
export function createApp(deps) {
  const app = Fastify({
    logger: false, bodyLimit: 20 * 1024 * 1024, serverFactory: deps.serverFactory,
    routerOptions: { ignoreTrailingSlash: true }, // the JDBC driver posts to /api/2.0/sql/statements/
  });

  // Clients send JSON with any (or no) content type; an empty body is {}.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (req, text, done) => {
    if (!text.trim()) return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, 'MALFORMED_REQUEST', 'Invalid JSON given in the body of the request - failed to parse.'));
    }
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).headers(err.headers).send(err.body);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'Request body too large.' });
    if (err.statusCode >= 400 && err.statusCode < 500) return reply.code(err.statusCode).send({ error_code: 'BAD_REQUEST', message: err.message });
    deps.log(`internal error on ${req.method} ${req.url.split('?')[0]}: ${err.stack ?? err}`);
    return reply.code(500).send({ error_code: 'INTERNAL_ERROR', message: 'Internal error in the local warehouse.' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({
    error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for '${req.method} ${req.url.split('?')[0]}'`,
  }));

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const result = await deps.auth().authenticate(req.headers);
    if (!result.ok) return reply.code(result.status).headers(result.headers ?? {}).send(result.body);
    req.principal = result.principal;
  });

  statementRoutes(app, deps);
  warehouseRoutes(app, deps);
  if (deps.faults) adminRoutes(app, deps);
  return app;
}
