#pragma once
// Where a connection's bearer tokens come from: a PAT, a pass-through token, OAuth M2M or
// OAuth U2M. Every request of a connection asks its TokenSource, so refresh happens in
// one place and never mid-statement from the application's point of view.
#include <mutex>
#include <string>

#include "util/error.h"

namespace dbsql::auth {

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // A token valid for at least the refresh margin. Throws Error (28000, or 08006 when a
  // token expired and cannot be renewed) with a message saying how to sign in again.
  virtual std::string token() = 0;
  // The server answered 401 to a request carrying `rejected`. Returns true when a fresh
  // token is now available and the request should be sent once more.
  virtual bool renew_after_rejection(const std::string& rejected) = 0;
};

// A token given by the user: a PAT, or an OAuth access token passed through
// (Auth_Flow=0), which the application may replace on an open connection.
class StaticTokenSource final : public TokenSource {
 public:
  explicit StaticTokenSource(std::string token) : token_(std::move(token)) {}
  std::string token() override {
    std::lock_guard lock(mu_);
    return token_;
  }
  // A replaced token counts as renewed: the request is worth another try.
  bool renew_after_rejection(const std::string& rejected) override {
    std::lock_guard lock(mu_);
    return token_ != rejected;
  }
  void replace(std::string token) {
    std::lock_guard lock(mu_);
    token_ = std::move(token);
  }

 private:
  std::mutex mu_;
  std::string token_;
};

}  // namespace dbsql::auth
