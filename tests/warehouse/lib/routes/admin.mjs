// /_warehouse/*: the test-only admin API, registered only with --faults.
//   POST   /_warehouse/faults     add a rule (see faults.mjs) → the rule with its id
//   GET    /_warehouse/faults     rules still armed;  DELETE clears them
//   GET    /_warehouse/requests   request log (?since=SEQ);  DELETE clears it
//   GET|POST /_warehouse/config   {link_ttl_seconds, link_http_headers} of new links
import { invalidParameter } from '../errors.mjs';

export function adminRoutes(app, { faults, links }) {
  app.post('/_warehouse/faults', async (req) => {
    try {
      return faults.add(req.body);
    } catch (err) {
      throw invalidParameter(err.message);
    }
  });
  app.get('/_warehouse/faults', async () => ({ faults: faults.list() }));
  app.delete('/_warehouse/faults', async () => { faults.clear(); return {}; });
  app.get('/_warehouse/requests', async (req) => ({ requests: faults.requests(Number(req.query.since) || 0) }));
  app.delete('/_warehouse/requests', async () => { faults.clearRequests(); return {}; });
  const config = () => ({ link_ttl_seconds: links.ttlSeconds, link_http_headers: links.httpHeaders });
  app.get('/_warehouse/config', async () => config());
  app.post('/_warehouse/config', async (req) => {
    const { link_ttl_seconds: ttl, link_http_headers: headers } = req.body ?? {};
    if (ttl !== undefined && !(Number.isFinite(ttl) && ttl >= 0)) throw invalidParameter('link_ttl_seconds must be a number >= 0');
    if (headers !== undefined && typeof headers !== 'boolean') throw invalidParameter('link_http_headers must be a boolean');
    if (ttl !== undefined) links.ttlSeconds = ttl;
    if (headers !== undefined) links.httpHeaders = headers;
    return config();
  });
}
