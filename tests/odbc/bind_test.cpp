// Bound columns: several C types in one row, column-wise and row-wise arrays, bind offsets,
// row status and rows-fetched pointers, per-row conversion errors, and cursor rules.
#include <cstring>
#include <string>
#include <vector>

#include "suite.h"

namespace dbsql::odbc_test {
namespace {

class BindColTest : public WarehouseSuite<BindColTest> {
 protected:
  void set_attr(Stmt& s, SQLINTEGER attr, SQLULEN value) {
    ASSERT_ODBC_OK(SQLSetStmtAttr(s.get(), attr, reinterpret_cast<SQLPOINTER>(value), 0),
                   SQL_HANDLE_STMT, s.get());
  }
  void set_attr_ptr(Stmt& s, SQLINTEGER attr, void* ptr) {
    ASSERT_ODBC_OK(SQLSetStmtAttr(s.get(), attr, ptr, 0), SQL_HANDLE_STMT, s.get());
  }
};

TEST_F(BindColTest, OneRowBoundToSeveralCTypes) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT CAST(12 AS INT) AS i, CAST(-9000000000 AS BIGINT) AS big, "
                        "CAST(0.125 AS DOUBLE) AS d, CAST(-5.50 AS DECIMAL(6,2)) AS dec, "
                        "'caf\xC3\xA9' AS s, DATE'1999-12-31' AS dt, "
                        "TIMESTAMP_NTZ'2000-01-02 03:04:05.5' AS ts, CAST(false AS BOOLEAN) AS b, "
                        "CAST(NULL AS INT) AS n"),
                 SQL_HANDLE_STMT, s.get());
  SQLINTEGER i = 0;
  char big[32] = {0};
  SQLDOUBLE d = 0;
  char dec[16] = {0};
  SQLWCHAR wide[16] = {0};
  SQL_DATE_STRUCT dt{};
  SQL_TIMESTAMP_STRUCT ts{};
  unsigned char b = 9;
  SQLINTEGER n = 77;
  SQLLEN ind[9] = {0};
  SQLHSTMT h = s.get();
  ASSERT_ODBC_OK(SQLBindCol(h, 1, SQL_C_SLONG, &i, 0, &ind[0]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 2, SQL_C_CHAR, big, sizeof big, &ind[1]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 3, SQL_C_DOUBLE, &d, 0, &ind[2]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 4, SQL_C_CHAR, dec, sizeof dec, &ind[3]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 5, SQL_C_WCHAR, wide, sizeof wide, &ind[4]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 6, SQL_C_TYPE_DATE, &dt, 0, &ind[5]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 7, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind[6]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 8, SQL_C_BIT, &b, 0, &ind[7]), SQL_HANDLE_STMT, h);
  ASSERT_ODBC_OK(SQLBindCol(h, 9, SQL_C_SLONG, &n, 0, &ind[8]), SQL_HANDLE_STMT, h);
  ASSERT_EQ(s.fetch(), SQL_SUCCESS) << to_string(s.diags());

  EXPECT_EQ(i, 12);
  EXPECT_STREQ(big, "-9000000000");
  EXPECT_EQ(ind[1], 11);
  EXPECT_EQ(d, 0.125);
  EXPECT_STREQ(dec, "-5.50");
  const char16_t cafe[] = u"caf\u00e9";
  EXPECT_EQ(ind[4], 8);
  EXPECT_EQ(std::memcmp(wide, cafe, sizeof cafe), 0);
  EXPECT_EQ(dt.year, 1999);
  EXPECT_EQ(dt.month, 12);
  EXPECT_EQ(dt.day, 31);
  EXPECT_EQ(ts.year, 2000);
  EXPECT_EQ(ts.second, 5);
  EXPECT_EQ(ts.fraction, 500000000u);
  EXPECT_EQ(b, 0);
  EXPECT_EQ(ind[8], SQL_NULL_DATA);
  EXPECT_EQ(s.fetch(), SQL_NO_DATA);
}

