// The "cloud storage" of EXTERNAL_LINKS results: presigned-style links (HMAC
// over path and expiry, like S3's X-Amz-Signature) and the listener that serves
// chunk files for them. Like S3 it refuses a request that also carries an
// Authorization header, an expired or tampered link, and (when links list
// http_headers) a request without those headers.
import fs from 'node:fs';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const HEADER = 'x-warehouse-chunk-key'; // plays the role of an SSE-C key header

export function createLinks({ baseUrl, chunkStore, ttlSeconds = 900, httpHeaders = false }) {
  const secret = randomBytes(32);
  const sign = (text) => createHmac('sha256', secret).update(text).digest('hex');
  const links = {
    ttlSeconds,
    httpHeaders,
    baseUrl,
    linkFor(statementId, index) {
      const expires = Date.now() + links.ttlSeconds * 1000;
      const path = `/results/${statementId}/${index}`;
      const signature = sign(`${path}\n${expires}\n${links.httpHeaders ? 1 : 0}`);
      const link = {
        external_link: `${links.baseUrl}${path}?X-Wh-Expires=${expires}&X-Wh-Headers=${links.httpHeaders ? 1 : 0}&X-Wh-Signature=${signature}`,
        expiration: new Date(expires).toISOString(),
      };
      if (links.httpHeaders) link.http_headers = { [HEADER]: sign(`header\n${signature}`) };
      return link;
    },
    // → { file } or { status, code, message } (an S3-style refusal).
    check(req) {
      if (req.headers.authorization !== undefined) {
        return refusal(400, 'InvalidArgument', 'Only one auth mechanism allowed; presigned URLs must not be sent with an Authorization header.');
      }
      const url = new URL(req.url, 'http://storage');
      const m = /^\/results\/([0-9a-f-]{36})\/(\d+)$/.exec(url.pathname);
      const expires = url.searchParams.get('X-Wh-Expires') ?? '';
      const wantHeader = url.searchParams.get('X-Wh-Headers') === '1';
      const given = url.searchParams.get('X-Wh-Signature') ?? '';
      const expected = sign(`${url.pathname}\n${expires}\n${wantHeader ? 1 : 0}`);
      if (!m || !safeEqual(given, expected)) return refusal(403, 'SignatureDoesNotMatch', 'The request signature does not match.');
      if (Date.now() > Number(expires)) return refusal(403, 'AccessDenied', 'Request has expired');
      if (wantHeader && !safeEqual(req.headers[HEADER] ?? '', sign(`header\n${given}`))) {
        return refusal(400, 'InvalidRequest', `The request must carry the ${HEADER} header listed in http_headers.`);
      }
      return { file: chunkStore.file(m[1], Number(m[2])) };
    },
  };
  return links;
}

const safeEqual = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const refusal = (status, code, message) => ({ status, code, message });

export function sendRefusal(res, { status, code, message }) {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

// Request handler of the storage listener. Like cloud storage seen from a client, it can
// wait `firstByteMs` before answering and send at most `bytesPerSecond` on each
// connection (one transfer at a time per connection), so parallel downloads can be
// measured against serial ones; 0 = no delay, no cap.
export function storageHandler(links, { firstByteMs = 0, bytesPerSecond = 0 } = {}) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendRefusal(res, refusal(405, 'MethodNotAllowed', 'Only GET is supported.'));
    const checked = links.check(req);
    if (!checked.file) return sendRefusal(res, checked);
    fs.stat(checked.file, (err, st) => {
      if (err) return sendRefusal(res, refusal(404, 'NoSuchKey', 'The specified key does not exist.'));
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'binary/octet-stream', 'content-length': st.size });
        if (req.method === 'HEAD') return res.end();
        const stream = fs.createReadStream(checked.file, { highWaterMark: bytesPerSecond ? 64 << 10 : 1 << 20 });
        stream.on('error', () => res.destroy());
        if (bytesPerSecond) paced(stream, res, bytesPerSecond);
        else stream.pipe(res);
      };
      if (firstByteMs) setTimeout(answer, firstByteMs);
      else answer();
    });
  };
}

// Pipes `stream` into `res` no faster than `bytesPerSecond`.
function paced(stream, res, bytesPerSecond) {
  const start = Date.now();
  let sent = 0;
  res.on('close', () => stream.destroy());
  stream.on('end', () => res.end());
  stream.on('data', (buf) => {
    sent += buf.length;
    const flushed = res.write(buf);
    stream.pause();
    const resume = () => setTimeout(() => stream.resume(), Math.max(0, start + (sent * 1000) / bytesPerSecond - Date.now()));
    if (flushed) resume();
    else res.once('drain', resume);
  });
}
