// Entry point of the warehouse's authentication: PATs plus an OAuth server
// (oidc-provider) mounted at <baseUrl>/oidc. The server routes every /oidc/*
// request to oidcHandler and calls authenticate() for every API request; see
// ../../README-auth.md.
import { newPat, newClientSecret, newPassword, secretSet } from './secrets.mjs';
import { makeAuthenticate } from './authenticate.mjs';
import { generateSigningKey } from './keys.mjs';
import { memoryAdapterFactory } from './adapter.mjs';
import { createProvider, API_SCOPES } from './provider.mjs';
import { makeInteractionHandler } from './interactions.mjs';
import { mountProvider } from './mount.mjs';
import { makeJwtVerifier } from './jwt.mjs';
import { PUBLIC_CLIENT_IDS } from './clients.mjs';

const PREFIX = '/oidc';

// dataDir is accepted for symmetry with the rest of the warehouse; nothing is
// persisted (see adapter.mjs), so a restart invalidates every token.
export async function createAuth({
  baseUrl,
  dataDir, // eslint-disable-line no-unused-vars
  accessTokenTtlSeconds = 3600,
  refreshTokenTtlSeconds = 7 * 24 * 3600,
  extraPats = [],
  log = () => {},
} = {}) {
  if (!baseUrl) throw new Error('createAuth: baseUrl is required');
  const base = baseUrl.replace(/\/+$/, '');
  const issuer = `${base}${PREFIX}`;
  const resource = base; // the audience of every access token: this warehouse
  const config = {
    pat: newPat(),
    m2m_client_id: 'dbsql-odbc-m2m',
    m2m_client_secret: newClientSecret(),
    u2m_client_id: PUBLIC_CLIENT_IDS[0],
    u2m_confidential_client_id: 'dbsql-odbc-confidential',
    u2m_confidential_client_secret: newClientSecret(),
    login_user: 'user@example.com',
    login_password: newPassword(),
  };

  const { privateJwk, publicKey } = await generateSigningKey();
  const storage = memoryAdapterFactory();
  const provider = createProvider({
    issuer,
    resource,
    config,
    signingJwk: privateJwk,
    adapter: storage.Adapter,
    ttl: { accessToken: accessTokenTtlSeconds, refreshToken: refreshTokenTtlSeconds },
    log,
  });
  const password = secretSet([config.login_password]);
  const handleInteraction = makeInteractionHandler({
    provider,
    prefix: PREFIX,
    checkLogin: (user, pw) => (user === config.login_user && password.has(pw) ? user : null),
    log,
  });
  const authenticate = makeAuthenticate({
    pats: secretSet([config.pat, ...extraPats]),
    patOwner: config.login_user,
    verifyJwt: makeJwtVerifier({ publicKey, issuer, audience: resource, acceptedScopes: API_SCOPES }),
  });

  log(`auth: OAuth issuer ${issuer}, access tokens live ${accessTokenTtlSeconds}s, ${1 + extraPats.length} PAT(s)`);
  return {
    config,
    issuer,
    oidcHandler: mountProvider({ provider, prefix: PREFIX, handleInteraction }),
    authenticate,
    // Not part of the server contract: lets an admin/fault endpoint end every
    // grant, refresh token and browser session at once ("all users must sign
    // in again"). Issued JWT access tokens stay valid until they expire.
    revokeAll() { storage.clear(); log('auth: every grant and session revoked'); },
    async close() { storage.clear(); },
  };
}
