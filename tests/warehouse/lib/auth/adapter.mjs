// In-memory storage for oidc-provider (grants, codes, refresh tokens, sessions...).
// Written out instead of the bundled MemoryAdapter because that one is flagged as
// development-only at start-up and has no way to be dropped in close().
// Restarting the warehouse therefore invalidates every refresh token and session;
// access tokens are JWTs signed with a per-start key, so they die with it too.
export function memoryAdapterFactory() {
  const store = new Map(); // `${model}:${id}` -> { payload, expiresAt }
  const index = new Map(); // `grant:${grantId}` / `uid:${uid}` / `userCode:${code}` -> key

  const live = (key) => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  class MemoryAdapter {
    constructor(model) { this.model = model; }
    key(id) { return `${this.model}:${id}`; }

    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      store.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : 0 });
      if (payload.grantId) {
        const gk = `grant:${payload.grantId}`;
        index.set(gk, [...(index.get(gk) || []), key]);
      }
      if (payload.uid) index.set(`uid:${payload.uid}`, key);
      if (payload.userCode) index.set(`userCode:${payload.userCode}`, key);
    }
    async find(id) { return live(this.key(id)); }
    async findByUid(uid) { const k = index.get(`uid:${uid}`); return k && live(k); }
    async findByUserCode(code) { const k = index.get(`userCode:${code}`); return k && live(k); }
    async consume(id) {
      const p = live(this.key(id));
      if (p) p.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id) { store.delete(this.key(id)); }
    async revokeByGrantId(grantId) {
      for (const k of index.get(`grant:${grantId}`) || []) store.delete(k);
      index.delete(`grant:${grantId}`);
    }
  }

  return { Adapter: MemoryAdapter, clear() { store.clear(); index.clear(); } };
}