TEST_F(BindColTest, ColumnWiseArrayWithStatusAndRowsFetched) {
  Stmt s = stmt();
  constexpr SQLULEN kArray = 64;
  constexpr int kRows = 1000;
  set_attr(s, SQL_ATTR_ROW_ARRAY_SIZE, kArray);
  SQLULEN fetched = 0;
  SQLUSMALLINT status[kArray];
  set_attr_ptr(s, SQL_ATTR_ROWS_FETCHED_PTR, &fetched);
  set_attr_ptr(s, SQL_ATTR_ROW_STATUS_PTR, status);
  ASSERT_ODBC_OK(s.exec("SELECT id, CAST(id * 3 AS BIGINT) AS triple, "
                        "concat('n', CAST(id AS STRING)) AS label "
                        "FROM range(1000) AS t(id) ORDER BY id"),
                 SQL_HANDLE_STMT, s.get());
  SQLBIGINT id[kArray], triple[kArray];
  char label[kArray][8];
  SQLLEN id_ind[kArray], triple_ind[kArray], label_ind[kArray];
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_SBIGINT, id, 0, id_ind), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 2, SQL_C_SBIGINT, triple, 0, triple_ind), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 3, SQL_C_CHAR, label, sizeof label[0], label_ind),
                 SQL_HANDLE_STMT, s.get());

  int seen = 0;
  SQLRETURN rc;
  while ((rc = SQLFetchScroll(s.get(), SQL_FETCH_NEXT, 0)) != SQL_NO_DATA) {
    ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
    SQLULEN expected_rows = std::min<SQLULEN>(kArray, kRows - seen);
    ASSERT_EQ(fetched, expected_rows);
    for (SQLULEN r = 0; r < fetched; ++r, ++seen) {
      ASSERT_EQ(status[r], SQL_ROW_SUCCESS);
      ASSERT_EQ(id[r], seen);
      ASSERT_EQ(triple[r], 3 * seen);
      ASSERT_EQ(std::string(label[r]), "n" + std::to_string(seen));
      ASSERT_EQ(label_ind[r], static_cast<SQLLEN>(1 + std::to_string(seen).size()));
    }
    for (SQLULEN r = fetched; r < kArray; ++r) EXPECT_EQ(status[r], SQL_ROW_NOROW);
  }
  EXPECT_EQ(seen, kRows);
}

