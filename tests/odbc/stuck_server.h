#pragma once
// A loopback TCP server that misbehaves the ways a stuck proxy or gateway does, for the
// deadline tests: it accepts connections and then never answers, answers one byte a
// second, or sends half an answer and closes. Real sockets, so the driver's whole
// transport (curl, its timeouts, the retries) is what is tested.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace dbsql::odbc_test {

enum class Misbehaviour {
  kBlackHole,      // accepts, reads, never writes
  kSlowDrip,       // a plausible HTTP answer, one byte per second, never finished
  kCloseMidAnswer  // the status line and half the headers, then closes
};

class StuckServer {
 public:
  explicit StuckServer(Misbehaviour how);
  ~StuckServer();  // closes every connection and joins the threads
  StuckServer(const StuckServer&) = delete;
  StuckServer& operator=(const StuckServer&) = delete;

  int port() const { return port_; }
  // Connections accepted so far.
  int accepted() const { return accepted_.load(); }

 private:
  void accept_loop();
  void serve(int fd);

  Misbehaviour how_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::mutex mu_;
  std::vector<int> client_fds_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

}  // namespace dbsql::odbc_test
