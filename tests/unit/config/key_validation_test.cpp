// Every key's validation: a bad value fails with 08001 and a message naming the key, the
// accepted values and the value given.
#include <gtest/gtest.h>

#include "config/values.h"
#include "config_test_support.h"

namespace dbsql::config {
namespace {

using testing::error_of;
using testing::FakeSources;
using ::testing::HasSubstr;
using testing::kBase;

struct BadValue {
  const char* keys;     // appended to kBase (so they win over nothing, kBase has none)
  const char* message;  // expected in the error
};

class KeyValidationTest : public ::testing::TestWithParam<BadValue> {};

TEST_P(KeyValidationTest, NamesKeyAndAcceptedValues) {
  FakeSources fake;
  const Error e = error_of([&] { fake.resolve(std::string(kBase) + GetParam().keys); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    EveryKey, KeyValidationTest,
    ::testing::Values(
        BadValue{"Port=abc", "Port must be a number from 1 to 65535 (got 'abc')"},
        BadValue{"Port=0", "Port must be a number from 1 to 65535 (got '0')"},
        BadValue{"Port=70000", "Port must be a number from 1 to 65535 (got '70000')"},
        BadValue{"SSL=maybe", "SSL must be 0 or 1 (got 'maybe')"},
        BadValue{"AllowSelfSignedServerCert=2",
                 "AllowSelfSignedServerCert must be 0 or 1 (got '2')"},
        BadValue{"EnableTokenCache=x", "EnableTokenCache must be 0 or 1 (got 'x')"},
        BadValue{"UseProxy=y", "UseProxy must be 0 or 1 (got 'y')"},
        BadValue{"ProxyPort=-1", "ProxyPort must be a number from 1 to 65535 (got '-1')"},
        BadValue{"OAuth2RedirectUrlPort=65536",
                 "OAuth2RedirectUrlPort must be a number from 0 to 65535 (got '65536')"},
        BadValue{"Auth_Timeout=0", "Auth_Timeout must be a number from 1 to 86400 (got '0')"},
        BadValue{"SocketTimeout=1.5", "SocketTimeout must be a number from 0 to 86400 (got '1.5')"},
        BadValue{"LogLevel=7", "LogLevel must be a number from 0 to 6 (got '7')"},
        BadValue{"ResultDisposition=arrow",
                 "ResultDisposition must be external_links or inline (got 'arrow')"},
        BadValue{"UserAgentEntry={bad\tentry}", "UserAgentEntry must be up to 128 printable ASCII"},
        BadValue{"OAuth2RedirectUrl=https://example.com/cb",
                 "OAuth2RedirectUrl must be an http:// URL on 127.0.0.1 or localhost"},
        BadValue{"OAuth2TokenEndPoint=ftp://idp/token",
                 "OAuth2TokenEndPoint must be an https:// URL (got 'ftp://idp/token')"},
        BadValue{"OAuth2AuthorizationEndPoint=/relative",
                 "OAuth2AuthorizationEndPoint must be an https:// URL"},
        BadValue{"AuthMech=2", "AuthMech must be 3 (personal access token"},
        BadValue{"AuthMech=x",
                 "AuthMech must be 3 (personal access token: UID=token;PWD=<token>) or 11 (OAuth "
                 "2.0, with Auth_Flow) (got 'x')"},
        BadValue{"AuthMech=11;Auth_Flow=7", "Auth_Flow must be 0 (token pass-through)"},
        BadValue{"AuthMech=11;Auth_Flow=3",
                 "Auth_Flow=3 (Azure managed identity) is not supported"},
        BadValue{"TrustedCerts=/nonexistent/ca.pem",
                 "TrustedCerts file '/nonexistent/ca.pem' does not exist"},
        BadValue{"CAFile=/nonexistent/ca.pem", "TrustedCerts file '/nonexistent/ca.pem'"},
        BadValue{"UseProxy=1", "UseProxy=1 needs ProxyHost=<proxy host> and ProxyPort"},
        BadValue{"UseProxy=1;ProxyHost=proxy", "UseProxy=1 needs ProxyHost"}));

TEST(KeyValidationTest, BadValueFromTheDsnSaysSo) {
  FakeSources fake;
  fake.dsn("prod", {{"Port", "eighty"}});
  const Error e = error_of([&] { fake.resolve(std::string(kBase) + "DSN=prod"); });
  EXPECT_THAT(e.what(),
              HasSubstr("Port must be a number from 1 to 65535 (got 'eighty' in DSN 'prod')"));
}

TEST(KeyValidationTest, ValuesAcceptedInEveryDocumentedSpelling) {
  FakeSources fake;
  const Settings s = fake.resolve(std::string(kBase) +
                                  "SSL=true;AllowSelfSignedServerCert=Yes;UseProxy=ON;ProxyHost=p;"
                                  "ProxyPort=3128;EnableTokenCache=off;ResultDisposition=INLINE;"
                                  "LogLevel=6;SocketTimeout=0;Auth_Timeout=30;"
                                  "OAuth2RedirectUrl=http://localhost:5098/callback;"
                                  "OAuth2TokenEndPoint=https://idp.example/token");
  EXPECT_TRUE(s.ssl);
  EXPECT_TRUE(s.allow_self_signed);
  EXPECT_TRUE(s.proxy.enabled);
  EXPECT_EQ(s.proxy.port, 3128);
  EXPECT_FALSE(s.oauth.token_cache);
  EXPECT_EQ(s.disposition, Disposition::kInline);
  EXPECT_EQ(s.log_level, 6);
  EXPECT_EQ(s.socket_timeout, std::chrono::seconds(0));
  EXPECT_EQ(s.oauth.sign_in_timeout, std::chrono::seconds(30));
  EXPECT_EQ(s.oauth.redirect_url, "http://localhost:5098/callback");
  EXPECT_EQ(s.oauth.token_endpoint, "https://idp.example/token");
}

TEST(KeyValidationTest, SecretValuesNeverAppearInErrors) {
  // Secrets are plain strings; the only way one reaches an error is a generic parser,
  // which must refuse to echo it.
  const Error e = error_of([] { bad_value({"PWD", "dapi-very-secret", ""}, "something"); });
  EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("dapi-very-secret")));
  EXPECT_THAT(e.what(), HasSubstr("PWD must be something"));
}

}  // namespace
}  // namespace dbsql::config
