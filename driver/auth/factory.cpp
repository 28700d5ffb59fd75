#include "auth/factory.h"

#include "auth/browser_token_source.h"
#include "auth/client_credentials.h"
#include "util/error.h"

namespace dbsql::auth {

std::unique_ptr<TokenSource> make_token_source(const config::Settings& settings,
                                               http::HttpClient& http) {
  switch (settings.auth) {
    case config::AuthKind::kPat:
      if (settings.token.empty())
        throw Error("28000",
                    "No personal access token was given. Set PWD (with UID=token and "
                    "AuthMech=3), or choose OAuth with AuthMech=11 and Auth_Flow.");
      return std::make_unique<StaticTokenSource>(settings.token);
    case config::AuthKind::kAccessToken:
      if (settings.token.empty())
        throw Error("28000", "Auth_Flow=0 needs an OAuth access token in Auth_AccessToken.");
      return std::make_unique<StaticTokenSource>(settings.token,
                                                 StaticTokenSource::Kind::kOAuthAccessToken);
    case config::AuthKind::kClientCredentials: {
      SourceOptions options;
      options.discovery_cache = &process_discovery_cache();
      return std::make_unique<ClientCredentialsTokenSource>(settings, http, std::move(options));
    }
    case config::AuthKind::kBrowser: {
      BrowserOptions options;
      options.discovery_cache = &process_discovery_cache();
      return std::make_unique<BrowserTokenSource>(settings, http, std::move(options));
    }
  }
  throw Error("HY000", "Unknown authentication kind.");
}

}  // namespace dbsql::auth
