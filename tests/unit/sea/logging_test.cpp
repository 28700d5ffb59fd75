// With the most verbose log, a statement's whole life (submit, poll, retry, link refresh,
// download) is traced without a token or a presigned URL in the file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "client_fixture.h"
#include "util/log.h"

namespace dbsql::testing {
namespace {

const std::string kId = "01f0-cccc";

class Logging : public ClientFixture {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("dbsql-sea-log-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder_);
    util::Logger::instance().configure(6, folder_.string());
  }
  void TearDown() override {
    util::Logger::instance().reset();
    std::filesystem::remove_all(folder_);
  }
  std::string log_text() const {
    std::ifstream in(folder_ / std::string(util::kLogFileName));
    std::stringstream all;
    all << in.rdbuf();
    return all.str();
  }
  std::filesystem::path folder_;
};

TEST_F(Logging, TracesTheStatementWithoutSecrets) {
  const std::string stale = storage_url(kId, 0, "stale");
  const std::string fresh = storage_url(kId, 0, "fresh");
  http.reply("POST", statements_url(), 429, "{}", 1, {{"retry-after", "1"}});
  http.reply("POST", statements_url(), 200, state_json(kId, "RUNNING"));
  http.reply(
      "GET", statement_url(kId), 200,
      succeeded_json(kId, manifest_json({"a"}, {2}), links_result(kId, {{0, 0, 2, false, stale}})));
  http.reply("GET", stale, 403, "<Error><Code>AccessDenied</Code></Error>");
  http.reply("GET", chunk_url(kId, 0), 200, links_result(kId, {{0, 0, 2, false, fresh}}));
  http.reply("GET", fresh, 200, rows_json(0, 2, 1));
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("SELECT a FROM t", sea::Disposition::kExternalLinks);
  EXPECT_EQ(read_all(execution->results()).size(), 2u);
  execution.reset();

  const std::string log = log_text();
  EXPECT_NE(log.find("statement " + kId + " submitted: RUNNING"), std::string::npos) << log;
  EXPECT_NE(log.find("retrying in"), std::string::npos) << log;
  EXPECT_NE(log.find("fetching a fresh one"), std::string::npos) << log;
  EXPECT_NE(log.find("result chunk 0 of statement " + kId + ": 2 rows"), std::string::npos) << log;
  EXPECT_EQ(log.find("SECRET"), std::string::npos) << log;
  EXPECT_EQ(log.find("tok-1"), std::string::npos) << log;
}

}  // namespace
}  // namespace dbsql::testing
