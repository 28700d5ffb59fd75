#include "auth/discovery.h"

#include "auth/flat_json.h"
#include "util/error.h"
#include "util/log.h"

namespace dbsql::auth {
namespace {

constexpr std::chrono::milliseconds kDiscoveryTimeout{30000};
constexpr std::chrono::hours kDiscoveryKept{1};

OAuthEndpoints discover(const std::string& url, http::HttpClient& http) {
  http::Request request;
  request.url = url;
  request.timeout = kDiscoveryTimeout;
  request.headers = {{"Accept", "application/json"}};
  http::Response response;
  try {
    response = http.send(request);
  } catch (const http::TransportError& e) {
    if (e.kind() == http::TransportFailure::kDeadline)
      throw Error("HYT00",
                  http::login_timeout_message("discovering the OAuth endpoints at " + url, e.what()));
    throw Error("08001", "Could not reach " + url + " to discover the OAuth endpoints: " +
                             e.what() + ". Check Host, Port, the proxy and the network.");
  }
  const int status = static_cast<int>(response.status);
  if (status == 404)
    throw Error("28000",
                "OAuth is not enabled for this host: " + url +
                    " answered 404. Use a personal access token (AuthMech=3), or give "
                    "OAuth2AuthorizationEndPoint and OAuth2TokenEndPoint for another identity "
                    "provider.",
                status);
  auto json = status == 200 ? FlatJson::parse(response.body) : std::nullopt;
  if (!json)
    throw Error(status >= 500 ? "08001" : "28000",
                "OAuth endpoint discovery at " + url + " failed (HTTP " + std::to_string(status) +
                    (status == 200 ? ", not a JSON document" : "") +
                    "). Set OAuth2AuthorizationEndPoint and OAuth2TokenEndPoint to skip it.",
                status);
  OAuthEndpoints out;
  out.authorization_endpoint = json->string("authorization_endpoint").value_or("");
  out.token_endpoint = json->string("token_endpoint").value_or("");
  if (out.token_endpoint.empty())
    throw Error("28000", "The OAuth discovery document at " + url +
                             " names no token_endpoint. Set OAuth2TokenEndPoint explicitly.");
  return out;
}

}  // namespace

std::optional<OAuthEndpoints> DiscoveryCache::find(const std::string& url) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(url);
  if (it == entries_.end()) return std::nullopt;
  if (std::chrono::steady_clock::now() - it->second.read_at > kDiscoveryKept) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.endpoints;
}

void DiscoveryCache::keep(const std::string& url, const OAuthEndpoints& endpoints) {
  std::lock_guard lock(mu_);
  entries_[url] = Entry{endpoints, std::chrono::steady_clock::now()};
}

DiscoveryCache& process_discovery_cache() {
  static DiscoveryCache cache;
  return cache;
}

OAuthEndpoints resolve_endpoints(const config::Settings& settings, http::HttpClient& http,
                                 DiscoveryCache* cache) {
  OAuthEndpoints out{settings.oauth.authorization_endpoint, settings.oauth.token_endpoint};
  // M2M needs only the token endpoint, so one override is enough there; U2M callers check
  // that an authorization endpoint came out.
  bool need_authorize = settings.auth == config::AuthKind::kBrowser;
  if (!out.token_endpoint.empty() && (!need_authorize || !out.authorization_endpoint.empty())) {
    DBSQL_LOG(kDebug, "auth") << "OAuth endpoints from the settings: token " << out.token_endpoint;
    return out;
  }
  const std::string url = settings.base_url() + kDiscoveryPath;
  std::optional<OAuthEndpoints> kept = cache ? cache->find(url) : std::nullopt;
  const OAuthEndpoints found = kept ? *kept : discover(url, http);
  if (cache && !kept) cache->keep(url, found);
  DBSQL_LOG(kDebug, "auth") << "OAuth discovery" << (kept ? " (kept from earlier)" : "")
                            << ": authorization " << found.authorization_endpoint << ", token "
                            << found.token_endpoint;
  if (out.token_endpoint.empty()) out.token_endpoint = found.token_endpoint;
  if (out.authorization_endpoint.empty()) out.authorization_endpoint = found.authorization_endpoint;
  if (need_authorize && out.authorization_endpoint.empty())
    throw Error("28000",
                "The OAuth discovery document names no authorization_endpoint. Set "
                "OAuth2AuthorizationEndPoint explicitly.");
  return out;
}

}  // namespace dbsql::auth
