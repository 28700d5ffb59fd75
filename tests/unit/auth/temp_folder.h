#pragma once
// A private temporary folder, removed with its contents when the test ends.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace dbsql::auth::testing {

struct TempFolder {
  TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "dbsql-auth-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  std::string path;
};

}  // namespace dbsql::auth::testing
