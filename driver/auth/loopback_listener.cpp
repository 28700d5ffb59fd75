#include "auth/loopback_listener.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <vector>

#include "auth/encoding.h"
#include "util/error.h"

namespace dbsql::auth {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr size_t kMaxRequestBytes = 16 * 1024;
constexpr size_t kMaxConnections = 16;
// A browser may open sockets it never uses (pre-connect); they are dropped after this.
constexpr std::chrono::seconds kIdleConnection{10};
constexpr std::chrono::milliseconds kPollSlice{200};
constexpr int kSendTimeoutSeconds = 5;

void send_all(int fd, const std::string& data) {
  // The page is small; a browser that does not read it within the timeout loses it.
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  timeval tv{kSendTimeoutSeconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

void respond_and_close(int fd, const std::string& status, const std::string& content_type,
                       const std::string& body) {
  send_all(fd, "HTTP/1.1 " + status + "\r\nContent-Type: " + content_type +
                   "\r\nContent-Length: " + std::to_string(body.size()) +
                   "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string result_page(bool signed_in, const std::string& detail) {
  const std::string title = signed_in ? "Signed in" : "Sign-in failed";
  return "<!doctype html><html><head><meta charset=\"utf-8\"><title>dbsql-odbc: " + title +
         "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + title +
         "</h1><p>" + html_escape(detail) + "</p><p>You can close this window.</p></body></html>";
}

struct Connection {
  int fd;
  std::string data;
  SteadyClock::time_point opened;
};

std::string normalized_path(std::string path) {
  return path.empty() ? "/" : path;
}

}  // namespace

RequestLine parse_request_line(std::string_view head) {
  const std::string_view line = head.substr(0, head.find("\r\n"));
  RequestLine r;
  const size_t sp1 = line.find(' ');
  const size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  r.method = std::string(line.substr(0, sp1));
  if (sp2 != std::string_view::npos) r.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  r.path = normalized_path(r.target.substr(0, r.target.find('?')));
  return r;
}

RedirectTarget redirect_target(const config::OAuthSettings& oauth) {
  RedirectTarget t;
  if (oauth.redirect_url.empty()) {
    t.port = oauth.redirect_port;
    return t;
  }
  const std::string& url = oauth.redirect_url;
  auto bad = [&](const std::string& why) {
    return Error("28000", "OAuth2RedirectUrl " + url + " cannot be used: " + why +
                              ". Give an http URL on 127.0.0.1 or localhost, such as "
                              "http://127.0.0.1:8020/, or leave it out.");
  };
  constexpr std::string_view kScheme = "http://";
  if (url.compare(0, kScheme.size(), kScheme) != 0) throw bad("the listener speaks plain http");
  std::string_view rest = std::string_view(url).substr(kScheme.size());
  size_t host_end = rest.find_first_of(":/?#");
  t.host = std::string(rest.substr(0, host_end));
  if (t.host != "127.0.0.1" && t.host != "localhost")
    throw bad("the host must be the loopback address");
  rest = host_end == std::string_view::npos ? std::string_view{} : rest.substr(host_end);
  t.port = 80;
  if (!rest.empty() && rest[0] == ':') {
    size_t digits_end = rest.find_first_of("/?#");
    std::string_view digits = rest.substr(
        1, digits_end == std::string_view::npos ? std::string_view::npos : digits_end - 1);
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), t.port);
    if (r.ec != std::errc() || r.ptr != digits.data() + digits.size() || t.port < 1 ||
        t.port > 65535)
      throw bad("the port is not a number from 1 to 65535");
    rest = digits_end == std::string_view::npos ? std::string_view{} : rest.substr(digits_end);
  }
  // Kept as written ("" stays ""): the authorization server compares the redirect_uri of the
  // request with the registered one character by character.
  t.path = std::string(rest.substr(0, rest.find_first_of("?#")));
  t.fixed_port = true;
  return t;
}

CallbackRequest::CallbackRequest(int fd, std::map<std::string, std::string> params)
    : fd_(fd), params_(std::move(params)) {}

CallbackRequest::~CallbackRequest() {
  if (fd_ >= 0) answer(false, "The driver stopped before the sign-in completed.");
}

std::string CallbackRequest::param(const std::string& name) const {
  auto it = params_.find(name);
  return it == params_.end() ? "" : it->second;
}

void CallbackRequest::answer(bool signed_in, const std::string& detail) {
  if (fd_ < 0) return;
  respond_and_close(fd_, signed_in ? "200 OK" : "400 Bad Request", "text/html; charset=utf-8",
                    result_page(signed_in, detail));
  fd_ = -1;
}

LoopbackListener::LoopbackListener(const RedirectTarget& target) : target_(target) {
  const int attempts = target.fixed_port || target.port == 0 ? 1 : kRedirectPortAttempts;
  int last_errno = 0;
  for (int i = 0; i < attempts && target.port + i <= 65535; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
      throw Error("28000", std::string("Cannot open a socket for the sign-in "
                                       "redirect: ") +
                               std::strerror(errno));
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(target.port == 0 ? 0 : target.port + i));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(fd, 16) == 0) {
      socklen_t len = sizeof addr;
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
      fd_ = fd;
      port_ = ntohs(addr.sin_port);
      return;
    }
    last_errno = errno;
    ::close(fd);
    if (last_errno != EADDRINUSE && last_errno != EACCES) break;
  }
  std::string ports = std::to_string(target.port);
  if (attempts > 1) ports += "-" + std::to_string(std::min(65535, target.port + attempts - 1));
  throw Error("28000", "Cannot listen for the sign-in redirect on 127.0.0.1 port " + ports + ": " +
                           std::strerror(last_errno) +
                           ". Close what uses the port, or choose another with "
                           "OAuth2RedirectUrlPort (0 picks any free port) or OAuth2RedirectUrl.");
}

