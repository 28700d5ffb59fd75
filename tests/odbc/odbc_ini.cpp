#include "odbc_ini.h"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace dbsql::odbc_test {
namespace {
OdbcIniFolder* g_instance = nullptr;
}

OdbcIniFolder::OdbcIniFolder() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/dbsql-odbcini-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed: " + pattern);
  path_ = buf.data();
  std::ofstream(path_ / "odbcinst.ini") << "[dbsql-odbc]\nDescription=dbsql-odbc under test\n"
                                        << "Driver=" << DBSQL_DRIVER_PATH << "\n";
  std::ofstream(path_ / "odbc.ini") << "";
  setenv("ODBCSYSINI", path_.c_str(), 1);
  setenv("ODBCINI", (path_ / "odbc.ini").c_str(), 1);
  g_instance = this;
}

OdbcIniFolder::~OdbcIniFolder() {
  g_instance = nullptr;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

OdbcIniFolder& OdbcIniFolder::instance() {
  if (!g_instance) throw std::logic_error("OdbcIniFolder is created by main()");
  return *g_instance;
}

void OdbcIniFolder::add_dsn(std::string_view name, std::string_view keys) {
  std::ofstream out(path_ / "odbc.ini", std::ios::app);
  out << "\n[" << name << "]\nDriver=dbsql-odbc\n";
  std::size_t pos = 0;
  while (pos < keys.size()) {
    std::size_t end = keys.find(';', pos);
    if (end == std::string_view::npos) end = keys.size();
    if (end > pos) out << keys.substr(pos, end - pos) << "\n";
    pos = end + 1;
  }
}

}  // namespace dbsql::odbc_test
