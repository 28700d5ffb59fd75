#include "auth/discovery.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fake_http.h"
#include "util/error.h"

namespace dbsql::auth {
namespace {

using namespace testing;

config::Settings m2m_settings() {
  return workspace_settings(config::AuthKind::kClientCredentials);
}

// The response body of a recorded exchange: the object after "body": inside "response".
std::string recorded_body(const std::string& file) {
  std::ifstream in(std::string(DBSQL_RECORDED_DIR) + "/" + file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  size_t start = text.find("\"body\"", text.find("\"response\""));
  start = text.find('{', start);
  int depth = 0;
  size_t end = start;
  for (; end < text.size(); ++end) {
    if (text[end] == '{') ++depth;
    if (text[end] == '}' && --depth == 0) break;
  }
  return text.substr(start, end - start + 1);
}

TEST(Discovery, ReadsRecordedAzureDocument) {
  FakeHttp http;
  std::string body = recorded_body("oidc-discovery-azure.json");
  ASSERT_FALSE(body.empty());
  http.script(kDiscoveryUrl, {json_response(200, body)});
  auto s = m2m_settings();
  s.auth = config::AuthKind::kBrowser;
  OAuthEndpoints ep = resolve_endpoints(s, http);
  EXPECT_EQ(ep.token_endpoint, "https://adb-3989642981527262.2.azuredatabricks.net/oidc/v1/token");
  EXPECT_EQ(ep.authorization_endpoint,
            "https://adb-3989642981527262.2.azuredatabricks.net/oidc/v1/authorize");
  ASSERT_EQ(http.requests().size(), 1u);
  EXPECT_EQ(http.requests()[0].method, "GET");
  EXPECT_EQ(http.requests()[0].url, kDiscoveryUrl);
}

TEST(Discovery, UsesPortAndSchemeOfSettings) {
  FakeHttp http;
  http.script("http://127.0.0.1:8123/oidc/.well-known/oauth-authorization-server",
              {json_response(200, R"({"token_endpoint":"http://127.0.0.1:8123/oidc/v1/token"})")});
  auto s = m2m_settings();
  s.host = "127.0.0.1";
  s.port = 8123;
  s.ssl = false;
  EXPECT_EQ(resolve_endpoints(s, http).token_endpoint, "http://127.0.0.1:8123/oidc/v1/token");
}

TEST(Discovery, OverridesSkipTheRequest) {
  FakeHttp http;
  auto s = m2m_settings();
  s.auth = config::AuthKind::kBrowser;
  s.oauth.token_endpoint = "https://idp.example/token";
  s.oauth.authorization_endpoint = "https://idp.example/authorize";
  OAuthEndpoints ep = resolve_endpoints(s, http);
  EXPECT_EQ(ep.token_endpoint, "https://idp.example/token");
  EXPECT_EQ(ep.authorization_endpoint, "https://idp.example/authorize");
  EXPECT_TRUE(http.requests().empty());
}

TEST(Discovery, TokenEndpointOverrideIsEnoughForM2M) {
  FakeHttp http;
  auto s = m2m_settings();
  s.oauth.token_endpoint = "https://accounts.example/oidc/accounts/1/v1/token";
  EXPECT_EQ(resolve_endpoints(s, http).token_endpoint, s.oauth.token_endpoint);
  EXPECT_TRUE(http.requests().empty());
}

TEST(Discovery, OneOverrideWithDiscoveryForTheOther) {
  FakeHttp http;
  serve_discovery(http);
  auto s = m2m_settings();
  s.auth = config::AuthKind::kBrowser;
  s.oauth.token_endpoint = "https://idp.example/token";
  OAuthEndpoints ep = resolve_endpoints(s, http);
  EXPECT_EQ(ep.token_endpoint, "https://idp.example/token");
  EXPECT_EQ(ep.authorization_endpoint, kAuthorizeUrl);
}

TEST(Discovery, NotFoundMeansOAuthIsNotEnabled) {
  FakeHttp http;
  http.script(kDiscoveryUrl, {http::Response{404, {}, "Not Found"}});
  try {
    resolve_endpoints(m2m_settings(), http);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "28000");
    EXPECT_EQ(e.native_error(), 404);
    EXPECT_NE(std::string(e.what()).find("OAuth is not enabled for this host"), std::string::npos);
  }
}

TEST(Discovery, UnusableDocumentsAndTransportFailures) {
  FakeHttp http;
  http.script(kDiscoveryUrl,
              {http::Response{200, {}, "<html/>"}, json_response(200, R"({"issuer":"x"})"),
               http::Response{503, {}, ""}});
  EXPECT_THROW(resolve_endpoints(m2m_settings(), http), Error);
  EXPECT_THROW(resolve_endpoints(m2m_settings(), http), Error);
  try {
    resolve_endpoints(m2m_settings(), http);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "08001");
  }
  FakeHttp down;
  down.on(kDiscoveryUrl, [](const http::Request&) -> http::Response {
    throw http::TransportError(http::TransportFailure::kConnect, "could not resolve host");
  });
  try {
    resolve_endpoints(m2m_settings(), down);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "08001");
    EXPECT_NE(std::string(e.what()).find("could not resolve host"), std::string::npos);
  }
  FakeHttp stuck;
  stuck.on(kDiscoveryUrl, [](const http::Request&) -> http::Response {
    throw http::TransportError(http::TransportFailure::kDeadline, "no time was left");
  });
  const Error late = caught([&] { resolve_endpoints(m2m_settings(), stuck); });
  EXPECT_EQ(late.sqlstate(), "HYT00");
  EXPECT_NE(std::string(late.what()).find("login timeout"), std::string::npos);
}

TEST(Discovery, BrowserFlowNeedsAnAuthorizationEndpoint) {
  FakeHttp http;
  http.script(kDiscoveryUrl, {json_response(200, R"({"token_endpoint":"https://t"})")});
  auto s = m2m_settings();
  s.auth = config::AuthKind::kBrowser;
  EXPECT_THROW(resolve_endpoints(s, http), Error);
}

TEST(Discovery, ACacheReadsTheDocumentOnceAndKeepsNoFailure) {
  FakeHttp http;
  http.script(kDiscoveryUrl, {json_response(503, "{}"),
                              json_response(200, R"({"token_endpoint":"https://t.example/a"})"),
                              json_response(200, R"({"token_endpoint":"https://t.example/b"})")});
  DiscoveryCache cache;
  EXPECT_THROW(resolve_endpoints(m2m_settings(), http, &cache), Error);
  EXPECT_EQ(resolve_endpoints(m2m_settings(), http, &cache).token_endpoint, "https://t.example/a");
  EXPECT_EQ(resolve_endpoints(m2m_settings(), http, &cache).token_endpoint, "https://t.example/a");
  EXPECT_EQ(http.requests().size(), 2u);
  // Without the cache every call asks again.
  EXPECT_EQ(resolve_endpoints(m2m_settings(), http).token_endpoint, "https://t.example/b");
}

}  // namespace
}  // namespace dbsql::auth
