// Random credentials generated at every start, and constant-time lookup of bearer secrets.
// Nothing here is persisted: a restarted warehouse hands out new PATs and client secrets.
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';

const hex = (n) => randomBytes(n).toString('hex');

// Databricks PATs start with "dapi"; drivers and log scrubbers key on that prefix.
export const newPat = () => `dapi${hex(16)}`;
// Databricks OAuth secrets start with "dose"; same reason.
export const newClientSecret = () => `dose${hex(24)}`;
export const newPassword = () => `pw-${hex(8)}`;

const digest = (s) => createHash('sha256').update(String(s)).digest();

// A set of secrets compared by SHA-256 digest with timingSafeEqual, so a wrong
// guess does not leak how many leading characters were right.
export function secretSet(values) {
  const digests = values.filter(Boolean).map(digest);
  return {
    has(candidate) {
      const d = digest(candidate);
      let found = false;
      for (const x of digests) found = timingSafeEqual(x, d) || found;
      return found;
    },
  };
}
