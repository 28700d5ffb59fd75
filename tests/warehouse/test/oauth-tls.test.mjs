// The U2M browser flow against an HTTPS warehouse (what `server.mjs --tls`
// serves): secure cookies and an unknown CA must not break the sign-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAuthServer } from '../lib/auth/test-harness.mjs';
import { browserLogin } from '../lib/auth/browser-login.mjs';
import { pkcePair, authorizeUrl, tokenRequest, startLoopback } from '../lib/auth/test-oauth-client.mjs';

let srv;
let dir;
let cert;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'auth-tls-'));
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  cert = readFileSync(certFile);
  srv = await startAuthServer({ tls: { key: readFileSync(keyFile), cert } });
});
after(async () => { await srv?.close(); rmSync(dir, { recursive: true, force: true }); });

test('U2M over HTTPS with a self-signed warehouse certificate', async () => {
  const loop = await startLoopback();
  try {
    const { verifier, challenge } = pkcePair();
    const redirect_uri = loop.redirectUri();
    const url = authorizeUrl(srv.url, { client_id: 'dbsql-odbc', redirect_uri, scope: 'sql offline_access', code_challenge: challenge, code_challenge_method: 'S256' });
    assert.match(url, /^https:/);
    const result = await browserLogin(url, { user: srv.config.login_user, password: srv.config.login_password });
    assert.equal(result.status, 200);
    const { status, body } = await tokenRequest(srv.url,
      { grant_type: 'authorization_code', code: result.code, redirect_uri, client_id: 'dbsql-odbc', code_verifier: verifier }, { ca: cert });
    assert.equal(status, 200);
    assert.ok(body.refresh_token);
    assert.equal((await srv.auth.authenticate({ authorization: `Bearer ${body.access_token}` })).ok, true);
  } finally {
    await loop.close();
  }
});
