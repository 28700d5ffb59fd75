#pragma once
// The one exception type that crosses layers. Every failure that reaches the application
// becomes a diagnostic record built from an Error: SQLSTATE, a message that says what
// happened and what to do, and a native error (HTTP status, or 0).
#include <stdexcept>
#include <string>

namespace dbsql {

class Error : public std::runtime_error {
 public:
  Error(std::string sqlstate, std::string message, int native_error = 0)
      : std::runtime_error(std::move(message)),
        sqlstate_(std::move(sqlstate)),
        native_error_(native_error) {}

  const std::string& sqlstate() const { return sqlstate_; }
  int native_error() const { return native_error_; }

 private:
  std::string sqlstate_;
  int native_error_;
};

}  // namespace dbsql
