#include "auth/browser_token_source.h"

#include "util/log.h"

namespace dbsql::auth {
namespace {

// How much longer than a sign-in (Auth_Timeout) a connection waits for another one's sign-in
// or refresh before going on without the lock.
constexpr std::chrono::seconds kCacheLockSlack{30};

}  // namespace

BrowserTokenSource::BrowserTokenSource(const config::Settings& settings, http::HttpClient& http,
                                       BrowserOptions options)
    : settings_(settings),
      http_(http),
      options_(std::move(options)),
      client_id_(settings.oauth.client_id.empty() ? kU2MDefaultClientId : settings.oauth.client_id),
      scopes_(settings.oauth.scope.empty() ? kU2MDefaultScope : settings.oauth.scope),
      cell_(options_.clock) {
  redirect_target(settings_.oauth);  // a bad OAuth2RedirectUrl fails at connect, not later
  if (settings_.oauth.token_cache) {
    std::string folder =
        options_.cache_folder.empty() ? TokenCache::default_folder() : options_.cache_folder;
    if (!folder.empty())
      cache_.emplace(folder, CacheKey{settings_.base_url(), client_id_, scopes_});
  }
}

std::string BrowserTokenSource::token() {
  return cell_.get([this](const Token& current) { return renew(current, {}); });
}

bool BrowserTokenSource::renew_after_rejection(const std::string& rejected) {
  cell_.renew_rejected(rejected, [&](const Token& current) { return renew(current, rejected); });
  return true;
}

TokenEndpoint& BrowserTokenSource::endpoint() {
  std::lock_guard lock(endpoint_mu_);
  if (!endpoint_) {
    endpoints_ = resolve_endpoints(settings_, http_, options_.discovery_cache);
    // A secret makes a confidential client; it goes in the form body (client_secret_post),
    // as the seed post's app registration expects. Public clients rely on PKCE alone.
    const std::string& secret = settings_.oauth.client_secret;
    endpoint_.emplace(
        http_, endpoints_->token_endpoint,
        OAuthClient{client_id_, secret, secret.empty() ? ClientAuth::kNone : ClientAuth::kPost},
        options_.endpoint);
  }
  return *endpoint_;
}

Token BrowserTokenSource::renew(const Token& current, const std::string& rejected) {
  // The cache lock is held through a browser sign-in too: another connection or process that
  // needs a token meanwhile waits, then takes this sign-in's result from the cache instead of
  // opening a second browser.
  std::optional<TokenCache::Lock> lock;
  std::optional<Token> cached;
  if (cache_) {
    try {
      lock.emplace(cache_->lock(settings_.oauth.sign_in_timeout + kCacheLockSlack));
      cached = cache_->load();
    } catch (const Error& e) {
      if (e.sqlstate() != "HY000") throw;  // a cache open to others is refused, not bypassed
      DBSQL_LOG(kWarning, "auth") << e.what() << " Going on without the token cache.";
    }
  }
  // Another connection or process may have renewed already.
  if (cached && cached->usable(options_.clock()) && cached->access_token != current.access_token &&
      cached->access_token != rejected) {
    had_token_ = true;
    DBSQL_LOG(kDebug, "auth") << "using the token cached in " << cache_->path();
    return *cached;
  }
  const std::string refresh_token =
      cached && !cached->refresh_token.empty() ? cached->refresh_token : current.refresh_token;
  std::string refusal;
  if (!refresh_token.empty()) {
    if (auto renewed = refresh(refresh_token, refusal)) return *renewed;
  } else if (had_token_) {
    refusal = "no refresh token was issued; include offline_access in Auth_Scope";
  }
  return sign_in(refusal);
}

// Under the cache lock: a rotated refresh token is written before anyone else can read the
// old one. Likewise sign_in().
std::optional<Token> BrowserTokenSource::refresh(const std::string& refresh_token,
                                                 std::string& refusal) {
  try {
    TokenResponse r = endpoint().refresh(refresh_token);
    Token t = make_token(std::move(r.access_token),
                         r.refresh_token.empty() ? refresh_token : std::move(r.refresh_token),
                         options_.clock(), r.expires_in);
    persist(t);
    had_token_ = true;
    return t;
  } catch (const OAuthError& e) {
    // Revoked, expired, or already rotated by someone else: only a new sign-in helps.
    refusal = std::string("the refresh token was refused: ") + e.what();
    DBSQL_LOG(kWarning, "auth") << refusal;
    if (cache_) cache_->remove();
    return std::nullopt;
  }
}

Token BrowserTokenSource::sign_in(const std::string& refusal) {
  const bool unattended =
      options_.unattended_browser.value_or(can_open_browser(settings_.oauth.browser_command));
  if (had_token_ && !unattended)
    throw Error("08006",
                "The OAuth access token expired and could not be renewed (" +
                    (refusal.empty() ? std::string("no refresh token") : refusal) +
                    "). Sign in again: disconnect and connect, which starts a browser sign-in, "
                    "or set BrowserCommand so the driver can open a browser by itself.");
  endpoint();  // discovery first: its errors come before any browser opens
  SignInRequest request;
  request.host = settings_.base_url();
  request.authorization_endpoint = endpoints_->authorization_endpoint;
  request.scopes = scopes_;
  request.redirect = redirect_target(settings_.oauth);
  request.browser_command = settings_.oauth.browser_command;
  request.timeout = settings_.oauth.sign_in_timeout;
  TokenResponse r = sign_in_with_browser(request, endpoint(), options_.open_url);
  Token t = make_token(std::move(r.access_token), std::move(r.refresh_token), options_.clock(),
                       r.expires_in);
  persist(t);
  had_token_ = true;
  return t;
}

void BrowserTokenSource::persist(const Token& token) {
  if (!cache_) return;
  try {
    cache_->store(token);
  } catch (const Error& e) {
    // A cache that cannot be written costs the next connection a sign-in; this one goes on.
    DBSQL_LOG(kWarning, "auth") << e.what();
  }
}

}  // namespace dbsql::auth
