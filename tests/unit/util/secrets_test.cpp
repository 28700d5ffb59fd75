#include "util/secrets.h"

#include <gtest/gtest.h>

#include <string>

namespace dbsql::util {
namespace {

class SecretsTest : public ::testing::Test {
 protected:
  void SetUp() override { clear_registered_secrets(); }
  void TearDown() override { clear_registered_secrets(); }
};

// The secret must be gone and the text around it kept.
void expect_hidden(const std::string& text, const std::string& secret, const std::string& kept) {
  const std::string masked = mask_secrets(text);
  EXPECT_EQ(masked.find(secret), std::string::npos) << masked;
  EXPECT_NE(masked.find(kept), std::string::npos) << masked;
  EXPECT_NE(masked.find(kMasked), std::string::npos) << masked;
}

TEST_F(SecretsTest, RegisteredSecretIsHiddenEverywhere) {
  register_secret("dapi0123456789abcdef");
  EXPECT_EQ(mask_secrets("token dapi0123456789abcdef and again dapi0123456789abcdef!"),
            "token ***** and again *****!");
}

TEST_F(SecretsTest, ShortValuesAreNotRegistered) {
  register_secret("abc");
  EXPECT_EQ(mask_secrets("abc abc"), "abc abc");
}

TEST_F(SecretsTest, RegistryKeepsOnlyTheMostRecentSecrets) {
  register_secret("first-secret-value");
  for (int i = 0; i < 300; ++i) register_secret("later-secret-" + std::to_string(i));
  EXPECT_EQ(mask_secrets("first-secret-value"), "first-secret-value");
  EXPECT_EQ(mask_secrets("later-secret-299"), "*****");
}

TEST_F(SecretsTest, OverlappingSecretsMergeIntoOneMask) {
  register_secret("abcdefgh");
  register_secret("efghijkl");
  EXPECT_EQ(mask_secrets("xx abcdefghijkl yy"), "xx ***** yy");
}

TEST_F(SecretsTest, AuthorizationHeaderValueIsHidden) {
  expect_hidden("GET /x\r\nAuthorization: Bearer eyJhbGciOi.payload.sig\r\nAccept: */*",
                "eyJhbGciOi", "Accept: */*");
  expect_hidden("authorization: Basic Y2xpZW50OnNlY3JldA==", "Y2xpZW50OnNlY3JldA",
                "authorization:");
}

TEST_F(SecretsTest, CookieAndProxyAuthorizationHeadersAreHidden) {
  expect_hidden("Set-Cookie: session=abcdef123; Path=/\r\nX-Other: 1", "abcdef123", "X-Other: 1");
  expect_hidden("Cookie: a=b; session=xyz789", "xyz789", "Cookie:");
  expect_hidden("Proxy-Authorization: Basic cHJveHk6cHc=", "cHJveHk6cHc", "Proxy-Authorization:");
  // Only whole header names: X-Cookie-Policy is not a cookie.
  EXPECT_EQ(mask_secrets("X-Cookie-Policy: strict"), "X-Cookie-Policy: strict");
}

TEST_F(SecretsTest, BearerAndBasicCredentialsAreHidden) {
  expect_hidden("sending Bearer dapiXYZ123 to host", "dapiXYZ123", "to host");
  expect_hidden("header=Basic Y2xpZW50OnNlY3JldA==, next", "Y2xpZW50OnNlY3JldA", "next");
}

TEST_F(SecretsTest, JsonTokenFieldsAreHidden) {
  const std::string body =
      R"({"access_token":"at-123456","refresh_token" : "rt-abcdef","id_token":"idt-9",)"
      R"("token_type":"Bearer","expires_in":3600})";
  const std::string masked = mask_secrets(body);
  for (const char* secret : {"at-123456", "rt-abcdef", "idt-9"}) {
    EXPECT_EQ(masked.find(secret), std::string::npos) << masked;
  }
  EXPECT_NE(masked.find(R"("token_type":"Bearer")"), std::string::npos) << masked;
  EXPECT_NE(masked.find(R"("expires_in":3600)"), std::string::npos) << masked;
}

TEST_F(SecretsTest, JsonValueWithEscapedQuoteIsHiddenWhole) {
  expect_hidden(R"({"client_secret":"ab\"cdef","x":1})", "cdef", R"("x":1)");
}

TEST_F(SecretsTest, FormBodyFieldsAreHidden) {
  const std::string body =
      "grant_type=authorization_code&code=auth-code-42&code_verifier=verifier-77&"
      "client_secret=cs-99&redirect_uri=http%3A%2F%2F127.0.0.1%3A8020";
  const std::string masked = mask_secrets(body);
  for (const char* secret : {"auth-code-42", "verifier-77", "cs-99"}) {
    EXPECT_EQ(masked.find(secret), std::string::npos) << masked;
  }
  EXPECT_NE(masked.find("grant_type=authorization_code"), std::string::npos) << masked;
  EXPECT_NE(masked.find("redirect_uri="), std::string::npos) << masked;
}

TEST_F(SecretsTest, FieldNamesOnlyMatchWholeWords) {
  EXPECT_EQ(mask_secrets("error_code=TEMPORARILY_UNAVAILABLE"),
            "error_code=TEMPORARILY_UNAVAILABLE");
  EXPECT_EQ(mask_secrets(R"({"error_code":"NOT_FOUND"})"), R"({"error_code":"NOT_FOUND"})");
}

TEST_F(SecretsTest, ConnectionStringSecretsAreHiddenIncludingBracedValues) {
  const std::string masked =
      mask_secrets("Host=h;UID=token;PWD={pa;ss}}word};Auth_Client_Secret=s3cr3t;Token=tok9");
  for (const char* secret : {"pa;ss", "word", "s3cr3t", "tok9"}) {
    EXPECT_EQ(masked.find(secret), std::string::npos) << masked;
  }
  EXPECT_EQ(masked, "Host=h;UID=token;PWD=*****;Auth_Client_Secret=*****;Token=*****");
}

TEST_F(SecretsTest, UrlQueryStringsAreHidden) {
  const std::string url =
      "https://bucket.s3.amazonaws.com/chunk0?X-Amz-Algorithm=AWS4&X-Amz-Signature=f00d";
  EXPECT_EQ(mask_secrets("GET " + url + " failed"),
            "GET https://bucket.s3.amazonaws.com/chunk0?***** failed");
  expect_hidden("redirect to http://127.0.0.1:8020/callback?code=abc123&state=s1 done", "abc123",
                "done");
}

TEST_F(SecretsTest, UrlUserInfoIsHidden) {
  EXPECT_EQ(mask_secrets("proxy http://alice:pw123@proxy:3128/ used"),
            "proxy http://*****@proxy:3128/ used");
}

TEST_F(SecretsTest, RedactUrlKeepsSchemeHostAndPath) {
  EXPECT_EQ(redact_url("https://h.azure.net/a/b.arrow?sv=2020&sig=abc%2Bdef"),
            "https://h.azure.net/a/b.arrow?*****");
  EXPECT_EQ(redact_url("https://host/api/2.0/sql/statements"),
            "https://host/api/2.0/sql/statements");
  EXPECT_EQ(redact_url("https://user:pw@host/path#frag"), "https://*****@host/path#*****");
}

TEST_F(SecretsTest, TextWithoutSecretsIsUnchanged) {
  const std::string text = "POST /api/2.0/sql/statements 200 in 35 ms, state SUCCEEDED";
  EXPECT_EQ(mask_secrets(text), text);
}

}  // namespace
}  // namespace dbsql::util
