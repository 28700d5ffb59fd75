// Large results: 500,000 rows over several EXTERNAL_LINKS chunks, a multi-chunk INLINE
// result just under the 25 MiB limit, the error of one just over it, and several statements
// of one connection streaming at once from their own threads.
#include <string>
#include <thread>
#include <vector>

#include "suite.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

// Totals computed on the client side of every fetched row.
struct Totals {
  long long rows = 0;
  long long sum_id = 0;
  long long sum_id_squared = 0;  // with sum_id, catches a duplicated or missing row
  long long bad_rows = 0;        // rows whose other columns disagree with their id
  SQLRETURN last_rc = SQL_SUCCESS;
  std::string error;  // diagnostics of a failed fetch
};

// Fetches `SELECT id, twice, label` (label = "row-<id>") with bound columns, 1,000 rows
// per SQLFetch.
Totals fetch_id_twice_label(Stmt& s) {
  constexpr SQLULEN kArray = 1000;
  std::vector<SQLBIGINT> id(kArray), twice(kArray);
  std::vector<char> label(kArray * 24);
  std::vector<SQLLEN> id_ind(kArray), twice_ind(kArray), label_ind(kArray);
  SQLULEN fetched = 0;
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kArray), 0);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  SQLBindCol(s.get(), 1, SQL_C_SBIGINT, id.data(), 0, id_ind.data());
  SQLBindCol(s.get(), 2, SQL_C_SBIGINT, twice.data(), 0, twice_ind.data());
  SQLBindCol(s.get(), 3, SQL_C_CHAR, label.data(), 24, label_ind.data());
  Totals t;
  while (true) {
    t.last_rc = s.fetch();
    if (t.last_rc == SQL_NO_DATA) break;
    if (!SQL_SUCCEEDED(t.last_rc)) {
      t.error = to_string(s.diags());
      break;
    }
    for (SQLULEN r = 0; r < fetched; ++r) {
      long long v = id[r];
      ++t.rows;
      t.sum_id += v;
      t.sum_id_squared += v * v;
      std::string expected = "row-" + std::to_string(v);
      if (twice[r] != 2 * v || expected != &label[r * 24]) ++t.bad_rows;
    }
  }
  return t;
}

constexpr long long kManyRows = 500000;
const std::string kManyRowsQuery =
    "SELECT id, CAST(id * 2 AS BIGINT) AS twice, concat('row-', CAST(id AS STRING)) AS label "
    "FROM range(" +
    std::to_string(kManyRows) + ") AS t(id)";

class LargeResultsTest : public WarehouseSuite<LargeResultsTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }

 protected:
  // Requests of `method` whose path contains `part`, since `since`.
  long count_requests(long since, const std::string& listener, const std::string& method,
                      const std::string& part) {
    long n = 0;
    for (const auto& r : WarehouseAdmin(warehouse()).requests(since)) {
      if (r.listener == listener && r.method == method && r.path.find(part) != std::string::npos) {
        ++n;
      }
    }
    return n;
  }
};

TEST_F(LargeResultsTest, FiveHundredThousandRowsOverExternalLinks) {
  long since = WarehouseAdmin(warehouse()).last_seq();
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec(kManyRowsQuery), SQL_HANDLE_STMT, s.get());
  Totals t = fetch_id_twice_label(s);
  ASSERT_EQ(t.last_rc, SQL_NO_DATA) << t.error;
  const long long n = kManyRows;
  EXPECT_EQ(t.rows, n);
  EXPECT_EQ(t.sum_id, n * (n - 1) / 2);
  EXPECT_EQ(t.sum_id_squared, (n - 1) * n * (2 * n - 1) / 6);
  EXPECT_EQ(t.bad_rows, 0);
  // The server agrees on the checksum, computed independently.
  auto server = query("SELECT count(*), sum(id), sum(id * id) FROM range(500000) AS t(id)");
  ASSERT_EQ(server.size(), 1u);
  EXPECT_EQ(server[0][0], std::to_string(t.rows));
  EXPECT_EQ(server[0][1], std::to_string(t.sum_id));
  EXPECT_EQ(server[0][2], std::to_string(t.sum_id_squared));
  // Several chunks came from storage, none with the workspace token.
  auto log = WarehouseAdmin(warehouse()).requests(since);
  long downloads = 0;
  for (const auto& r : log) {
    if (r.listener != "storage") continue;
    ++downloads;
    EXPECT_FALSE(r.has_authorization) << "a storage request carried Authorization: " << r.path;
  }
  EXPECT_GE(downloads, 5) << "100,000 rows per chunk: at least 5 chunk downloads expected";
}

