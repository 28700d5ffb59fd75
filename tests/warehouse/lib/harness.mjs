// Starts the real server.mjs as a child process for tests and benchmarks:
// a fresh data dir, port 0, the start-up JSON line parsed, and small helpers
// for API calls with the PAT. stop() sends SIGTERM and removes the data dir.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'server.mjs');

export async function startWarehouse(args = [], { dataDir } = {}) {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'warehouse-test-'));
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--data-dir', dir, '--trips-rows', '2000', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b) => { stderr += b; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const info = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)));
    });
    exited.then(({ code }) => reject(new Error(`server exited (${code}) before it was ready:\n${stderr}`)));
  });

  async function api(method, p, body, { token = info.pat, headers = {} } = {}) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${info.url}${p}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON: tests look at text */ }
    return { status: res.status, headers: res.headers, body: json, text };
  }

  return {
    info, dir, child, api,
    get stderr() { return stderr; },
    // POST a statement (warehouse_id filled in); resolves to the response body.
    async execute(body) {
      const r = await api('POST', '/api/2.0/sql/statements', { warehouse_id: info.warehouse_id, ...body });
      if (r.status !== 200) throw new Error(`execute: HTTP ${r.status} ${r.text}`);
      return r.body;
    },
    admin: (method, p, body) => api(method, `/_warehouse/${p}`, body, { token: null }),
    async stop({ keepDataDir = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const result = await exited;
      if (!dataDir && !keepDataDir) fs.rmSync(dir, { recursive: true, force: true });
      return result;
    },
  };
}
