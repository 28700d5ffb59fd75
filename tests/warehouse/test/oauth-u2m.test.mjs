// U2M through headless Chromium: authorization code + PKCE for the public
// client, refresh rotation, revocation, and the seed post's confidential client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAuthServer } from '../lib/auth/test-harness.mjs';
import { browserLogin } from '../lib/auth/browser-login.mjs';
import { pkcePair, authorizeUrl, tokenRequest, startLoopback, decodeJwt, runBrowserLoginCli } from '../lib/auth/test-oauth-client.mjs';

let srv;
let creds;
const logLines = [];
const secretsSeen = new Set(); // every code and token the tests handle; none may be logged
before(async () => {
  srv = await startAuthServer({ log: (line) => logLines.push(line) });
  creds = { user: srv.config.login_user, password: srv.config.login_password };
  for (const v of [srv.config.login_password, srv.config.u2m_confidential_client_secret, srv.config.m2m_client_secret, srv.config.pat]) secretsSeen.add(v);
});
after(async () => { await srv.close(); });

const api = (token) => fetch(`${srv.url}/api/2.0/sql/statements`, { headers: { authorization: `Bearer ${token}` } });

// Signs in as the public client and exchanges the code; returns the token response.
async function publicSignIn({ host = 'localhost', path = '', scope = 'sql offline_access' } = {}) {
  const loop = await startLoopback(path || '/');
  try {
    const redirect_uri = path ? loop.redirectUri(host) : `http://${host}:${loop.port}`;
    const { verifier, challenge } = pkcePair();
    const url = authorizeUrl(srv.url, { client_id: 'dbsql-odbc', redirect_uri, scope, state: 'state-1', code_challenge: challenge, code_challenge_method: 'S256' });
    const result = await browserLogin(url, creds);
    assert.equal(result.status, 200, 'the loopback listener was reached');
    assert.equal(result.state, 'state-1');
    assert.equal(loop.hits.length, 1);
    const form = { grant_type: 'authorization_code', code: result.code, redirect_uri, client_id: 'dbsql-odbc', code_verifier: verifier };
    const exchanged = await tokenRequest(srv.url, form);
    remember(result.code, verifier, exchanged.body);
    return { ...exchanged, form };
  } finally {
    await loop.close();
  }
}

function remember(...values) {
  for (const v of values) {
    if (v && typeof v === 'object') remember(v.access_token, v.refresh_token);
    else if (v) secretsSeen.add(v);
  }
}

async function refresh(refresh_token) {
  const r = await tokenRequest(srv.url, { grant_type: 'refresh_token', refresh_token, client_id: 'dbsql-odbc' });
  remember(r.body);
  return r;
}

test('public client: code + PKCE through Chromium, refresh rotates, old refresh token and code replay refused', async () => {
  const { status, body, form } = await publicSignIn();
  assert.equal(status, 200, JSON.stringify(body));
  assert.ok(body.refresh_token, 'offline_access yields a refresh token');
  assert.equal(body.scope, 'sql');
  assert.equal(decodeJwt(body.access_token).sub, srv.config.login_user);
  const res = await api(body.access_token);
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).principal, { sub: srv.config.login_user, via: 'oauth', scope: 'sql' });

  const r1 = await refresh(body.refresh_token);
  assert.equal(r1.status, 200);
  assert.notEqual(r1.body.refresh_token, body.refresh_token, 'rotated');
  assert.equal((await api(r1.body.access_token)).status, 200);
  const reused = await refresh(body.refresh_token);
  assert.equal(reused.status, 400);
  assert.equal(reused.body.error, 'invalid_grant');

  // Replaying the code fails and, per RFC 6749 §4.1.2, revokes the grant: the newest refresh token dies too.
  const replay = await tokenRequest(srv.url, form);
  assert.equal(replay.body.error, 'invalid_grant');
  assert.equal((await refresh(r1.body.refresh_token)).body.error, 'invalid_grant');
});

test('public client: 127.0.0.1 redirect with trailing slash and any port; no offline_access means no refresh token', async () => {
  const { status, body } = await publicSignIn({ host: '127.0.0.1', path: '/', scope: 'all-apis' });
  assert.equal(status, 200);
  assert.equal(body.refresh_token, undefined);
  assert.equal(body.scope, 'all-apis');
});

test('revoking the refresh token at /oidc/v1/revoke makes the next refresh fail', async () => {
  const { body } = await publicSignIn({ path: '/callback' });
  const revoked = await tokenRequest(srv.url, { token: body.refresh_token, token_type_hint: 'refresh_token', client_id: 'dbsql-odbc' }, { path: '/oidc/v1/revoke' });
  assert.equal(revoked.status, 200);
  const r = await refresh(body.refresh_token);
  assert.equal(r.status, 400);
  assert.equal(r.body.error, 'invalid_grant');
});