TEST_F(BindColTest, RowWiseBindingWithABindOffset) {
  struct Row {
    SQLINTEGER id;
    SQLLEN id_ind;
    char name[12];
    SQLLEN name_ind;
  };
  Row rows[20];
  std::memset(rows, 0, sizeof rows);
  Stmt s = stmt();
  set_attr(s, SQL_ATTR_ROW_BIND_TYPE, sizeof(Row));
  set_attr(s, SQL_ATTR_ROW_ARRAY_SIZE, 10);
  SQLLEN offset = 0;
  set_attr_ptr(s, SQL_ATTR_ROW_BIND_OFFSET_PTR, &offset);
  ASSERT_ODBC_OK(s.exec("SELECT CAST(id AS INT) AS id, concat('row ', CAST(id AS STRING)) AS name "
                        "FROM range(20) AS t(id) ORDER BY id"),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_SLONG, &rows[0].id, 0, &rows[0].id_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(
      SQLBindCol(s.get(), 2, SQL_C_CHAR, rows[0].name, sizeof rows[0].name, &rows[0].name_ind),
      SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  // The second rowset lands ten rows further into the buffer.
  offset = 10 * sizeof(Row);
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.fetch(), SQL_NO_DATA);
  for (int r = 0; r < 20; ++r) {
    SCOPED_TRACE(r);
    EXPECT_EQ(rows[r].id, r);
    EXPECT_EQ(rows[r].id_ind, static_cast<SQLLEN>(sizeof(SQLINTEGER)));
    EXPECT_EQ(std::string(rows[r].name), "row " + std::to_string(r));
  }
}

TEST_F(BindColTest, ConversionErrorsAreReportedPerRow) {
  Stmt s = stmt();
  SQLUSMALLINT status[4];
  SQLULEN fetched = 0;
  set_attr(s, SQL_ATTR_ROW_ARRAY_SIZE, 4);
  set_attr_ptr(s, SQL_ATTR_ROW_STATUS_PTR, status);
  set_attr_ptr(s, SQL_ATTR_ROWS_FETCHED_PTR, &fetched);
  ASSERT_ODBC_OK(s.exec("SELECT CASE WHEN id % 2 = 0 THEN CAST(id AS STRING) ELSE 'x' END AS v "
                        "FROM range(4) AS t(id) ORDER BY id"),
                 SQL_HANDLE_STMT, s.get());
  SQLINTEGER v[4] = {-1, -1, -1, -1};
  SQLLEN ind[4];
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_SLONG, v, 0, ind), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.fetch(), SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(fetched, 4u);
  EXPECT_EQ(status[0], SQL_ROW_SUCCESS);
  EXPECT_EQ(status[1], SQL_ROW_ERROR);
  EXPECT_EQ(status[2], SQL_ROW_SUCCESS);
  EXPECT_EQ(status[3], SQL_ROW_ERROR);
  EXPECT_EQ(v[0], 0);
  EXPECT_EQ(v[2], 2);
  ASSERT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "22018"));
  SQLLEN row_number = 0;
  SQLINTEGER column_number = 0;
  ASSERT_ODBC_OK(
      SQLGetDiagField(SQL_HANDLE_STMT, s.get(), 1, SQL_DIAG_ROW_NUMBER, &row_number, 0, nullptr),
      SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(SQLGetDiagField(SQL_HANDLE_STMT, s.get(), 1, SQL_DIAG_COLUMN_NUMBER,
                                 &column_number, 0, nullptr),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(row_number, 2);
  EXPECT_EQ(column_number, 1);
}

TEST_F(BindColTest, UnbindStopsWritingTheBuffer) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT id FROM range(2) AS t(id) ORDER BY id"), SQL_HANDLE_STMT, s.get());
  SQLBIGINT id = -1;
  SQLLEN ind = 0;
  ASSERT_ODBC_OK(SQLBindCol(s.get(), 1, SQL_C_SBIGINT, &id, 0, &ind), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(id, 0);
  ASSERT_ODBC_OK(SQLFreeStmt(s.get(), SQL_UNBIND), SQL_HANDLE_STMT, s.get());
  id = -1;
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(id, -1);
  EXPECT_EQ(s.text(1), "1");
}

TEST_F(BindColTest, ForwardOnlyCursorRules) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT 1 AS one"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(SQLFetchScroll(s.get(), SQL_FETCH_FIRST, 0), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY106"));
  ASSERT_ODBC_OK(SQLFetchScroll(s.get(), SQL_FETCH_NEXT, 0), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.text(1), "1");
  EXPECT_EQ(SQLMoreResults(s.get()), SQL_NO_DATA);
  // A second execute needs the cursor closed first.
  ASSERT_ODBC_OK(s.exec("SELECT 2 AS two"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.exec("SELECT 3 AS three"), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "24000"));
  ASSERT_ODBC_OK(SQLCloseCursor(s.get()), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(SQLCloseCursor(s.get()), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "24000"));
  ASSERT_ODBC_OK(s.exec("SELECT 3 AS three"), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.text(1), "3");
}

TEST_F(BindColTest, PrepareThenExecuteTwice) {
  Stmt s = stmt();
  std::string sql = "SELECT CAST(5 AS INT) AS five, 'v' AS vee";
  ASSERT_ODBC_OK(SQLPrepare(s.get(), reinterpret_cast<SQLCHAR*>(sql.data()), SQL_NTS),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  ASSERT_EQ(s.num_cols(), 2);
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "5");
  EXPECT_EQ(rows[0][1], "v");
  // Executing the prepared statement again gives the same result.
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "5");
}

}  // namespace
}  // namespace dbsql::odbc_test