TEST_F(LargeResultsTest, InlineResultJustUnderTheLimitInSeveralChunks) {
  Dbc inline_dbc(env_);
  ASSERT_ODBC_OK(
      inline_dbc.driver_connect(warehouse().connection_string("ResultDisposition=inline;")),
      SQL_HANDLE_DBC, inline_dbc.get());
  long since = WarehouseAdmin(warehouse()).last_seq();
  // Each row is ["xx…x<id>"]: 1,047 bytes plus a comma; 25,000 rows are 26,199,999 bytes,
  // 14 KB under 25 MiB.
  Stmt s(inline_dbc);
  ASSERT_ODBC_OK(s.exec("SELECT lpad(CAST(id AS STRING), 1043, 'x') AS s "
                        "FROM range(25000) AS t(id)"),
                 SQL_HANDLE_STMT, s.get());
  std::vector<char> buf(1100);
  SQLLEN ind = 0;
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_CHAR, buf.data(), buf.size(), &ind), SQL_HANDLE_STMT,
                 s.get());
  long long rows = 0, sum = 0, bad = 0;
  SQLRETURN rc;
  while ((rc = s.fetch()) != SQL_NO_DATA) {
    ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
    std::string v(buf.data());
    std::size_t digits = v.find_first_not_of('x');
    if (ind != 1043 || v.size() != 1043 || digits == std::string::npos) {
      ++bad;
      continue;
    }
    ++rows;
    sum += std::stoll(v.substr(digits));
  }
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(rows, 25000);
  EXPECT_EQ(sum, 25000LL * 24999 / 2);
  EXPECT_GE(count_requests(since, "api", "GET", "/result/chunks/"), 1)
      << "the result should have come in more than one INLINE chunk";
  EXPECT_EQ(count_requests(since, "storage", "GET", "/"), 0) << "INLINE never uses storage";
}

TEST_F(LargeResultsTest, InlineResultOverTheLimitIsAClearError) {
  Dbc inline_dbc(env_);
  ASSERT_ODBC_OK(
      inline_dbc.driver_connect(warehouse().connection_string("ResultDisposition=inline;")),
      SQL_HANDLE_DBC, inline_dbc.get());
  Stmt s(inline_dbc);
  EXPECT_EQ(s.exec("SELECT lpad(CAST(id AS STRING), 1043, 'x') AS s FROM range(25100) AS t(id)"),
            SQL_ERROR);
  // The warehouse fails the statement with INLINE_RESULT_TOO_LARGE, SQLSTATE 54000.
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "54000", "25 MiB"));
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "54000", "EXTERNAL_LINKS"));
}

TEST_F(LargeResultsTest, AbandonedStreamIsClosedAndTheHandleReused) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec(kManyRowsQuery), SQL_HANDLE_STMT, s.get());
  for (int i = 0; i < 10; ++i) ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(SQLCloseCursor(s.get()), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.exec("SELECT 'again' AS a"), SQL_HANDLE_STMT, s.get());
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "again");
}

TEST_F(LargeResultsTest, StatementsOfOneConnectionStreamFromTheirOwnThreads) {
  constexpr int kThreads = 4;
  constexpr long long kRows = 120000;  // two chunks each
  std::vector<Totals> totals(kThreads);
  std::vector<std::string> exec_errors(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Stmt s(dbc());
      std::string sql = "SELECT id + " + std::to_string(i) + " AS id, CAST((id + " +
                        std::to_string(i) +
                        ") * 2 AS BIGINT) AS twice, "
                        "concat('row-', CAST(id + " +
                        std::to_string(i) +
                        " AS STRING)) AS label "
                        "FROM range(" +
                        std::to_string(kRows) + ") AS t(id)";
      SQLRETURN rc = s.exec(sql);
      if (!SQL_SUCCEEDED(rc)) {
        exec_errors[i] = to_string(s.diags());
        return;
      }
      totals[i] = fetch_id_twice_label(s);
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    SCOPED_TRACE(i);
    ASSERT_EQ(exec_errors[i], "");
    EXPECT_EQ(totals[i].last_rc, SQL_NO_DATA) << totals[i].error;
    EXPECT_EQ(totals[i].rows, kRows);
    EXPECT_EQ(totals[i].sum_id, kRows * (kRows - 1) / 2 + i * kRows);
    EXPECT_EQ(totals[i].bad_rows, 0);
  }
}

}  // namespace
}  // namespace dbsql::odbc_test
