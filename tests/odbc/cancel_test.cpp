// Long-running statements: SQLCancel from a second thread, SQL_ATTR_QUERY_TIMEOUT, and
// statements that outlast the 10 s wait_timeout and are polled. The warehouse's
// /*warehouse:sleep=N*/ hint keeps a statement RUNNING for N seconds; cancel interrupts it.
#include <string>

#include "suite.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

class CancelTest : public WarehouseSuite<CancelTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }

 protected:
  // True if the warehouse received POST /statements/{id}/cancel since `since`.
  bool cancel_was_posted(long since) {
    for (const auto& r : WarehouseAdmin(warehouse()).requests(since)) {
      if (r.method == "POST" && r.path.find("/cancel") != std::string::npos) return true;
    }
    return false;
  }
  void expect_usable(Stmt& s) {
    ASSERT_ODBC_OK(s.exec("SELECT 'still usable' AS s"), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text().at(0).at(0), "still usable");
  }
};

TEST_F(CancelTest, CancelFromAnotherThreadGivesHY008) {
  long since = WarehouseAdmin(warehouse()).last_seq();
  Stmt s = stmt();
  const SQLRETURN rc =
      cancel_while_running(s, [&] { return s.exec("/*warehouse:sleep=120*/ SELECT 1 AS never"); });
  ASSERT_EQ(rc, SQL_ERROR) << return_code_name(rc);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY008"));
  EXPECT_TRUE(cancel_was_posted(since)) << "the statement must be cancelled on the server too";
  expect_usable(s);
}

TEST_F(CancelTest, QueryTimeoutGivesHYT00AndCancelsOnTheServer) {
  long since = WarehouseAdmin(warehouse()).last_seq();
  Stmt s = stmt();
  ASSERT_ODBC_OK(
      SQLSetStmtAttr(s.get(), SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(2), 0),
      SQL_HANDLE_STMT, s.get());
  SQLULEN timeout = 0;
  ASSERT_ODBC_OK(SQLGetStmtAttr(s.get(), SQL_ATTR_QUERY_TIMEOUT, &timeout, 0, nullptr),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(timeout, 2u);
  EXPECT_EQ(s.exec("/*warehouse:sleep=120*/ SELECT 1 AS never"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HYT00"));
  EXPECT_TRUE(cancel_was_posted(since));
  // A statement that finishes within its timeout is unaffected.
  ASSERT_ODBC_OK(s.exec("/*warehouse:sleep=0.2*/ SELECT 'in time' AS s"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.all_text().at(0).at(0), "in time");
}

TEST_F(CancelTest, StatementOutlastingTheWaitTimeoutIsPolledToCompletion) {
  long since = WarehouseAdmin(warehouse()).last_seq();
  Stmt s = stmt();
  // Longer than the 10 s wait_timeout of the submit: the driver must poll.
  ASSERT_ODBC_OK(s.exec("/*warehouse:sleep=11*/ SELECT 'slow but sure' AS s"), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(s.all_text().at(0).at(0), "slow but sure");
  long polls = 0;
  for (const auto& r : WarehouseAdmin(warehouse()).requests(since)) {
    if (r.method == "GET" && r.path.find("/api/2.0/sql/statements/") == 0 &&
        r.path.find("/result/") == std::string::npos) {
      ++polls;
    }
  }
  EXPECT_GE(polls, 1);
}

TEST_F(CancelTest, PendingWarehouseStillAnswers) {
  // PENDING (a warehouse starting) before RUNNING: the same wait covers both.
  auto rows = query("/*warehouse:pending=1.5*/ SELECT 'started' AS s");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "started");
}

// R cancels a query it has not fetched before it runs the next on the same statement.
TEST_F(CancelTest, CancelClosesAnOpenCursorAsTheDriverManagerDoes) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT id FROM range(10) AS t(id)"), SQL_HANDLE_STMT, s.get());
  ASSERT_EQ(s.fetch(), SQL_SUCCESS);
  EXPECT_ODBC_OK(SQLCancel(s.get()), SQL_HANDLE_STMT, s.get());
  expect_usable(s);
}

TEST_F(CancelTest, CancelWithNothingRunningIsHarmless) {
  Stmt s = stmt();
  EXPECT_ODBC_OK(SQLCancel(s.get()), SQL_HANDLE_STMT, s.get());
  expect_usable(s);
}

}  // namespace
}  // namespace dbsql::odbc_test
