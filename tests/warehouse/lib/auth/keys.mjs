// A fresh RS256 signing key per start, so no two warehouse runs (and no test
// against the dev keys oidc-provider would otherwise use) accept each other's tokens.
import { generateKeyPair, exportJWK } from 'jose';
import { randomUUID } from 'node:crypto';

export async function generateSigningKey() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  return { privateJwk: jwk, publicKey };
}
