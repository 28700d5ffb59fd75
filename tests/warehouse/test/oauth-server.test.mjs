// The auth paths against the real `node server.mjs` (start-up line, fastify
// routes, the seed query), plain HTTP with 2-second access tokens, and --tls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import { startWarehouse } from '../lib/harness.mjs';
import { browserLogin } from '../lib/auth/browser-login.mjs';
import { pkcePair, authorizeUrl, tokenRequest, startLoopback, decodeJwt, sleep, runBrowserLoginCli } from '../lib/auth/test-oauth-client.mjs';

const SEED = {
  statement: 'SELECT count(1) as trip_count, pickup_zip FROM samples.nyctaxi.trips GROUP BY pickup_zip LIMIT 10',
  parameters: [{ name: 'date', type: 'DATE', value: '2016-02-01' }],
};

let wh;
const secrets = new Set();
before(async () => {
  wh = await startWarehouse(['--access-token-ttl', '2']);
  const c = wh.info;
  for (const v of [c.pat, c.m2m_client_secret, c.u2m_confidential_client_secret, c.login_password]) secrets.add(v);
});
after(async () => { await wh?.stop(); });

const seed = (token) => wh.api('POST', '/api/2.0/sql/statements', { warehouse_id: wh.info.warehouse_id, ...SEED }, { token });

test('discovery and a workspace-shaped 401/403 from the real server', async () => {
  const d = await (await fetch(`${wh.info.url}/oidc/.well-known/oauth-authorization-server`)).json();
  assert.equal(d.token_endpoint, `${wh.info.url}/oidc/v1/token`);
  const missing = await wh.api('GET', `/api/2.0/sql/warehouses/${wh.info.warehouse_id}`, undefined, { token: null });
  assert.equal(missing.status, 401);
  assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="DatabricksRealm"');
  assert.deepEqual(missing.body, { error_code: 401, message: 'Credential was not sent or was of an unsupported type for this API.' });
  assert.equal((await wh.api('GET', `/api/2.0/sql/warehouses/${wh.info.warehouse_id}`, undefined, { token: 'a.b.c' })).status, 403);
  assert.equal((await seed(wh.info.pat)).body.status.state, 'SUCCEEDED');
});

test('M2M token runs the seed query, then expires into a 401', async () => {
  const { status, body } = await tokenRequest(wh.info.url, { grant_type: 'client_credentials', scope: 'all-apis' },
    { basic: [wh.info.m2m_client_id, wh.info.m2m_client_secret] });
  assert.equal(status, 200);
  secrets.add(body.access_token);
  assert.equal(body.expires_in, 2);
  const r = await seed(body.access_token);
  assert.equal(r.status, 200);
  assert.equal(r.body.status.state, 'SUCCEEDED');
  await sleep(decodeJwt(body.access_token).exp * 1000 - Date.now() + 50);
  const expired = await seed(body.access_token);
  assert.equal(expired.status, 401);
  assert.match(expired.body.message, /expired/);
});

test('U2M through the browser-login CLI, then refresh, against the real server', async () => {
  const loop = await startLoopback();
  try {
    const { verifier, challenge } = pkcePair();
    const redirect_uri = loop.redirectUri('localhost');
    const url = authorizeUrl(wh.info.url, { client_id: wh.info.u2m_client_id, redirect_uri, scope: 'sql offline_access', state: 'x', code_challenge: challenge, code_challenge_method: 'S256' });
    const cli = await runBrowserLoginCli(url, { WAREHOUSE_LOGIN_USER: wh.info.login_user, WAREHOUSE_LOGIN_PASSWORD: wh.info.login_password });
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(loop.hits.length, 1);
    const result = { code: loop.hits[0].get('code') };
    const { status, body } = await tokenRequest(wh.info.url, { grant_type: 'authorization_code', code: result.code, redirect_uri, client_id: wh.info.u2m_client_id, code_verifier: verifier });
    assert.equal(status, 200);
    for (const v of [result.code, verifier, body.access_token, body.refresh_token]) secrets.add(v);
    assert.equal((await seed(body.access_token)).body.status.state, 'SUCCEEDED');
    const r = await tokenRequest(wh.info.url, { grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: wh.info.u2m_client_id });
    assert.equal(r.status, 200);
    secrets.add(r.body.access_token);
    secrets.add(r.body.refresh_token);
    assert.equal((await seed(r.body.access_token)).status, 200);
  } finally {
    await loop.close();
  }
});

test('the server log holds none of the secrets, codes or tokens', () => {
  for (const s of secrets) assert.ok(!wh.stderr.includes(s), 'a secret reached the server log');
});

test('--tls: U2M in the browser and M2M with the generated CA', async () => {
  const tls = await startWarehouse(['--tls']);
  const loop = await startLoopback('/callback');
  try {
    const { info } = tls;
    const ca = fs.readFileSync(info.ca_file);
    const redirect_uri = loop.redirectUri();
    const client_id = info.u2m_confidential_client_id;
    const result = await browserLogin(authorizeUrl(info.url, { client_id, redirect_uri, scope: 'sql offline_access' }),
      { user: info.login_user, password: info.login_password });
    const { status, body } = await tokenRequest(info.url,
      { grant_type: 'authorization_code', code: result.code, redirect_uri, client_id, client_secret: info.u2m_confidential_client_secret }, { ca });
    assert.equal(status, 200);
    const m2m = await tokenRequest(info.url, { grant_type: 'client_credentials', scope: 'sql' }, { basic: [info.m2m_client_id, info.m2m_client_secret], ca });
    assert.equal(m2m.status, 200);
    for (const token of [body.access_token, m2m.body.access_token]) {
      const code = await new Promise((resolve, reject) => {
        https.get(`${info.url}/api/2.0/sql/warehouses/${info.warehouse_id}`, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
      assert.equal(code, 200);
    }
  } finally {
    await loop.close();
    await tls.stop();
  }
});
