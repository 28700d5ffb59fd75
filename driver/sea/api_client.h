#pragma once
// Requests to the workspace API with everything they need: base URL, bearer token (renewed
// once after a 401), User-Agent, JSON headers, the retry policy; and downloads of
// presigned links (no Authorization, the link's own headers). Thread-safe.
#include <chrono>
#include <string>
#include <string_view>

#include "auth/token_source.h"
#include "http/http_client.h"
#include "http/retry.h"
#include "sea/client.h"
#include "sea/errors.h"
#include "sea/response.h"

namespace dbsql::sea {

struct ApiCall {
  std::string_view method = "GET";
  std::string path{};  // starting with "/api/"
  std::string body{};  // JSON, or empty
  Operation op = Operation::kPoll;
  http::Replay replay = http::Replay::kIdempotent;
  const CancelToken* cancel = nullptr;
  std::chrono::milliseconds timeout{0};     // 0 = the transport's default
  bool retry = true;                        // false: one attempt (best-effort calls such as close)
  std::string* response_storage = nullptr;  // memory for the body to reuse (http::Request)
};

class ApiClient {
 public:
  ApiClient(http::HttpClient& http, auth::TokenSource& tokens, ClientOptions options);

  const ClientOptions& options() const { return options_; }
  http::Clock& clock() const { return *clock_; }
  // "https://host[:port]", for messages.
  const std::string& origin() const { return origin_; }

  // An authorized request. Returns the final response whatever its status (after
  // retries); throws Error when no response came (08S01, 08001 at connect, HYT01, HY008
  // once the call's cancel token fired) or when no token is available.
  http::Response call(ApiCall call) const;

  // GET of a presigned link: never with Authorization, always with its http_headers.
  // Retried like any idempotent request. Throws Error like call().
  http::Response download(const ExternalLink& link, const CancelToken* cancel,
                          std::string* response_storage = nullptr,
                          std::chrono::milliseconds timeout = std::chrono::milliseconds(0)) const;

 private:
  std::string token_for(Operation op) const;
  http::Response send(const http::Request& request, http::Replay replay, bool retry, Operation op,
                      const CancelToken* cancel, std::string_view origin) const;

  http::HttpClient& http_;
  auth::TokenSource& tokens_;
  ClientOptions options_;
  http::Clock* clock_;
  http::RetryPolicy retry_;
  std::string origin_;
};

}  // namespace dbsql::sea
