// Authentication failures shaped like a Databricks workspace sends them (see
// ../shared/recorded/auth-401-no-credential.json and auth-403-invalid-token.json):
// a numeric error_code equal to the HTTP status, the message repeated in
// x-databricks-reason-phrase, and WWW-Authenticate only on 401.
const REALM = 'Bearer realm="DatabricksRealm"';

function failure(status, message, extraHeaders = {}) {
  return {
    ok: false,
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-databricks-reason-phrase': message,
      ...extraHeaders,
    },
    body: { error_code: status, message },
  };
}

// Missing header, unknown scheme, empty token, or a token of no known kind.
export const noCredential = () =>
  failure(401, 'Credential was not sent or was of an unsupported type for this API.', { 'www-authenticate': REALM });

// RFC 6750 error="invalid_token" lets a client see that a refresh (not a new sign-in) is due.
export const expiredToken = () =>
  failure(401, 'Invalid access token: the token has expired.', {
    'www-authenticate': `${REALM}, error="invalid_token", error_description="The access token expired"`,
  });

// A token that looks like ours but does not verify (bad signature, issuer, audience...).
export const invalidToken = () => failure(403, 'Invalid access token.');

export const missingScope = (required) =>
  failure(403, `Provided OAuth token does not have required scopes: ${required.join(' or ')}.`);
