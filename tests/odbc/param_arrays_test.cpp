// Parameter arrays (SQL_ATTR_PARAMSET_SIZE > 1) through the driver manager: column-wise and
// row-wise binding with bind offsets, status / processed / operation arrays, a 10,000-row
// INSERT that must reach the warehouse as a handful of statements (its request log says how
// many), a bad row that is named and the others inserted exactly once, other statements run
// once per row, and data at execution inside an array.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "param_util.h"
#include "suite.h"

namespace dbsql::odbc_test {
namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

class ParamArraysTest : public WarehouseSuite<ParamArraysTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }

 protected:
  // Status, processed and size attributes of an array of `n` rows.
  void use_array(Stmt& s, SQLULEN n, std::vector<SQLUSMALLINT>& status, SQLULEN& processed) {
    status.assign(n, 0xFFFF);
    processed = 0xDEAD;
    ASSERT_ODBC_OK(set_stmt_attr(s, SQL_ATTR_PARAMSET_SIZE, n), SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(set_stmt_ptr(s, SQL_ATTR_PARAM_STATUS_PTR, status.data()), SQL_HANDLE_STMT,
                   s.get());
    ASSERT_ODBC_OK(set_stmt_ptr(s, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed), SQL_HANDLE_STMT,
                   s.get());
  }
  static std::string sum_to(long long n) { return std::to_string(n * (n + 1) / 2); }
};

