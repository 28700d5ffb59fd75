#include <gtest/gtest.h>

#include <cstring>
#include <thread>

#include "odbc_fixture.h"

namespace dbsql::odbc::testing {
namespace {

using StatementTest = OdbcTest;

TEST_F(StatementTest, ExecuteDescribeAndFetchOneRowAtATime) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id, name FROM t"));
  SQLSMALLINT columns = 0;
  on_stmt([&](Statement& s) { columns = s.num_result_cols(); });
  EXPECT_EQ(2, columns);

  char name[8];
  SQLSMALLINT name_length = 0, type = 0, digits = -1, nullable = -1;
  SQLULEN size = 0;
  EXPECT_EQ(SQL_SUCCESS, on_stmt([&](Statement& s) {
              s.describe_col(2, TextOut{name, sizeof name, TextUnits::kAnsi}, &name_length, &type,
                             &size, &digits, &nullable);
            }));
  EXPECT_STREQ("name", name);
  EXPECT_EQ(4, name_length);
  EXPECT_EQ(SQL_NULLABLE, nullable);

  SQLINTEGER id = 0;
  SQLLEN id_ind = 0;
  on_stmt([&](Statement& s) { s.bind_col(1, SQL_C_SLONG, &id, 0, &id_ind); });
  std::vector<SQLINTEGER> ids;
  while (fetch() == SQL_SUCCESS) ids.push_back(id);
  EXPECT_EQ(std::vector<SQLINTEGER>({1, 2, 3}), ids);
  EXPECT_EQ(SQL_NO_DATA, fetch());
  ASSERT_EQ(1u, fake.requests.size());
  EXPECT_EQ("SELECT id, name FROM t", fake.requests[0].statement);
  EXPECT_EQ(sea::Disposition::kExternalLinks, fake.requests[0].disposition);
}

TEST_F(StatementTest, RowArrayAcrossChunksWithStatusAndCount) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id, name FROM t"));
  SQLINTEGER ids[4] = {};
  char names[4][6] = {};
  SQLLEN name_ind[4] = {};
  SQLUSMALLINT status[4] = {};
  SQLULEN fetched = 0;
  on_stmt([&](Statement& s) {
    s.set_attr(SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(4), 0, TextUnits::kAnsi);
    s.set_attr(SQL_ATTR_ROW_STATUS_PTR, status, 0, TextUnits::kAnsi);
    s.set_attr(SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0, TextUnits::kAnsi);
    s.bind_col(1, SQL_C_SLONG, ids, 0, nullptr);
    s.bind_col(2, SQL_C_CHAR, names, 6, name_ind);
  });
  EXPECT_EQ(SQL_SUCCESS, fetch());
  EXPECT_EQ(3u, fetched);
  EXPECT_EQ(3, ids[2]);
  EXPECT_STREQ("one", names[0]);
  EXPECT_EQ(SQL_NULL_DATA, name_ind[1]);
  EXPECT_STREQ("three", names[2]);
  EXPECT_EQ(SQL_ROW_SUCCESS, status[0]);
  EXPECT_EQ(SQL_ROW_SUCCESS, status[2]);
  EXPECT_EQ(SQL_ROW_NOROW, status[3]);
  EXPECT_EQ(SQL_NO_DATA, fetch());
  EXPECT_EQ(0u, fetched);
}

TEST_F(StatementTest, PerCellWarningsAndErrorsCarryRowAndColumn) {
  CannedResult r;
  r.columns = {column("n", "STRING")};
  r.batches = {{{"12"}, {"long text"}, {"abc"}}};
  fake.default_result = r;
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT n FROM t"));
  char text[3][5];
  SQLLEN ind[3];
  SQLUSMALLINT status[3];
  on_stmt([&](Statement& s) {
    s.set_attr(SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(3), 0, TextUnits::kAnsi);
    s.set_attr(SQL_ATTR_ROW_STATUS_PTR, status, 0, TextUnits::kAnsi);
    s.bind_col(1, SQL_C_CHAR, text, 5, ind);
  });
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, fetch());
  EXPECT_EQ(SQL_ROW_SUCCESS, status[0]);
  EXPECT_EQ(SQL_ROW_SUCCESS_WITH_INFO, status[1]);
  EXPECT_EQ(SQL_ROW_SUCCESS, status[2]);
  EXPECT_EQ(9, ind[1]);
  const DiagRecord* rec = stmt->diag().record(1);
  ASSERT_NE(nullptr, rec);
  EXPECT_EQ("01004", rec->sqlstate);
  EXPECT_EQ(2, rec->row_number);
  EXPECT_EQ(1, rec->column_number);
}

