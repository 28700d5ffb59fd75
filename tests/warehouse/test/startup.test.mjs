// The start-up contract: one JSON line on stdout, 127.0.0.1, port 0, --tls with
// a generated CA (verification on), clean exit on SIGTERM/SIGINT, bad flags refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import { spawnSync } from 'node:child_process';
import { startWarehouse } from '../lib/harness.mjs';

const FIELDS = ['host', 'url', 'storage_url', 'warehouse_id', 'http_path', 'pat', 'm2m_client_id', 'm2m_client_secret',
  'u2m_client_id', 'u2m_confidential_client_id', 'u2m_confidential_client_secret', 'login_user', 'login_password'];

test('prints exactly one JSON line with the documented fields, then exits 0 on SIGTERM', async () => {
  const wh = await startWarehouse();
  let stdout = '';
  wh.child.stdout.on('data', (b) => { stdout += b; });
  const { info } = wh;
  assert.deepEqual(Object.keys(info), FIELDS);
  assert.match(info.host, /^127\.0\.0\.1:\d+$/);
  assert.equal(info.url, `http://${info.host}`);
  assert.match(info.storage_url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(info.storage_url, info.url);
  assert.equal(info.http_path, `/sql/1.0/warehouses/${info.warehouse_id}`);
  assert.match(info.pat, /^dapi/);
  await wh.execute({ statement: 'SELECT 1' });
  const { code, signal } = await wh.stop();
  assert.deepEqual([code, signal], [0, null]);
  assert.equal(stdout, '', 'nothing but the start-up line on stdout');
  assert.doesNotMatch(wh.stderr, new RegExp(info.pat), 'the PAT is never logged');
});

test('exits 0 on SIGINT too', async () => {
  const wh = await startWarehouse();
  wh.child.kill('SIGINT');
  assert.deepEqual(await wh.stop(), { code: 0, signal: null });
});

test('--tls serves HTTPS for the API and storage with a certificate from the generated CA', async () => {
  const wh = await startWarehouse(['--tls']);
  try {
    const { info } = wh;
    assert.ok(info.url.startsWith('https://127.0.0.1:') && info.storage_url.startsWith('https://'));
    assert.ok(info.ca_file.startsWith(wh.dir));
    const ca = fs.readFileSync(info.ca_file);
    const request = (url, options = {}) => new Promise((resolve, reject) => {
      https.get(url, options, (res) => {
        let body = '';
        res.on('data', (b) => { body += b; });
        res.on('end', () => resolve({ status: res.statusCode, body }));
      }).on('error', reject);
    });
    const r = await request(`${info.url}/api/2.0/sql/warehouses/${info.warehouse_id}`, { ca, headers: { authorization: `Bearer ${info.pat}` } });
    assert.equal(r.status, 200);
    await assert.rejects(request(`${info.url}/api/2.0/sql/warehouses/${info.warehouse_id}`), /self[- ]signed|unable to verify|certificate/i);
    const stmt = await new Promise((resolve, reject) => {
      const req = https.request(`${info.url}/api/2.0/sql/statements`, { method: 'POST', ca, headers: { authorization: `Bearer ${info.pat}` } }, (res) => {
        let body = '';
        res.on('data', (b) => { body += b; });
        res.on('end', () => resolve(JSON.parse(body)));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ statement: 'SELECT 1', warehouse_id: info.warehouse_id, disposition: 'EXTERNAL_LINKS' }));
    });
    const chunk = await request(stmt.result.external_links[0].external_link, { ca });
    assert.deepEqual([chunk.status, chunk.body], [200, '[["1"]]']);
  } finally {
    await wh.stop();
  }
});

test('unknown flags exit 2 with usage; --help prints usage', () => {
  const server = new URL('../server.mjs', import.meta.url).pathname;
  const bad = spawnSync(process.execPath, [server, '--no-such-flag'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown argument.*\n.*usage/s);
  const help = spawnSync(process.execPath, [server, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--rows-per-chunk/);
});