LoopbackListener::~LoopbackListener() {
  if (fd_ >= 0) ::close(fd_);
}

std::string LoopbackListener::redirect_uri() const {
  return "http://" + target_.host + ":" + std::to_string(port_) + target_.path;
}

std::unique_ptr<CallbackRequest> LoopbackListener::accept(
    SteadyClock::time_point deadline, const std::function<bool()>& keep_waiting) {
  std::vector<Connection> conns;
  auto close_all = [&] {
    for (auto& c : conns) ::close(c.fd);
    conns.clear();
  };
  while (true) {
    const auto now = SteadyClock::now();
    if (now >= deadline || (keep_waiting && !keep_waiting())) {
      close_all();
      return nullptr;
    }
    std::erase_if(conns, [&](const Connection& c) {
      if (now - c.opened < kIdleConnection) return false;
      ::close(c.fd);
      return true;
    });
    std::vector<pollfd> fds{{fd_, POLLIN, 0}};
    for (const auto& c : conns) fds.push_back({c.fd, POLLIN, 0});
    auto slice = std::min<SteadyClock::duration>(kPollSlice, deadline - now);
    int ready =
        ::poll(fds.data(), fds.size(),
               static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(slice).count()));
    if (ready <= 0) continue;
    // Connections first (fds[1..] match conns by index), then new ones.
    for (size_t i = conns.size(); i-- > 0;) {
      if (!(fds[i + 1].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Connection& c = conns[i];
      char buf[4096];
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0) {
        ::close(c.fd);
        conns.erase(conns.begin() + static_cast<long>(i));
        continue;
      }
      c.data.append(buf, static_cast<size_t>(n));
      size_t head_end = c.data.find("\r\n\r\n");
      if (head_end == std::string::npos) {
        if (c.data.size() > kMaxRequestBytes) {
          respond_and_close(c.fd, "431 Request Header Fields Too Large", "text/plain", "");
          conns.erase(conns.begin() + static_cast<long>(i));
        }
        continue;
      }
      // Parsed before erasing the connection, which frees its buffer.
      const RequestLine request = parse_request_line(c.data);
      const int fd = c.fd;
      conns.erase(conns.begin() + static_cast<long>(i));
      if (request.method == "GET" && request.path == normalized_path(target_.path)) {
        close_all();
        return std::make_unique<CallbackRequest>(fd, parse_query(request.target));
      }
      respond_and_close(fd, "404 Not Found", "text/plain", "Not found\n");
    }
    if (fds[0].revents & POLLIN) {
      int fd = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd >= 0) {
        if (conns.size() < kMaxConnections)
          conns.push_back({fd, {}, SteadyClock::now()});
        else
          ::close(fd);
      }
    }
  }
}

}  // namespace dbsql::auth