TEST_F(StatementTest, ErrorInEveryRowIsSqlError) {
  CannedResult r;
  r.columns = {column("n", "STRING")};
  r.batches = {{{"not a number"}}};
  fake.default_result = r;
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT n FROM t"));
  SQLINTEGER n = 0;
  SQLUSMALLINT status = 0;
  on_stmt([&](Statement& s) {
    s.set_attr(SQL_ATTR_ROW_STATUS_PTR, &status, 0, TextUnits::kAnsi);
    s.bind_col(1, SQL_C_SLONG, &n, 0, nullptr);
  });
  EXPECT_EQ(SQL_ERROR, fetch());
  EXPECT_EQ(SQL_ROW_ERROR, status);
  EXPECT_EQ("22018", state(*stmt));
}

TEST_F(StatementTest, GetDataInPiecesThenNoData) {
  CannedResult r;
  r.columns = {column("s", "STRING"), column("i", "INT")};
  r.batches = {{{"abcdefgh", "7"}}};
  fake.default_result = r;
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT s, i FROM t"));
  ASSERT_EQ(SQL_SUCCESS, fetch());
  char piece[4];
  SQLLEN ind = 0;
  auto get = [&](SQLUSMALLINT col) {
    return on_stmt(
        [&](Statement& s) { return s.get_data(col, SQL_C_CHAR, piece, sizeof piece, &ind); });
  };
  // Columns in any order: the integer first.
  EXPECT_EQ(SQL_SUCCESS, get(2));
  EXPECT_STREQ("7", piece);
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, get(1));
  EXPECT_STREQ("abc", piece);
  EXPECT_EQ(8, ind);
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, get(1));
  EXPECT_STREQ("def", piece);
  EXPECT_EQ(SQL_SUCCESS, get(1));
  EXPECT_STREQ("gh", piece);
  EXPECT_EQ(SQL_NO_DATA, get(1));
}

TEST_F(StatementTest, GetDataBeforeFetchIsInvalidCursorState) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id, name FROM t"));
  SQLINTEGER v;
  EXPECT_EQ(SQL_ERROR,
            on_stmt([&](Statement& s) { return s.get_data(1, SQL_C_SLONG, &v, 0, nullptr); }));
  EXPECT_EQ("24000", state(*stmt));
  ASSERT_EQ(SQL_SUCCESS, fetch());
  EXPECT_EQ(SQL_ERROR,
            on_stmt([&](Statement& s) { return s.get_data(9, SQL_C_SLONG, &v, 0, nullptr); }));
  EXPECT_EQ("07009", state(*stmt));
}

// A rowset over three one-row chunks: the first chunk's memory is gone by the time the
// third arrives, and the third may sit at the first one's old address. SQLGetData must
// still refuse the rowset instead of reading row 1 of the third chunk.
TEST_F(StatementTest, GetDataAfterARowsetOverThreeChunksIsRefused) {
  CannedResult r;
  r.columns = {column("id", "INT")};
  r.batches = {{{"1"}}, {{"2"}}, {{"3"}}};
  fake.default_result = r;
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id FROM t"));
  SQLINTEGER ids[3] = {};
  on_stmt([&](Statement& s) {
    s.set_attr(SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(3), 0, TextUnits::kAnsi);
    s.bind_col(1, SQL_C_SLONG, ids, 0, nullptr);
  });
  ASSERT_EQ(SQL_SUCCESS, fetch());
  EXPECT_EQ(3, ids[2]);
  SQLINTEGER v = -1;
  EXPECT_EQ(SQL_ERROR,
            on_stmt([&](Statement& s) { return s.get_data(1, SQL_C_SLONG, &v, 0, nullptr); }));
  EXPECT_EQ("HY109", state(*stmt));
  EXPECT_EQ(-1, v);
}

