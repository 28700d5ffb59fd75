#include "auth/client_credentials.h"

#include "auth/discovery.h"

namespace dbsql::auth {

ClientCredentialsTokenSource::ClientCredentialsTokenSource(const config::Settings& settings,
                                                           http::HttpClient& http,
                                                           SourceOptions options)
    : settings_(settings),
      http_(http),
      options_(std::move(options)),
      scope_(settings.oauth.scope.empty() ? kM2MDefaultScope : settings.oauth.scope),
      cell_(options_.clock) {
  if (settings_.oauth.client_id.empty() || settings_.oauth.client_secret.empty())
    throw Error("28000",
                "OAuth machine-to-machine sign-in (Auth_Flow=1) needs Auth_Client_ID and "
                "Auth_Client_Secret: the service principal's application id and an OAuth secret "
                "generated for it.");
}

std::string ClientCredentialsTokenSource::token() {
  return cell_.get([this](const Token&) { return fetch(); });
}

bool ClientCredentialsTokenSource::renew_after_rejection(const std::string& rejected) {
  cell_.renew_rejected(rejected, [this](const Token&) { return fetch(); });
  return true;
}

TokenEndpoint& ClientCredentialsTokenSource::endpoint() {
  std::lock_guard lock(endpoint_mu_);
  if (!endpoint_) {
    OAuthEndpoints found = resolve_endpoints(settings_, http_, options_.discovery_cache);
    endpoint_.emplace(
        http_, found.token_endpoint,
        OAuthClient{settings_.oauth.client_id, settings_.oauth.client_secret, ClientAuth::kBasic},
        options_.endpoint);
  }
  return *endpoint_;
}

Token ClientCredentialsTokenSource::fetch() {
  TokenResponse response;
  try {
    response = endpoint().client_credentials(scope_);
  } catch (const OAuthError& e) {
    throw OAuthError(e.oauth_error(),
                     std::string(e.what()) +
                         " Check Auth_Client_ID and Auth_Client_Secret (an OAuth secret of the "
                         "service principal) and Auth_Scope.",
                     e.native_error());
  }
  return make_token(std::move(response.access_token), {}, options_.clock(), response.expires_in);
}

}  // namespace dbsql::auth
