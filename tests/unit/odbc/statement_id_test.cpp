// The statement id in diagnostics and in SQL_DBSQL_ATTR_STATEMENT_ID always names the
// statement that produced them, never an earlier one run on the same handle.
#include <gtest/gtest.h>

#include "odbc_fixture.h"

namespace dbsql::odbc::testing {
namespace {

using StatementIdTest = OdbcTest;

TEST_F(StatementIdTest, FailureNamesItsOwnStatementNotTheHandlesPreviousOne) {
  CannedResult first = three_rows();
  first.statement_id = "01ef-first";
  CannedResult failing;
  failing.error = Error("42601", "Syntax error at or near 'SELEC' (statement id 01ef-second)")
                      .for_statement("01ef-second");
  fake.next_results = {first, failing};

  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id, name FROM t"));
  EXPECT_EQ("01ef-first", stmt->diag_statement_id());
  ASSERT_EQ(SQL_SUCCESS, on_stmt([](Statement& s) { return s.close_cursor(); }));
  ASSERT_EQ(SQL_ERROR, exec("SELEC 1"));

  const DiagRecord* record = stmt->diag().record(1);
  ASSERT_NE(record, nullptr);
  EXPECT_EQ("42601", record->sqlstate);
  EXPECT_EQ("01ef-second", record->statement_id);
  EXPECT_EQ(std::string::npos, record->message.find("01ef-first")) << record->message;
  EXPECT_EQ(record->message.find("01ef-second"), record->message.rfind("01ef-second"))
      << "the id appears once: " << record->message;
  EXPECT_EQ("01ef-second", stmt->diag_statement_id());
}

TEST_F(StatementIdTest, FailureBeforeTheServerKnewTheStatementHasNoId) {
  CannedResult first = three_rows();
  first.statement_id = "01ef-first";
  CannedResult failing;
  failing.error = Error("08S01", "Could not reach the warehouse");
  fake.next_results = {first, failing};

  ASSERT_EQ(SQL_SUCCESS, exec("SELECT id, name FROM t"));
  ASSERT_EQ(SQL_SUCCESS, on_stmt([](Statement& s) { return s.close_cursor(); }));
  ASSERT_EQ(SQL_ERROR, exec("SELECT 2"));
  const DiagRecord* record = stmt->diag().record(1);
  ASSERT_NE(record, nullptr);
  EXPECT_TRUE(record->statement_id.empty()) << record->statement_id;
  EXPECT_EQ(std::string::npos, record->message.find("01ef-first")) << record->message;
}

}  // namespace
}  // namespace dbsql::odbc::testing