// An explicit ARD must come from the statement's own connection: freeing a descriptor
// detaches it only from that connection's statements.
TEST_F(StatementTest, ExplicitDescriptorOfAnotherConnectionIsRefused) {
  Connection* other = env.allocate_connection();
  ASSERT_EQ(SQL_SUCCESS, guard<Connection>("test", other, [](Connection& c) {
              c.driver_connect(kConnectionString, TextOut{}, nullptr);
            }));
  Descriptor* foreign = nullptr;
  Descriptor* own = nullptr;
  on_conn([&](Connection& c) { own = c.allocate_descriptor(); });
  guard<Connection>("test", other, [&](Connection& c) { foreign = c.allocate_descriptor(); });
  ASSERT_NE(nullptr, foreign);
  ASSERT_NE(nullptr, own);
  EXPECT_EQ(SQL_ERROR, on_stmt([&](Statement& s) {
              s.set_attr(SQL_ATTR_APP_ROW_DESC, foreign, 0, TextUnits::kAnsi);
            }));
  EXPECT_EQ("HY024", state(*stmt));
  EXPECT_EQ(SQL_SUCCESS, on_stmt([&](Statement& s) {
              s.set_attr(SQL_ATTR_APP_ROW_DESC, own, 0, TextUnits::kAnsi);
            }));
}

TEST_F(StatementTest, StateTransitions) {
  // Nothing executed yet.
  EXPECT_EQ(SQL_ERROR, fetch());
  EXPECT_EQ("HY010", state(*stmt));
  EXPECT_EQ(SQL_ERROR, on_stmt([](Statement& s) { s.execute(); }));
  EXPECT_EQ("HY010", state(*stmt));
  EXPECT_EQ(SQL_ERROR, on_stmt([](Statement& s) { return s.close_cursor(); }));
  EXPECT_EQ("24000", state(*stmt));

  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT 1"));
  // A second execute while the cursor is open.
  EXPECT_EQ(SQL_ERROR, exec("SELECT 2"));
  EXPECT_EQ("24000", state(*stmt));
  EXPECT_EQ(SQL_ERROR, on_stmt([](Statement& s) { return s.fetch_scroll(SQL_FETCH_PRIOR, 0); }));
  EXPECT_EQ("HY106", state(*stmt));
  EXPECT_EQ(SQL_SUCCESS, on_stmt([](Statement& s) { return s.close_cursor(); }));
  EXPECT_EQ(1, fake.closed.load()) << "closing releases the server statement";
  EXPECT_EQ(SQL_SUCCESS, exec("SELECT 2"));
  EXPECT_EQ(SQL_NO_DATA, on_stmt([](Statement& s) { return s.more_results(); }));
  EXPECT_EQ(SQL_ERROR, fetch()) << "SQLMoreResults closed the only result";
  EXPECT_EQ(SQL_ERROR, on_stmt([](Statement& s) { s.free_stmt(12345); }));
  EXPECT_EQ("HY092", state(*stmt));
}

TEST_F(StatementTest, DmlReportsAffectedRowsAndHasNoCursor) {
  CannedResult r;
  r.affected_rows = 42;
  fake.default_result = r;
  ASSERT_EQ(SQL_SUCCESS, exec("UPDATE t SET a = 1"));
  SQLLEN count = 0;
  on_stmt([&](Statement& s) { count = s.row_count(); });
  EXPECT_EQ(42, count);
  EXPECT_EQ(42, stmt->diag().row_count);
  EXPECT_EQ(SQL_DIAG_UPDATE_WHERE, stmt->diag().dynamic_function_code);
  EXPECT_EQ(SQL_ERROR, fetch());
  EXPECT_EQ("24000", state(*stmt));
  SQLSMALLINT cols = -1;
  on_stmt([&](Statement& s) { cols = s.num_result_cols(); });
  EXPECT_EQ(0, cols);
}

