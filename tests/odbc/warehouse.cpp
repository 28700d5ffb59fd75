#include "warehouse.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace dbsql::odbc_test {
namespace {

std::string unescape_json_string(std::string_view s, std::size_t& pos) {
  std::string out;
  while (pos < s.size() && s[pos] != '"') {
    char c = s[pos++];
    if (c != '\\' || pos >= s.size()) {
      out += c;
      continue;
    }
    char e = s[pos++];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        // Start-up fields are ASCII; keep BMP code points as UTF-8 anyway.
        unsigned cp = std::stoul(std::string(s.substr(pos, 4)), nullptr, 16);
        pos += 4;
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default:
        out += e;  // \" \\ \/
    }
  }
  return out;
}

std::filesystem::path make_temp_dir(const char* prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + prefix + "XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed: " + pattern);
  return buf.data();
}

std::string read_line(int fd, std::chrono::seconds timeout, pid_t pid) {
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("the warehouse did not start in time");
    pollfd p{fd, POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) continue;
    char c;
    ssize_t n = read(fd, &c, 1);
    if (n <= 0) {
      int status = 0;
      waitpid(pid, &status, WNOHANG);
      throw std::runtime_error("the warehouse exited before printing its start-up line");
    }
    if (c == '\n') return line;
    line += c;
  }
}

}  // namespace

std::string json_field(std::string_view json, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  std::size_t pos = 0;
  while ((pos = json.find(quoted, pos)) != std::string_view::npos) {
    pos += quoted.size();
    while (pos < json.size() && (json[pos] == ' ' || json[pos] == '\t')) ++pos;
    if (pos >= json.size() || json[pos] != ':') continue;  // the text was a value, not a key
    ++pos;
    while (pos < json.size() && (json[pos] == ' ' || json[pos] == '\t')) ++pos;
    if (pos < json.size() && json[pos] == '"') {
      ++pos;
      return unescape_json_string(json, pos);
    }
    std::size_t end = json.find_first_of(",}", pos);
    std::string_view raw = json.substr(pos, end == std::string_view::npos ? end : end - pos);
    while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
    return raw == "null" ? std::string() : std::string(raw);
  }
  return {};
}

std::unique_ptr<Warehouse> Warehouse::start(const WarehouseOptions& options) {
  std::unique_ptr<Warehouse> w(new Warehouse());
  w->tls_ = options.tls;
  w->driver_path_ = options.driver_path;
  w->data_dir_ = make_temp_dir("dbsql-warehouse-");
  w->log_file_ = w->data_dir_ / "warehouse.log";

  const char* node_env = std::getenv("DBSQL_NODE");
  std::string node = node_env && *node_env ? node_env : "node";
  std::vector<std::string> args = {
      node,         options.server_dir + "/server.mjs", "--port", "0", "--storage-port", "0",
      "--data-dir", (w->data_dir_ / "data").string()};
  if (options.tls) args.push_back("--tls");
  if (options.faults) args.push_back("--faults");
  if (options.rows_per_chunk > 0) {
    args.push_back("--rows-per-chunk");
    args.push_back(std::to_string(options.rows_per_chunk));
  }
  args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());

  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  int log_fd = open(w->log_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (log_fd < 0) throw std::runtime_error("cannot create " + w->log_file_.string());

  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // A sanitizer runtime preloaded for the test must not leak into node.
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "LD_PRELOAD=", 11) != 0) envp.push_back(*e);
  }
  envp.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // The warehouse must not outlive a test that crashes.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    dup2(out[1], STDOUT_FILENO);
    dup2(log_fd, STDERR_FILENO);
    execvpe(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(out[1]);
  close(log_fd);
  w->pid_ = pid;
  // The pipe stays open until the process is stopped, so a stray stdout write never
  // kills the server with EPIPE.
  w->stdout_fd_ = out[0];
  try {
    w->line_ = read_line(out[0], options.start_timeout, pid);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string(e.what()) + "; its log ends with:\n" + w->log_tail());
  }
  std::string host = w->field("host");
  auto colon = host.rfind(':');
  if (colon == std::string::npos) throw std::runtime_error("start-up line has no host:port");
  w->host_name_ = host.substr(0, colon);
  w->port_ = std::stoi(host.substr(colon + 1));
  return w;
}

Warehouse::~Warehouse() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    bool exited = false;
    for (int i = 0; i < 200 && !exited; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_)
        exited = true;
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!exited) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
  std::error_code ec;
  if (!std::getenv("DBSQL_KEEP_WAREHOUSE_DATA")) std::filesystem::remove_all(data_dir_, ec);
}

std::string Warehouse::location_keys() const {
  std::string s =
      "Host=" + host_name_ + ";Port=" + std::to_string(port_) + ";HTTPPath=" + http_path() + ";";
  if (tls_) {
    s += "SSL=1;TrustedCerts=" + ca_file() + ";";
  } else {
    s += "SSL=0;";
  }
  return s;
}

std::string Warehouse::connection_string(std::string_view extra) const {
  std::string s = "Driver=" + driver_path_ + ";" + location_keys() + "AuthMech=3;UID=token;PWD=" +
                  pat() + ";" + std::string(extra);
  // Under ctest every suite logs at the most verbose level into one folder, which
  // VerboseLogs checks for secrets after the whole run. Last, so a suite's own log keys win.
  if (const char* dir = std::getenv("DBSQL_TEST_LOG_DIR"); dir && *dir)
    s += ";LogLevel=6;LogPath={" + std::string(dir) + "};";
  return s;
}

std::string Warehouse::log_tail(std::size_t max_bytes) const {
  std::ifstream in(log_file_);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  return all.size() > max_bytes ? all.substr(all.size() - max_bytes) : all;
}

int unused_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

}  // namespace dbsql::odbc_test
