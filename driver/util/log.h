#pragma once
// The process-wide driver log (the one piece of global mutable state besides curl's
// global init). LogLevel follows the vendor driver: 0 off, 1 fatal, 2 error, 3 warning,
// 4 info, 5 debug, 6 trace. LogPath names a folder; the log is the file dbsql-odbc.log in
// it, shared by every connection and process (each line is one append), or stderr when
// no folder is given. Every line passes through mask_secrets() before it is written.
//
// Logging is cheap when off: DBSQL_LOG checks the level (one relaxed atomic load) before
// any argument is formatted.
//   DBSQL_LOG(kDebug, "sea") << "poll " << statement_id << " state " << state;
#include <atomic>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace dbsql::util {

enum class LogLevel : int { kOff = 0, kFatal, kError, kWarning, kInfo, kDebug, kTrace };

inline constexpr std::string_view kLogFileName = "dbsql-odbc.log";

// Longest message written; the rest is cut (after masking) and the cut is noted.
inline constexpr size_t kMaxLogMessage = 64 * 1024;

class Logger {
 public:
  static Logger& instance();

  // A connection asks for logging. Several connections share the process-wide log, so
  // the level only rises (the most verbose request wins) and a folder, once given,
  // replaces the previous destination. Level 0 changes nothing. Returns a warning when
  // the folder cannot be used; the log then goes to stderr.
  std::optional<std::string> configure(int level, const std::string& folder);

  // Turns logging off and closes the file (tests, and driver unload).
  void reset();

  bool enabled(LogLevel level) const {
    return level != LogLevel::kOff &&
           static_cast<int>(level) <= level_.load(std::memory_order_relaxed);
  }
  int level() const { return level_.load(std::memory_order_relaxed); }
  // The file being written, or empty for stderr.
  std::string file_path() const;

  void write(LogLevel level, std::string_view component, std::string_view message);

 private:
  Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  std::atomic<int> level_{0};
  struct State;
  State* state_;  // the destination, behind its own mutex
};

inline bool log_enabled(LogLevel level) {
  return Logger::instance().enabled(level);
}

inline void log(LogLevel level, std::string_view component, std::string_view message) {
  if (log_enabled(level)) Logger::instance().write(level, component, message);
}

// Collects one line and writes it when destroyed. Use through DBSQL_LOG.
class LogLine {
 public:
  LogLine(LogLevel level, std::string_view component) : level_(level), component_(component) {}
  ~LogLine() { Logger::instance().write(level_, component_, stream_.str()); }
  std::ostringstream& stream() { return stream_; }

 private:
  LogLevel level_;
  std::string_view component_;
  std::ostringstream stream_;
};

}  // namespace dbsql::util

// The `else` keeps the macro safe inside an unbraced if/else of the caller.
#define DBSQL_LOG(level, component)                                  \
  if (!::dbsql::util::log_enabled(::dbsql::util::LogLevel::level)) { \
  } else                                                             \
    ::dbsql::util::LogLine(::dbsql::util::LogLevel::level, component).stream()
