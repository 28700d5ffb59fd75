#include "stuck_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <string_view>

namespace dbsql::odbc_test {
namespace {

constexpr std::string_view kAnswer =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n"
    "{\"id\":\"0\",\"x\":true}";

// Waits up to `ms` for `fd` to be readable, or for the server to stop.
bool wait_readable(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  return poll(&p, 1, ms) > 0;
}

}  // namespace

StuckServer::StuckServer(Misbehaviour how) : how_(how) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listen_fd_, 16) != 0)
    throw std::runtime_error("bind/listen failed");
  socklen_t len = sizeof addr;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

StuckServer::~StuckServer() {
  stopping_ = true;
  acceptor_.join();
  for (std::thread& t : threads_) t.join();
  for (int fd : client_fds_) close(fd);
  close(listen_fd_);
}

void StuckServer::accept_loop() {
  while (!stopping_) {
    if (!wait_readable(listen_fd_, 50)) continue;
    const int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    ++accepted_;
    std::lock_guard lock(mu_);
    client_fds_.push_back(fd);
    threads_.emplace_back([this, fd] { serve(fd); });
  }
}

void StuckServer::serve(int fd) {
  char buf[4096];
  // The request first, as a real server would read it.
  if (wait_readable(fd, 5000)) (void)!recv(fd, buf, sizeof buf, 0);
  switch (how_) {
    case Misbehaviour::kBlackHole:
      while (!stopping_) {
        if (wait_readable(fd, 50) && recv(fd, buf, sizeof buf, 0) <= 0) return;
      }
      return;
    case Misbehaviour::kSlowDrip:
      for (size_t i = 0; i < kAnswer.size() - 1 && !stopping_; ++i) {
        if (send(fd, kAnswer.data() + i, 1, MSG_NOSIGNAL) != 1) return;
        for (int slice = 0; slice < 20 && !stopping_; ++slice) usleep(50'000);
      }
      return;
    case Misbehaviour::kCloseMidAnswer:
      (void)!send(fd, kAnswer.data(), kAnswer.size() / 3, MSG_NOSIGNAL);
      shutdown(fd, SHUT_RDWR);
      return;
  }
}

}  // namespace dbsql::odbc_test
