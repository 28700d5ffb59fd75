// After every driver-manager suite has run (ctest orders it last, see tests/CMakeLists.txt):
// all the driver wrote at LogLevel=6 across the run, in DBSQL_TEST_LOG_DIR, holds no secret
// and no presigned URL — tokens, client secrets, codes, refresh tokens, link signatures.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "oauth_support.h"

namespace dbsql::odbc_test {
namespace {

TEST(VerboseLogs, HoldNoSecretAcrossTheWholeRun) {
  const char* dir = std::getenv("DBSQL_TEST_LOG_DIR");
  ASSERT_TRUE(dir && *dir) << "DBSQL_TEST_LOG_DIR is not set: run this through ctest";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "no suite logged into " << dir;
  long lines = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    for (long number = 1; std::getline(in, line); ++number, ++lines) {
      const char* what = secret_shape_in(line);
      ASSERT_EQ(what, nullptr) << "line " << number << " of " << entry.path() << " holds "
                               << what;
    }
  }
  EXPECT_GT(lines, 1000) << "the suites should have logged far more than this";
}

}  // namespace
}  // namespace dbsql::odbc_test
