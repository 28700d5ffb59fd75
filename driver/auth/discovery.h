#pragma once
// Where a host's OAuth endpoints are: RFC 8414 discovery at
// {host}/oidc/.well-known/oauth-authorization-server, unless both are given explicitly
// (OAuth2AuthorizationEndPoint / OAuth2TokenEndPoint), which is how account-level and other
// identity providers are reached.
#include <string>

#include "config/settings.h"
#include "http/http_client.h"

namespace dbsql::auth {

struct OAuthEndpoints {
  std::string authorization_endpoint;  // empty when discovery did not advertise one
  std::string token_endpoint;
};

inline constexpr const char* kDiscoveryPath = "/oidc/.well-known/oauth-authorization-server";

// Overrides win; a missing one is discovered. Throws Error 28000 when OAuth is not enabled on
// the host (discovery 404) or the document is unusable, 08001 when the host cannot be reached.
OAuthEndpoints resolve_endpoints(const config::Settings& settings, http::HttpClient& http);

}  // namespace dbsql::auth
