// Command-line flags of server.mjs (see README "Flags").
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const FLAGS = {
  port: ['int', 0, 'API port (0 = any free port)'],
  'storage-port': ['int', 0, 'storage (EXTERNAL_LINKS) port (0 = any free port)'],
  tls: ['bool', false, 'serve HTTPS with a CA generated into the data dir (ca_file)'],
  'data-dir': ['string', path.join(HERE, '.data'), 'database, results, TLS and OAuth files'],
  'rows-per-chunk': ['int', 100_000, 'max rows per result chunk'],
  'chunk-bytes': ['int', 16 * 1024 * 1024, 'max bytes per result chunk'],
  faults: ['bool', false, 'enable the /_warehouse/ fault-injection and request-log API'],
  'access-token-ttl': ['int', 3600, 'OAuth access-token lifetime, seconds'],
  'link-ttl': ['int', 900, 'lifetime of EXTERNAL_LINKS links, seconds'],
  'link-http-headers': ['bool', false, 'external links list http_headers that storage requires'],
  'bounded-results': ['bool', false, 'manifests without total_chunk_count or chunks: chunks are found by next_chunk_index only'],
  'late-manifest': ['int', 0, 'the first N answers about a SUCCEEDED statement carry no manifest (a cold warehouse)'],
  'storage-first-byte-ms': ['int', 0, 'storage waits this long before answering a download (0 = at once)'],
  'storage-mbps': ['int', 0, 'storage sends at most this many MB/s per connection (0 = no cap)'],
  'time-zone': ['string', 'Etc/UTC', 'session time zone of TIMESTAMP values'],
  'trips-rows': ['int', 20_000, 'rows of samples.nyctaxi.trips'],
  'warehouse-id': ['string', null, 'warehouse id (default: generated once per data dir)'],
  'result-ttl': ['int', 3600, 'seconds a result stays fetchable after success'],
  threads: ['int', 2, 'DuckDB worker threads'],
  'max-parameters': ['int', 10_000, 'most parameters a statement may carry, as a workspace enforces (0 = no limit)'],
  pat: ['list', [], 'an extra accepted personal access token (repeatable)'],
  'seed-tables': ['int', 0, 'create main.wide_schema.t0001…tNNNN (benchmarks, metadata caches)'],
};

export function usage() {
  return 'usage: node server.mjs [flags]\n' + Object.entries(FLAGS)
    .map(([name, [kind, def, help]]) => `  --${name}${kind === 'bool' ? '' : ' VALUE'}  ${help}${def !== null && kind !== 'bool' ? ` (default ${Array.isArray(def) ? 'none' : def})` : ''}`)
    .join('\n');
}

// argv → { port, storagePort, tls, dataDir, … } (camelCase of the flag names).
export function parseArgs(argv) {
  const out = Object.fromEntries(Object.entries(FLAGS).map(([k, [, def]]) => [camel(k), Array.isArray(def) ? [] : def]));
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (m?.[1] === 'help') { out.help = true; continue; }
    const spec = m && FLAGS[m[1]];
    if (!spec) throw new Error(`unknown argument: ${argv[i]}`);
    const [kind] = spec;
    if (kind === 'bool') { out[camel(m[1])] = m[2] === undefined ? true : m[2] !== 'false'; continue; }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (kind === 'int') {
      if (!/^\d+$/.test(value)) throw new Error(`--${m[1]} must be a non-negative integer`);
      out[camel(m[1])] = Number(value);
    } else if (kind === 'list') out[camel(m[1])].push(value);
    else out[camel(m[1])] = value;
  }
  if (out.rowsPerChunk < 1 || out.chunkBytes < 1024) throw new Error('--rows-per-chunk must be >= 1 and --chunk-bytes >= 1024');
  out.dataDir = path.resolve(out.dataDir);
  return out;
}

const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
