#pragma once
// Where a host's OAuth endpoints are: RFC 8414 discovery at
// {host}/oidc/.well-known/oauth-authorization-server, unless both are given explicitly
// (OAuth2AuthorizationEndPoint / OAuth2TokenEndPoint), which is how account-level and other
// identity providers are reached.
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "config/settings.h"
#include "http/http_client.h"

namespace dbsql::auth {

struct OAuthEndpoints {
  std::string authorization_endpoint;  // empty when discovery did not advertise one
  std::string token_endpoint;
};

inline constexpr const char* kDiscoveryPath = "/oidc/.well-known/oauth-authorization-server";

// Discovery documents already read, by URL, for an hour: an application that opens many
// connections to one workspace asks for the document once, so a connection costs its
// warehouse check and token request only. Only successful answers are kept. Thread-safe.
class DiscoveryCache {
 public:
  std::optional<OAuthEndpoints> find(const std::string& url);
  void keep(const std::string& url, const OAuthEndpoints& endpoints);

 private:
  struct Entry {
    OAuthEndpoints endpoints;
    std::chrono::steady_clock::time_point read_at;
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

// The process's cache, used by the token sources.
DiscoveryCache& process_discovery_cache();

// Overrides win; a missing one is discovered (through `cache` when given). Throws Error
// 28000 when OAuth is not enabled on the host (discovery 404) or the document is unusable,
// 08001 when the host cannot be reached.
OAuthEndpoints resolve_endpoints(const config::Settings& settings, http::HttpClient& http,
                                 DiscoveryCache* cache = nullptr);

}  // namespace dbsql::auth
