#include "auth/flat_json.h"

#include <gtest/gtest.h>

namespace dbsql::auth {
namespace {

TEST(FlatJson, ReadsTokenResponse) {
  auto json = FlatJson::parse(
      R"({"access_token":"eyJ.a.b","token_type":"Bearer","expires_in":3599,
          "refresh_token":"r-1","scope":"sql offline_access"})");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->string("access_token"), "eyJ.a.b");
  EXPECT_EQ(json->integer("expires_in"), 3599);
  EXPECT_EQ(json->string("scope"), "sql offline_access");
  EXPECT_FALSE(json->string("id_token"));
}

TEST(FlatJson, SkipsNestedValuesAndKeepsLaterMembers) {
  auto json = FlatJson::parse(
      R"({"scopes_supported":["sql",{"x":[1,2,{"y":null}]}],"nested":{"a":"b"},
          "token_endpoint":"https://h/oidc/v1/token","ok":true,"none":null})");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->string("token_endpoint"), "https://h/oidc/v1/token");
  EXPECT_TRUE(json->has("nested"));
  EXPECT_FALSE(json->string("nested"));
  EXPECT_FALSE(json->string("ok"));
  EXPECT_TRUE(json->has("none"));
}

TEST(FlatJson, UnescapesStrings) {
  auto json = FlatJson::parse(R"({"s":"a\"b\\c\/d\n\u00e9\ud83d\ude00"})");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->string("s"), "a\"b\\c/d\n\xc3\xa9\xf0\x9f\x98\x80");
}

TEST(FlatJson, IntegersFromNumbersAndDigitStrings) {
  auto json = FlatJson::parse(R"({"a":12.7,"b":"60","c":"6x","d":-3,"e":1e3,"f":true})");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->integer("a"), 12);
  EXPECT_EQ(json->integer("b"), 60);
  EXPECT_FALSE(json->integer("c"));
  EXPECT_EQ(json->integer("d"), -3);
  EXPECT_FALSE(json->integer("e"));  // exponent form is not an integer we trust
  EXPECT_FALSE(json->integer("f"));
}

TEST(FlatJson, RejectsMalformedText) {
  for (const char* bad : {"", "[]", "<html>502 Bad Gateway</html>", R"({"a":"b")", R"({"a":"b",})",
                          R"({"a" "b"})", R"({"a":"\q"})", R"({"a":"\ud800"})", R"({"a":01x})",
                          R"({"a":"b"} trailing)", "{\"a\":\"raw\ncontrol\"}", R"({"a":[1,2})"}) {
    EXPECT_FALSE(FlatJson::parse(bad)) << bad;
  }
  EXPECT_TRUE(FlatJson::parse(" { } "));
}

TEST(FlatJson, DeepNestingIsRefusedNotRecursedForever) {
  std::string deep = "{\"a\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
  EXPECT_FALSE(FlatJson::parse(deep));
}

TEST(FlatJson, QuoteRoundTrips) {
  std::string text = "tab\tquote\"back\\slash\x01 end \xc3\xa9";
  auto json = FlatJson::parse("{\"k\":" + json_quote(text) + "}");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->string("k"), text);
}

}  // namespace
}  // namespace dbsql::auth
