#pragma once
// Where a connection's bearer tokens come from: a PAT, a pass-through token, OAuth M2M or
// OAuth U2M. Every request of a connection asks its TokenSource, so refresh happens in
// one place and never mid-statement from the application's point of view.
#include <mutex>
#include <string>

#include "util/error.h"
#include "util/secrets.h"

namespace dbsql::auth {

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // A token valid for at least the refresh margin. Throws Error (28000, or 08006 when a
  // token expired and cannot be renewed) with a message saying how to sign in again.
  virtual std::string token() = 0;
  // The server answered 401 to a request carrying `rejected`. Returns true when a fresh
  // token is now available and the request should be sent once more; false when the 401
  // stands as it is. May throw Error: 08006 when the token expired and no renewal is
  // possible (the state BI tools react to by signing in again), 28000 when renewal was refused.
  virtual bool renew_after_rejection(const std::string& rejected) = 0;
};

// A token given by the user: a PAT, or an OAuth access token passed through
// (Auth_Flow=0), which the application may replace on an open connection.
class StaticTokenSource final : public TokenSource {
 public:
  enum class Kind {
    kPersonalAccessToken,  // a refused PAT is a plain authentication failure
    kOAuthAccessToken,     // a refused OAuth token has expired: 08006 until replaced
  };
  explicit StaticTokenSource(std::string token, Kind kind = Kind::kPersonalAccessToken)
      : token_(std::move(token)), kind_(kind) {}
  std::string token() override {
    std::lock_guard lock(mu_);
    return token_;
  }
  // A replaced token counts as renewed: the request is worth another try.
  bool renew_after_rejection(const std::string& rejected) override {
    std::lock_guard lock(mu_);
    if (token_ != rejected) return true;
    if (kind_ == Kind::kOAuthAccessToken)
      throw Error("08006",
                  "The OAuth access token passed in Auth_AccessToken was refused: it has expired "
                  "or been revoked. Give the connection a new token (connection attribute "
                  "SQL_DBSQL_ATTR_ACCESS_TOKEN, or SQL_ATTR_CREDENTIALS with Auth_AccessToken=... "
                  "then SQL_ATTR_REFRESH_CONNECTION) and run the statement again.",
                  401);
    return false;
  }
  // Requests that start after this carry `token`, those of open statements included.
  void replace(std::string token) {
    util::register_secret(token);  // it may show up in a server's error text
    std::lock_guard lock(mu_);
    token_ = std::move(token);
  }

 private:
  std::mutex mu_;
  std::string token_;
  const Kind kind_;
};

}  // namespace dbsql::auth
