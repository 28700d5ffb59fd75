// Failures injected by the local warehouse (--faults): rate limiting with Retry-After,
// unavailable answers while polling, expired and header-protected external links,
// broken chunk downloads, rejected tokens and statements failing with a given SQLSTATE.
#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "suite.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

constexpr long long kRows = 250000;  // three EXTERNAL_LINKS chunks of at most 100,000 rows
const std::string kQuery = "SELECT id, concat('v', CAST(id AS STRING)) AS v FROM range(" +
                           std::to_string(kRows) + ") AS t(id)";

struct Outcome {
  SQLRETURN exec_rc = SQL_SUCCESS;
  SQLRETURN last_rc = SQL_SUCCESS;
  long long rows = 0;
  long long sum = 0;
  std::string diags;
};

class FaultsTest : public WarehouseSuite<FaultsTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }

 protected:
  void SetUp() override {
    WarehouseSuite::SetUp();
    admin_.emplace(warehouse());
    admin_->clear_faults();
    admin_->set_config(R"({"link_ttl_seconds":900,"link_http_headers":false})");
    since_ = admin_->last_seq();
  }
  void TearDown() override {
    if (admin_) admin_->clear_faults();
    WarehouseSuite::TearDown();
  }

  // Runs kQuery and fetches every row with bound columns, 500 per call.
  Outcome run_query(const std::string& sql = kQuery) {
    Stmt s = stmt();
    const BigintScan scan = scan_bigints(s, sql);
    return {scan.exec_rc, scan.last_rc, scan.rows, scan.sum, to_string(scan.diags)};
  }
  void expect_complete(const Outcome& o) {
    ASSERT_TRUE(SQL_SUCCEEDED(o.exec_rc)) << o.diags;
    ASSERT_EQ(o.last_rc, SQL_NO_DATA) << o.diags;
    EXPECT_EQ(o.rows, kRows);
    EXPECT_EQ(o.sum, kRows * (kRows - 1) / 2);
  }
  // A broken download may be retried (then the result is complete) or reported; what must
  // never happen is a short result that ends in SQL_NO_DATA.
  void expect_complete_or_error(const Outcome& o) {
    if (o.last_rc == SQL_NO_DATA && SQL_SUCCEEDED(o.exec_rc)) {
      EXPECT_EQ(o.rows, kRows) << "a short result was returned without an error";
      EXPECT_EQ(o.sum, kRows * (kRows - 1) / 2);
    } else {
      EXPECT_EQ(o.last_rc, SQL_ERROR);
      EXPECT_FALSE(o.diags.empty());
    }
  }
  std::vector<LoggedRequest> log() { return admin_->requests(since_); }
  long count(const std::string& listener, const std::string& method, const std::string& part,
             const std::string& status = {}) {
    long n = 0;
    for (const auto& r : log()) {
      if (r.listener == listener && r.method == method && r.path.find(part) != std::string::npos &&
          (status.empty() || r.status == status)) {
        ++n;
      }
    }
    return n;
  }

  std::optional<WarehouseAdmin> admin_;
  long since_ = 0;
};

TEST_F(FaultsTest, TooManyRequestsWithRetryAfterOnSubmitIsRetried) {
  admin_->add_fault(R"({"target":"api","method":"POST","path":"/api/2.0/sql/statements",
                        "status":429,"retry_after":1,"count":2})");
  expect_complete(run_query());
  EXPECT_EQ(count("api", "POST", "/api/2.0/sql/statements", "429"), 2);
  EXPECT_GE(count("api", "POST", "/api/2.0/sql/statements", "200"), 1);
}

TEST_F(FaultsTest, UnavailableWhilePollingIsRetried) {
  admin_->add_fault(R"({"target":"api","method":"GET","path":"/api/2.0/sql/statements/",
                        "status":503,"retry_after":1,"count":1})");
  // Sleeps past the 10 s wait_timeout, so the driver polls and meets the 503.
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("/*warehouse:sleep=10.5*/ SELECT 'after a 503' AS s"), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(s.all_text().at(0).at(0), "after a 503");
  EXPECT_EQ(count("api", "GET", "/api/2.0/sql/statements/", "503"), 1);
}

