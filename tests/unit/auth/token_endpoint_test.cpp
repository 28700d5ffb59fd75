#include "auth/token_endpoint.h"

#include <gtest/gtest.h>

#include "fake_http.h"

namespace dbsql::auth {
namespace {

using namespace testing;

struct Recorded {
  std::vector<std::chrono::milliseconds> sleeps;
  TokenEndpointOptions options() {
    TokenEndpointOptions o;
    o.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); };
    return o;
  }
};

std::string header(const http::Request& r, const std::string& name) {
  for (const auto& [n, v] : r.headers)
    if (n == name) return v;
  return "";
}

TEST(TokenEndpoint, ClientCredentialsUsesHttpBasic) {
  FakeHttp http;
  http.script(kTokenUrl, {token_response("tok-1", 1800)});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp-id", "s3cr:et", ClientAuth::kBasic}, rec.options());
  TokenResponse r = ep.client_credentials("all-apis");
  EXPECT_EQ(r.access_token, "tok-1");
  EXPECT_EQ(r.expires_in, std::chrono::seconds(1800));
  ASSERT_EQ(http.requests().size(), 1u);
  auto req = http.requests()[0];
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(header(req, "Content-Type"), "application/x-www-form-urlencoded");
  // base64("sp-id:s3cr%3Aet"): the secret is form-encoded first (RFC 6749 §2.3.1).
  EXPECT_EQ(header(req, "Authorization"), "Basic " + base64_encode("sp-id:s3cr%3Aet"));
  EXPECT_EQ(form_field(req.body, "grant_type"), "client_credentials");
  EXPECT_EQ(form_field(req.body, "scope"), "all-apis");
  EXPECT_EQ(req.body.find("s3cr"), std::string::npos);
  EXPECT_TRUE(rec.sleeps.empty());
}

TEST(TokenEndpoint, PublicClientSendsIdAndVerifierInBody) {
  FakeHttp http;
  http.script(kTokenUrl, {token_response("tok", 3600, "ref-1")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"dbsql-odbc", "", ClientAuth::kNone}, rec.options());
  TokenResponse r = ep.authorization_code("the-code", "the-verifier", "http://127.0.0.1:8020/");
  EXPECT_EQ(r.refresh_token, "ref-1");
  auto req = http.requests()[0];
  EXPECT_EQ(header(req, "Authorization"), "");
  EXPECT_EQ(form_field(req.body, "client_id"), "dbsql-odbc");
  EXPECT_EQ(form_field(req.body, "code"), "the-code");
  EXPECT_EQ(form_field(req.body, "code_verifier"), "the-verifier");
  EXPECT_EQ(form_field(req.body, "redirect_uri"), "http://127.0.0.1:8020/");
  EXPECT_EQ(req.body.find("client_secret"), std::string::npos);
}

TEST(TokenEndpoint, ConfidentialPostClientSendsSecretInBody) {
  FakeHttp http;
  http.script(kTokenUrl, {token_response("tok", 3600, "ref-2")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"app", "sec", ClientAuth::kPost}, rec.options());
  ep.refresh("ref-1");
  auto req = http.requests()[0];
  EXPECT_EQ(form_field(req.body, "grant_type"), "refresh_token");
  EXPECT_EQ(form_field(req.body, "refresh_token"), "ref-1");
  EXPECT_EQ(form_field(req.body, "client_id"), "app");
  EXPECT_EQ(form_field(req.body, "client_secret"), "sec");
}