TEST_F(StatementTest, SelectRowCountIsMinusOneAndCursorRowCountIsTheTotal) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id FROM t"));
  SQLLEN count = 0;
  on_stmt([&](Statement& s) { count = s.row_count(); });
  EXPECT_EQ(-1, count);
  EXPECT_EQ(3, stmt->diag().cursor_row_count);
}

TEST_F(StatementTest, ParameterMarkersAreRefusedClearly) {
  EXPECT_EQ(SQL_ERROR, exec("SELECT * FROM t WHERE a = ?"));
  EXPECT_EQ("07002", state(*stmt));
  EXPECT_TRUE(fake.requests.empty()) << "nothing is sent";
  EXPECT_EQ(SQL_SUCCESS, exec("SELECT '?' AS q"));
}

TEST_F(StatementTest, ServerErrorsKeepTheirSqlstateAndNative) {
  CannedResult r;
  r.error = Error("42601", "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'", 400);
  fake.default_result = r;
  EXPECT_EQ(SQL_ERROR, exec("SELEC 1"));
  ASSERT_NE(nullptr, stmt->diag().record(1));
  EXPECT_EQ("42601", stmt->diag().record(1)->sqlstate);
  EXPECT_EQ(400, stmt->diag().record(1)->native_error);
  EXPECT_NE(std::string::npos, stmt->diag().record(1)->message.find("PARSE_SYNTAX_ERROR"));
}

TEST_F(StatementTest, ChunkFailureIsAnErrorAtThatFetch) {
  CannedResult r = three_rows();
  r.fetch_error = Error("08S01", "chunk 1 could not be downloaded");
  fake.default_result = r;
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id, name FROM t"));
  EXPECT_EQ(SQL_SUCCESS, fetch());
  EXPECT_EQ(SQL_SUCCESS, fetch());
  EXPECT_EQ(SQL_ERROR, fetch());
  EXPECT_EQ("08S01", state(*stmt));
}

TEST_F(StatementTest, RequestCarriesCatalogTimeoutAndRowLimit) {
  fake.default_result = three_rows();
  on_conn([](Connection& c) {
    const char catalog[] = "samples";
    c.set_attr(SQL_ATTR_CURRENT_CATALOG, const_cast<char*>(catalog), SQL_NTS, TextUnits::kAnsi);
  });
  on_stmt([](Statement& s) {
    s.set_attr(SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(30), 0, TextUnits::kAnsi);
    s.set_attr(SQL_ATTR_MAX_ROWS, reinterpret_cast<SQLPOINTER>(100), 0, TextUnits::kAnsi);
  });
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT 1"));
  ASSERT_EQ(1u, fake.requests.size());
  EXPECT_EQ("samples", fake.requests[0].catalog);
  EXPECT_EQ(100, fake.requests[0].row_limit.value_or(0));
  EXPECT_TRUE(fake.requests[0].deadline.has_value());
}

TEST_F(StatementTest, CancelFromAnotherThreadEndsTheExecution) {
  CannedResult r;
  r.block_until_cancelled = true;
  fake.default_result = r;
  std::thread canceller([&] {
    while (!fake.executing) std::this_thread::yield();
    EXPECT_EQ(SQL_SUCCESS,
              guard<Statement>(
                  "SQLCancel", stmt, [](Statement& s) { s.cancel(); }, kNoLock | kKeepDiagnostics));
  });
  EXPECT_EQ(SQL_ERROR, exec("SELECT sleep"));
  canceller.join();
  EXPECT_EQ("HY008", state(*stmt));
}

