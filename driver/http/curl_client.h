#pragma once
// HttpClient over libcurl. One CurlClient per connection: it keeps a pool of easy handles
// (each keeps its live connections, so requests reuse keep-alive and TLS sessions) and a
// share of DNS and TLS-session caches between them. send() is thread-safe: every call
// borrows its own handle, so several statements of a connection can run at once.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "http/http_client.h"

namespace dbsql::http {

struct ProxyOptions {
  std::string host;  // name or address, no scheme (http:// proxies only)
  int port = 0;      // 0 = curl's default (1080)
  std::string user;
  std::string password;  // secret
};

struct TransportOptions {
  std::string user_agent;  // default User-Agent; a request's own header wins
  // PEM bundle used instead of the system trust store (TrustedCerts / CAFile).
  std::string ca_file;
  // AllowSelfSignedServerCert: accept a server certificate that is self-signed (or whose
  // chain ends in a self-signed root not in the trust store). Host-name checks, expiry and
  // every other verification still apply.
  bool allow_self_signed = false;
  std::optional<ProxyOptions> proxy;
  std::chrono::milliseconds connect_timeout{30'000};
  // Whole-transfer timeout for requests that do not set their own.
  std::chrono::milliseconds request_timeout{900'000};
  bool http2 = true;  // HTTP/2 over TLS where the server offers it (ALPN)
  // Idle easy handles kept for reuse; more concurrent requests still work, their handles
  // are closed afterwards.
  size_t max_idle_handles = 8;
};

class CurlClient final : public HttpClient {
 public:
  explicit CurlClient(TransportOptions options);
  ~CurlClient() override;
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  Response send(const Request& request, const CancelToken* cancel = nullptr) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dbsql::http
