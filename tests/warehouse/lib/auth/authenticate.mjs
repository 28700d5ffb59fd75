// Turns request headers into a principal or a workspace-shaped failure.
// Which failure is which follows the recorded workspace exchanges:
//   no / malformed / unknown credential (including a PAT the workspace does not know) -> 401
//   a JWT that does not verify                                                     -> 403
//   an expired JWT                                                                 -> 401 (so clients refresh)
import { noCredential } from './errors.mjs';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

// Returns the secret carried by the Authorization header, or null.
// Besides "Bearer <token>", workspaces accept HTTP Basic with user "token" and
// the PAT as password (what older ODBC/JDBC configurations send with UID=token).
export function credentialFrom(headers) {
  const value = headers?.authorization;
  if (typeof value !== 'string') return null;
  const m = /^(\w+) +(\S+)\s*$/.exec(value);
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  if (scheme === 'bearer') return { kind: 'bearer', token: m[2] };
  if (scheme === 'basic') {
    const decoded = Buffer.from(m[2], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0 && decoded.slice(0, colon) === 'token') return { kind: 'basic', token: decoded.slice(colon + 1) };
  }
  return null;
}

// pats: a secretSet; verifyJwt: async (token) => result, or null while OAuth is not set up.
export function makeAuthenticate({ pats, patOwner, verifyJwt }) {
  return async function authenticate(headers) {
    const cred = credentialFrom(headers);
    if (!cred || !cred.token) return noCredential();
    if (pats.has(cred.token)) return { ok: true, principal: { sub: patOwner, via: 'pat', scope: 'all-apis' } };
    // OAuth tokens only count as Bearer; Basic is the PAT-only legacy form.
    if (cred.kind === 'bearer' && verifyJwt && JWT_SHAPE.test(cred.token)) return verifyJwt(cred.token);
    return noCredential();
  };
}
