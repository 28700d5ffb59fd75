#include "config/connection_string.h"

#include <gtest/gtest.h>

#include "config_test_support.h"

namespace dbsql::config {
namespace {

using testing::error_of;

TEST(ConnectionStringTest, ParsesPairsInOrderKeepingSpelling) {
  const auto cs = ConnectionString::parse("Driver=dbsql-odbc;HOST=h;httpPath=/p");
  ASSERT_EQ(cs.attributes().size(), 3u);
  EXPECT_EQ(cs.attributes()[0].key, "Driver");
  EXPECT_EQ(cs.attributes()[1].key, "HOST");
  EXPECT_EQ(cs.attributes()[2].value, "/p");
}

TEST(ConnectionStringTest, KeysAreCaseInsensitive) {
  const auto cs = ConnectionString::parse("HTTPPath=/x");
  ASSERT_NE(cs.find("httppath"), nullptr);
  EXPECT_EQ(*cs.find("HttpPath"), "/x");
  EXPECT_EQ(cs.find("Host"), nullptr);
}

TEST(ConnectionStringTest, TrimsKeysAndUnbracedValues) {
  const auto cs = ConnectionString::parse("  Host =  h.example  ; Port= 443 ");
  EXPECT_EQ(*cs.find("Host"), "h.example");
  EXPECT_EQ(*cs.find("Port"), "443");
}

TEST(ConnectionStringTest, BracedValuesKeepSemicolonsSpacesAndEscapedBraces) {
  const auto cs = ConnectionString::parse("PWD={ a;b}}c };Driver={dbsql odbc} ;X=1");
  EXPECT_EQ(*cs.find("PWD"), " a;b}c ");
  EXPECT_EQ(*cs.find("Driver"), "dbsql odbc");
  EXPECT_EQ(*cs.find("X"), "1");
}

TEST(ConnectionStringTest, EmptyValuesAndEmptySegments) {
  const auto cs = ConnectionString::parse(";;Catalog=;Schema={};;Host=h;");
  ASSERT_EQ(cs.attributes().size(), 3u);
  EXPECT_EQ(*cs.find("Catalog"), "");
  EXPECT_EQ(*cs.find("Schema"), "");
  EXPECT_TRUE(ConnectionString::parse("").empty());
  EXPECT_TRUE(ConnectionString::parse(" ; ; ").empty());
}

TEST(ConnectionStringTest, FirstOccurrenceOfARepeatedKeyWins) {
  const auto cs = ConnectionString::parse("Host=first;host=second;HOST=third");
  EXPECT_EQ(cs.attributes().size(), 1u);
  EXPECT_EQ(*cs.find("Host"), "first");
}

TEST(ConnectionStringTest, ValueMayContainEqualsAndBraceInside) {
  const auto cs = ConnectionString::parse("A=x=y;B=p{q");
  EXPECT_EQ(*cs.find("A"), "x=y");
  EXPECT_EQ(*cs.find("B"), "p{q");
}

TEST(ConnectionStringTest, UnclosedBraceNamesKeyAndPosition) {
  const Error e = error_of([] { ConnectionString::parse("Host=h;PWD={secret;rest"); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), ::testing::HasSubstr("PWD"));
  EXPECT_THAT(e.what(), ::testing::HasSubstr("position 12"));
  EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr("secret")));
}

TEST(ConnectionStringTest, TextAfterClosingBraceIsAnError) {
  const Error e = error_of([] { ConnectionString::parse("PWD={abc}def;Host=h"); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), ::testing::HasSubstr("after the closing '}' of the value of PWD"));
  EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr("abc")));
}

TEST(ConnectionStringTest, SegmentWithoutEqualsDoesNotEchoIt) {
  // An unbraced password containing ';' leaves its tail as a stray segment.
  const Error e = error_of([] { ConnectionString::parse("UID=token;PWD=ab;cd-tail;Host=h"); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), ::testing::HasSubstr("position 18"));
  EXPECT_THAT(e.what(), ::testing::HasSubstr("after the value of PWD"));
  EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr("cd-tail")));
}

TEST(ConnectionStringTest, EmptyKeyAndBracedKeyAreErrors) {
  EXPECT_EQ(error_of([] { ConnectionString::parse("=value"); }).sqlstate(), "08001");
  EXPECT_THAT(error_of([] { ConnectionString::parse("Host=h; =v"); }).what(),
              ::testing::HasSubstr("key is missing"));
  EXPECT_THAT(error_of([] { ConnectionString::parse("{Host}=h"); }).what(),
              ::testing::HasSubstr("brace"));
}

TEST(ConnectionStringTest, CompletedStringMasksEverySecretKey) {
  const auto cs = ConnectionString::parse(
      "DSN=prod;UID=token;PWD=p1;token=p2;Auth_AccessToken=p3;AUTH_CLIENT_SECRET=p4;ProxyPWD=p5;"
      "TokenCachePassPhrase=p6;Auth_RefreshToken=p7;Catalog=main");
  EXPECT_EQ(cs.to_string(),
            "DSN=prod;UID=token;PWD=*****;token=*****;Auth_AccessToken=*****;"
            "AUTH_CLIENT_SECRET=*****;ProxyPWD=*****;TokenCachePassPhrase=*****;"
            "Auth_RefreshToken=*****;Catalog=main");
}

TEST(ConnectionStringTest, CompletedStringBracesValuesThatNeedIt) {
  const auto cs = ConnectionString::parse("A={x;y};B={p}}q};C={ padded };D=;E=plain");
  EXPECT_EQ(cs.to_string(false), "A={x;y};B={p}}q};C={ padded };D=;E=plain");
  // And it parses back to the same attributes.
  const auto again = ConnectionString::parse(cs.to_string(false));
  EXPECT_EQ(*again.find("B"), "p}q");
  EXPECT_EQ(*again.find("C"), " padded ");
}

TEST(ConnectionStringTest, AddKeepsFirstOccurrence) {
  ConnectionString cs;
  EXPECT_TRUE(cs.add("DSN", "prod"));
  EXPECT_TRUE(cs.add("UID", "token"));
  EXPECT_FALSE(cs.add("dsn", "other"));
  EXPECT_EQ(cs.to_string(), "DSN=prod;UID=token");
}

// Keys the driver does not know may still carry credentials (another driver's Password,
// a misspelt Auth_Client_Secret): the completed connection string must not echo them.
TEST(ConnectionStringTest, UnknownKeysNamedLikeCredentialsAreMasked) {
  const auto cs = ConnectionString::parse(
      "Host=h;Password=hunter2-secret;Auth_Client_Secrets=dose1234;ApiKey=k-123456;Foo=bar;"
      "EnableTokenCache=0");
  EXPECT_EQ(cs.to_string(),
            "Host=h;Password=*****;Auth_Client_Secrets=*****;ApiKey=*****;Foo=bar;"
            "EnableTokenCache=0");
  EXPECT_EQ(cs.to_string(false),
            "Host=h;Password=hunter2-secret;Auth_Client_Secrets=dose1234;ApiKey=k-123456;Foo=bar;"
            "EnableTokenCache=0");
}

TEST(ConnectionStringTest, SecretKeyDetection) {
  EXPECT_TRUE(is_secret_key("pwd"));
  EXPECT_TRUE(is_secret_key("AUTH_ACCESSTOKEN"));
  EXPECT_FALSE(is_secret_key("UID"));
  EXPECT_FALSE(is_secret_key("Auth_Client_ID"));
}

}  // namespace
}  // namespace dbsql::config
