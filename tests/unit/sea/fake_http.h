#pragma once
// A scripted HttpClient: routes (method + exact URL) answer with handlers, in the order
// they were added, each for a number of times; every request is recorded. Thread-safe,
// since the result stream's prefetch thread sends requests too.
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "http/http_client.h"

namespace dbsql::testing {

class FakeHttp : public http::HttpClient {
 public:
  using Handler = std::function<http::Response(const http::Request&, const CancelToken*)>;

  // Answers `method url` with `handler`, `times` times (-1: always).
  void on(std::string method, std::string url, Handler handler, int times = -1) {
    std::lock_guard lock(mu_);
    routes_.push_back(Route{std::move(method), std::move(url), std::move(handler), times});
  }
  void reply(std::string method, std::string url, long status, std::string body, int times = -1,
             std::vector<http::Header> headers = {}) {
    http::Response response;
    response.status = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    on(
        std::move(method), std::move(url),
        [response](const http::Request&, const CancelToken*) { return response; }, times);
  }

  http::Response send(const http::Request& request, const CancelToken* cancel) override {
    Handler handler;
    {
      std::lock_guard lock(mu_);
      requests_.push_back(request);
      for (Route& route : routes_) {
        if (route.times == 0 || route.method != request.method || route.url != request.url)
          continue;
        if (route.times > 0) --route.times;
        handler = route.handler;
        break;
      }
    }
    if (!handler)
      throw std::logic_error("unexpected request: " + request.method + " " + request.url);
    return handler(request, cancel);
  }

  std::vector<http::Request> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }
  // "METHOD URL" of every request, in order.
  std::vector<std::string> calls() const {
    std::vector<std::string> out;
    for (const auto& r : requests()) out.push_back(r.method + " " + r.url);
    return out;
  }
  int count(const std::string& method, const std::string& url) const {
    int n = 0;
    for (const auto& r : requests()) n += (r.method == method && r.url == url);
    return n;
  }

 private:
  struct Route {
    std::string method;
    std::string url;
    Handler handler;
    int times;
  };
  mutable std::mutex mu_;
  std::vector<Route> routes_;
  std::vector<http::Request> requests_;
};

// The value of a request header (first match, case-sensitive name as sent), or "".
inline std::string header_of(const http::Request& request, const std::string& name) {
  for (const auto& [key, value] : request.headers)
    if (key == name) return value;
  return {};
}

inline bool has_header(const http::Request& request, const std::string& name) {
  for (const auto& header : request.headers)
    if (header.first == name) return true;
  return false;
}

}  // namespace dbsql::testing
