#pragma once
// The test in the browser's place: plain-socket HTTP GETs to the driver's loopback listener,
// and an OpenUrl that follows the authorization URL the way a signed-in browser would.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "auth/browser_sign_in.h"
#include "auth/encoding.h"

namespace dbsql::auth::testing {

struct HttpResult {
  int status = 0;  // 0: nothing answered
  std::string body;
};

// GET http://127.0.0.1:<port><target>; reads until the server closes.
inline HttpResult http_get(int port, const std::string& target) {
  HttpResult result;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return result;
  }
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nUser-Agent: test\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string response;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) response.append(buf, static_cast<size_t>(n));
  ::close(fd);
  if (response.rfind("HTTP/1.1 ", 0) == 0) result.status = std::stoi(response.substr(9, 3));
  if (auto body = response.find("\r\n\r\n"); body != std::string::npos)
    result.body = response.substr(body + 4);
  return result;
}

// Splits http://127.0.0.1:<port><path> into port and path.
inline std::pair<int, std::string> loopback_port_and_path(const std::string& uri) {
  auto colon = uri.find(':', 7);
  auto slash = uri.find('/', colon);
  return {std::stoi(uri.substr(colon + 1, slash - colon - 1)),
          slash == std::string::npos ? "/" : uri.substr(slash)};
}

class FakeBrowser {
 public:
  enum class Act { kApprove, kWrongState, kDeny, kIgnore };

  ~FakeBrowser() { join(); }

  Act act = Act::kApprove;
  std::string code = "the-authorization-code";
  // How long the person takes to sign in.
  std::chrono::milliseconds think{0};

  // What the driver asked for, and what the listener answered.
  std::atomic<int> opened{0};
  std::map<std::string, std::string> authorize_params;
  HttpResult answer;

  OpenUrl opener() {
    return [this](const std::string& url) -> std::unique_ptr<BrowserProcess> {
      join();
      ++opened;
      authorize_params = parse_query(url);
      if (act == Act::kIgnore) return nullptr;
      auto [port, path] = loopback_port_and_path(authorize_params["redirect_uri"]);
      std::string query =
          act == Act::kDeny
              ? "error=access_denied&error_description=" + url_encode("The user denied the request")
              : "code=" + url_encode(code) + "&state=" +
                    url_encode(act == Act::kWrongState ? "forged" : authorize_params["state"]);
      thread_ = std::thread([this, port, path, query] {
        std::this_thread::sleep_for(think);
        http_get(port, "/favicon.ico");  // browsers ask; it must not count as the redirect
        answer = http_get(port, path + "?" + query);
      });
      return nullptr;
    };
  }

  void join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

}  // namespace dbsql::auth::testing
