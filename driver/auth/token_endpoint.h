#pragma once
// Calls to an OAuth token endpoint (RFC 6749 §4.1.3, §4.4, §6): form-encoded POSTs, client
// authentication, response parsing, and a bounded retry with backoff for 429 / 5xx /
// transport failures, so a struggling identity provider never sees a request storm.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "auth/encoding.h"
#include "auth/token.h"
#include "http/http_client.h"
#include "util/error.h"

namespace dbsql::auth {

// How the client proves who it is at the token endpoint.
enum class ClientAuth {
  kNone,   // public client: client_id in the body, no secret (PKCE protects the code)
  kBasic,  // client_secret_basic: Authorization: Basic base64(id:secret)
  kPost,   // client_secret_post: client_id and client_secret in the body
};

struct OAuthClient {
  std::string id;
  std::string secret;  // secret
  ClientAuth auth = ClientAuth::kNone;
};

struct TokenResponse {
  std::string access_token;   // secret
  std::string refresh_token;  // secret; empty when none
  std::string scope;
  std::chrono::seconds expires_in = kDefaultLifetime;
};

// The token endpoint refused a grant (a JSON error body, RFC 6749 §5.2). SQLSTATE 28000;
// oauth_error() is the server's code, e.g. "invalid_grant" for a revoked refresh token.
class OAuthError : public Error {
 public:
  OAuthError(std::string oauth_error, std::string message, int http_status)
      : Error("28000", std::move(message), http_status), oauth_error_(std::move(oauth_error)) {}
  const std::string& oauth_error() const { return oauth_error_; }

 private:
  std::string oauth_error_;
};

struct RetryPolicy {
  int max_attempts = 4;
  std::chrono::milliseconds first_delay{500};
  std::chrono::milliseconds max_delay{8000};
};

struct TokenEndpointOptions {
  std::chrono::milliseconds timeout{30000};  // per request
  RetryPolicy retry;
  Sleeper sleep = real_sleeper();
};

class TokenEndpoint {
 public:
  TokenEndpoint(http::HttpClient& http, std::string url, OAuthClient client,
                TokenEndpointOptions options = {});

  TokenResponse client_credentials(const std::string& scope);
  TokenResponse authorization_code(const std::string& code, const std::string& verifier,
                                   const std::string& redirect_uri);
  TokenResponse refresh(const std::string& refresh_token);

  const std::string& url() const { return url_; }
  const OAuthClient& client() const { return client_; }

 private:
  // `what` names the grant in messages; `retry_server_errors` is false where the server may
  // have consumed a one-time value (an authorization code) before failing.
  TokenResponse post(FormFields fields, const char* what, bool retry_server_errors,
                     const std::vector<std::string>& secrets);
  http::Response send_with_retry(const http::Request& request, const char* what,
                                 bool retry_server_errors);
  TokenResponse parse(const http::Response& response, const char* what,
                      const std::vector<std::string>& secrets) const;

  http::HttpClient& http_;
  std::string url_;
  OAuthClient client_;
  TokenEndpointOptions options_;
};

// `text` with every non-empty occurrence of each secret replaced by "***": a server that
// echoes a rejected value back must not leak it into a diagnostic.
std::string redact(std::string text, const std::vector<std::string>& secrets);

}  // namespace dbsql::auth
