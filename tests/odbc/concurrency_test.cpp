// The driver's concurrent paths as applications drive them, for ThreadSanitizer (tests/run
// runs this suite in the TSan build too): statements of one M2M connection on several
// threads while its token is renewed under them, one connection per thread, and SQLCancel
// from another thread while chunks download in parallel.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "oauth_support.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

constexpr int kTokenTtl = 2;
constexpr int kRowsPerChunk = 5000;
constexpr int kThreads = 4;
constexpr long long kRows = 20000;  // four chunks, downloaded in parallel

class ConcurrencyTest : public OAuthSuite<ConcurrencyTest> {
 public:
  static WarehouseOptions warehouse_options() { return oauth_warehouse(kTokenTtl, kRowsPerChunk); }

 protected:
  static std::string query(int offset) {
    return "SELECT id + " + std::to_string(offset) + " AS id FROM range(" +
           std::to_string(kRows) + ") AS t(id)";
  }
  static long long expected_sum(int offset) { return kRows * (kRows - 1) / 2 + offset * kRows; }

  // Runs `work(i)` on kThreads threads and joins them.
  template <typename Work>
  static void on_threads(Work work) {
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) threads.emplace_back(work, i);
    for (auto& t : threads) t.join();
  }
};

// Each thread runs queries on its own statement of the shared connection until the token
// has been renewed at least twice under them; every result is whole.
TEST_F(ConcurrencyTest, StatementsOfOneConnectionShareItsTokenRenewals) {
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, m2m_keys()));
  WarehouseAdmin admin(warehouse());
  const long since = admin.last_seq();
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3 * kTokenTtl);
  std::vector<std::string> failures(kThreads);
  std::vector<int> runs(kThreads, 0);
  on_threads([&](int i) {
    while (std::chrono::steady_clock::now() < until && failures[i].empty()) {
      Stmt s(dbc);
      const BigintScan scan = scan_bigints(s, query(i));
      if (scan.last_rc != SQL_NO_DATA || scan.rows != kRows || scan.sum != expected_sum(i))
        failures[i] = "run " + std::to_string(runs[i]) + ": " + std::to_string(scan.rows) +
                      " rows; " + to_string(scan.diags);
      ++runs[i];
    }
  });
  int token_requests = 0;
  for (const LoggedRequest& r : admin.requests(since))
    if (r.method == "POST" && r.path == "/oidc/v1/token") ++token_requests;
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(failures[i], "") << "thread " << i;
    EXPECT_GE(runs[i], 1) << "thread " << i;
  }
  EXPECT_GE(token_requests, 2) << "the runs should have outlived two tokens";
}

TEST_F(ConcurrencyTest, OneConnectionPerThread) {
  std::vector<std::string> failures(kThreads);
  on_threads([&](int i) {
    Dbc dbc(env_);
    if (!SQL_SUCCEEDED(dbc.driver_connect(base() + m2m_keys()))) {
      failures[i] = "connect: " + to_string(dbc.diags());
      return;
    }
    for (int run = 0; run < 3 && failures[i].empty(); ++run) {
      Stmt s(dbc);
      const BigintScan scan = scan_bigints(s, query(i));
      if (scan.last_rc != SQL_NO_DATA || scan.sum != expected_sum(i))
        failures[i] = std::to_string(scan.rows) + " rows; " + to_string(scan.diags);
    }
    dbc.disconnect();
  });
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(failures[i], "") << "thread " << i;
}

// Downloads are held up at the storage; another thread cancels while several are in
// flight, and the statement is usable again at once.
TEST_F(ConcurrencyTest, CancelWhileChunksDownloadInParallel) {
  Dbc dbc(env_);
  ASSERT_TRUE(connects(dbc, m2m_keys()));
  WarehouseAdmin admin(warehouse());
  admin.add_fault(R"({"target":"storage","delay_ms":3000,"count":1000})");
  Stmt s(dbc);
  ASSERT_ODBC_OK(s.exec(query(0)), SQL_HANDLE_STMT, s.get());
  const SQLRETURN rc = cancel_while_running(s, [&] {
    SQLRETURN fetched;
    while ((fetched = s.fetch()) == SQL_SUCCESS) {
    }
    return fetched;
  });
  admin.clear_faults();
  EXPECT_EQ(rc, SQL_ERROR) << return_code_name(rc);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY008"));
  ASSERT_ODBC_OK(SQLFreeStmt(s.get(), SQL_CLOSE), SQL_HANDLE_STMT, s.get());
  EXPECT_TRUE(answers(dbc));
}

}  // namespace
}  // namespace dbsql::odbc_test
