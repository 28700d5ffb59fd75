#pragma once
// OAuth user-to-machine (AuthMech=11, Auth_Flow=2): a person signs in once in a browser;
// afterwards access tokens are renewed with the refresh token (which the server may rotate
// on every use), shared through the token cache with other connections and processes.
//
// Renewal order: a fresher token another connection cached → the refresh token → a new
// browser sign-in. The browser is opened again mid-session only when that needs no one at a
// terminal (BrowserCommand, or a desktop); on a headless machine a connection that can no
// longer refresh fails with 08006 rather than wait on a URL nobody reads.
#include <atomic>
#include <mutex>
#include <optional>
#include <string>

#include "auth/browser_sign_in.h"
#include "auth/discovery.h"
#include "auth/token_cache.h"
#include "auth/token_cell.h"
#include "auth/token_endpoint.h"
#include "auth/token_source.h"
#include "config/settings.h"
#include "http/http_client.h"

namespace dbsql::auth {

// The public client id used when Auth_Client_ID is not given (documented in the README; the
// local warehouse registers it, a workspace admin registers it as a published/custom app).
inline constexpr const char* kU2MDefaultClientId = "dbsql-odbc";
inline constexpr const char* kU2MDefaultScope = "sql offline_access";

struct BrowserOptions {
  Clock clock = system_clock();
  TokenEndpointOptions endpoint;
  DiscoveryCache* discovery_cache = nullptr;  // null: every source discovers for itself
  std::string cache_folder;  // empty: TokenCache::default_folder()
  OpenUrl open_url;          // empty: the real browser (or the printed URL)
  // Whether a browser can be opened mid-session; unset: BrowserCommand or a desktop.
  std::optional<bool> unattended_browser;
};

class BrowserTokenSource final : public TokenSource {
 public:
  // No network I/O and no browser here; the first token() signs in.
  BrowserTokenSource(const config::Settings& settings, http::HttpClient& http,
                     BrowserOptions options = {});

  std::string token() override;
  // Refreshes once; throws Error 08006 when neither a refresh nor a new sign-in is possible.
  bool renew_after_rejection(const std::string& rejected) override;

  // The cache file in use, or empty when caching is off.
  std::string cache_path() const { return cache_ ? cache_->path() : std::string(); }

 private:
  Token renew(const Token& current, const std::string& rejected);
  std::optional<Token> refresh(const std::string& refresh_token, std::string& refusal);
  Token sign_in(const std::string& refusal);
  void persist(const Token& token);
  TokenEndpoint& endpoint();

  config::Settings settings_;
  http::HttpClient& http_;
  BrowserOptions options_;
  std::string client_id_;
  std::string scopes_;
  std::optional<TokenCache> cache_;
  std::mutex endpoint_mu_;
  std::optional<OAuthEndpoints> endpoints_;
  std::optional<TokenEndpoint> endpoint_;
  std::atomic<bool> had_token_{false};
  TokenCell cell_;
};

}  // namespace dbsql::auth
