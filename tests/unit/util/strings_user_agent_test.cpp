#include <gtest/gtest.h>

#include "util/strings.h"
#include "util/user_agent.h"

namespace dbsql::util {
namespace {

TEST(StringsTest, CaseInsensitiveComparisons) {
  EXPECT_TRUE(iequals("HTTPPath", "httppath"));
  EXPECT_FALSE(iequals("Host", "Hosts"));
  EXPECT_TRUE(istarts_with("SSP_spark.conf", "ssp_"));
  EXPECT_FALSE(istarts_with("SS", "ssp_"));
  EXPECT_EQ(to_lower("Auth_Client_ID"), "auth_client_id");
}

TEST(StringsTest, TrimRemovesSurroundingWhitespaceOnly) {
  EXPECT_EQ(trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("x"), "x");
}

TEST(UserAgentTest, NamesDriverVersionAndPlatform) {
  const std::string ua = user_agent("");
  EXPECT_EQ(ua.rfind(std::string("dbsql-odbc/") + DBSQL_VERSION + " (", 0), 0u) << ua;
  EXPECT_EQ(ua.back(), ')') << ua;
}

TEST(UserAgentTest, AppendsTheApplicationEntry) {
  const std::string ua = user_agent("Tableau/2024.1");
  EXPECT_EQ(ua, user_agent("") + " Tableau/2024.1");
}

TEST(UserAgentTest, EntryValidation) {
  EXPECT_TRUE(valid_user_agent_entry("PowerBI"));
  EXPECT_TRUE(valid_user_agent_entry("MyApp/1.0 (build 7)"));
  EXPECT_FALSE(valid_user_agent_entry(""));
  EXPECT_FALSE(valid_user_agent_entry("evil\r\nX-Injected: 1"));
  EXPECT_FALSE(valid_user_agent_entry(" padded"));
  EXPECT_FALSE(valid_user_agent_entry("caf\xc3\xa9"));
  EXPECT_FALSE(valid_user_agent_entry(std::string(kMaxUserAgentEntry + 1, 'a')));
  EXPECT_TRUE(valid_user_agent_entry(std::string(kMaxUserAgentEntry, 'a')));
}

}  // namespace
}  // namespace dbsql::util
