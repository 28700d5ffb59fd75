// Serves oidc-provider (a Koa app) under <base>/oidc from a plain node:http
// handler, with the URL adjustments a Databricks-shaped deployment needs.
export function mountProvider({ provider, prefix, handleInteraction }) {
  const callback = provider.callback();
  return function oidcHandler(req, res) {
    const url = new URL(req.url, 'http://local');
    let path = url.pathname.slice(prefix.length) || '/';

    if (path.startsWith('/interaction/')) return handleInteraction(req, res, path);

    // Databricks clients discover via RFC 8414; oidc-provider only serves the
    // OIDC name. The documents are the same.
    if (path === '/.well-known/oauth-authorization-server') path = '/.well-known/openid-configuration';

    // OIDC Core §11 makes oidc-provider drop offline_access unless
    // prompt=consent; Databricks keeps it. Asking for consent costs nothing
    // here because interactions.mjs grants it without a page.
    // (prompt=none cannot be combined with consent; such a request gets no
    // refresh token, which is what a silent re-authorization wants anyway.)
    if (path === '/v1/authorize' && req.method === 'GET') {
      const scope = url.searchParams.get('scope') || '';
      const prompts = (url.searchParams.get('prompt') || '').split(' ').filter(Boolean);
      if (scope.split(' ').includes('offline_access') && !prompts.includes('consent') && !prompts.includes('none')) {
        url.searchParams.set('prompt', [...prompts, 'consent'].join(' '));
      }
    }

    // originalUrl first: oidc-provider builds its absolute URLs from it, and
    // without it discovery would advertise endpoints missing the /oidc prefix.
    req.originalUrl = `${prefix}${path}${url.search}`;
    req.url = `${path}${url.search}`;
    return callback(req, res);
  };
}
