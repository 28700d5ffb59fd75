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
  // The server's statement the failure belongs to, when there is one: it becomes the
  // diagnostic record's statement id, so a support ticket can name the query.
  const std::string& statement_id() const { return statement_id_; }
  Error&& for_statement(std::string statement_id) && {
    statement_id_ = std::move(statement_id);
    return std::move(*this);
  }

 private:
  std::string sqlstate_;
  int native_error_;
  std::string statement_id_;
};

}  // namespace dbsql
