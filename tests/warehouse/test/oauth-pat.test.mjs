// PAT authentication and the workspace-shaped 401 for missing/unknown credentials.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAuthServer } from '../lib/auth/test-harness.mjs';

let srv;
before(async () => { srv = await startAuthServer({ extraPats: ['dapi-extra-for-tests'] }); });
after(async () => { await srv.close(); });

const api = (headers = {}) => fetch(`${srv.url}/api/2.0/sql/statements`, { headers });

test('generated PAT looks like a Databricks PAT and is accepted', async () => {
  assert.match(srv.config.pat, /^dapi[0-9a-f]{32}$/);
  const res = await api({ authorization: `Bearer ${srv.config.pat}` });
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).principal, { sub: srv.config.login_user, via: 'pat', scope: 'all-apis' });
});

test('extra PATs are accepted, also as Basic token:<pat>', async () => {
  assert.equal((await api({ authorization: 'Bearer dapi-extra-for-tests' })).status, 200);
  const basic = Buffer.from(`token:${srv.config.pat}`).toString('base64');
  assert.equal((await api({ authorization: `Basic ${basic}` })).status, 200);
});

test('missing credential: 401 with WWW-Authenticate and numeric error_code', async () => {
  const res = await api();
  assert.equal(res.status, 401);
  assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="DatabricksRealm"');
  assert.deepEqual(await res.json(), {
    error_code: 401,
    message: 'Credential was not sent or was of an unsupported type for this API.',
  });
});

test('wrong PAT, other schemes and malformed headers: 401 like the recorded workspace', async () => {
  for (const authorization of ['Bearer dapi0000', 'Bearer', 'Token abc', 'Basic !!!', `Bearer ${srv.config.pat}x`]) {
    const res = await api({ authorization });
    assert.equal(res.status, 401, authorization);
    assert.match(res.headers.get('www-authenticate'), /^Bearer realm="DatabricksRealm"/);
  }
});
