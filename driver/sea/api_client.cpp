#include "sea/api_client.h"

namespace dbsql::sea {

ApiClient::ApiClient(http::HttpClient& http, auth::TokenSource& tokens, ClientOptions options)
    : http_(http),
      tokens_(tokens),
      options_(std::move(options)),
      clock_(options_.clock ? options_.clock : &http::system_clock()),
      origin_(origin_of(options_.base_url)) {
  while (!options_.base_url.empty() && options_.base_url.back() == '/')
    options_.base_url.pop_back();
  retry_.budget = options_.retry_budget;
}

http::Response ApiClient::call(ApiCall call) const {
  http::Request request;
  request.method = std::string(call.method);
  request.url = options_.base_url + call.path;
  request.timeout = call.timeout;
  request.response_storage = call.response_storage;
  request.body = std::move(call.body);
  request.headers.emplace_back("Accept", "application/json");
  if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  if (!options_.user_agent.empty()) request.headers.emplace_back("User-Agent", options_.user_agent);

  std::string token = token_for(call.op);
  request.headers.emplace_back("Authorization", "Bearer " + token);
  http::Response response = send(request, call.replay, call.retry, call.op, call.cancel, origin_);
  // A token may expire between two requests; the source decides whether a new one exists.
  if (response.status == 401 && tokens_.renew_after_rejection(token)) {
    token = token_for(call.op);
    request.headers.back().second = "Bearer " + token;
    response = send(request, call.replay, call.retry, call.op, call.cancel, origin_);
  }
  return response;
}

std::string ApiClient::token_for(Operation op) const {
  try {
    return tokens_.token();
  } catch (const Error& e) {
    // The sign-in layer reports an unreachable identity provider as a failure to connect
    // (08001). Once connected, a token that cannot be renewed cuts the statement off from
    // the service: the link failure of SQLExecDirect and SQLFetch (08S01).
    if (op == Operation::kConnect || e.sqlstate() != "08001") throw;
    throw Error("08S01", e.what(), e.native_error());
  }
}

http::Response ApiClient::download(const ExternalLink& link, const CancelToken* cancel,
                                   std::string* response_storage,
                                   std::chrono::milliseconds timeout) const {
  http::Request request;
  request.timeout = timeout;
  request.response_storage = response_storage;
  request.method = "GET";
  request.url = link.url;
  request.url_is_secret = true;
  request.headers = link.http_headers;
  return send(request, http::Replay::kIdempotent, true, Operation::kDownload, cancel,
              origin_of(link.url));
}

http::Response ApiClient::send(const http::Request& request, http::Replay replay, bool retry,
                               Operation op, const CancelToken* cancel,
                               std::string_view origin) const {
  static const http::RetryPolicy kOnce{.budget = std::chrono::milliseconds(0),
                                       .max_transport_retries = 0};
  try {
    return http::send_with_retry(http_, request, replay, retry ? retry_ : kOnce, *clock_, cancel);
  } catch (const http::TransportError& error) {
    throw transport_error(error, op, origin);
  }
}

}  // namespace dbsql::sea
