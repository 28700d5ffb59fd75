#include "util/log.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "util/secrets.h"

namespace dbsql::util {
namespace {

namespace fs = std::filesystem;

class LogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Logger::instance().reset();
    clear_registered_secrets();
    dir_ = fs::temp_directory_path() / ("dbsql-log-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override {
    Logger::instance().reset();
    clear_registered_secrets();
    fs::remove_all(dir_);
  }
  std::string read_log() const {
    std::ifstream in(dir_ / kLogFileName);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  fs::path dir_;
};

TEST_F(LogTest, OffByDefaultAndNothingIsFormatted) {
  EXPECT_FALSE(log_enabled(LogLevel::kFatal));
  int evaluated = 0;
  auto count = [&] { return ++evaluated; };
  DBSQL_LOG(kError, "test") << count();
  EXPECT_EQ(evaluated, 0);
}

TEST_F(LogTest, WritesLinesAtOrBelowTheLevelToTheFolder) {
  ASSERT_FALSE(Logger::instance().configure(4, dir_.string()));
  EXPECT_EQ(Logger::instance().file_path(), (dir_ / kLogFileName).string());
  DBSQL_LOG(kInfo, "conn") << "connected to "
                           << "host-a";
  DBSQL_LOG(kDebug, "conn") << "not written";
  log(LogLevel::kError, "sea", "statement failed");
  const std::string text = read_log();
  EXPECT_NE(text.find("INFO conn: connected to host-a\n"), std::string::npos) << text;
  EXPECT_NE(text.find("ERROR sea: statement failed\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("not written"), std::string::npos) << text;
  EXPECT_NE(text.find("pid=" + std::to_string(::getpid())), std::string::npos) << text;
}

TEST_F(LogTest, LogFileIsPrivateToTheUser) {
  ASSERT_FALSE(Logger::instance().configure(1, dir_.string()));
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / kLogFileName).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(LogTest, EveryLineIsMasked) {
  ASSERT_FALSE(Logger::instance().configure(6, dir_.string()));
  register_secret("dapi-registered-secret");
  DBSQL_LOG(kTrace, "http") << "Authorization: Bearer dapi-header-token";
  DBSQL_LOG(kTrace, "http")
      << "body {\"access_token\":\"json-access-token\"} key dapi-registered-secret";
  DBSQL_LOG(kTrace, "http") << "GET https://s3.example/chunk?X-Amz-Signature=presigned-sig";
  DBSQL_LOG(kTrace, "oauth") << "code=oauth-code-value&code_verifier=verifier-value";
  const std::string text = read_log();
  for (const char* secret : {"dapi-header-token", "json-access-token", "dapi-registered-secret",
                             "presigned-sig", "oauth-code-value", "verifier-value"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  }
  EXPECT_NE(text.find("GET https://s3.example/chunk?*****"), std::string::npos) << text;
}

TEST_F(LogTest, LongMessagesAreCutAfterMasking) {
  ASSERT_FALSE(Logger::instance().configure(6, dir_.string()));
  const std::string secret = "cut-boundary-secret";
  register_secret(secret);
  std::string message(kMaxLogMessage - 5, 'x');
  message += secret;  // straddles the cut: must not leave a visible head of the secret
  message += std::string(100, 'y');
  log(LogLevel::kTrace, "big", message);
  const std::string text = read_log();
  EXPECT_EQ(text.find("cut-b"), std::string::npos);
  EXPECT_NE(text.find(" more bytes)"), std::string::npos);
  EXPECT_LT(text.size(), kMaxLogMessage + 200);
}

TEST_F(LogTest, LevelOnlyRisesAcrossConnections) {
  ASSERT_FALSE(Logger::instance().configure(5, dir_.string()));
  ASSERT_FALSE(Logger::instance().configure(2, ""));
  EXPECT_EQ(Logger::instance().level(), 5);
  ASSERT_FALSE(Logger::instance().configure(0, ""));
  EXPECT_TRUE(log_enabled(LogLevel::kDebug));
  EXPECT_FALSE(log_enabled(LogLevel::kTrace));
}

TEST_F(LogTest, UnusableFolderGivesAWarningAndFallsBackToStderr) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "x";  // a file where a folder is expected
  const auto warning = Logger::instance().configure(3, (dir_ / "file").string());
  ASSERT_TRUE(warning.has_value());
  EXPECT_NE(warning->find("LogPath"), std::string::npos) << *warning;
  EXPECT_EQ(Logger::instance().file_path(), "");
  EXPECT_TRUE(log_enabled(LogLevel::kWarning));
}

TEST_F(LogTest, ConcurrentWritersProduceWholeLines) {
  ASSERT_FALSE(Logger::instance().configure(4, dir_.string()));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 200; ++i) DBSQL_LOG(kInfo, "mt") << "thread " << t << " line " << i;
    });
  }
  for (auto& th : threads) th.join();
  std::istringstream lines(read_log());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_NE(line.find("INFO mt: thread "), std::string::npos) << line;
  }
  EXPECT_EQ(count, 800);
}

}  // namespace
}  // namespace dbsql::util
