#pragma once
// A private unixODBC configuration folder for the test process: ODBCSYSINI and ODBCINI
// point at it before the first ODBC call (unixODBC caches the paths), odbcinst.ini
// registers the driver under test as [dbsql-odbc], and suites add DSNs to odbc.ini.
#include <filesystem>
#include <string>
#include <string_view>

namespace dbsql::odbc_test {

class OdbcIniFolder {
 public:
  OdbcIniFolder();  // creates the folder and sets the environment
  ~OdbcIniFolder();
  OdbcIniFolder(const OdbcIniFolder&) = delete;
  OdbcIniFolder& operator=(const OdbcIniFolder&) = delete;

  // Appends [name] with `keys` ("Key=Value;..." — split into lines) and Driver=dbsql-odbc.
  void add_dsn(std::string_view name, std::string_view keys);
  const std::filesystem::path& path() const { return path_; }

  static OdbcIniFolder& instance();  // created by main()

 private:
  std::filesystem::path path_;
};

}  // namespace dbsql::odbc_test
