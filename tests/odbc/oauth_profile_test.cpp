// Unified client configuration through the driver manager: a connection string naming only
// the driver takes host, warehouse and credentials from ~/.databrickscfg (HOME pointed at a
// temporary folder) or from DATABRICKS_* environment variables, in the documented order:
// connection string > DSN > profile > environment. (Every rule of the order is unit-tested in
// tests/unit/config; these prove the driver really reads the user's files and environment.)
#include <fstream>

#include "oauth_support.h"

namespace dbsql::odbc_test {
namespace {

class OAuthProfileTest : public OAuthSuite<OAuthProfileTest> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(3600); }

  void SetUp() override {
    OAuthSuite::SetUp();
    // Nothing from the machine running the tests may leak in.
    for (const char* name :
         {"DATABRICKS_HOST", "DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET",
          "DATABRICKS_WAREHOUSE_ID", "DATABRICKS_AUTH_TYPE", "DATABRICKS_CONFIG_PROFILE",
          "DATABRICKS_CONFIG_FILE"})
      cleared_.push_back(std::make_unique<ScopedEnv>(name, std::nullopt));
  }

 protected:
  // Only the driver, plain HTTP (a profile's host has no TLS settings) and logging.
  static std::string driver_only() {
    return "Driver=" + braced(warehouse().driver_path()) + ";SSL=0;" + log_->keys();
  }
  // HOME with a .databrickscfg holding `text`.
  void write_databrickscfg(const std::string& text) {
    std::ofstream(home_.path() / ".databrickscfg") << text;
  }
  static std::string workspace_entries() {
    return "host = http://" + warehouse().host_name() + ":" + std::to_string(warehouse().port()) +
           "\nwarehouse_id = " + warehouse().warehouse_id() + "\n";
  }
  ::testing::AssertionResult driver_only_connects(Dbc& dbc) {
    return odbc_ok(dbc.driver_connect(driver_only()), SQL_HANDLE_DBC, dbc.get());
  }

  TempDir home_{"home"};
  ScopedEnv home_env_{"HOME", home_.str()};
  std::vector<std::unique_ptr<ScopedEnv>> cleared_;
};

TEST_F(OAuthProfileTest, DefaultProfileAlone) {
  write_databrickscfg("[DEFAULT]\n" + workspace_entries() + "token = " + warehouse().pat() + "\n");
  Dbc dbc(env_);
  ASSERT_TRUE(driver_only_connects(dbc));
  EXPECT_TRUE(answers(dbc));
}

TEST_F(OAuthProfileTest, NamedM2MProfileChosenByTheEnvironment) {
  write_databrickscfg("[DEFAULT]\nhost = https://elsewhere.invalid\ntoken = dapi-elsewhere\n\n" +
                      std::string("[sp]\n") + workspace_entries() +
                      "client_id = " + warehouse().field("m2m_client_id") +
                      "\nclient_secret = " + warehouse().field("m2m_client_secret") + "\n");
  ScopedEnv profile("DATABRICKS_CONFIG_PROFILE", "sp");
  Dbc dbc(env_);
  ASSERT_TRUE(driver_only_connects(dbc));
  EXPECT_TRUE(answers(dbc));
}

TEST_F(OAuthProfileTest, EnvironmentAlone) {
  ScopedEnv host("DATABRICKS_HOST", warehouse().url());
  ScopedEnv token("DATABRICKS_TOKEN", warehouse().pat());
  ScopedEnv id("DATABRICKS_WAREHOUSE_ID", warehouse().warehouse_id());
  Dbc dbc(env_);
  ASSERT_TRUE(driver_only_connects(dbc));
  EXPECT_TRUE(answers(dbc));
}

TEST_F(OAuthProfileTest, ProfileBeatsEnvironmentAndConnectionStringBeatsBoth) {
  write_databrickscfg("[DEFAULT]\n" + workspace_entries() + "token = dapi-wrong-profile-token\n");
  ScopedEnv token("DATABRICKS_TOKEN", warehouse().pat());
  {
    Dbc dbc(env_);
    EXPECT_EQ(dbc.driver_connect(driver_only()), SQL_ERROR) << "the profile's token wins";
    EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc.get(), "28000"));
  }
  Dbc dbc(env_);
  ASSERT_TRUE(odbc_ok(dbc.driver_connect(driver_only() + "Token=" + warehouse().pat() + ";"),
                      SQL_HANDLE_DBC, dbc.get()));
  EXPECT_TRUE(answers(dbc));
}

TEST_F(OAuthProfileTest, UnsupportedAuthTypeIsAClearError) {
  write_databrickscfg("[DEFAULT]\n" + workspace_entries() + "auth_type = azure-cli\n");
  Dbc dbc(env_);
  EXPECT_EQ(dbc.driver_connect(driver_only()), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc.get(), "08001", "auth_type 'azure-cli'"));
}

TEST_F(OAuthProfileTest, ZzTheVerboseLogHoldsNoSecret) {
  EXPECT_TRUE(log_->holds_no_secrets());
}

}  // namespace
}  // namespace dbsql::odbc_test
