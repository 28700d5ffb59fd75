#pragma once
// The HTTP seam. Everything above (sea/, auth/) talks to HttpClient, so unit tests can
// inject any response or transport failure with a fake. The libcurl implementation lives
// in curl_client.{h,cpp}; the retry policy in retry.{h,cpp}.
#include <atomic>
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
// kDeadline: the time limit of the whole operation (HttpClient::deadline) ran out, as
// opposed to kTimeout, one request's own timeout.
enum class TransportFailure { kConnect, kTls, kTimeout, kDeadline, kCancelled, kDropped, kOther };

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
  using Deadline = std::chrono::steady_clock::time_point;

  virtual ~HttpClient() = default;
  // Performs one request. Returns any HTTP response (including 4xx/5xx); throws
  // TransportError when none arrived. Aborts promptly with kCancelled once `cancel` fires.
  // With a deadline set, a request gets at most the time left and fails with kDeadline
  // after it.
  virtual Response send(const Request& request, const CancelToken* cancel = nullptr) = 0;

  // A time by which every request made until it is cleared must have its answer, retries
  // and their waits included: connect sets it from SQL_ATTR_LOGIN_TIMEOUT, so discovery,
  // the token request and the warehouse check fit in it together.
  void set_deadline(std::optional<Deadline> deadline) {
    deadline_.store(deadline ? deadline->time_since_epoch().count() : kNoDeadline);
  }
  std::optional<Deadline> deadline() const {
    const Deadline::rep ticks = deadline_.load();
    if (ticks == kNoDeadline) return std::nullopt;
    return Deadline(Deadline::duration(ticks));
  }

 private:
  static constexpr Deadline::rep kNoDeadline = 0;
  std::atomic<Deadline::rep> deadline_{kNoDeadline};
};

// The message of a login that ran out of time while `doing` (e.g. "checking the
// warehouse"), with the transport's reason.
inline std::string login_timeout_message(std::string_view doing, std::string_view reason) {
  return "Timeout expired: the login timeout (SQL_ATTR_LOGIN_TIMEOUT) ran out while " +
         std::string(doing) + " (" + std::string(reason) +
         "). Check Host, Port and the network or proxy, or allow a longer login timeout.";
}

}  // namespace dbsql::http
