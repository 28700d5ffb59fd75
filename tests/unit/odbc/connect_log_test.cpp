// A connection's own LogLevel/LogPath are in force before it logs its settings, so the
// first connection of a process records them (unknown DSN keys appear only there).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "odbc_fixture.h"

namespace dbsql::odbc::testing {
namespace {

using ConnectLogTest = OdbcTest;

TEST_F(ConnectLogTest, SettingsAreLoggedUnderTheConnectionsOwnLogLevel) {
  char pattern[] = "/tmp/dbsql-connect-log-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  const std::filesystem::path folder(pattern);

  Connection* logged = env.allocate_connection();
  ASSERT_EQ(SQL_SUCCESS, guard<Connection>("test", logged, [&](Connection& c) {
              c.driver_connect(
                  std::string(kConnectionString) + ";LogLevel=4;LogPath=" + folder.string(),
                  TextOut{}, nullptr);
            }));

  std::ifstream file(folder / "dbsql-odbc.log");
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_NE(text.str().find("settings: "), std::string::npos) << text.str();
  EXPECT_EQ(text.str().find("dapi-secret-value"), std::string::npos);
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace dbsql::odbc::testing
