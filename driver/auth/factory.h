#pragma once
// The TokenSource for a connection's Settings: PAT and pass-through tokens (a
// StaticTokenSource the application may replace), OAuth M2M, OAuth U2M.
#include <memory>

#include "auth/token_source.h"
#include "config/settings.h"
#include "http/http_client.h"

namespace dbsql::auth {

// `http` must outlive the returned source. No network I/O happens here: OAuth endpoints are
// discovered and tokens fetched on the first token(). Throws Error 28000 when the settings
// lack what the chosen flow needs (no token, no client id/secret for M2M, a bad
// OAuth2RedirectUrl).
std::unique_ptr<TokenSource> make_token_source(const config::Settings& settings,
                                               http::HttpClient& http);

}  // namespace dbsql::auth
