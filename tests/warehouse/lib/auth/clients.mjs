// The OAuth clients a fresh warehouse knows, mirroring what a Databricks
// workspace has pre-registered or what an admin registers as an app connection.
//
// Loopback redirects: with application_type "native" oidc-provider ignores the
// port of http://127.0.0.1 / localhost / [::1] redirect URIs (RFC 8252 §7.3),
// so registering port 8020 admits every port. The path must still match
// exactly, trailing slash included, hence every variant below.
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function loopbackRedirects(paths) {
  return LOOPBACK_HOSTS.flatMap((host) => paths.map((path) => `http://${host}:8020${path}`));
}

// Public client ids accepted for U2M. The first one is the driver's default;
// the others are the ids Databricks' own tools use, so configurations copied
// from them work against the local warehouse too.
export const PUBLIC_CLIENT_IDS = ['dbsql-odbc', 'databricks-sql-odbc', 'databricks-cli'];

export function clientsFor(config) {
  const publicClients = PUBLIC_CLIENT_IDS.map((client_id) => ({
    client_id,
    application_type: 'native',
    token_endpoint_auth_method: 'none', // public: PKCE S256 is mandatory
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: loopbackRedirects(['', '/', '/callback']),
  }));
  return [
    ...publicClients,
    {
      // The seed post's registration: a secret, no PKCE, redirect .../callback.
      client_id: config.u2m_confidential_client_id,
      client_secret: config.u2m_confidential_client_secret,
      application_type: 'native',
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: loopbackRedirects(['/callback', '/', '']),
    },
    {
      // Service principal for client_credentials. oidc-provider accepts the
      // secret in the form body too, as Databricks does.
      client_id: config.m2m_client_id,
      client_secret: config.m2m_client_secret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ];
}
