#pragma once
// OAuth machine-to-machine (AuthMech=11, Auth_Flow=1): a service principal's client id and
// secret exchanged for access tokens at the token endpoint (client_credentials grant, HTTP
// Basic). Tokens are reused until the refresh margin before expiry; one request at a time.
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auth/discovery.h"
#include "auth/token_cell.h"
#include "auth/token_endpoint.h"
#include "auth/token_source.h"
#include "config/settings.h"
#include "http/http_client.h"

namespace dbsql::auth {

inline constexpr const char* kM2MDefaultScope = "all-apis";

struct SourceOptions {
  Clock clock = system_clock();
  TokenEndpointOptions endpoint;
  DiscoveryCache* discovery_cache = nullptr;  // null: every source discovers for itself
};

class ClientCredentialsTokenSource final : public TokenSource {
 public:
  // Throws Error 28000 when the client id or secret is missing. No network I/O here: the
  // endpoints are discovered on the first token().
  ClientCredentialsTokenSource(const config::Settings& settings, http::HttpClient& http,
                               SourceOptions options = {});

  std::string token() override;
  bool renew_after_rejection(const std::string& rejected) override;

 private:
  Token fetch();
  TokenEndpoint& endpoint();

  config::Settings settings_;
  http::HttpClient& http_;
  SourceOptions options_;
  std::string scope_;
  std::mutex endpoint_mu_;
  std::optional<TokenEndpoint> endpoint_;
  TokenCell cell_;
};

}  // namespace dbsql::auth