test('public client without PKCE, or with plain PKCE, is refused at authorize', async () => {
  const redirect_uri = 'http://127.0.0.1:5555/';
  for (const extra of [{}, { code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }]) {
    const res = await fetch(authorizeUrl(srv.url, { client_id: 'dbsql-odbc', redirect_uri, scope: 'sql', state: 's', ...extra }), { redirect: 'manual' });
    assert.equal(res.status, 303);
    const location = new URL(res.headers.get('location'));
    assert.equal(`${location.origin}${location.pathname}`, redirect_uri);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  }
});

test('unregistered redirect path: error page, no redirect', async () => {
  const { challenge } = pkcePair();
  const res = await fetch(authorizeUrl(srv.url, { client_id: 'dbsql-odbc', redirect_uri: 'http://127.0.0.1:5555/evil', scope: 'sql', code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /data-oauth-error="invalid_redirect_uri"/);
});

test('wrong password: the page says so and no redirect happens', async () => {
  const loop = await startLoopback();
  try {
    const { challenge } = pkcePair();
    const url = authorizeUrl(srv.url, { client_id: 'dbsql-odbc', redirect_uri: loop.redirectUri(), scope: 'sql', code_challenge: challenge, code_challenge_method: 'S256' });
    await assert.rejects(browserLogin(url, { user: creds.user, password: 'wrong' }), /sign-in failed: .*Wrong user name or password/);
    assert.equal(loop.hits.length, 0);
  } finally {
    await loop.close();
  }
});

test('confidential client, the seed post flow: /callback on any port, secret in the form, no PKCE; revokeAll ends it', async () => {
  const loop = await startLoopback('/callback');
  try {
    const redirect_uri = loop.redirectUri();
    const client_id = srv.config.u2m_confidential_client_id;
    const result = await browserLogin(authorizeUrl(srv.url, { client_id, redirect_uri, scope: 'sql offline_access' }), creds);
    assert.ok(result.code);
    remember(result.code);
    const base = { grant_type: 'authorization_code', code: result.code, redirect_uri, client_id };
    const wrong = await tokenRequest(srv.url, { ...base, client_secret: 'dose-wrong' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'invalid_client');
    const { status, body } = await tokenRequest(srv.url, { ...base, client_secret: srv.config.u2m_confidential_client_secret });
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(body.refresh_token);
    assert.equal((await api(body.access_token)).status, 200);
    const r = await tokenRequest(srv.url, { grant_type: 'refresh_token', refresh_token: body.refresh_token }, { basic: [client_id, srv.config.u2m_confidential_client_secret] });
    assert.equal(r.status, 200);
    assert.notEqual(r.body.refresh_token, body.refresh_token);
    remember(body, r.body);

    srv.auth.revokeAll();
    const afterRevoke = await tokenRequest(srv.url, { grant_type: 'refresh_token', refresh_token: r.body.refresh_token }, { basic: [client_id, srv.config.u2m_confidential_client_secret] });
    assert.equal(afterRevoke.body.error, 'invalid_grant');
  } finally {
    await loop.close();
  }
});

test('browser-login CLI (the driver BrowserCommand): 0 after the redirect, 1 on a wrong password, 2 without URL', async () => {
  const loop = await startLoopback();
  try {
    const { challenge } = pkcePair();
    const url = authorizeUrl(srv.url, { client_id: 'dbsql-odbc', redirect_uri: loop.redirectUri(), scope: 'sql', state: 'cli', code_challenge: challenge, code_challenge_method: 'S256' });
    const ok = await runBrowserLoginCli(url, { WAREHOUSE_LOGIN_USER: creds.user, WAREHOUSE_LOGIN_PASSWORD: creds.password });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(loop.hits.length, 1);
    assert.equal(loop.hits[0].get('state'), 'cli');
    assert.ok(!ok.stderr.includes(loop.hits[0].get('code')), 'the code is not printed');
    const bad = await runBrowserLoginCli(url, { WAREHOUSE_LOGIN_USER: creds.user, WAREHOUSE_LOGIN_PASSWORD: 'wrong' });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Wrong user name or password/);
    assert.equal((await runBrowserLoginCli('', {})).code, 2);
  } finally {
    await loop.close();
  }
});

test('the auth log never contains a password, secret, code or token', () => {
  assert.ok(logLines.length > 0, 'something was logged');
  assert.ok(secretsSeen.size > 8);
  for (const line of logLines) for (const secret of secretsSeen) assert.ok(!line.includes(secret), `secret in log line: ${line.slice(0, 60)}`);
});
