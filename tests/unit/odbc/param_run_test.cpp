// Parameter arrays without a server: how rows are grouped into multi-row INSERTs, what
// the status array says after a rejected batch or a lost connection, and that no row is
// sent twice unless the server refused its statement.
#include "odbc/param_run.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "fake_backend.h"
#include "odbc/param_binding.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

using testing::CannedResult;
using testing::FakeExecution;

struct Sent {
  std::string text;
  std::vector<sea::Parameter> parameters;
};

class ParamRunTest : public ::testing::Test {
 protected:
  static constexpr size_t kRows = 5;

  // Binds two column-wise INT parameters over kRows rows: ids 1..5 and values 10..50.
  void SetUp() override {
    for (size_t r = 0; r < kRows; ++r) {
      ids_[r] = static_cast<SQLINTEGER>(r + 1);
      values_[r] = static_cast<SQLINTEGER>(10 * (r + 1));
      id_len_[r] = value_len_[r] = 0;
    }
    bind_parameter(apd_, ipd_, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids_, 0, id_len_);
    bind_parameter(apd_, ipd_, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, values_, 0,
                   value_len_);
  }

  // Runs `sql` over the bound rows; `fail` decides the answer to each statement sent.
  ParamRunResult run(const std::string& sql, const std::function<void(const Sent&)>& fail = {}) {
    translation_ = sql::translate(sql);
    slots_ = plan_parameters(apd_, ipd_, translation_.parameter_count);
    ParamRun r{translation_, slots_, kRows, operations_, statuses_, &processed_,
               nullptr,      false,  budget_, {}};
    r.execute = [&](std::string text, std::vector<sea::Parameter> parameters) {
      sent_.push_back({std::move(text), std::move(parameters)});
      if (fail) fail(sent_.back());
      CannedResult result;
      result.affected_rows = static_cast<int64_t>(sent_.back().parameters.size() / 2);
      return std::make_unique<FakeExecution>(result, &closed_);
    };
    return run_parameters(r, diag_);
  }

  Descriptor apd_{DescKind::kApd, nullptr};
  Descriptor ipd_{DescKind::kIpd, nullptr};
  SQLINTEGER ids_[kRows], values_[kRows];
  SQLLEN id_len_[kRows], value_len_[kRows];
  SQLUSMALLINT* operations_ = nullptr;
  SQLUSMALLINT statuses_[kRows] = {};
  SQLULEN processed_ = 0;
  BatchBudget budget_{1 << 20, 4, 16 << 20};  // 4 parameters: two rows per statement
  sql::Translation translation_;
  std::vector<ParamSlot> slots_;
  std::vector<Sent> sent_;
  Diagnostics diag_;
  std::atomic<int> closed_{0};
};

constexpr const char* kInsert = "INSERT INTO t (id, v) VALUES (?, ?)";

TEST_F(ParamRunTest, InsertRowsGoAsMultiRowStatementsWithinTheBudget) {
  ParamRunResult result = run(kInsert);
  ASSERT_EQ(sent_.size(), 3u);  // rows 1-2, 3-4, 5
  EXPECT_EQ(sent_[0].text, "INSERT INTO t (id, v) VALUES (:p1, :p2),(:p3, :p4)");
  EXPECT_EQ(sent_[2].text, "INSERT INTO t (id, v) VALUES (:p1, :p2)");
  ASSERT_EQ(sent_[1].parameters.size(), 4u);
  EXPECT_EQ(sent_[1].parameters[0].value, "3");
  EXPECT_EQ(sent_[1].parameters[3].value, "40");
  EXPECT_EQ(sent_[1].parameters[3].type, "INT");
  EXPECT_EQ(result.affected_rows, 5);
  EXPECT_EQ(result.rc, SQL_SUCCESS);
  EXPECT_EQ(processed_, kRows);
  for (SQLUSMALLINT s : statuses_) EXPECT_EQ(s, SQL_PARAM_SUCCESS);
}

TEST_F(ParamRunTest, ARejectedBatchIsRetriedRowByRowToNameTheBadRow) {
  // The server refuses any statement holding row 3 (id 3): the batch wrote nothing.
  ParamRunResult result = run(kInsert, [](const Sent& s) {
    for (size_t i = 0; i < s.parameters.size(); i += 2)  // ids sit at even positions
      if (s.parameters[i].value == "3") throw Error("22018", "[CAST_INVALID_INPUT] bad value");
  });
  EXPECT_EQ(result.rc, SQL_ERROR);
  EXPECT_EQ(result.affected_rows, 4);
  EXPECT_EQ(statuses_[2], SQL_PARAM_ERROR);
  for (size_t r : {0u, 1u, 3u, 4u}) EXPECT_EQ(statuses_[r], SQL_PARAM_SUCCESS) << r;
  // Rows 1-2, then 3-4 refused, then 3 and 4 alone, then 5: row 4 is written once.
  ASSERT_EQ(sent_.size(), 5u);
  ASSERT_EQ(diag_.size(), 1u);
  EXPECT_EQ(diag_.record(1)->sqlstate, "22018");
  EXPECT_EQ(diag_.record(1)->row_number, 3);
  EXPECT_NE(diag_.record(1)->message.find("Parameter row 3"), std::string::npos);
}