TEST_F(ParamArraysTest, ColumnWiseArrayWithAnIgnoredRow) {
  run("CREATE TABLE main.default.pa_col (id INT, name STRING, amount DOUBLE)");
  Stmt s = stmt();
  SQLINTEGER ids[5] = {1, 2, 3, 4, 5};
  SQLLEN id_ind[5] = {0, 0, 0, 0, 0};
  char names[5][16] = {"one", "two", "three", "four", "f\xC3\xBCnf"};
  SQLLEN name_ind[5] = {SQL_NTS, SQL_NTS, 3, SQL_NULL_DATA, SQL_NTS};
  double amounts[5] = {1.5, 2.5, -3.25, 40.75, 0};
  SQLLEN amount_ind[5] = {0, 0, 0, 0, SQL_NULL_DATA};
  SQLUSMALLINT operations[5] = {SQL_PARAM_PROCEED, SQL_PARAM_IGNORE, SQL_PARAM_PROCEED,
                                SQL_PARAM_PROCEED, SQL_PARAM_PROCEED};
  std::vector<SQLUSMALLINT> status;
  SQLULEN processed = 0;
  use_array(s, 5, status, processed);
  ASSERT_ODBC_OK(set_stmt_ptr(s, SQL_ATTR_PARAM_OPERATION_PTR, operations), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SLONG, SQL_INTEGER, 10, 0, ids, 0, id_ind), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_CHAR, SQL_VARCHAR, 15, 0, names, sizeof names[0], name_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(bind_in(s, 3, SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, amounts, 0, amount_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.exec("INSERT INTO main.default.pa_col (id, name, amount) VALUES (?, ?, ?)"),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(row_count(s), 4);
  // Sets processed, error sets included: the ignored set is not processed (as psqlODBC
  // counts them).
  EXPECT_EQ(processed, 4u);
  EXPECT_EQ(status, (std::vector<SQLUSMALLINT>{SQL_PARAM_SUCCESS, SQL_PARAM_UNUSED,
                                               SQL_PARAM_SUCCESS, SQL_PARAM_SUCCESS,
                                               SQL_PARAM_SUCCESS}));
  EXPECT_EQ(query("SELECT id, name, amount FROM main.default.pa_col ORDER BY id"),
            (Rows{{"1", "one", "1.5"},
                  {"3", "thr", "-3.25"},
                  {"4", std::nullopt, "40.75"},
                  {"5", "f\xC3\xBCnf", std::nullopt}}));
}

TEST_F(ParamArraysTest, RowWiseArrayWithABindOffset) {
  run("CREATE TABLE main.default.pa_row (id INT, name STRING, happened TIMESTAMP)");
  struct Row {
    SQLINTEGER id;
    SQLLEN id_ind;
    char name[12];
    SQLLEN name_ind;
    SQL_TIMESTAMP_STRUCT at;
    SQLLEN at_ind;
  };
  auto row = [](int id, const char* name, int second) {
    Row r{};
    r.id = id;
    std::strcpy(r.name, name);
    r.name_ind = SQL_NTS;
    r.at = {2024, 3, 1, 10, 0, static_cast<SQLUSMALLINT>(second), 250000000};
    return r;
  };
  Row first[3] = {row(1, "a", 1), row(2, "b", 2), row(3, "c", 3)};
  Row second[3] = {row(11, "x", 11), row(12, "y", 12), row(13, "z", 13)};
  second[1].at_ind = SQL_NULL_DATA;

  Stmt s = stmt();
  std::vector<SQLUSMALLINT> status;
  SQLULEN processed = 0;
  SQLLEN offset = 0;
  use_array(s, 3, status, processed);
  ASSERT_ODBC_OK(set_stmt_attr(s, SQL_ATTR_PARAM_BIND_TYPE, sizeof(Row)), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(set_stmt_ptr(s, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SLONG, SQL_INTEGER, 10, 0, &first[0].id, 0, &first[0].id_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_CHAR, SQL_VARCHAR, 11, 0, first[0].name,
                         sizeof first[0].name, &first[0].name_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(bind_in(s, 3, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 26, 6, &first[0].at, 0,
                         &first[0].at_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(prepare(s, "INSERT INTO main.default.pa_row VALUES (?, ?, ?)"), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(row_count(s), 3);
  EXPECT_EQ(processed, 3u);
  // The same bindings, read from the second array through the offset.
  offset = reinterpret_cast<char*>(second) - reinterpret_cast<char*>(first);
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(row_count(s), 3);
  EXPECT_EQ(status, std::vector<SQLUSMALLINT>(3, SQL_PARAM_SUCCESS));
  EXPECT_EQ(query("SELECT id, name, happened FROM main.default.pa_row ORDER BY id"),
            (Rows{{"1", "a", "2024-03-01 10:00:01.250"},
                  {"2", "b", "2024-03-01 10:00:02.250"},
                  {"3", "c", "2024-03-01 10:00:03.250"},
                  {"11", "x", "2024-03-01 10:00:11.250"},
                  {"12", "y", std::nullopt},
                  {"13", "z", "2024-03-01 10:00:13.250"}}));
}

TEST_F(ParamArraysTest, TenThousandRowsArriveInAtMostTenStatements) {
  constexpr std::size_t kRows = 10000;
  run("CREATE TABLE main.default.pa_bulk (id BIGINT, label STRING, amount DECIMAL(12,2))");
  std::vector<SQLBIGINT> ids(kRows);
  std::vector<SQLLEN> id_ind(kRows, 0), label_ind(kRows, SQL_NTS), amount_ind(kRows, 0);
  std::vector<char> labels(kRows * 24);
  std::vector<double> amounts(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    ids[i] = static_cast<SQLBIGINT>(i + 1);
    std::snprintf(&labels[i * 24], 24, "row-%zu", i + 1);
    amounts[i] = static_cast<double>(i + 1) * 0.25;
  }
  Stmt s = stmt();
  std::vector<SQLUSMALLINT> status;
  SQLULEN processed = 0;
  use_array(s, kRows, status, processed);
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SBIGINT, SQL_BIGINT, 19, 0, ids.data(), 0, id_ind.data()),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(
      bind_in(s, 2, SQL_C_CHAR, SQL_VARCHAR, 23, 0, labels.data(), 24, label_ind.data()),
      SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(
      bind_in(s, 3, SQL_C_DOUBLE, SQL_DECIMAL, 12, 2, amounts.data(), 0, amount_ind.data()),
      SQL_HANDLE_STMT, s.get());

  WarehouseAdmin admin(warehouse());
  long before = admin.last_seq();
  ASSERT_ODBC_OK(s.exec("INSERT INTO main.default.pa_bulk (id, label, amount) VALUES (?, ?, ?)"),
                 SQL_HANDLE_STMT, s.get());
  auto posts = statement_posts(admin, before);
  EXPECT_EQ(row_count(s), static_cast<SQLLEN>(kRows));
  EXPECT_EQ(processed, kRows);
  EXPECT_EQ(std::count(status.begin(), status.end(), SQL_PARAM_SUCCESS),
            static_cast<long>(kRows));

  EXPECT_GE(posts.size(), 1u);
  EXPECT_LE(posts.size(), 10u) << "statements sent for " << kRows << " rows";
  long parameters = 0;
  for (const auto& p : posts) {
    EXPECT_EQ(p.statement_prefix.rfind("INSERT", 0), 0u) << p.raw;
    EXPECT_EQ(p.status, "200") << p.raw;
    parameters += p.parameter_count;
  }
  EXPECT_EQ(parameters, static_cast<long>(3 * kRows)) << "every row's values sent once";

  auto rows = query(
      "SELECT count(*), sum(id), count(DISTINCT id), sum(amount), "
      "count_if(label = concat('row-', CAST(id AS STRING))) FROM main.default.pa_bulk");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], std::to_string(kRows));
  EXPECT_EQ(rows[0][1], sum_to(kRows));
  EXPECT_EQ(rows[0][2], std::to_string(kRows));
  EXPECT_EQ(rows[0][3], "12501250.00");  // 0.25 * 10000 * 10001 / 2
  EXPECT_EQ(rows[0][4], std::to_string(kRows));
}

// The bad value fails in the driver (22018 before anything is sent).
TEST_F(ParamArraysTest, ARowTheDriverCannotConvertIsNamedAndTheOthersInsertedOnce) {
  run("CREATE TABLE main.default.pa_bad (id INT, name STRING)");
  Stmt s = stmt();
  char ids[6][8] = {"1", "2", "abc", "4", "5", "6"};
  SQLLEN id_ind[6] = {SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS};
  char names[6][4] = {"a", "b", "c", "d", "e", "f"};
  SQLLEN name_ind[6] = {SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS};
  std::vector<SQLUSMALLINT> status;
  SQLULEN processed = 0;
  use_array(s, 6, status, processed);
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_CHAR, SQL_INTEGER, 10, 0, ids, sizeof ids[0], id_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_CHAR, SQL_VARCHAR, 3, 0, names, sizeof names[0], name_ind),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.exec("INSERT INTO main.default.pa_bad (id, name) VALUES (?, ?)"),
            SQL_ERROR);
  auto diags = row_diags(s);
  EXPECT_EQ(processed, 6u);
  EXPECT_EQ(status, (std::vector<SQLUSMALLINT>{SQL_PARAM_SUCCESS, SQL_PARAM_SUCCESS,
                                               SQL_PARAM_ERROR, SQL_PARAM_SUCCESS,
                                               SQL_PARAM_SUCCESS, SQL_PARAM_SUCCESS}));
  bool named = false;
  for (const auto& d : diags) named |= d.sqlstate == "22018" && d.row == 3;
  EXPECT_TRUE(named) << "a 22018 record for row 3:\n" << describe(diags);
  // After SQL_ERROR the driver manager refuses SQLRowCount (HY010): the status array counts.
  EXPECT_EQ(std::count(status.begin(), status.end(), SQL_PARAM_SUCCESS), 5);
  EXPECT_EQ(query("SELECT count(*), count(DISTINCT id), sum(id) FROM main.default.pa_bad"),
            (Rows{{"5", "5", "18"}}));
  EXPECT_EQ(query("SELECT id, name FROM main.default.pa_bad ORDER BY id"),
            (Rows{{"1", "a"}, {"2", "b"}, {"4", "d"}, {"5", "e"}, {"6", "f"}}));
}

// The bad value fails in the warehouse (it does not fit the column), so the batch holding it
// fails there; the row is still named and no other row is lost or doubled.
TEST_F(ParamArraysTest, ARowTheWarehouseRejectsIsNamedAndTheOthersInsertedOnce) {
  run("CREATE TABLE main.default.pa_reject (id INT, amount DECIMAL(5,2))");
  Stmt s = stmt();
  SQLINTEGER ids[5] = {1, 2, 3, 4, 5};
  char amounts[5][16] = {"1.50", "2.50", "123456.78", "4.50", "5.50"};
  SQLLEN amount_ind[5] = {SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS, SQL_NTS};
  std::vector<SQLUSMALLINT> status;
  SQLULEN processed = 0;
  use_array(s, 5, status, processed);
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SLONG, SQL_INTEGER, 10, 0, ids, 0, nullptr), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(
      bind_in(s, 2, SQL_C_CHAR, SQL_DECIMAL, 10, 2, amounts, sizeof amounts[0], amount_ind),
      SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.exec("INSERT INTO main.default.pa_reject (id, amount) VALUES (?, ?)"),
            SQL_ERROR);
  auto diags = row_diags(s);
  EXPECT_EQ(processed, 5u);
  EXPECT_EQ(status, (std::vector<SQLUSMALLINT>{SQL_PARAM_SUCCESS, SQL_PARAM_SUCCESS,
                                               SQL_PARAM_ERROR, SQL_PARAM_SUCCESS,
                                               SQL_PARAM_SUCCESS}));
  bool named = false;
  for (const auto& d : diags) named |= d.row == 3;
  EXPECT_TRUE(named) << "a record for row 3:\n" << describe(diags);
  EXPECT_EQ(std::count(status.begin(), status.end(), SQL_PARAM_SUCCESS), 4);
  EXPECT_EQ(query("SELECT count(*), count(DISTINCT id), sum(id), sum(amount) "
                  "FROM main.default.pa_reject"),
            (Rows{{"4", "4", "12", "14.00"}}));
}

TEST_F(ParamArraysTest, AnUpdateWithAnArrayRunsOncePerRow) {
  run("CREATE TABLE main.default.pa_update (id INT, name STRING)");
  run("INSERT INTO main.default.pa_update VALUES (1, 'p'), (2, 'q'), (2, 'r'), (3, 's')");
  Stmt s = stmt();
  char names[3][4] = {"A", "B", "C"};
  SQLLEN name_ind[3] = {SQL_NTS, SQL_NTS, SQL_NTS};
  SQLINTEGER ids[3] = {1, 2, 9};
  std::vector<SQLUSMALLINT> status;
  SQLULEN processed = 0;
  use_array(s, 3, status, processed);
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_CHAR, SQL_VARCHAR, 3, 0, names, sizeof names[0], name_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_SLONG, SQL_INTEGER, 10, 0, ids, 0, nullptr), SQL_HANDLE_STMT,
                 s.get());
  WarehouseAdmin admin(warehouse());
  long before = admin.last_seq();
  ASSERT_ODBC_OK(s.exec("UPDATE main.default.pa_update SET name = ? WHERE id = ?"),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(statement_posts(admin, before).size(), 3u);
  EXPECT_EQ(row_count(s), 3);  // 1 + 2 + 0
  EXPECT_EQ(processed, 3u);
  EXPECT_EQ(status, std::vector<SQLUSMALLINT>(3, SQL_PARAM_SUCCESS));
  EXPECT_EQ(query("SELECT id, name FROM main.default.pa_update ORDER BY id, name"),
            (Rows{{"1", "A"}, {"2", "B"}, {"2", "B"}, {"3", "s"}}));
}

TEST_F(ParamArraysTest, DataAtExecutionInsideAnArray) {
  run("CREATE TABLE main.default.pa_dae (id INT, s STRING)");
  Stmt s = stmt();
  SQLINTEGER ids[3] = {7, 8, 9};
  // BufferLength 0: SQLParamData hands back the same token for every row.
  SQLLEN dae_ind[3] = {SQL_DATA_AT_EXEC, SQL_LEN_DATA_AT_EXEC(0), SQL_DATA_AT_EXEC};
  std::vector<SQLUSMALLINT> status;
  SQLULEN processed = 0;
  use_array(s, 3, status, processed);
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SLONG, SQL_INTEGER, 10, 0, ids, 0, nullptr), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_CHAR, SQL_LONGVARCHAR, 100000, 0,
                         reinterpret_cast<SQLPOINTER>(42), 0, dae_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_EQ(s.exec("INSERT INTO main.default.pa_dae (id, s) VALUES (?, ?)"), SQL_NEED_DATA)
      << to_string(s.diags());
  SQLPOINTER token = nullptr;
  SQLRETURN rc;
  int asked = 0;
  while ((rc = SQLParamData(s.get(), &token)) == SQL_NEED_DATA) {
    EXPECT_EQ(token, reinterpret_cast<SQLPOINTER>(42));
    // Rows are asked for in order: row `asked` gets "row<id>:" and 20,000 of its letter.
    std::string head = "row" + std::to_string(ids[asked]) + ":";
    std::string body(20000, static_cast<char>('a' + asked));
    ASSERT_ODBC_OK(SQLPutData(s.get(), head.data(), static_cast<SQLLEN>(head.size())),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(SQLPutData(s.get(), body.data(), static_cast<SQLLEN>(body.size())),
                   SQL_HANDLE_STMT, s.get());
    if (++asked > 3) break;
  }
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(asked, 3);
  EXPECT_EQ(row_count(s), 3);
  EXPECT_EQ(status, std::vector<SQLUSMALLINT>(3, SQL_PARAM_SUCCESS));
  EXPECT_EQ(query("SELECT id, substring(s, 1, 7), char_length(s), "
                  "char_length(replace(substring(s, 7), substring(s, 7, 1), '')) "
                  "FROM main.default.pa_dae ORDER BY id"),
            (Rows{{"7", "row7:aa", "20005", "0"},
                  {"8", "row8:bb", "20005", "0"},
                  {"9", "row9:cc", "20005", "0"}}));
}

}  // namespace
}  // namespace dbsql::odbc_test
