#include "auth/factory.h"

#include <gtest/gtest.h>

#include "auth/browser_token_source.h"
#include "auth/client_credentials.h"
#include "fake_http.h"

namespace dbsql::auth {
namespace {

using namespace testing;

config::Settings with(config::AuthKind kind) {
  return workspace_settings(kind);
}

TEST(Factory, PatAndPassThroughAreStaticAndReplaceable) {
  FakeHttp http;
  for (auto kind : {config::AuthKind::kPat, config::AuthKind::kAccessToken}) {
    auto s = with(kind);
    s.token = "dapi-token";
    auto source = make_token_source(s, http);
    auto* fixed = dynamic_cast<StaticTokenSource*>(source.get());
    ASSERT_TRUE(fixed);
    EXPECT_EQ(source->token(), "dapi-token");
    if (kind == config::AuthKind::kPat) {
      EXPECT_FALSE(source->renew_after_rejection("dapi-token"));
    } else {
      // An expired pass-through token is "token expired", the state BI tools renew on.
      Error e = caught([&] { source->renew_after_rejection("dapi-token"); });
      EXPECT_EQ(e.sqlstate(), "08006");
      EXPECT_TRUE(contains(e.what(), "SQL_DBSQL_ATTR_ACCESS_TOKEN"));
      EXPECT_FALSE(contains(e.what(), "dapi-token"));
    }
    fixed->replace("new-token");
    EXPECT_TRUE(source->renew_after_rejection("dapi-token"));
    EXPECT_EQ(source->token(), "new-token");
  }
  EXPECT_TRUE(http.requests().empty());
}

TEST(Factory, MissingTokenIsRefused) {
  FakeHttp http;
  EXPECT_EQ(caught([&] { make_token_source(with(config::AuthKind::kPat), http); }).sqlstate(),
            "28000");
  Error e = caught([&] { make_token_source(with(config::AuthKind::kAccessToken), http); });
  EXPECT_TRUE(contains(e.what(), "Auth_AccessToken"));
}

TEST(Factory, OAuthFlowsWithoutNetworkIo) {
  FakeHttp http;
  auto m2m = with(config::AuthKind::kClientCredentials);
  m2m.oauth.client_id = "sp";
  m2m.oauth.client_secret = "secret";
  EXPECT_TRUE(dynamic_cast<ClientCredentialsTokenSource*>(make_token_source(m2m, http).get()));
  m2m.oauth.client_secret.clear();
  EXPECT_THROW(make_token_source(m2m, http), Error);
  auto u2m = with(config::AuthKind::kBrowser);
  u2m.oauth.token_cache = false;
  EXPECT_TRUE(dynamic_cast<BrowserTokenSource*>(make_token_source(u2m, http).get()));
  u2m.oauth.redirect_url = "https://example.com/callback";
  EXPECT_EQ(caught([&] { make_token_source(u2m, http); }).sqlstate(), "28000");
  EXPECT_TRUE(http.requests().empty());
}

}  // namespace
}  // namespace dbsql::auth