TEST_F(ParamRunTest, AnUnknownOutcomeStopsTheArrayWithoutResending) {
  try {
    run(kInsert, [this](const Sent&) {
      if (sent_.size() == 2) throw Error("08S01", "Communication link failure");
    });
    FAIL() << "a lost connection must fail the array";
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "08S01");
    EXPECT_NE(std::string(e.what()).find("rows 3 to 4 may or may not have been written"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(sent_.size(), 2u);  // nothing retried, nothing after
  EXPECT_EQ(statuses_[0], SQL_PARAM_SUCCESS);
  EXPECT_EQ(statuses_[2], SQL_PARAM_ERROR);
  EXPECT_EQ(statuses_[3], SQL_PARAM_ERROR);
  EXPECT_EQ(statuses_[4], SQL_PARAM_UNUSED);
}

TEST_F(ParamRunTest, IgnoredRowsAndBadValuesAreNotSent) {
  SQLUSMALLINT operations[kRows] = {SQL_PARAM_PROCEED, SQL_PARAM_IGNORE, SQL_PARAM_PROCEED,
                                    SQL_PARAM_PROCEED, SQL_PARAM_PROCEED};
  operations_ = operations;
  values_[3] = 0;
  id_len_[3] = SQL_NULL_DATA;  // a NULL is fine
  apd_.record(2).set_concise_type(SQL_C_CHAR);  // row 5's value is now text that is no number
  static char text[kRows][8] = {"10", "20", "30", "40", "x5"};
  apd_.record(2).data_ptr = text;
  apd_.record(2).octet_length = 8;
  for (auto& n : value_len_) n = SQL_NTS;
  ParamRunResult result = run(kInsert);
  EXPECT_EQ(result.rc, SQL_ERROR);
  EXPECT_EQ(statuses_[1], SQL_PARAM_UNUSED);
  EXPECT_EQ(statuses_[4], SQL_PARAM_ERROR);
  EXPECT_EQ(processed_, 4u);  // ignored sets are not processed
  ASSERT_EQ(sent_.size(), 2u);  // rows 1 and 3, then row 4 alone
  EXPECT_EQ(sent_[0].parameters[2].value, "3");
  EXPECT_FALSE(sent_[1].parameters[0].value.has_value());
  ASSERT_EQ(diag_.size(), 1u);
  EXPECT_EQ(diag_.record(1)->sqlstate, "22018");
  EXPECT_EQ(diag_.record(1)->column_number, 2);  // the parameter
}

TEST_F(ParamRunTest, ADoubleIntoAnIntegerWarnsOfFractionalTruncation) {
  static double amounts[kRows] = {1.0, 2.75, 3.0, 4.0, 5.0};
  DescRecord& rec = apd_.record(2);
  rec.set_concise_type(SQL_C_DOUBLE);
  rec.data_ptr = amounts;
  ParamRunResult result = run(kInsert);
  EXPECT_EQ(result.rc, SQL_SUCCESS);  // a warning, not a row error
  EXPECT_EQ(sent_[0].parameters[3].value, "2");
  ASSERT_EQ(diag_.size(), 1u);
  EXPECT_EQ(diag_.record(1)->sqlstate, "01S07");
  EXPECT_EQ(diag_.record(1)->row_number, 2);
  EXPECT_EQ(diag_.record(1)->column_number, 2);
  EXPECT_EQ(statuses_[1], SQL_PARAM_SUCCESS_WITH_INFO);
  EXPECT_EQ(statuses_[0], SQL_PARAM_SUCCESS);
}

TEST_F(ParamRunTest, OtherStatementsRunOncePerRow) {
  ParamRunResult result = run("UPDATE t SET v = ? WHERE id = ?");
  EXPECT_EQ(sent_.size(), kRows);
  EXPECT_EQ(sent_[0].text, "UPDATE t SET v = :p1 WHERE id = :p2");
  EXPECT_EQ(result.affected_rows, 5);
}

TEST_F(ParamRunTest, AQueryWithAnArrayIsRefused) {
  translation_ = sql::translate("SELECT ? + ?");
  slots_ = plan_parameters(apd_, ipd_, 2);
  ParamRun r{translation_, slots_, kRows, nullptr, statuses_, &processed_, nullptr, true, {}, {}};
  try {
    run_parameters(r, diag_);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "HYC00");
  }
}

TEST(ParamBindingTest, UnboundMarkersAre07002) {
  Descriptor apd{DescKind::kApd, nullptr}, ipd{DescKind::kIpd, nullptr};
  SQLINTEGER v = 1;
  bind_parameter(apd, ipd, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, nullptr);
  try {
    plan_parameters(apd, ipd, 2);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "07002");
    EXPECT_NE(std::string(e.what()).find("parameter 2 is not bound"), std::string::npos);
  }
}

}  // namespace
}  // namespace dbsql::odbc