TEST(TokenEndpoint, OAuthErrorCarriesServerReasonAsInvalidAuthorization) {
  FakeHttp http;
  http.script(
      kTokenUrl,
      {json_response(
          401, R"({"error":"invalid_client","error_description":"invalid secret provided"})")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "wrong-secret", ClientAuth::kBasic}, rec.options());
  auto e = caught<OAuthError>([&] { ep.client_credentials("all-apis"); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_EQ(e.oauth_error(), "invalid_client");
  EXPECT_EQ(e.native_error(), 401);
  EXPECT_TRUE(contains(e.what(), "invalid secret provided"));
  EXPECT_FALSE(contains(e.what(), "wrong-secret"));
  EXPECT_EQ(http.requests().size(), 1u);  // a refusal is never retried
}

TEST(TokenEndpoint, EchoedSecretsAreRedactedFromServerReason) {
  FakeHttp http;
  http.script(
      kTokenUrl,
      {json_response(
          400,
          R"({"error":"invalid_grant","error_description":"refresh token rt-SECRET-1 is revoked"})")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"app", "", ClientAuth::kNone}, rec.options());
  auto e = caught<OAuthError>([&] { ep.refresh("rt-SECRET-1"); });
  EXPECT_EQ(e.oauth_error(), "invalid_grant");
  EXPECT_FALSE(contains(e.what(), "rt-SECRET-1")) << e.what();
  EXPECT_TRUE(contains(e.what(), "***"));
}

TEST(TokenEndpoint, RetriesServerErrorsWithGrowingBoundedBackoff) {
  FakeHttp http;
  http.script(kTokenUrl, {json_response(503, "{}"), json_response(502, "oops"),
                          token_response("after-retries")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "s", ClientAuth::kBasic}, rec.options());
  EXPECT_EQ(ep.client_credentials("all-apis").access_token, "after-retries");
  EXPECT_EQ(http.requests().size(), 3u);
  ASSERT_EQ(rec.sleeps.size(), 2u);
  // Jittered into [d/2, d] around 500 ms, then 1 s.
  EXPECT_GE(rec.sleeps[0].count(), 250);
  EXPECT_LE(rec.sleeps[0].count(), 500);
  EXPECT_GE(rec.sleeps[1].count(), 500);
  EXPECT_LE(rec.sleeps[1].count(), 1000);
}

TEST(TokenEndpoint, GivesUpAfterMaxAttempts) {
  FakeHttp http;
  http.script(kTokenUrl, {json_response(500, "{}")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "s", ClientAuth::kBasic}, rec.options());
  auto e = caught([&] { ep.client_credentials("all-apis"); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_EQ(e.native_error(), 500);
  EXPECT_EQ(http.requests().size(), 4u);
  EXPECT_EQ(rec.sleeps.size(), 3u);
}

TEST(TokenEndpoint, HonoursRetryAfterOn429WithinCap) {
  FakeHttp http;
  http.script(kTokenUrl,
              {json_response(429, "{}", {{"retry-after", "3"}}),
               json_response(429, "{}", {{"retry-after", "86400"}}), token_response("ok")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "s", ClientAuth::kBasic}, rec.options());
  EXPECT_EQ(ep.client_credentials("").access_token, "ok");
  ASSERT_EQ(rec.sleeps.size(), 2u);
  EXPECT_EQ(rec.sleeps[0], std::chrono::seconds(3));
  EXPECT_EQ(rec.sleeps[1], std::chrono::seconds(30));
  EXPECT_EQ(form_field(http.requests()[0].body, "scope"), "");
}

TEST(TokenEndpoint, AuthorizationCodeIsNotResentAfterServerError) {
  FakeHttp http;
  http.script(kTokenUrl, {json_response(500, "{}"), token_response("never")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"app", "", ClientAuth::kNone}, rec.options());
  EXPECT_THROW(ep.authorization_code("c", "v", "http://127.0.0.1:1/"), Error);
  EXPECT_EQ(http.requests().size(), 1u);
}

// Attempts made for one client-credentials request that always fails in transport.
int attempts_on_transport_failure(http::TransportFailure kind, Error* error = nullptr) {
  FakeHttp http;
  int calls = 0;
  fail_transport(http, kTokenUrl, kind, calls);
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "s", ClientAuth::kBasic}, rec.options());
  Error e = caught([&] { ep.client_credentials("all-apis"); });
  if (error) *error = e;
  return calls;
}

TEST(TokenEndpoint, ARetryPastTheLoginDeadlineIsHyt00WithoutWaiting) {
  FakeHttp http;
  http.script(kTokenUrl, {json_response(429, "{}", {{"retry-after", "20"}}), token_response("late")});
  http.set_deadline(http::HttpClient::Deadline::clock::now() + std::chrono::seconds(5));
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "s", ClientAuth::kBasic}, rec.options());
  const Error e = caught([&] { ep.client_credentials("all-apis"); });
  EXPECT_EQ(e.sqlstate(), "HYT00");
  EXPECT_TRUE(contains(e.what(), "login timeout"));
  EXPECT_TRUE(rec.sleeps.empty());
  EXPECT_EQ(http.requests().size(), 1u);
}

TEST(TokenEndpoint, ADeadlineFailureIsHyt00AndNotRetried) {
  Error e("", "");
  EXPECT_EQ(attempts_on_transport_failure(http::TransportFailure::kDeadline, &e), 1);
  EXPECT_EQ(e.sqlstate(), "HYT00");
  EXPECT_TRUE(contains(e.what(), "login timeout"));
}

TEST(TokenEndpoint, TransportFailuresRetriedThenReported) {
  Error e("", "");
  EXPECT_EQ(attempts_on_transport_failure(http::TransportFailure::kConnect, &e), 4);
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_TRUE(contains(e.what(), "transport failure"));
  EXPECT_EQ(attempts_on_transport_failure(http::TransportFailure::kTimeout), 4);
}

TEST(TokenEndpoint, TlsAndCancelFailuresAreNotRetried) {
  EXPECT_EQ(attempts_on_transport_failure(http::TransportFailure::kTls), 1);
  EXPECT_EQ(attempts_on_transport_failure(http::TransportFailure::kCancelled), 1);
}

TEST(TokenEndpoint, NonJsonOrTokenlessAnswersAreClearErrors) {
  FakeHttp http;
  http.script(kTokenUrl, {http::Response{403, {}, "<html>Forbidden</html>"},
                          json_response(200, R"({"token_type":"Bearer"})")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "s", ClientAuth::kBasic}, rec.options());
  auto html = caught([&] { ep.client_credentials("all-apis"); });
  EXPECT_EQ(html.sqlstate(), "28000");
  EXPECT_EQ(html.native_error(), 403);
  auto tokenless = caught([&] { ep.client_credentials("all-apis"); });
  EXPECT_TRUE(contains(tokenless.what(), "no access_token"));
}

TEST(TokenEndpoint, MissingExpiresInMeansOneHour) {
  FakeHttp http;
  http.script(kTokenUrl, {json_response(200, R"({"access_token":"a","expires_in":"120"})"),
                          json_response(200, R"({"access_token":"b"})")});
  Recorded rec;
  TokenEndpoint ep(http, kTokenUrl, {"sp", "s", ClientAuth::kBasic}, rec.options());
  EXPECT_EQ(ep.client_credentials("x").expires_in, std::chrono::seconds(120));
  EXPECT_EQ(ep.client_credentials("x").expires_in, kDefaultLifetime);
}

TEST(Redact, ReplacesEveryOccurrence) {
  EXPECT_EQ(redact("a SECRET and SECRET", {"SECRET", ""}), "a *** and ***");
  EXPECT_EQ(redact("aaaa", {"aa"}), "******");
}

}  // namespace
}  // namespace dbsql::auth
