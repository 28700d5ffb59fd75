#pragma once
// The wire as the ODBC layer sees it: one object per connection that validates the
// warehouse, executes statements and takes a replacement token. The real one wraps
// sea::Client (sea_backend.cpp); unit tests substitute a fake, so the ODBC semantics are
// tested without HTTP.
#include <functional>
#include <memory>
#include <string>

#include "config/settings.h"
#include "sea/client.h"
#include "util/cancel.h"

namespace dbsql::odbc {

class Backend {
 public:
  virtual ~Backend() = default;
  // Proves host, token and warehouse (no SQL). Throws Error 28000 / 08001.
  virtual void validate(const CancelToken* cancel) = 0;
  // Must be safe to call from several threads at once (one statement per thread).
  virtual std::unique_ptr<sea::Execution> execute(const sea::ExecuteRequest& request,
                                                  const CancelToken& cancel) = 0;
  // A new token for a connection signed in with a static token (PAT or pass-through).
  // Throws Error HY024 when the connection uses an OAuth flow that manages its own tokens.
  virtual void replace_token(const std::string& token) = 0;
};

using BackendFactory = std::function<std::unique_ptr<Backend>(const config::Settings&)>;

// The production factory: curl HTTP client, token source for the settings, sea::Client.
std::unique_ptr<Backend> make_sea_backend(const config::Settings& settings);

}  // namespace dbsql::odbc
