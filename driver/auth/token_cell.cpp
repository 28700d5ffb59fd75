#include "auth/token_cell.h"

namespace dbsql::auth {

std::string TokenCell::get(const Renew& renew) {
  return acquire([this](const Token& t) { return !t.usable(clock_()); }, renew, true);
}

std::string TokenCell::renew_rejected(const std::string& rejected, const Renew& renew) {
  return acquire(
      [&](const Token& t) { return t.access_token.empty() || t.access_token == rejected; }, renew,
      false);
}

Token TokenCell::peek() const {
  std::lock_guard lock(mu_);
  return current_;
}

std::string TokenCell::acquire(const std::function<bool(const Token&)>& needs_renewal,
                               const Renew& renew, bool unexpired_will_do) {
  std::unique_lock lock(mu_);
  while (needs_renewal(current_)) {
    if (!in_flight_) {
      in_flight_ = true;
      Token snapshot = current_;
      lock.unlock();
      std::exception_ptr error;
      Token renewed;
      try {
        renewed = renew(snapshot);
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      if (!error) current_ = std::move(renewed);
      last_error_ = error;
      in_flight_ = false;
      ++generation_;
      changed_.notify_all();
      if (error) std::rethrow_exception(error);
      return current_.access_token;
    }
    // Someone else is renewing ahead of expiry; the old token is still good to send.
    if (unexpired_will_do && !current_.access_token.empty() && clock_() < current_.expires_at)
      return current_.access_token;
    const unsigned long waited_for = generation_;
    changed_.wait(lock, [&] { return generation_ != waited_for; });
    if (last_error_) std::rethrow_exception(last_error_);
  }
  return current_.access_token;
}

}  // namespace dbsql::auth
