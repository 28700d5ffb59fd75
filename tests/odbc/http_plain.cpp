#include "http_plain.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace dbsql::odbc_test {
namespace {

struct Socket {
  int fd = -1;
  ~Socket() {
    if (fd >= 0) close(fd);
  }
};

void send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("http_plain: send failed");
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Decodes a "Transfer-Encoding: chunked" body.
std::string unchunk(std::string_view body) {
  std::string out;
  while (!body.empty()) {
    auto eol = body.find("\r\n");
    if (eol == std::string_view::npos) break;
    std::size_t size = std::stoul(std::string(body.substr(0, eol)), nullptr, 16);
    if (size == 0) break;
    out.append(body.substr(eol + 2, size));
    body.remove_prefix(std::min(body.size(), eol + 2 + size + 2));
  }
  return out;
}

}  // namespace

HttpResult http_plain(const std::string& host, int port, std::string_view method,
                      std::string_view path, std::string_view body, std::string_view bearer) {
  Socket s;
  s.fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1) {
    throw std::runtime_error("http_plain: not an IPv4 address: " + host);
  }
  if (connect(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("http_plain: cannot connect to " + host + ":" + std::to_string(port));
  }
  std::string request = std::string(method) + " " + std::string(path) +
                        " HTTP/1.1\r\nHost: " + host + ":" + std::to_string(port) +
                        "\r\nConnection: close\r\n";
  if (!bearer.empty()) request += "Authorization: Bearer " + std::string(bearer) + "\r\n";
  if (!body.empty()) {
    request +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  } else if (method == "POST" || method == "PUT") {
    request += "Content-Length: 0\r\n";
  }
  request += "\r\n";
  request += body;
  send_all(s.fd, request);

  std::string response;
  char buf[8192];
  ssize_t n;
  while ((n = recv(s.fd, buf, sizeof buf, 0)) > 0)
    response.append(buf, static_cast<std::size_t>(n));

  HttpResult result;
  auto header_end = response.find("\r\n\r\n");
  if (response.compare(0, 5, "HTTP/") != 0 || header_end == std::string::npos) {
    throw std::runtime_error("http_plain: malformed response");
  }
  result.status = std::stoi(response.substr(response.find(' ') + 1, 3));
  std::string headers = response.substr(0, header_end);
  for (auto& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  result.body = response.substr(header_end + 4);
  if (headers.find("transfer-encoding: chunked") != std::string::npos) {
    result.body = unchunk(result.body);
  }
  return result;
}

}  // namespace dbsql::odbc_test
