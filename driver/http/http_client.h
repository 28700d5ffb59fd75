#pragma once
// The HTTP seam. Everything above (sea/, auth/) talks to HttpClient, so unit tests can
// inject any response or transport failure with a fake. The libcurl implementation lives
// in curl_client.{h,cpp}; the retry policy in retry.{h,cpp}.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/cancel.h"

namespace dbsql::http {

using Header = std::pair<std::string, std::string>;

struct Request {
  std::string method = "GET";   // GET, POST, DELETE
  std::string url;              // absolute
  std::vector<Header> headers;  // e.g. Authorization, Content-Type; never logged verbatim
  std::string body;
  // Whole-transfer timeout; zero means the client's default.
  std::chrono::milliseconds timeout{0};
  // True for presigned storage URLs: the URL itself is a secret and is never logged.
  bool url_is_secret = false;
  // Optional: a string whose memory the response body should reuse (it is moved into
  // Response::body and refilled), so a series of large downloads does not fault in fresh
  // pages for every body.
  std::string* response_storage = nullptr;
};

struct Response {
  long status = 0;
  std::vector<Header> headers;  // names lower-cased
  // CurlClient leaves at least 64 bytes of spare capacity after the body, so a parser that
  // needs padding (simdjson) can read it in place.
  std::string body;

  // First header with this (lower-case) name, if any.
  std::optional<std::string_view> header(std::string_view lower_name) const {
    for (const auto& h : headers)
      if (h.first == lower_name) return h.second;
    return std::nullopt;
  }
};

// A transfer that produced no HTTP response at all.
enum class TransportFailure { kConnect, kTls, kTimeout, kCancelled, kDropped, kOther };

class TransportError : public std::runtime_error {
 public:
  TransportError(TransportFailure kind, std::string message)
      : std::runtime_error(std::move(message)), kind_(kind) {}
  TransportFailure kind() const { return kind_; }

 private:
  TransportFailure kind_;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Performs one request. Returns any HTTP response (including 4xx/5xx); throws
  // TransportError when none arrived. Aborts promptly with kCancelled once `cancel` fires.
  virtual Response send(const Request& request, const CancelToken* cancel = nullptr) = 0;
};

}  // namespace dbsql::http
