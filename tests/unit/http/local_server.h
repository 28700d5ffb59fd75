#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 (optionally over TLS with a certificate made at
// start-up) so the libcurl client is tested against real sockets: keep-alive, headers,
// methods, cancellation, timeouts, dropped connections and certificate checks.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace dbsql::testing {

struct ServerRequest {
  std::string method;
  std::string target;                          // path and query
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct ServerReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool drop = false;  // close the connection without answering
};

struct TlsIdentity {
  std::string common_name = "localhost";
  bool ip_san = true;  // add IP:127.0.0.1 and DNS:localhost as subject alternative names
};

class LocalServer {
 public:
  using Handler = std::function<ServerReply(const ServerRequest&)>;
  // Plain HTTP, or HTTPS with a fresh self-signed certificate when `tls` is given.
  explicit LocalServer(Handler handler, std::unique_ptr<TlsIdentity> tls = nullptr);
  ~LocalServer();

  int port() const { return port_; }
  std::string url(const std::string& path) const;
  // PEM file of the server certificate (TLS only), usable as a CA file.
  const std::string& cert_file() const { return cert_file_; }
  int connections_accepted() const { return accepted_.load(); }

 private:
  void serve();
  void handle_connection(int fd);

  Handler handler_;
  struct Tls;
  std::unique_ptr<Tls> tls_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::string cert_file_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::thread thread_;
  std::vector<std::thread> workers_;
};

}  // namespace dbsql::testing
