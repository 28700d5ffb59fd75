// connection string > DSN > ~/.databrickscfg profile > DATABRICKS_* environment > defaults,
// with a temporary HOME and an injected environment.
#include <gtest/gtest.h>

#include "config_test_support.h"

namespace dbsql::config {
namespace {

using testing::error_of;
using testing::FakeSources;
using ::testing::HasSubstr;

constexpr const char* kProfiles = R"(
# shared with the Databricks CLI
[DEFAULT]
host  = https://default.cloud.databricks.com/
token = default-profile-token
warehouse_id = defaultwh

[sp-prod]
host          = https://prod.cloud.databricks.com
client_id     = prod-sp
client_secret = prod-sp-secret
warehouse_id  = prodwh

[u2m]
host      = https://u2m.cloud.databricks.com
auth_type = external-browser
warehouse_id = u2mwh

[cli]
host      = https://cli.cloud.databricks.com
auth_type = databricks-cli
warehouse_id = cliwh
)";

TEST(PrecedenceTest, ConnectionStringBeatsDsnBeatsProfileBeatsEnvironment) {
  FakeSources fake;
  fake.write_config("[DEFAULT]\nhost=h\ntoken=profile-token\nwarehouse_id=profile-wh\n");
  fake.env("DATABRICKS_HOST", "h")
      .env("DATABRICKS_TOKEN", "env-token")
      .env("DATABRICKS_WAREHOUSE_ID", "env-wh");
  fake.dsn("d",
           {{"Host", "h"}, {"PWD", "dsn-token"}, {"Catalog", "dsn_cat"}, {"Schema", "dsn_schema"}});

  Settings s = fake.resolve("DSN=d;Catalog=string_cat");
  EXPECT_EQ(s.catalog, "string_cat");       // string over DSN
  EXPECT_EQ(s.schema, "dsn_schema");        // DSN
  EXPECT_EQ(s.token, "dsn-token");          // DSN over profile and env
  EXPECT_EQ(s.warehouse_id, "profile-wh");  // profile over env
  EXPECT_EQ(s.dsn, "d");
  EXPECT_EQ(s.profile, "DEFAULT (" + (fake.home() / ".databrickscfg").string() + ")");

  s = fake.resolve("DSN=d;Token=string-token");
  EXPECT_EQ(s.token, "string-token");

  fake.write_config("[DEFAULT]\nhost=h\n");
  EXPECT_EQ(fake.resolve("DSN=d").warehouse_id, "env-wh");  // environment fills the gap
  EXPECT_EQ(fake.resolve("DSN=d").port, 443);               // default
}

TEST(PrecedenceTest, EverythingFromTheDefaultProfile) {
  FakeSources fake;
  fake.write_config(kProfiles);
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.host, "default.cloud.databricks.com");
  EXPECT_EQ(s.token, "default-profile-token");
  EXPECT_EQ(s.warehouse_id, "defaultwh");
  EXPECT_EQ(s.auth, AuthKind::kPat);
}

TEST(PrecedenceTest, ProfileChosenByKeyThenEnvironmentThenSettingsThenDefault) {
  FakeSources fake;
  fake.write_config(std::string(kProfiles) + "\n[__settings__]\ndefault_profile = u2m\n");
  EXPECT_EQ(fake.resolve("").host, "u2m.cloud.databricks.com");
  fake.env("DATABRICKS_CONFIG_PROFILE", "sp-prod");
  EXPECT_EQ(fake.resolve("").host, "prod.cloud.databricks.com");
  EXPECT_EQ(fake.resolve("Profile=DEFAULT").host, "default.cloud.databricks.com");
}

TEST(PrecedenceTest, M2MProfileFromEnvironmentSelection) {
  FakeSources fake;
  fake.write_config(kProfiles);
  fake.env("DATABRICKS_CONFIG_PROFILE", "sp-prod");
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.auth, AuthKind::kClientCredentials);
  EXPECT_EQ(s.oauth.client_id, "prod-sp");
  EXPECT_EQ(s.oauth.client_secret, "prod-sp-secret");
  EXPECT_EQ(s.warehouse_id, "prodwh");
}

TEST(PrecedenceTest, ProfileAuthTypeChoosesTheFlow) {
  FakeSources fake;
  fake.write_config(kProfiles);
  EXPECT_EQ(fake.resolve("Profile=u2m").auth, AuthKind::kBrowser);
  // Credentials in the connection string decide over the profile's auth_type.
  EXPECT_EQ(fake.resolve("Profile=u2m;Token=t").auth, AuthKind::kPat);
}

TEST(PrecedenceTest, UnsupportedProfileAuthTypeIsAClearError) {
  FakeSources fake;
  const std::string file = fake.write_config(kProfiles);
  const Error e = error_of([&] { fake.resolve("Profile=cli"); });
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_THAT(e.what(), HasSubstr("auth_type 'databricks-cli' (profile 'cli' of " + file +
                                  ") is not supported by this driver; it supports pat, "
                                  "oauth-m2m and external-browser"));
  // ... but only when it would be used.
  EXPECT_EQ(fake.resolve("Profile=cli;AuthMech=3;UID=token;PWD=p").auth, AuthKind::kPat);
}

