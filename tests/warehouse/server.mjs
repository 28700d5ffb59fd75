#!/usr/bin/env node
// The local warehouse: Databricks SQL Statement Execution API + OAuth + result
// storage over DuckDB. Prints one JSON line on stdout once ready; logs go to
// stderr. See README.md.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import { parseArgs, usage } from './lib/config.mjs';
import { ensureTls } from './lib/tls.mjs';
import { openDatabase } from './lib/db.mjs';
import { ChunkStore } from './lib/chunks.mjs';
import { StatementRegistry } from './lib/statements.mjs';
import { createLinks, storageHandler } from './lib/storage.mjs';
import { createFaults } from './lib/faults.mjs';
import { createApp } from './lib/app.mjs';
import { createAuth } from './lib/auth/index.mjs';

const log = (msg) => process.stderr.write(`[warehouse] ${msg}\n`);

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err.message}\n${usage()}\n`);
  process.exit(2);
}
if (opts.help) {
  process.stdout.write(`${usage()}\n`);
  process.exit(0);
}

// One id per data dir, so DSNs and HTTPPaths stay valid across restarts.
function warehouseIdFor(dataDir) {
  const file = path.join(dataDir, 'warehouse-id');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(8).toString('hex'));
  return fs.readFileSync(file, 'utf8').trim();
}

const listen = (server, port) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', () => resolve(server.address().port));
});

async function main() {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const warehouseId = opts.warehouseId ?? warehouseIdFor(opts.dataDir);
  const tls = opts.tls ? ensureTls(opts.dataDir) : null;
  const createServer = (handler) => (tls ? https.createServer({ cert: tls.cert, key: tls.key }, handler) : http.createServer(handler));
  const scheme = tls ? 'https' : 'http';

  const db = await openDatabase({ dataDir: opts.dataDir, tripsRows: opts.tripsRows, threads: opts.threads, seedTables: opts.seedTables });
  const chunkStore = new ChunkStore(path.join(opts.dataDir, 'results'));
  const faults = opts.faults ? createFaults() : null;
  const links = createLinks({ baseUrl: '', chunkStore, ttlSeconds: opts.linkTtl, httpHeaders: opts.linkHttpHeaders });
  const registry = new StatementRegistry({
    db, chunkStore, faults, log,
    config: {
      timeZone: opts.timeZone, rowsPerChunk: opts.rowsPerChunk, chunkBytes: opts.chunkBytes,
      resultTtlMs: opts.resultTtl * 1000, purgeAfterMs: 12 * 3600 * 1000,
    },
  });

  // Storage listener: its own port, like cloud storage is its own host.
  const serveChunk = storageHandler(links, { firstByteMs: opts.storageFirstByteMs, bytesPerSecond: opts.storageMbps * 1e6 });
  const storage = createServer((req, res) => (faults ? faults.handle('storage', req, res, () => serveChunk(req, res)) : serveChunk(req, res)));
  const storagePort = await listen(storage, opts.storagePort);
  links.baseUrl = `${scheme}://127.0.0.1:${storagePort}`;

  // API listener: /oidc/* goes to the OAuth server, the rest to fastify.
  let auth = null;
  let url = null;
  let api = null;
  let fastifyHandler;
  const dispatch = (req, res) => {
    if (!auth) {
      res.writeHead(503, { 'content-type': 'application/json' });
      return res.end('{"error_code":"TEMPORARILY_UNAVAILABLE","message":"The warehouse is starting."}');
    }
    const route = () => (req.url === '/oidc' || req.url.startsWith('/oidc/') ? auth.oidcHandler(req, res) : fastifyHandler(req, res));
    if (faults && !req.url.startsWith('/_warehouse/')) return faults.handle('api', req, res, route);
    return route();
  };
  const app = createApp({
    serverFactory: (handler) => { fastifyHandler = handler; api = createServer(dispatch); return api; },
    auth: () => auth, registry, chunkStore, links, faults, warehouseId, log, publicUrl: () => url,
    maxParameters: opts.maxParameters,
    drift: { boundedResults: opts.boundedResults, lateManifest: opts.lateManifest },
  });
  await app.listen({ port: opts.port, host: '127.0.0.1' });
  url = `${scheme}://127.0.0.1:${api.address().port}`;
  auth = await createAuth({ baseUrl: url, dataDir: opts.dataDir, accessTokenTtlSeconds: opts.accessTokenTtl, extraPats: opts.pat, log });

  const shutdown = async (signal) => {
    log(`${signal}: shutting down`);
    // A stuck client connection or DuckDB call must not keep the process alive.
    setTimeout(() => { log('shutdown took over 3 s; exiting anyway'); process.exit(0); }, 3000).unref();
    registry.closeAll();
    api.closeAllConnections?.();
    storage.closeAllConnections?.();
    storage.close();
    await app.close().catch(() => {});
    await auth.close().catch(() => {});
    db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  const ready = {
    host: `127.0.0.1:${api.address().port}`, url, storage_url: links.baseUrl, warehouse_id: warehouseId,
    http_path: `/sql/1.0/warehouses/${warehouseId}`, ...auth.config,
  };
  if (tls) ready.ca_file = tls.caFile;
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  log(`ready at ${url} (storage ${links.baseUrl}, data ${opts.dataDir}${faults ? ', faults enabled' : ''})`);
}

main().catch((err) => {
  log(`failed to start: ${err.stack ?? err}`);
  process.exit(1);
});
