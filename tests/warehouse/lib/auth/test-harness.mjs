// A minimal node:http warehouse stand-in for the auth tests: /oidc/* goes to the
// OAuth server, every other path answers 200 with the principal once
// authenticate() accepts the request. Lets the auth tests run without server.mjs.
import http from 'node:http';
import { createAuth } from './index.mjs';

// options: createAuth options (HTTPS is covered by the real server's --tls test).
export async function startAuthServer(options = {}) {
  let auth;
  const handler = async (req, res) => {
    if (req.url === '/oidc' || req.url.startsWith('/oidc/')) return auth.oidcHandler(req, res);
    const r = await auth.authenticate(req.headers);
    if (!r.ok) {
      res.writeHead(r.status, r.headers);
      return res.end(JSON.stringify(r.body));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ principal: r.principal }));
  };
  const server = http.createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  auth = await createAuth({ baseUrl: url, log: () => {}, ...options });
  return {
    url,
    auth,
    config: auth.config,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await auth.close();
    },
  };
}
