#include "util/log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>

#include "util/secrets.h"

namespace dbsql::util {

struct Logger::State {
  std::mutex mu;
  int fd = -1;  // -1: stderr
  std::string path;
};

namespace {

constexpr std::string_view kLevelNames[] = {"OFF",  "FATAL", "ERROR", "WARN",
                                            "INFO", "DEBUG", "TRACE"};

// Short per-thread numbers are easier to follow in a log than opaque thread ids.
int thread_number() {
  static std::atomic<int> next{1};
  thread_local const int number = next.fetch_add(1);
  return number;
}

std::string timestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buf[40];
  const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(millis));
  return buf;
}

void write_all(int fd, const std::string& line) {
  size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a log that cannot be written must not break the driver
    done += static_cast<size_t>(n);
  }
}

}  // namespace

// Never destroyed: threads of the application may still log while the process exits.
Logger& Logger::instance() {
  static Logger* logger = new Logger;
  return *logger;
}

Logger::Logger() : state_(new State) {}

std::optional<std::string> Logger::configure(int level, const std::string& folder) {
  if (level <= 0) return std::nullopt;
  level = std::min(level, static_cast<int>(LogLevel::kTrace));
  State& s = *state_;
  std::optional<std::string> warning;
  {
    std::lock_guard lock(s.mu);
    if (!folder.empty()) {
      const std::filesystem::path path = std::filesystem::path(folder) / kLogFileName;
      if (path.string() != s.path) {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0) {
          warning = "LogPath '" + folder + "' cannot be used (" + std::strerror(errno) +
                    "): the log goes to stderr; set LogPath to a writable folder";
        } else {
          if (s.fd >= 0) ::close(s.fd);
          s.fd = fd;
          s.path = path.string();
        }
      }
    }
  }
  int current = level_.load();
  while (current < level && !level_.compare_exchange_weak(current, level)) {
  }
  return warning;
}

void Logger::reset() {
  level_.store(0);
  State& s = *state_;
  std::lock_guard lock(s.mu);
  if (s.fd >= 0) ::close(s.fd);
  s.fd = -1;
  s.path.clear();
}

std::string Logger::file_path() const {
  State& s = *state_;
  std::lock_guard lock(s.mu);
  return s.path;
}

void Logger::write(LogLevel level, std::string_view component, std::string_view message) {
  if (!enabled(level)) return;
  // Mask before cutting, so a cut can never leave the head of a secret unmasked.
  std::string text = mask_secrets(message.substr(0, 16 * kMaxLogMessage));
  if (text.size() > kMaxLogMessage) {
    const size_t dropped = text.size() - kMaxLogMessage;
    text.resize(kMaxLogMessage);
    text += " ... (" + std::to_string(dropped) + " more bytes)";
  }
  std::string line = timestamp();
  line += " pid=" + std::to_string(::getpid()) + " t" + std::to_string(thread_number()) + " ";
  line += kLevelNames[static_cast<int>(level)];
  line += ' ';
  line += component;
  line += ": ";
  line += text;
  line += '\n';
  State& s = *state_;
  std::lock_guard lock(s.mu);
  write_all(s.fd >= 0 ? s.fd : STDERR_FILENO, line);
}

}  // namespace dbsql::util
