#include "local_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <stdexcept>

namespace dbsql::testing {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const char* reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 401:
      return "Unauthorized";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

// One accepted connection, plain or TLS.
class Connection {
 public:
  Connection(int fd, SSL* ssl) : fd_(fd), ssl_(ssl) {}
  ~Connection() {
    if (ssl_) {
      SSL_shutdown(ssl_);
      SSL_free(ssl_);
    }
    close(fd_);
  }
  // Waits for data while the server runs; false on EOF, error or shutdown.
  bool read_some(std::string& into, const std::atomic<bool>& stopping) {
    char buf[16384];
    for (;;) {
      if (stopping) return false;
      if (!ssl_ || SSL_pending(ssl_) == 0) {
        pollfd p{fd_, POLLIN, 0};
        const int ready = poll(&p, 1, 50);
        if (ready < 0) return false;
        if (ready == 0) continue;
      }
      const int n =
          ssl_ ? SSL_read(ssl_, buf, sizeof buf) : static_cast<int>(::read(fd_, buf, sizeof buf));
      if (n <= 0) return false;
      into.append(buf, static_cast<size_t>(n));
      return true;
    }
  }
  void write_all(const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
      const int n = ssl_ ? SSL_write(ssl_, data.data() + done, static_cast<int>(data.size() - done))
                         : static_cast<int>(::write(fd_, data.data() + done, data.size() - done));
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
  }

 private:
  int fd_;
  SSL* ssl_;
};

bool read_request(Connection& conn, std::string& buffer, ServerRequest& request,
                  const std::atomic<bool>& stopping) {
  size_t end;
  while ((end = buffer.find("\r\n\r\n")) == std::string::npos)
    if (!conn.read_some(buffer, stopping)) return false;
  const std::string head = buffer.substr(0, end);
  buffer.erase(0, end + 4);
  size_t line_end = head.find("\r\n");
  const std::string first = head.substr(0, line_end);
  const size_t sp1 = first.find(' '), sp2 = first.rfind(' ');
  request = ServerRequest{};
  request.method = first.substr(0, sp1);
  request.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
  while (line_end != std::string::npos) {
    const size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    const std::string line = head.substr(start, line_end - start);
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t value = colon + 1;
    while (value < line.size() && line[value] == ' ') ++value;
    request.headers[lower(line.substr(0, colon))] = line.substr(value);
  }
  size_t length = 0;
  if (auto it = request.headers.find("content-length"); it != request.headers.end())
    length = std::stoul(it->second);
  while (buffer.size() < length)
    if (!conn.read_some(buffer, stopping)) return false;
  request.body = buffer.substr(0, length);
  buffer.erase(0, length);
  return true;
}

std::string render(const ServerReply& reply) {
  std::string out =
      "HTTP/1.1 " + std::to_string(reply.status) + " " + reason(reply.status) + "\r\n";
  out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
  for (const auto& [name, value] : reply.headers) out += name + ": " + value + "\r\n";
  return out + "\r\n" + reply.body;
}

}  // namespace

struct LocalServer::Tls {
  SSL_CTX* ctx = nullptr;
  ~Tls() { SSL_CTX_free(ctx); }
};

namespace {

// A fresh P-256 key and self-signed certificate; writes the certificate to `pem_path`.
SSL_CTX* make_tls_context(const TlsIdentity& identity, const std::string& pem_path) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(identity.common_name.c_str()),
                             -1, -1, 0);
  X509_set_issuer_name(cert, name);
  const std::string san =
      identity.ip_san ? "DNS:localhost,IP:127.0.0.1" : "DNS:" + identity.common_name;
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &v3, NID_subject_alt_name, san.c_str());
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
  X509_sign(cert, key, EVP_sha256());

  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  SSL_CTX_use_certificate(ctx, cert);
  SSL_CTX_use_PrivateKey(ctx, key);
  if (FILE* f = std::fopen(pem_path.c_str(), "w")) {
    PEM_write_X509(f, cert);
    std::fclose(f);
  }
  X509_free(cert);
  EVP_PKEY_free(key);
  return ctx;
}

}  // namespace

LocalServer::LocalServer(Handler handler, std::unique_ptr<TlsIdentity> tls)
    : handler_(std::move(handler)) {
  // Answering a client that already hung up must not kill the test program.
  std::signal(SIGPIPE, SIG_IGN);
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listen_fd_, 64) != 0)
    throw std::runtime_error("local server: cannot listen");
  socklen_t len = sizeof addr;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  if (tls) {
    cert_file_ =
        "/tmp/dbsql-unit-http-" + std::to_string(getpid()) + "-" + std::to_string(port_) + ".pem";
    tls_ = std::make_unique<Tls>();
    tls_->ctx = make_tls_context(*tls, cert_file_);
  }
  thread_ = std::thread([this] { serve(); });
}

LocalServer::~LocalServer() {
  stopping_ = true;
  thread_.join();
  for (auto& worker : workers_) worker.join();
  close(listen_fd_);
  if (!cert_file_.empty()) std::remove(cert_file_.c_str());
}

std::string LocalServer::url(const std::string& path) const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + path;
}

void LocalServer::serve() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    ++accepted_;
    workers_.emplace_back([this, fd] { handle_connection(fd); });
  }
}

void LocalServer::handle_connection(int fd) {
  SSL* ssl = nullptr;
  if (tls_) {
    ssl = SSL_new(tls_->ctx);
    SSL_set_fd(ssl, fd);
    if (SSL_accept(ssl) <= 0) {  // the client refused our certificate
      SSL_free(ssl);
      close(fd);
      return;
    }
  }
  Connection conn(fd, ssl);
  std::string buffer;
  ServerRequest request;
  while (read_request(conn, buffer, request, stopping_)) {
    const ServerReply reply = handler_(request);
    if (reply.drop) return;
    conn.write_all(render(reply));
  }
}

}  // namespace dbsql::testing
