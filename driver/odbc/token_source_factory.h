#pragma once
// Chooses a connection's TokenSource from its settings. The OAuth flows (M2M, U2M) plug in
// here as auth/ provides them.
#include <memory>

#include "auth/token_source.h"
#include "config/settings.h"
#include "http/http_client.h"

namespace dbsql::odbc {

// Throws Error 28000 for a missing token, HYC00 for flows not supported yet.
std::unique_ptr<auth::TokenSource> make_token_source(const config::Settings& settings,
                                                     http::HttpClient& http);

}  // namespace dbsql::odbc
