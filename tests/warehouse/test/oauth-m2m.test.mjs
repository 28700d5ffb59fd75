// Discovery, client_credentials (M2M) and how the API side judges JWTs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAuthServer } from '../lib/auth/test-harness.mjs';
import { tokenRequest, decodeJwt, sleep } from '../lib/auth/test-oauth-client.mjs';

let srv;
let shortLived; // a second warehouse whose access tokens live 2 s
before(async () => {
  srv = await startAuthServer();
  shortLived = await startAuthServer({ accessTokenTtlSeconds: 2 });
});
after(async () => { await srv.close(); await shortLived.close(); });

const api = (s, token) => fetch(`${s.url}/api/2.0/sql/statements`, { headers: { authorization: `Bearer ${token}` } });
const m2m = (s, form = {}, opts = {}) => tokenRequest(s.url, { grant_type: 'client_credentials', scope: 'all-apis', ...form },
  opts.form ? {} : { basic: [s.config.m2m_client_id, s.config.m2m_client_secret] });

test('discovery under /oidc, both well-known names, Databricks endpoint layout', async () => {
  for (const name of ['oauth-authorization-server', 'openid-configuration']) {
    const res = await fetch(`${srv.url}/oidc/.well-known/${name}`);
    assert.equal(res.status, 200);
    const d = await res.json();
    assert.equal(d.issuer, `${srv.url}/oidc`);
    assert.equal(d.authorization_endpoint, `${srv.url}/oidc/v1/authorize`);
    assert.equal(d.token_endpoint, `${srv.url}/oidc/v1/token`);
    assert.equal(d.revocation_endpoint, `${srv.url}/oidc/v1/revoke`);
    assert.equal(d.jwks_uri, `${srv.url}/oidc/jwks.json`);
    assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
    for (const s of ['sql', 'all-apis', 'offline_access']) assert.ok(d.scopes_supported.includes(s), s);
    for (const g of ['authorization_code', 'refresh_token', 'client_credentials']) assert.ok(d.grant_types_supported.includes(g), g);
  }
  const jwks = await (await fetch(`${srv.url}/oidc/jwks.json`)).json();
  assert.equal(jwks.keys.length, 1);
  assert.equal(jwks.keys[0].d, undefined, 'private part must not be published');
});

test('client secrets are random per start', () => {
  assert.match(srv.config.m2m_client_secret, /^dose[0-9a-f]{48}$/);
  assert.notEqual(srv.config.m2m_client_secret, shortLived.config.m2m_client_secret);
  assert.notEqual(srv.config.pat, shortLived.config.pat);
});

test('M2M with HTTP Basic: JWT access token the API accepts', async () => {
  const { status, body } = await m2m(srv);
  assert.equal(status, 200);
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.scope, 'all-apis');
  assert.equal(body.expires_in, 3600);
  assert.equal(body.refresh_token, undefined);
  const claims = decodeJwt(body.access_token);
  assert.equal(claims.iss, `${srv.url}/oidc`);
  assert.equal(claims.aud, srv.url);
  assert.equal(claims.sub, srv.config.m2m_client_id);
  const res = await api(srv, body.access_token);
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).principal, { sub: srv.config.m2m_client_id, via: 'oauth', scope: 'all-apis' });
});

test('M2M with the secret in the form body, scope sql', async () => {
  const { status, body } = await m2m(srv, { scope: 'sql', client_id: srv.config.m2m_client_id, client_secret: srv.config.m2m_client_secret }, { form: true });
  assert.equal(status, 200);
  assert.equal(body.scope, 'sql');
  assert.equal((await api(srv, body.access_token)).status, 200);
});

test('M2M with a wrong secret: 401 invalid_client', async () => {
  for (const r of [
    await tokenRequest(srv.url, { grant_type: 'client_credentials', scope: 'all-apis' }, { basic: [srv.config.m2m_client_id, 'dose-wrong'] }),
    await tokenRequest(srv.url, { grant_type: 'client_credentials', scope: 'all-apis', client_id: srv.config.m2m_client_id, client_secret: 'dose-wrong' }),
  ]) {
    assert.equal(r.status, 401);
    assert.equal(r.body.error, 'invalid_client');
  }
});

test('token without sql/all-apis scope: 403 with a clear message', async () => {
  const { status, body } = await m2m(srv, { scope: 'email' });
  assert.equal(status, 200);
  assert.ok(!body.scope);
  const res = await api(srv, body.access_token);
  assert.equal(res.status, 403);
  const err = await res.json();
  assert.equal(err.error_code, 403);
  assert.match(err.message, /required scopes: sql or all-apis/);
});

test('tampered, foreign and garbage JWTs: 403 Invalid access token', async () => {
  const good = (await m2m(srv)).body.access_token;
  const [h, p, sig] = good.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwt(good), sub: 'admin' })).toString('base64url');
  const foreign = (await m2m(shortLived)).body.access_token; // other key, issuer, audience
  for (const token of [`${h}.${forgedPayload}.${sig}`, `${h}.${p}.${sig.slice(0, -4)}AAAA`, foreign, 'aaa.bbb.ccc']) {
    const res = await api(srv, token);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('www-authenticate'), null);
    assert.deepEqual(await res.json(), { error_code: 403, message: 'Invalid access token.' });
  }
});

test('expired JWT: 401 saying it expired, with WWW-Authenticate', async () => {
  const { body } = await m2m(shortLived);
  assert.equal(body.expires_in, 2);
  assert.equal((await api(shortLived, body.access_token)).status, 200);
  await sleep(decodeJwt(body.access_token).exp * 1000 - Date.now() + 50);
  const res = await api(shortLived, body.access_token);
  assert.equal(res.status, 401);
  assert.match(res.headers.get('www-authenticate'), /^Bearer realm="DatabricksRealm".*invalid_token/);
  const err = await res.json();
  assert.equal(err.error_code, 401);
  assert.match(err.message, /expired/);
});
