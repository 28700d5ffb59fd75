// The client side of the OAuth flows, as small as the auth tests need it:
// PKCE values, authorize URLs, token-endpoint calls and a loopback listener.
import http from 'node:http';
import https from 'node:https';
import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(baseUrl, params) {
  const u = new URL(`${baseUrl}/oidc/v1/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', ...params })) if (v !== undefined) u.searchParams.set(k, v);
  return u.href;
}

// POST to the token (or revocation) endpoint; basic = [id, secret] sends HTTP
// Basic; ca = PEM to trust for an HTTPS warehouse (fetch has no per-call CA).
export function tokenRequest(baseUrl, form, { basic, ca, path = '/oidc/v1/token' } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) headers.authorization = `Basic ${Buffer.from(basic.join(':')).toString('base64')}`;
  const url = new URL(`${baseUrl}${path}`);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method: 'POST', headers, ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(new URLSearchParams(form).toString());
  });
}

// The driver's loopback listener: records the query of each request to its
// path and answers 200. Chromium also asks for /favicon.ico after the redirect;
// that is not a hit (a driver's listener must ignore it as well).
export async function startLoopback(path = '/') {
  const hits = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === path) hits.push(url.searchParams);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('signed in, you may close this window');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    hits,
    port,
    redirectUri: (host = '127.0.0.1') => `http://${host}:${port}${path}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export const decodeJwt = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const CLI = fileURLToPath(new URL('./browser-login-cli.mjs', import.meta.url));

// Runs browser-login-cli.mjs the way the driver runs its BrowserCommand.
export function runBrowserLoginCli(url, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, url], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? err.code : 0, stdout, stderr }));
  });
}