TEST_F(FaultsTest, ExpiredLinksAreRefreshedThroughTheChunkEndpoint) {
  // Storage refuses the first two downloads as expired (S3's 403 "Request has expired").
  admin_->add_fault(R"({"target":"storage","storage":"expired","count":2})");
  expect_complete(run_query());
  EXPECT_EQ(count("storage", "GET", "/", "403"), 2);
  // After the first refusal, the link of that chunk is fetched again from the chunk endpoint.
  auto entries = log();
  auto refused = std::find_if(entries.begin(), entries.end(), [](const LoggedRequest& r) {
    return r.listener == "storage" && r.status == "403";
  });
  ASSERT_NE(refused, entries.end());
  std::string chunk = refused->path.substr(refused->path.rfind('/') + 1);
  bool refreshed = std::any_of(refused, entries.end(), [&](const LoggedRequest& r) {
    return r.listener == "api" && r.method == "GET" && r.path.size() >= chunk.size() + 15 &&
           r.path.compare(r.path.size() - chunk.size() - 15, std::string::npos,
                          "/result/chunks/" + chunk) == 0;
  });
  EXPECT_TRUE(refreshed) << "no GET .../result/chunks/" << chunk << " after the refused download";
}

TEST_F(FaultsTest, ShortLivedLinksStillDeliverEveryRow) {
  admin_->set_config(R"({"link_ttl_seconds":2})");
  Outcome o;
  {
    Stmt s = stmt();
    ASSERT_ODBC_OK(s.exec(kQuery), SQL_HANDLE_STMT, s.get());
    SQLBIGINT id = 0;
    SQLLEN ind = 0;
    SQLBindCol(s.get(), 1, SQL_C_SBIGINT, &id, 0, &ind);
    ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
    o.rows = 1;
    o.sum = id;
    // Outlive every link handed out so far.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    while ((o.last_rc = s.fetch()) != SQL_NO_DATA) {
      ASSERT_ODBC_OK(o.last_rc, SQL_HANDLE_STMT, s.get());
      ++o.rows;
      o.sum += id;
    }
  }
  expect_complete(o);
}

TEST_F(FaultsTest, LinksWithRequiredHttpHeadersAreFetchedWithThem) {
  admin_->set_config(R"({"link_http_headers":true})");
  expect_complete(run_query());
  long downloads = 0;
  for (const auto& r : log()) {
    if (r.listener != "storage") continue;
    ++downloads;
    EXPECT_FALSE(r.has_authorization);
    EXPECT_EQ(r.status, "200") << r.raw;
  }
  EXPECT_GE(downloads, 3);
}

TEST_F(FaultsTest, TruncatedChunkIsNeverAShortResult) {
  admin_->add_fault(R"({"target":"storage","truncate":true,"count":1})");
  expect_complete_or_error(run_query());
}

TEST_F(FaultsTest, DroppedDownloadIsNeverAShortResult) {
  admin_->add_fault(R"({"target":"storage","drop":true,"count":1})");
  expect_complete_or_error(run_query());
}

TEST_F(FaultsTest, PersistentStorageFailureIsReportedAtFetch) {
  // A refusal that no refresh or retry can fix (retrying 5xx answers would only make the
  // test wait for the driver's retry budget).
  admin_->add_fault(R"({"target":"storage","storage":"forbidden","count":1000})");
  Outcome o = run_query();
  ASSERT_TRUE(SQL_SUCCEEDED(o.exec_rc)) << o.diags;
  EXPECT_EQ(o.last_rc, SQL_ERROR);
  EXPECT_LT(o.rows, kRows);
  EXPECT_FALSE(o.diags.empty());
  // No presigned URL (with its signature) may appear in a message.
  EXPECT_EQ(o.diags.find("X-Wh-Signature"), std::string::npos) << "a message shows a link";
}

TEST_F(FaultsTest, StatementFailingWithAnSqlstateKeepsIt) {
  admin_->add_fault(R"({"fail_statement":{"sql_state":"22012","error_class":"DIVIDE_BY_ZERO",
                        "message":"[DIVIDE_BY_ZERO] Division by zero. SQLSTATE: 22012"},
                        "statement_contains":"fail_me_please"})");
  Stmt s = stmt();
  EXPECT_EQ(s.exec("SELECT 1 AS fail_me_please"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "22012", "Division by zero"));
}

TEST_F(FaultsTest, TokenRejectedOnSubmitIs28000) {
  admin_->add_fault(R"({"target":"api","method":"POST","path":"/api/2.0/sql/statements",
                        "status":401,"count":5,
                        "body":{"error_code":401,"message":"Invalid access token."}})");
  Stmt s = stmt();
  EXPECT_EQ(s.exec("SELECT 1"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "28000"));
}

TEST_F(FaultsTest, MalformedStatementResponseIsAnError) {
  admin_->add_fault(R"({"target":"api","method":"POST","path":"/api/2.0/sql/statements",
                        "malformed":true})");
  Stmt s = stmt();
  EXPECT_EQ(s.exec("SELECT 1"), SQL_ERROR);
  EXPECT_FALSE(s.diags().empty());
}

}  // namespace
}  // namespace dbsql::odbc_test
