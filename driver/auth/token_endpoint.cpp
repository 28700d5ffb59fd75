#include "auth/token_endpoint.h"

#include <charconv>
#include <random>

#include "auth/flat_json.h"
#include "util/log.h"
#include "util/secrets.h"

namespace dbsql::auth {
namespace {

constexpr std::chrono::seconds kMaxRetryAfter{30};

bool transport_retryable(http::TransportFailure kind, bool request_may_have_arrived_ok) {
  switch (kind) {
    case http::TransportFailure::kConnect:
      return true;  // nothing reached the server
    case http::TransportFailure::kTimeout:
    case http::TransportFailure::kDropped:
    case http::TransportFailure::kOther:
      return request_may_have_arrived_ok;
    case http::TransportFailure::kTls:
    case http::TransportFailure::kDeadline:
    case http::TransportFailure::kCancelled:
      return false;
  }
  return false;
}

std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt) {
  auto delay = policy.first_delay;
  for (int i = 1; i < attempt && delay < policy.max_delay; ++i) delay *= 2;
  delay = std::min(delay, policy.max_delay);
  // Jitter spreads the retries of many connections started together.
  thread_local std::mt19937 rng{std::random_device{}()};
  std::uniform_int_distribution<long long> pick(delay.count() / 2, delay.count());
  return std::chrono::milliseconds(pick(rng));
}

std::optional<std::chrono::milliseconds> retry_after(const http::Response& response) {
  auto value = response.header("retry-after");
  if (!value) return std::nullopt;
  long long seconds = 0;
  auto r = std::from_chars(value->data(), value->data() + value->size(), seconds);
  if (r.ec != std::errc() || seconds < 0) return std::nullopt;
  return std::chrono::milliseconds(std::min<long long>(seconds, kMaxRetryAfter.count()) * 1000);
}

}  // namespace

std::string redact(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3))
      text.replace(pos, secret.size(), "***");
  }
  return text;
}

TokenEndpoint::TokenEndpoint(http::HttpClient& http, std::string url, OAuthClient client,
                             TokenEndpointOptions options)
    : http_(http), url_(std::move(url)), client_(std::move(client)), options_(std::move(options)) {
  if (!client_.secret.empty()) util::register_secret(client_.secret);
}

TokenResponse TokenEndpoint::client_credentials(const std::string& scope) {
  FormFields fields{{"grant_type", "client_credentials"}};
  if (!scope.empty()) fields.emplace_back("scope", scope);
  return post(std::move(fields), "client-credentials request", true, {});
}