TEST_F(StatementTest, CancelWithNothingRunningIsANoOp) {
  EXPECT_EQ(SQL_SUCCESS,
            guard<Statement>(
                "SQLCancel", stmt, [](Statement& s) { s.cancel(); }, kNoLock | kKeepDiagnostics));
  fake.default_result = three_rows();
  EXPECT_EQ(SQL_SUCCESS, exec("SELECT 1")) << "a stale cancel does not hit the next statement";
}

TEST_F(StatementTest, CancelClosesAnOpenCursor) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT 1"));
  EXPECT_EQ(SQL_SUCCESS,
            guard<Statement>(
                "SQLCancel", stmt, [](Statement& s) { s.cancel(); }, kNoLock | kKeepDiagnostics));
  EXPECT_EQ(SQL_SUCCESS, exec("SELECT 2")) << "no 24000: the cancel closed the cursor";
}

TEST_F(StatementTest, AFetchAfterACancelBetweenFetchesReportsTheCancelOnce) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT 1"));
  ASSERT_EQ(SQL_SUCCESS, fetch());
  EXPECT_EQ(SQL_SUCCESS,
            guard<Statement>(
                "SQLCancel", stmt, [](Statement& s) { s.cancel(); }, kNoLock | kKeepDiagnostics));
  EXPECT_EQ(SQL_ERROR, fetch());
  EXPECT_EQ("HY008", state(*stmt)) << "as if the cancel had interrupted the fetch";
  EXPECT_EQ(SQL_ERROR, fetch());
  EXPECT_EQ("HY010", state(*stmt)) << "then a fetch without a result set is a sequence error";
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT 2"));
  EXPECT_EQ(SQL_SUCCESS, fetch());
}

TEST_F(StatementTest, PreparedQueryIsDescribedBeforeExecuteAndRunsOnce) {
  fake.default_result = three_rows();
  ASSERT_EQ(SQL_SUCCESS, on_stmt([](Statement& s) { s.prepare("SELECT id, name FROM t"); }));
  EXPECT_EQ(SQL_ERROR, fetch()) << "not executed yet";
  SQLSMALLINT cols = 0;
  on_stmt([&](Statement& s) { cols = s.num_result_cols(); });
  EXPECT_EQ(2, cols);
  ASSERT_EQ(SQL_SUCCESS, on_stmt([](Statement& s) { s.execute(); }));
  EXPECT_EQ(1u, fake.requests.size()) << "the describe run is the execution";
  EXPECT_EQ(SQL_SUCCESS, fetch());
  on_stmt([](Statement& s) { s.free_stmt(SQL_CLOSE); });
  ASSERT_EQ(SQL_SUCCESS, on_stmt([](Statement& s) { s.execute(); }));
  EXPECT_EQ(2u, fake.requests.size()) << "executing again runs again";
}

TEST_F(StatementTest, PreparedDmlIsNotRunToDescribeIt) {
  ASSERT_EQ(SQL_SUCCESS, on_stmt([](Statement& s) { s.prepare("DELETE FROM t"); }));
  SQLSMALLINT cols = -1;
  on_stmt([&](Statement& s) { cols = s.num_result_cols(); });
  EXPECT_EQ(0, cols);
  EXPECT_TRUE(fake.requests.empty());
}

TEST_F(StatementTest, ColAttributeFieldsAndCount) {
  CannedResult r;
  r.columns = {column("amount", "DECIMAL", "DECIMAL(12,3)", 12, 3)};
  r.batches = {};
  fake.default_result = r;
  ASSERT_EQ(SQL_SUCCESS, exec("SELECT amount FROM t"));
  SQLLEN n = 0;
  on_stmt([&](Statement& s) { s.col_attribute(0, SQL_DESC_COUNT, TextOut{}, nullptr, &n); });
  EXPECT_EQ(1, n);
  on_stmt([&](Statement& s) { s.col_attribute(1, SQL_DESC_SCALE, TextOut{}, nullptr, &n); });
  EXPECT_EQ(3, n);
  on_stmt([&](Statement& s) { s.col_attribute(1, SQL_COLUMN_PRECISION, TextOut{}, nullptr, &n); });
  EXPECT_EQ(12, n);
  char label[4];
  SQLSMALLINT length = 0;
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, on_stmt([&](Statement& s) {
              s.col_attribute(1, SQL_DESC_LABEL, TextOut{label, sizeof label, TextUnits::kAnsi},
                              &length, nullptr);
            }));
  EXPECT_STREQ("amo", label);
  EXPECT_EQ(6, length);
  EXPECT_EQ(SQL_ERROR,
            on_stmt([&](Statement& s) { s.col_attribute(1, 9999, TextOut{}, nullptr, &n); }));
  EXPECT_EQ("HY091", state(*stmt));
  EXPECT_EQ(SQL_NO_DATA, fetch());
}

