// The real DSN reader through libodbcinst, against a private odbc.ini.
#include "config/sources.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dbsql::config {
namespace {

TEST(SourcesTest, ReadsEveryEntryOfTheDsnSectionFromOdbcIni) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("dbsql-odbcini-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "odbc.ini") << "[ODBC Data Sources]\nprod = dbsql-odbc\n\n"
                                     "[prod]\nDriver = dbsql-odbc\nHost = h.example\n"
                                     "HTTPPath = /sql/1.0/warehouses/w1\nCatalog = main\n\n"
                                     "[other]\nHost = o\n";
  std::ofstream(dir / "odbcinst.ini") << "[dbsql-odbc]\nDriver = /nonexistent.so\n";
  // unixODBC reads the user odbc.ini from $ODBCINI and the system one from $ODBCSYSINI.
  ::setenv("ODBCINI", (dir / "odbc.ini").c_str(), 1);
  ::setenv("ODBCSYSINI", dir.c_str(), 1);
  const std::vector<Attribute> entries = read_dsn_from_odbcinst("prod");
  std::filesystem::remove_all(dir);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[1].key, "Host");
  EXPECT_EQ(entries[1].value, "h.example");
  EXPECT_EQ(entries[2].value, "/sql/1.0/warehouses/w1");
  EXPECT_EQ(entries[3].key, "Catalog");
  EXPECT_TRUE(read_dsn_from_odbcinst("missing").empty());
}

TEST(SourcesTest, SystemEnvironmentReadsVariablesAndHome) {
  ::setenv("DBSQL_CONFIG_TEST_VAR", "value-1", 1);
  const Sources sources = system_sources();
  EXPECT_EQ(sources.env("DBSQL_CONFIG_TEST_VAR"), "value-1");
  EXPECT_EQ(sources.env("DBSQL_CONFIG_TEST_UNSET"), std::nullopt);
  EXPECT_TRUE(sources.env("HOME").has_value());
}

}  // namespace
}  // namespace dbsql::config
