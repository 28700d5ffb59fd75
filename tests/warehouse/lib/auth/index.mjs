// Entry point of the warehouse's authentication: PATs plus (later) an OAuth server.
// The server routes every /oidc/* request to oidcHandler and calls authenticate()
// for every API request; see ../../README-auth.md.
import { newPat, newClientSecret, newPassword, secretSet } from './secrets.mjs';
import { makeAuthenticate } from './authenticate.mjs';

export async function createAuth({ baseUrl, dataDir, accessTokenTtlSeconds = 3600, extraPats = [], log = () => {} } = {}) {
  if (!baseUrl) throw new Error('createAuth: baseUrl is required');
  const config = {
    pat: newPat(),
    m2m_client_id: 'dbsql-odbc-m2m',
    m2m_client_secret: newClientSecret(),
    u2m_client_id: 'dbsql-odbc',
    u2m_confidential_client_id: 'dbsql-odbc-confidential',
    u2m_confidential_client_secret: newClientSecret(),
    login_user: 'user@example.com',
    login_password: newPassword(),
  };
  const authenticate = makeAuthenticate({
    pats: secretSet([config.pat, ...extraPats]),
    patOwner: config.login_user,
    verifyJwt: null,
  });
  function oidcHandler(req, res) {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'temporarily_unavailable', error_description: 'OAuth server not set up yet' }));
  }
  log(`auth: ${1 + extraPats.length} PAT(s) ready`);
  return { config, oidcHandler, authenticate, close: async () => {} };
}
