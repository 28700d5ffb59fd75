// oidc-provider configured like a Databricks workspace's OAuth server:
// endpoints under <base>/oidc/v1/..., scopes sql / all-apis / offline_access,
// JWT access tokens for one resource (this warehouse), rotating refresh tokens.
import { randomBytes } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';
import { clientsFor } from './clients.mjs';
import { errorPage } from './login-page.mjs';

export const API_SCOPES = ['sql', 'all-apis'];

// Paths relative to the issuer (<base>/oidc), following Databricks' layout.
const ROUTES = {
  authorization: '/v1/authorize',
  token: '/v1/token',
  revocation: '/v1/revoke',
  introspection: '/v1/introspect',
  jwks: '/jwks.json',
  userinfo: '/v1/userinfo',
  end_session: '/v1/logout',
};

export function createProvider({ issuer, resource, config, signingJwk, adapter, ttl, log }) {
  const interactionPath = new URL(issuer).pathname;
  const provider = new Provider(issuer, {
    adapter,
    clients: clientsFor(config),
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: ROUTES,
    // Databricks' scopes_supported; sql/all-apis are also resource scopes below.
    scopes: ['openid', 'offline_access', 'email', 'profile', ...API_SCOPES],
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username'] },
    findAccount: async (ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub, name: sub, preferred_username: sub }),
    }),
    // Public clients always need S256 (oidc-provider enforces it); confidential
    // ones may omit PKCE, as the seed post's flow does.
    pkce: { required: (ctx, client) => client.clientAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Clients never send resource=; every token is for this warehouse.
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return { scope: API_SCOPES.join(' '), audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: ttl.accessToken };
        },
      },
    },
    // Databricks issues a refresh token whenever offline_access is asked for
    // (mount.mjs keeps that scope through oidc-provider's prompt=consent rule).
    issueRefreshToken: async (ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    // Single-use refresh tokens for every client, like Databricks' default.
    rotateRefreshToken: true,
    interactions: { url: (ctx, interaction) => `${interactionPath}/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: ttl.accessToken,
      ClientCredentials: ttl.accessToken,
      AuthorizationCode: 60,
      IdToken: ttl.accessToken,
      RefreshToken: ttl.refreshToken,
      Grant: ttl.refreshToken,
      Session: ttl.refreshToken,
      Interaction: 600,
    },
    clientBasedCORS: () => false,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
  });
  // Messages only: token values never reach the log.
  for (const event of ['grant.error', 'server_error', 'authorization.error', 'revocation.error']) {
    provider.on(event, (ctx, err) => log(`auth: ${event}: ${err.name}: ${err.message}`));
  }
  return provider;
}
