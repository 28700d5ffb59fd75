// Verifies OAuth access tokens (JWTs the local OAuth server issued) the way the
// API endpoints of a workspace do: signature first, then issuer, audience,
// expiry, and a scope that grants SQL access.
import { jwtVerify, errors } from 'jose';
import { expiredToken, invalidToken, missingScope } from './errors.mjs';

export function makeJwtVerifier({ publicKey, issuer, audience, acceptedScopes }) {
  return async function verifyJwt(token) {
    let payload;
    try {
      // jose checks the signature before any claim, so an expired token is
      // only called "expired" when it really is one of ours.
      ({ payload } = await jwtVerify(token, publicKey, { issuer, audience, algorithms: ['RS256'], typ: 'at+jwt' }));
    } catch (err) {
      return err instanceof errors.JWTExpired ? expiredToken() : invalidToken();
    }
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    const granted = scope.split(' ');
    if (!acceptedScopes.some((s) => granted.includes(s))) return missingScope(acceptedScopes);
    return { ok: true, principal: { sub: payload.sub, via: 'oauth', scope } };
  };
}
