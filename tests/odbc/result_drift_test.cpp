// Results as the wire contract drifts, through the driver manager: manifests without
// total_chunk_count or a chunk list (the "bounded" result API, chunks found by
// next_chunk_index alone), and a cold warehouse that answers SUCCEEDED before it sends the
// manifest. Every row must arrive, in both dispositions, with no false "incomplete" error
// and no empty result.
#include <string>

#include "suite.h"

namespace dbsql::odbc_test {
namespace {

constexpr long long kRows = 300000;  // 6 chunks of 50,000 rows
const std::string kQuery = "SELECT id, concat('row-', CAST(id AS STRING)) AS label FROM range(" +
                           std::to_string(kRows) + ") AS t(id) ORDER BY id";

WarehouseOptions drifting(std::vector<std::string> flags) {
  WarehouseOptions o;
  o.rows_per_chunk = 50000;
  o.extra_args = std::move(flags);
  return o;
}

// Reads the query to the end, checking every row's id and label.
void expect_every_row(Dbc& dbc) {
  Stmt s(dbc);
  ASSERT_ODBC_OK(s.exec(kQuery), SQL_HANDLE_STMT, s.get());
  SQLBIGINT id = 0;
  char label[32] = {0};
  SQLLEN id_ind = 0, label_ind = 0;
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_SBIGINT, &id, 0, &id_ind), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 2, SQL_C_CHAR, label, sizeof label, &label_ind),
                 SQL_HANDLE_STMT, s.get());
  long long rows = 0, bad = 0;
  SQLRETURN rc;
  while ((rc = s.fetch()) != SQL_NO_DATA) {
    ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
    bad += id != rows || std::string(label) != "row-" + std::to_string(rows);
    ++rows;
  }
  EXPECT_EQ(rows, kRows);
  EXPECT_EQ(bad, 0);
}

class BoundedResultsTest : public WarehouseSuite<BoundedResultsTest> {
 public:
  static WarehouseOptions warehouse_options() { return drifting({"--bounded-results"}); }
};

TEST_F(BoundedResultsTest, ExternalLinksStreamEveryChunkByNextChunkIndex) {
  expect_every_row(dbc());
}

TEST_F(BoundedResultsTest, InlineChunksStreamByNextChunkIndex) {
  Dbc inline_dbc(env_);
  ASSERT_ODBC_OK(inline_dbc.driver_connect(warehouse().connection_string("ResultDisposition=inline;")),
                 SQL_HANDLE_DBC, inline_dbc.get());
  expect_every_row(inline_dbc);
}

class LateManifestTest : public WarehouseSuite<LateManifestTest> {
 public:
  static WarehouseOptions warehouse_options() { return drifting({"--late-manifest", "2"}); }
};

TEST_F(LateManifestTest, AResultDescribedOnlyByALaterPollIsReadWhole) {
  expect_every_row(dbc());
}

TEST_F(LateManifestTest, AStatementWithoutResultSetStillHasNone) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("CREATE OR REPLACE TABLE main.default.late_manifest (x INT)"),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.num_cols(), 0);
}

}  // namespace
}  // namespace dbsql::odbc_test
