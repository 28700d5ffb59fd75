// Unified client configuration as the OAuth flows use it: which source a flow's credentials
// come from when several give some, and that secrets read from a profile or the
// environment are masked like those of a connection string. Temporary HOME, injected
// environment (config_test_support.h).
#include <gtest/gtest.h>

#include "config_test_support.h"
#include "util/secrets.h"

namespace dbsql::config {
namespace {

using testing::FakeSources;

constexpr const char* kHost = "adb-9.azuredatabricks.net";

std::string profile(const std::string& name, const std::string& entries) {
  return "[" + name + "]\nhost = https://" + kHost + "\nwarehouse_id = w9\n" + entries + "\n";
}

TEST(UnifiedConfigTest, ProfileTokenBeatsEnvironmentToken) {
  FakeSources fake;
  fake.write_config(profile("DEFAULT", "token = profile-pat"));
  fake.env("DATABRICKS_TOKEN", "env-pat");
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.auth, AuthKind::kPat);
  EXPECT_EQ(s.token, "profile-pat");
}

TEST(UnifiedConfigTest, ProfileServicePrincipalBeatsEnvironmentToken) {
  FakeSources fake;
  fake.write_config(profile("DEFAULT", "client_id = sp-id\nclient_secret = sp-secret"));
  fake.env("DATABRICKS_TOKEN", "env-pat");
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.auth, AuthKind::kClientCredentials);
  EXPECT_EQ(s.oauth.client_id, "sp-id");
  EXPECT_TRUE(s.token.empty());
}

TEST(UnifiedConfigTest, ProfileTokenBeatsEnvironmentServicePrincipal) {
  FakeSources fake;
  fake.write_config(profile("DEFAULT", "token = profile-pat"));
  fake.env("DATABRICKS_CLIENT_ID", "env-id").env("DATABRICKS_CLIENT_SECRET", "env-secret");
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.auth, AuthKind::kPat);
  EXPECT_EQ(s.token, "profile-pat");
}

TEST(UnifiedConfigTest, EnvironmentFillsTheM2MSecretAProfileLeavesOut) {
  FakeSources fake;
  fake.write_config(profile("sp", "client_id = sp-id\nauth_type = oauth-m2m"));
  fake.env("DATABRICKS_CLIENT_SECRET", "env-sp-secret").env("DATABRICKS_CONFIG_PROFILE", "sp");
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.auth, AuthKind::kClientCredentials);
  EXPECT_EQ(s.oauth.client_id, "sp-id");
  EXPECT_EQ(s.oauth.client_secret, "env-sp-secret");
}

TEST(UnifiedConfigTest, ConnectionStringFlowWithProfileCredentials) {
  FakeSources fake;
  fake.write_config(profile("DEFAULT", "client_id = sp-id\nclient_secret = sp-secret"));
  // The application chooses the flow and the host; the profile for that host supplies the
  // service principal.
  const Settings s =
      fake.resolve(std::string("Host=") + kHost + ";AuthMech=11;Auth_Flow=1;WarehouseId=w9");
  EXPECT_EQ(s.auth, AuthKind::kClientCredentials);
  EXPECT_EQ(s.oauth.client_id, "sp-id");
  EXPECT_EQ(s.oauth.client_secret, "sp-secret");
  // An Auth_Client_ID of the connection string wins over the profile's.
  EXPECT_EQ(fake.resolve(std::string("Host=") + kHost +
                         ";AuthMech=11;Auth_Flow=1;WarehouseId=w9;Auth_Client_ID=mine")
                .oauth.client_id,
            "mine");
}

TEST(UnifiedConfigTest, BrowserProfileKeepsItsOwnClientId) {
  FakeSources fake;
  fake.write_config(profile("DEFAULT", "auth_type = external-browser\nclient_id = custom-app"));
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.auth, AuthKind::kBrowser);
  EXPECT_EQ(s.oauth.client_id, "custom-app");
  EXPECT_EQ(s.oauth.client_secret, "");
}

TEST(UnifiedConfigTest, EnvironmentBrowserSignInWithDefaultClient) {
  FakeSources fake;
  fake.env("DATABRICKS_HOST", std::string("https://") + kHost)
      .env("DATABRICKS_WAREHOUSE_ID", "w9")
      .env("DATABRICKS_AUTH_TYPE", "external-browser");
  const Settings s = fake.resolve("");
  EXPECT_EQ(s.auth, AuthKind::kBrowser);
  EXPECT_EQ(s.oauth.client_id, "") << "empty: the auth layer's public client";
}

TEST(UnifiedConfigTest, SecretsFromProfileAndEnvironmentAreMasked) {
  util::clear_registered_secrets();
  FakeSources fake;
  fake.write_config(profile("DEFAULT", "client_id = sp-id\nclient_secret = profile-sp-secret-1"));
  fake.env("DATABRICKS_TOKEN", "env-pat-value-2");
  fake.resolve(std::string("Host=") + kHost + ";AuthMech=11;Auth_Flow=1;WarehouseId=w9");
  EXPECT_EQ(util::mask_secrets("a profile-sp-secret-1 b"), "a ***** b");
  FakeSources pat;
  pat.env("DATABRICKS_HOST", kHost).env("DATABRICKS_TOKEN", "env-pat-value-2");
  pat.resolve("WarehouseId=w9");
  EXPECT_EQ(util::mask_secrets("env-pat-value-2"), "*****");
}

}  // namespace
}  // namespace dbsql::config
