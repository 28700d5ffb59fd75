#pragma once
// The current token of one TokenSource, renewed by one caller at a time. However many
// statements ask at once, a renewal is a single flight: the first caller runs it, the
// others wait and share its outcome (the new token, or the same error) rather than each
// sending its own request. While a renewal ahead of expiry is in flight, the old token is
// still handed out.
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "auth/token.h"

namespace dbsql::auth {

class TokenCell {
 public:
  // Produces a new token given the current one (empty before the first).
  using Renew = std::function<Token(const Token& current)>;

  explicit TokenCell(Clock clock) : clock_(std::move(clock)) {}

  // A usable token, renewing when needed.
  std::string get(const Renew& renew);
  // The server refused `rejected`: renews unless a newer token is already here. Returns the
  // token to retry with.
  std::string renew_rejected(const std::string& rejected, const Renew& renew);
  // The current token as it is, possibly empty or expired (for tests and diagnostics).
  Token peek() const;

 private:
  // `needs_renewal` is evaluated under the lock each time the cell changes;
  // `unexpired_will_do`: while another caller renews, a token not yet expired may be returned.
  std::string acquire(const std::function<bool(const Token&)>& needs_renewal, const Renew& renew,
                      bool unexpired_will_do);

  Clock clock_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  Token current_;
  bool in_flight_ = false;
  unsigned long generation_ = 0;   // bumped when a flight ends
  std::exception_ptr last_error_;  // outcome of the last flight, shared with its waiters
};

}  // namespace dbsql::auth
