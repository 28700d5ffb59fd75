#include "auth/encoding.h"

#include <gtest/gtest.h>

#include "auth/pkce.h"

namespace dbsql::auth {
namespace {

TEST(Encoding, UrlEncodeKeepsOnlyUnreserved) {
  EXPECT_EQ(url_encode("aZ09-._~"), "aZ09-._~");
  EXPECT_EQ(url_encode("sql offline_access"), "sql%20offline_access");
  EXPECT_EQ(url_encode("http://127.0.0.1:8020/"), "http%3A%2F%2F127.0.0.1%3A8020%2F");
  EXPECT_EQ(url_encode("a+b&c=d\xc3\xa9"), "a%2Bb%26c%3Dd%C3%A9");
}

TEST(Encoding, UrlDecode) {
  EXPECT_EQ(url_decode("a%2Bb+c%3d"), "a+b c=");
  EXPECT_EQ(url_decode("100%"), "100%");
  EXPECT_EQ(url_decode("%zz%4"), "%zz%4");
}

TEST(Encoding, FormEncodeAndParseQueryRoundTrip) {
  FormFields fields{{"grant_type", "authorization_code"},
                    {"redirect_uri", "http://127.0.0.1/"},
                    {"code", "a b+c&d"}};
  std::string body = form_encode(fields);
  EXPECT_EQ(
      body,
      "grant_type=authorization_code&redirect_uri=http%3A%2F%2F127.0.0.1%2F&code=a%20b%2Bc%26d");
  auto parsed = parse_query(body);
  EXPECT_EQ(parsed["code"], "a b+c&d");
  EXPECT_EQ(parsed["redirect_uri"], "http://127.0.0.1/");
}

TEST(Encoding, ParseQueryOfRequestTarget) {
  auto q = parse_query("/callback?code=abc&state=x%2Fy&empty=&flag&code=second#frag");
  EXPECT_EQ(q["code"], "abc");
  EXPECT_EQ(q["state"], "x/y");
  EXPECT_EQ(q["empty"], "");
  EXPECT_TRUE(q.count("flag"));
  EXPECT_TRUE(parse_query("/").empty());
}

TEST(Encoding, Base64Rfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("\xfb\xff"), "+/8=");
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
}

// RFC 7636 appendix B.
TEST(Pkce, RfcAppendixBVectors) {
  const unsigned char octets[] = {116, 24,  223, 180, 151, 153, 224, 37,  79,  250, 96,
                                  125, 216, 173, 187, 186, 22,  212, 37,  77,  105, 214,
                                  191, 240, 91,  88,  5,   88,  83,  132, 141, 121};
  std::string verifier =
      base64url_encode(std::string_view(reinterpret_cast<const char*>(octets), sizeof octets));
  EXPECT_EQ(verifier, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  EXPECT_EQ(code_challenge(verifier), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, FreshPairsAreLongUrlSafeAndDistinct) {
  Pkce a = make_pkce();
  Pkce b = make_pkce();
  EXPECT_EQ(a.verifier.size(), 43u);  // 32 bytes, the RFC's recommended minimum
  EXPECT_EQ(a.verifier.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(a.verifier, b.verifier);
  EXPECT_EQ(a.challenge, code_challenge(a.verifier));
  EXPECT_EQ(random_base64url(16).size(), 22u);
}

}  // namespace
}  // namespace dbsql::auth