TEST_F(StatementTest, StatementAttributesAreDescriptorViews) {
  SQLUSMALLINT status[2];
  SQLLEN offset = 0;
  on_stmt([&](Statement& s) {
    s.set_attr(SQL_ATTR_ROW_BIND_TYPE, reinterpret_cast<SQLPOINTER>(24), 0, TextUnits::kAnsi);
    s.set_attr(SQL_ATTR_ROW_BIND_OFFSET_PTR, &offset, 0, TextUnits::kAnsi);
    s.set_attr(SQL_ATTR_ROW_STATUS_PTR, status, 0, TextUnits::kAnsi);
  });
  EXPECT_EQ(24u, stmt->ard().header.bind_type);
  EXPECT_EQ(&offset, stmt->ard().header.bind_offset_ptr);
  EXPECT_EQ(status, stmt->ird().header.array_status_ptr);
  SQLULEN v = 99;
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, on_stmt([](Statement& s) {
              s.set_attr(SQL_ATTR_CURSOR_TYPE, reinterpret_cast<SQLPOINTER>(SQL_CURSOR_STATIC), 0,
                         TextUnits::kAnsi);
            }));
  EXPECT_EQ("01S02", state(*stmt));
  on_stmt(
      [&](Statement& s) { s.get_attr(SQL_ATTR_CURSOR_TYPE, &v, 0, nullptr, TextUnits::kAnsi); });
  EXPECT_EQ(static_cast<SQLULEN>(SQL_CURSOR_FORWARD_ONLY), v);
  EXPECT_EQ(SQL_ERROR, on_stmt([](Statement& s) {
              s.set_attr(SQL_ATTR_ROW_ARRAY_SIZE, nullptr, 0, TextUnits::kAnsi);
            }));
  EXPECT_EQ("HY024", state(*stmt));
  EXPECT_EQ(SQL_ERROR,
            on_stmt([](Statement& s) { s.set_attr(987654, nullptr, 0, TextUnits::kAnsi); }));
  EXPECT_EQ("HY092", state(*stmt));
}

TEST_F(StatementTest, StatementsOfOneConnectionRunOnTheirOwnThreads) {
  fake.default_result = three_rows();
  Statement* other = conn->allocate_statement();
  auto run = [](Statement* s, SQLINTEGER* sum) {
    for (int i = 0; i < 50; ++i) {
      guard<Statement>("t", s, [](Statement& st) { st.exec_direct("SELECT id FROM t"); });
      SQLINTEGER id = 0;
      guard<Statement>("t", s,
                       [&](Statement& st) { st.bind_col(1, SQL_C_SLONG, &id, 0, nullptr); });
      while (guard<Statement>("t", s, [](Statement& st) { return st.fetch(); }) == SQL_SUCCESS)
        *sum += id;
      guard<Statement>("t", s, [](Statement& st) { st.free_stmt(SQL_CLOSE); });
    }
  };
  SQLINTEGER a = 0, b = 0;
  std::thread first(run, stmt, &a);
  std::thread second(run, other, &b);
  first.join();
  second.join();
  EXPECT_EQ(50 * 6, a);
  EXPECT_EQ(50 * 6, b);
  EXPECT_EQ(100u, fake.requests.size());
}

}  // namespace
}  // namespace dbsql::odbc::testing
