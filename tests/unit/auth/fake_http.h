#pragma once
// A scripted HttpClient for auth tests: answers by URL prefix in order, records every
// request, and can block a request until released (to hold a token fetch in flight).
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "auth/encoding.h"
#include "config/settings.h"
#include "http/http_client.h"
#include "util/error.h"

namespace dbsql::auth::testing {

class FakeHttp : public http::HttpClient {
 public:
  using Handler = std::function<http::Response(const http::Request&)>;

  // Every request whose URL starts with `prefix` is answered by `handler`.
  void on(std::string prefix, Handler handler) {
    std::lock_guard lock(mu_);
    handlers_.emplace_back(std::move(prefix), std::move(handler));
  }
  // Answers for `prefix`, used once each in order; the last one repeats.
  void script(std::string prefix, std::vector<http::Response> responses) {
    auto queue = std::make_shared<std::deque<http::Response>>(responses.begin(), responses.end());
    on(std::move(prefix), [queue](const http::Request&) {
      http::Response r = queue->front();
      if (queue->size() > 1) queue->pop_front();
      return r;
    });
  }

  http::Response send(const http::Request& request, const CancelToken* = nullptr) override {
    Handler handler;
    {
      std::lock_guard lock(mu_);
      requests_.push_back(request);
      for (auto it = handlers_.rbegin(); it != handlers_.rend(); ++it)
        if (request.url.rfind(it->first, 0) == 0) {
          handler = it->second;
          break;
        }
    }
    if (!handler) return http::Response{404, {}, "{}"};
    return handler(request);
  }

  std::vector<http::Request> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }
  size_t count(const std::string& prefix) const {
    std::lock_guard lock(mu_);
    size_t n = 0;
    for (const auto& r : requests_) n += r.url.rfind(prefix, 0) == 0;
    return n;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::pair<std::string, Handler>> handlers_;
  std::vector<http::Request> requests_;
};

inline http::Response json_response(long status, std::string body,
                                    std::vector<http::Header> headers = {}) {
  headers.emplace_back("content-type", "application/json");
  return http::Response{status, std::move(headers), std::move(body)};
}

inline http::Response token_response(const std::string& access, int expires_in = 3600,
                                     const std::string& refresh = "") {
  std::string body = "{\"access_token\":\"" + access +
                     "\",\"token_type\":\"Bearer\",\"expires_in\":" + std::to_string(expires_in);
  if (!refresh.empty()) body += ",\"refresh_token\":\"" + refresh + "\"";
  return json_response(200, body + "}");
}

inline const char* kHost = "example.cloud.databricks.com";
inline const char* kBase = "https://example.cloud.databricks.com";
inline const char* kDiscoveryUrl =
    "https://example.cloud.databricks.com/oidc/.well-known/oauth-authorization-server";
inline const char* kTokenUrl = "https://example.cloud.databricks.com/oidc/v1/token";
inline const char* kAuthorizeUrl = "https://example.cloud.databricks.com/oidc/v1/authorize";

// Settings of a connection to the fake workspace with the given flow and client.
inline config::Settings workspace_settings(config::AuthKind kind, std::string client_id = "",
                                           std::string client_secret = "") {
  config::Settings s;
  s.host = kHost;
  s.auth = kind;
  s.oauth.client_id = std::move(client_id);
  s.oauth.client_secret = std::move(client_secret);
  return s;
}

// The discovery document of a workspace, as recorded from Azure.
inline void serve_discovery(FakeHttp& http) {
  http.script(kDiscoveryUrl,
              {json_response(200, std::string("{\"authorization_endpoint\":\"") + kAuthorizeUrl +
                                      "\",\"token_endpoint\":\"" + kTokenUrl +
                                      "\",\"scopes_supported\":[\"sql\"]}")});
}

// The value of a form field in a request body ("" when absent).
inline std::string form_field(const std::string& body, const std::string& name) {
  auto fields = parse_query(body);
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

// The exception `f` throws, copied out; a test failure when it throws none.
template <class E = Error, class F>
E caught(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  ADD_FAILURE() << "expected an exception";
  if constexpr (std::is_same_v<E, Error>)
    return Error("", "");
  else
    return E("", "", 0);
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A token endpoint that fails every request at the transport level; counts the attempts.
inline void fail_transport(FakeHttp& http, const std::string& url, http::TransportFailure kind,
                           int& calls) {
  http.on(url, [&calls, kind](const http::Request&) -> http::Response {
    ++calls;
    throw http::TransportError(kind, "transport failure " + std::to_string(int(kind)));
  });
}

}  // namespace dbsql::auth::testing