TEST(PrecedenceTest, EnvironmentAuthType) {
  FakeSources fake;
  fake.env("DATABRICKS_HOST", "https://env.example")
      .env("DATABRICKS_WAREHOUSE_ID", "w")
      .env("DATABRICKS_CLIENT_ID", "env-sp")
      .env("DATABRICKS_AUTH_TYPE", "oauth-m2m");
  EXPECT_THAT(error_of([&] { fake.resolve(""); }).what(), HasSubstr("needs Auth_Client_Secret"));
  fake.env("DATABRICKS_CLIENT_SECRET", "env-secret");
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.host, "env.example");
  EXPECT_EQ(s.auth, AuthKind::kClientCredentials);
  fake.env("DATABRICKS_AUTH_TYPE", "azure-cli");
  EXPECT_THAT(error_of([&] { fake.resolve(""); }).what(),
              HasSubstr("auth_type 'azure-cli' (environment variable DATABRICKS_AUTH_TYPE) is not "
                        "supported"));
}

TEST(PrecedenceTest, CredentialsOfAnotherWorkspaceAreNeverUsed) {
  FakeSources fake;
  fake.write_config(kProfiles);  // DEFAULT is for default.cloud.databricks.com
  fake.env("DATABRICKS_HOST", "other.example").env("DATABRICKS_TOKEN", "other-env-token");
  const Error e = error_of([&] { fake.resolve("Host=mine.example;WarehouseId=w"); });
  EXPECT_THAT(e.what(), HasSubstr("No credentials"));
  // The same host, written differently, is the same workspace.
  fake.env("DATABRICKS_HOST", "https://MINE.example/");
  EXPECT_EQ(fake.resolve("Host=mine.example;WarehouseId=w").token, "other-env-token");
}

TEST(PrecedenceTest, EnvironmentWithoutHostJoinsAnyConnection) {
  FakeSources fake;
  fake.env("DATABRICKS_TOKEN", "ci-token");
  EXPECT_EQ(fake.resolve("Host=h;WarehouseId=w").token, "ci-token");
}

TEST(PrecedenceTest, ExplicitProfileForAnotherHostIsAnError) {
  FakeSources fake;
  fake.write_config(kProfiles);
  const Error e = error_of([&] { fake.resolve("Host=mine.example;Profile=sp-prod"); });
  EXPECT_THAT(e.what(), HasSubstr("Profile 'sp-prod' of"));
  EXPECT_THAT(e.what(), HasSubstr("is for host prod.cloud.databricks.com but the connection is for "
                                  "host mine.example"));
  // A profile chosen by DATABRICKS_CONFIG_PROFILE for the CLI is just skipped.
  fake.env("DATABRICKS_CONFIG_PROFILE", "sp-prod");
  EXPECT_EQ(fake.resolve("Host=mine.example;WarehouseId=w;Token=t").profile, "");
}

TEST(PrecedenceTest, ConfigFileFromEnvironmentWithTilde) {
  FakeSources fake;
  fake.write_config("[DEFAULT]\nhost=elsewhere\ntoken=t\nwarehouse_id=w\n", "custom.cfg");
  fake.env("DATABRICKS_CONFIG_FILE", "~/custom.cfg");
  EXPECT_EQ(fake.resolve("").host, "elsewhere");
}

TEST(PrecedenceTest, MissingProfileErrors) {
  FakeSources fake;
  EXPECT_THAT(error_of([&] { fake.resolve("Profile=nope"); }).what(),
              HasSubstr("Profile 'nope' was asked for but the configuration file"));
  fake.write_config(kProfiles);
  EXPECT_THAT(error_of([&] { fake.resolve("Profile=nope"); }).what(),
              HasSubstr("Profile 'nope' is not in"));
  EXPECT_THAT(error_of([&] { fake.resolve("Profile=nope"); }).what(),
              HasSubstr("(profiles there: DEFAULT, sp-prod, u2m, cli)"));
}

TEST(PrecedenceTest, NamedProfileWithoutHome) {
  FakeSources fake;
  fake.env("HOME", "");
  EXPECT_THAT(error_of([&] { fake.resolve("Profile=p"); }).what(),
              HasSubstr("HOME is not set; set DATABRICKS_CONFIG_FILE"));
  EXPECT_EQ(fake.resolve("Host=h;WarehouseId=w;Token=t").token, "t");
}

TEST(PrecedenceTest, NoConfigFileAndNoProfileIsFine) {
  FakeSources fake;
  const Settings s = fake.resolve("Host=h;WarehouseId=w;Token=t");
  EXPECT_EQ(s.profile, "");
  EXPECT_EQ(s.token, "t");
}

}  // namespace
}  // namespace dbsql::config

namespace dbsql::config {
namespace {

TEST(PrecedenceTest, SharedConfigHostMayBeAWorkspaceUrl) {
  testing::FakeSources fake;
  fake.write_config(
      "[DEFAULT]\nhost = https://adb-7.azuredatabricks.net/?o=7#x\ntoken=t\nwarehouse_id=w\n");
  EXPECT_EQ(fake.resolve("").host, "adb-7.azuredatabricks.net");
  // A connection key stays strict: a path there is a mistake worth reporting.
  EXPECT_THAT(
      testing::error_of([&] { fake.resolve("Host=adb-7.azuredatabricks.net/?o=7"); }).what(),
      ::testing::HasSubstr("Host must be"));
}

}  // namespace
}  // namespace dbsql::config