TokenResponse TokenEndpoint::authorization_code(const std::string& code,
                                                const std::string& verifier,
                                                const std::string& redirect_uri) {
  FormFields fields{
      {"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirect_uri}};
  if (!verifier.empty()) fields.emplace_back("code_verifier", verifier);
  return post(std::move(fields), "authorization code", false, {code, verifier});
}

TokenResponse TokenEndpoint::refresh(const std::string& refresh_token) {
  FormFields fields{{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}};
  return post(std::move(fields), "refresh token", true, {refresh_token});
}

TokenResponse TokenEndpoint::post(FormFields fields, const char* what, bool retry_server_errors,
                                  const std::vector<std::string>& secrets) {
  http::Request request;
  request.method = "POST";
  request.url = url_;
  request.timeout = options_.timeout;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  switch (client_.auth) {
    case ClientAuth::kNone:
      fields.emplace_back("client_id", client_.id);
      break;
    case ClientAuth::kBasic:
      // RFC 6749 §2.3.1: id and secret are form-encoded before being joined.
      request.headers.emplace_back(
          "Authorization",
          "Basic " + base64_encode(url_encode(client_.id) + ":" + url_encode(client_.secret)));
      break;
    case ClientAuth::kPost:
      fields.emplace_back("client_id", client_.id);
      fields.emplace_back("client_secret", client_.secret);
      break;
  }
  request.body = form_encode(fields);
  DBSQL_LOG(kDebug, "auth") << "token request (" << what << ") to " << url_ << " for client "
                            << client_.id;
  std::vector<std::string> all_secrets = secrets;
  all_secrets.push_back(client_.secret);
  http::Response response = send_with_retry(request, what, retry_server_errors);
  return parse(response, what, all_secrets);
}

http::Response TokenEndpoint::send_with_retry(const http::Request& request, const char* what,
                                              bool retry_server_errors) {
  const int attempts = std::max(1, options_.retry.max_attempts);
  for (int attempt = 1;; ++attempt) {
    std::optional<std::chrono::milliseconds> wait;
    try {
      http::Response response = http_.send(request);
      bool retryable = response.status == 429 || (retry_server_errors && response.status >= 500);
      if (!retryable || attempt == attempts) return response;
      wait = retry_after(response);
    } catch (const http::TransportError& e) {
      if (e.kind() == http::TransportFailure::kDeadline)
        throw Error("HYT00", http::login_timeout_message(
                                 std::string("asking ") + url_ + " for the " + what, e.what()));
      if (!transport_retryable(e.kind(), retry_server_errors) || attempt == attempts)
        throw Error("08001", std::string("Could not reach the OAuth token endpoint ") + url_ +
                                 " for the " + what + ": " + e.what() +
                                 ". Check the host name, proxy and network, then try again.");
    }
    const auto delay = wait ? *wait : backoff(options_.retry, attempt);
    if (const auto limit = http_.deadline();
        limit && http::HttpClient::Deadline::clock::now() + delay >= *limit)
      throw Error("HYT00", http::login_timeout_message(
                               std::string("waiting to ask ") + url_ + " again for the " + what,
                               "the token endpoint asked to retry later"));
    DBSQL_LOG(kWarning, "auth") << "token endpoint " << url_ << " unavailable for the " << what
                                << " (attempt " << attempt << " of " << attempts
                                << "), retrying in " << delay.count() << " ms";
    options_.sleep(delay);
  }
}

TokenResponse TokenEndpoint::parse(const http::Response& response, const char* what,
                                   const std::vector<std::string>& secrets) const {
  const int status = static_cast<int>(response.status);
  auto json = FlatJson::parse(response.body);
  if (json && json->string("error")) {
    std::string code = *json->string("error");
    std::string reason = code;
    if (auto description = json->string("error_description"); description && !description->empty())
      reason += ": " + *description;
    DBSQL_LOG(kError, "auth") << "token endpoint " << url_ << " refused the " << what << " (HTTP "
                              << status << ", " << code << ")";
    throw OAuthError(
        code,
        redact("The OAuth token endpoint " + url_ + " refused the " + what + " (" + reason + ").",
               secrets),
        status);
  }
  if (status == 429 || status >= 500)
    throw Error("08001",
                "The OAuth token endpoint " + url_ + " answered HTTP " + std::to_string(status) +
                    " to the " + what + " after " + std::to_string(options_.retry.max_attempts) +
                    " attempts; the identity provider is unavailable, try again later.",
                status);
  if (status != 200 || !json)
    throw Error("28000",
                "The OAuth token endpoint " + url_ + " answered HTTP " + std::to_string(status) +
                    " without a JSON token response to the " + what +
                    "; check OAuth2TokenEndPoint and any proxy in between.",
                status);
  TokenResponse out;
  out.access_token = json->string("access_token").value_or("");
  util::register_secret(out.access_token);
  if (out.access_token.empty())
    throw Error("28000", "The OAuth token endpoint " + url_ + " returned no access_token for the " +
                             what + ".");
  out.refresh_token = json->string("refresh_token").value_or("");
  if (!out.refresh_token.empty()) util::register_secret(out.refresh_token);
  out.scope = json->string("scope").value_or("");
  if (auto expires = json->integer("expires_in"); expires && *expires > 0)
    out.expires_in = std::chrono::seconds(*expires);
  DBSQL_LOG(kInfo, "auth") << "token endpoint issued an access token (" << what << "), valid "
                           << out.expires_in.count() << " s"
                           << (out.refresh_token.empty() ? "" : ", with a refresh token");
  return out;
}

}  // namespace dbsql::auth
