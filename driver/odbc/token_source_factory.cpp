#include "odbc/token_source_factory.h"

#include "util/error.h"

namespace dbsql::odbc {

std::unique_ptr<auth::TokenSource> make_token_source(const config::Settings& settings,
                                                     http::HttpClient& /*http*/) {
  switch (settings.auth) {
    case config::AuthKind::kPat:
    case config::AuthKind::kAccessToken:
      if (settings.token.empty())
        throw Error("28000",
                    "No token given: set PWD (with AuthMech=3 and UID=token) to a "
                    "personal access token, or Auth_AccessToken with AuthMech=11 and "
                    "Auth_Flow=0.");
      return std::make_unique<auth::StaticTokenSource>(settings.token);
    case config::AuthKind::kClientCredentials:
      throw Error("HYC00",
                  "OAuth machine-to-machine sign-in (AuthMech=11, Auth_Flow=1) is not "
                  "supported yet by this driver version. Use a personal access token "
                  "(AuthMech=3) or pass an access token (Auth_Flow=0).");
    case config::AuthKind::kBrowser:
      throw Error("HYC00",
                  "OAuth browser sign-in (AuthMech=11, Auth_Flow=2) is not supported "
                  "yet by this driver version. Use a personal access token "
                  "(AuthMech=3) or pass an access token (Auth_Flow=0).");
  }
  throw Error("HY000", "Unknown authentication kind.");
}

}  // namespace dbsql::odbc
