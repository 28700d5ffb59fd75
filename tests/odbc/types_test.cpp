// Every Databricks type through the driver manager over TLS: the SQL type SQLDescribeCol
// reports, and the value SQLGetData returns as text and as the natural C type.
#include <cctype>
#include <cstring>
#include <set>
#include <string>

#include "suite.h"

namespace dbsql::odbc_test {
namespace {

// One SELECT holding one column of each type, in this order. TIMESTAMP literals are read
// and rendered in the session time zone, so the wall-clock value comes back unchanged.
constexpr const char* kAllTypes =
    "SELECT CAST(true AS BOOLEAN) AS c_boolean, CAST(-7 AS TINYINT) AS c_tinyint, "
    "CAST(-300 AS SMALLINT) AS c_smallint, CAST(2147483647 AS INT) AS c_int, "
    "CAST(9223372036854775807 AS BIGINT) AS c_bigint, CAST(1.5 AS FLOAT) AS c_float, "
    "CAST(-2.25 AS DOUBLE) AS c_double, CAST(12345678.91 AS DECIMAL(10,2)) AS c_decimal, "
    "'h\xC3\xA9llo, w\xC3\xB6rld' AS c_string, X'DEADBEEF' AS c_binary, "
    "DATE'2024-02-29' AS c_date, TIMESTAMP'2024-02-29 12:34:56.789' AS c_timestamp, "
    "TIMESTAMP_NTZ'2024-02-29 12:34:56.789' AS c_timestamp_ntz, "
    "INTERVAL '3' DAY AS c_interval_day, INTERVAL '14' MONTH AS c_interval_month, "
    "array(1, 2, 3) AS c_array, map('a', 1) AS c_map, "
    "named_struct('a', 1, 'b', 'x') AS c_struct";

enum Col : SQLUSMALLINT {
  kBoolean = 1,
  kTinyInt,
  kSmallInt,
  kInt,
  kBigInt,
  kFloat,
  kDouble,
  kDecimal,
  kString,
  kBinary,
  kDate,
  kTimestamp,
  kTimestampNtz,
  kIntervalDay,
  kIntervalMonth,
  kArray,
  kMap,
  kStruct,
  kColumnCount = kStruct
};

const std::set<SQLSMALLINT> kCharTypes = {SQL_VARCHAR,      SQL_LONGVARCHAR, SQL_WVARCHAR,
                                          SQL_WLONGVARCHAR, SQL_CHAR,        SQL_WCHAR};
const std::set<SQLSMALLINT> kBinaryTypes = {SQL_BINARY, SQL_VARBINARY, SQL_LONGVARBINARY};

class TypesTest : public WarehouseSuite<TypesTest> {
 public:
  static WarehouseOptions warehouse_options() { return tls_warehouse(); }

 protected:
  // A statement positioned on the single row of kAllTypes.
  Stmt all_types_row() {
    Stmt s = stmt();
    EXPECT_ODBC_OK(s.exec(kAllTypes), SQL_HANDLE_STMT, s.get());
    EXPECT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
    return s;
  }
  template <typename T>
  T get(Stmt& s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLLEN* ind_out = nullptr) {
    T value{};
    SQLLEN ind = 0;
    EXPECT_ODBC_OK(SQLGetData(s.get(), col, c_type, &value, sizeof value, &ind), SQL_HANDLE_STMT,
                   s.get())
        << "column " << col << " as C type " << c_type;
    if (ind_out) *ind_out = ind;
    return value;
  }
};

TEST_F(TypesTest, DescribeColReportsTheSqlTypeOfEveryType) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec(kAllTypes), SQL_HANDLE_STMT, s.get());
  ASSERT_EQ(s.num_cols(), kColumnCount);

  struct Expect {
    SQLUSMALLINT col;
    const char* name;
    std::set<SQLSMALLINT> types;
  };
  const Expect expected[] = {
      {kBoolean, "c_boolean", {SQL_BIT}},
      {kTinyInt, "c_tinyint", {SQL_TINYINT}},
      {kSmallInt, "c_smallint", {SQL_SMALLINT}},
      {kInt, "c_int", {SQL_INTEGER}},
      {kBigInt, "c_bigint", {SQL_BIGINT}},
      {kFloat, "c_float", {SQL_REAL}},
      {kDouble, "c_double", {SQL_DOUBLE}},
      {kDecimal, "c_decimal", {SQL_DECIMAL}},
      {kString, "c_string", kCharTypes},
      {kBinary, "c_binary", kBinaryTypes},
      {kDate, "c_date", {SQL_TYPE_DATE}},
      {kTimestamp, "c_timestamp", {SQL_TYPE_TIMESTAMP}},
      {kTimestampNtz, "c_timestamp_ntz", {SQL_TYPE_TIMESTAMP}},
      // Intervals are described as text by default (pyodbc and most tools cannot read the
      // SQL interval types); IntervalsAsText=0 gives the interval types, see below.
      {kIntervalDay, "c_interval_day", kCharTypes},
      {kIntervalMonth, "c_interval_month", kCharTypes},
      {kArray, "c_array", kCharTypes},
      {kMap, "c_map", kCharTypes},
      {kStruct, "c_struct", kCharTypes},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.name);
    ColumnDescription d = describe_col(s, e.col);
    EXPECT_EQ(d.name, e.name);
    EXPECT_TRUE(e.types.count(d.sql_type)) << "SQL type " << d.sql_type;
  }
  ColumnDescription dec = describe_col(s, kDecimal);
  EXPECT_EQ(dec.size, 10u);
  EXPECT_EQ(dec.digits, 2);
  EXPECT_EQ(describe_col(s, kInt).size, 10u);
  EXPECT_EQ(describe_col(s, kBigInt).size, 19u);
  EXPECT_EQ(describe_col(s, kDate).size, 10u);  // yyyy-mm-dd

  // SQLColAttribute: the Databricks type text is the type name applications display.
  char type_name[128] = {0};
  SQLSMALLINT len = 0;
  ASSERT_ODBC_OK(SQLColAttribute(s.get(), kDecimal, SQL_DESC_TYPE_NAME, type_name, sizeof type_name,
                                 &len, nullptr),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(std::string(type_name).find("DECIMAL"), 0u) << type_name;
  SQLLEN is_unsigned = -1;
  ASSERT_ODBC_OK(
      SQLColAttribute(s.get(), kInt, SQL_DESC_UNSIGNED, nullptr, 0, nullptr, &is_unsigned),
      SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(is_unsigned, SQL_FALSE);
}

TEST_F(TypesTest, IntervalsAsTextOffDescribesTheSqlIntervalTypes) {
  Dbc dbc(env_);
  ASSERT_ODBC_OK(dbc.driver_connect(warehouse().connection_string("IntervalsAsText=0;")),
                 SQL_HANDLE_DBC, dbc.get());
  Stmt s(dbc);
  ASSERT_ODBC_OK(s.exec(kAllTypes), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(describe_col(s, kIntervalDay).sql_type, SQL_INTERVAL_DAY_TO_SECOND);
  EXPECT_EQ(describe_col(s, kIntervalMonth).sql_type, SQL_INTERVAL_YEAR_TO_MONTH);
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  auto day = get<SQL_INTERVAL_STRUCT>(s, kIntervalDay, SQL_C_DEFAULT);
  EXPECT_EQ(day.interval_type, SQL_IS_DAY_TO_SECOND);
  EXPECT_EQ(day.intval.day_second.day, 3u);
  EXPECT_EQ(s.text(kIntervalMonth), "1-2");
}

TEST_F(TypesTest, GetDataAsCharFollowsTheOdbcTextForms) {
  Stmt s = all_types_row();
  EXPECT_EQ(s.text(kBoolean), "1");
  EXPECT_EQ(s.text(kTinyInt), "-7");
  EXPECT_EQ(s.text(kSmallInt), "-300");
  EXPECT_EQ(s.text(kInt), "2147483647");
  EXPECT_EQ(s.text(kBigInt), "9223372036854775807");
  EXPECT_EQ(s.text(kFloat), "1.5");
  EXPECT_EQ(s.text(kDouble), "-2.25");
  EXPECT_EQ(s.text(kDecimal), "12345678.91");
  EXPECT_EQ(s.text(kString), "h\xC3\xA9llo, w\xC3\xB6rld");
  // Binary as text is two hex digits per byte.
  auto hex = s.text(kBinary).value_or("");
  for (auto& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(hex, "DEADBEEF");
  EXPECT_EQ(s.text(kDate), "2024-02-29");
  EXPECT_EQ(s.text(kTimestamp).value_or("").rfind("2024-02-29 12:34:56.789", 0), 0u);
  EXPECT_EQ(s.text(kTimestampNtz).value_or("").rfind("2024-02-29 12:34:56.789", 0), 0u);
  EXPECT_EQ(s.text(kIntervalDay).value_or("").rfind("3 00:00:00", 0), 0u);
  EXPECT_EQ(s.text(kIntervalMonth), "1-2");
  EXPECT_EQ(s.text(kArray), "[1,2,3]");
  EXPECT_EQ(s.text(kMap), "{\"a\":1}");
  EXPECT_EQ(s.text(kStruct), "{\"a\":1,\"b\":\"x\"}");
}

TEST_F(TypesTest, VoidColumnIsDescribedAndNull) {
  // A bare NULL is Databricks' VOID type (type_name NULL): no ODBC type fits, so a
  // character type whose every value is NULL, or SQL_TYPE_NULL.
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT NULL"), SQL_HANDLE_STMT, s.get());
  ColumnDescription d = describe_col(s, 1);
  auto allowed = kCharTypes;
  allowed.insert(SQL_TYPE_NULL);
  EXPECT_TRUE(allowed.count(d.sql_type)) << "SQL type " << d.sql_type;
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  // Once a column has been read, SQLGetData on it again gives SQL_NO_DATA: one read per row.
  SQLINTEGER value = 0;
  SQLLEN ind = 0;
  ASSERT_ODBC_OK(SQLGetData(s.get(), 1, SQL_C_SLONG, &value, sizeof value, &ind), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(ind, SQL_NULL_DATA);
  EXPECT_EQ(SQLGetData(s.get(), 1, SQL_C_SLONG, &value, sizeof value, &ind), SQL_NO_DATA);
  s.close_cursor();
  ASSERT_ODBC_OK(s.exec("SELECT NULL"), SQL_HANDLE_STMT, s.get());
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], std::nullopt);
}

TEST_F(TypesTest, GetDataAsNativeCTypes) {
  Stmt s = all_types_row();
  EXPECT_EQ(get<unsigned char>(s, kBoolean, SQL_C_BIT), 1);
  EXPECT_EQ(get<signed char>(s, kTinyInt, SQL_C_STINYINT), -7);
  EXPECT_EQ(get<SQLSMALLINT>(s, kSmallInt, SQL_C_SSHORT), -300);
  EXPECT_EQ(get<SQLINTEGER>(s, kInt, SQL_C_SLONG), 2147483647);
  EXPECT_EQ(get<SQLBIGINT>(s, kBigInt, SQL_C_SBIGINT), INT64_MAX);
  EXPECT_EQ(get<SQLREAL>(s, kFloat, SQL_C_FLOAT), 1.5f);
  EXPECT_EQ(get<SQLDOUBLE>(s, kDouble, SQL_C_DOUBLE), -2.25);
  EXPECT_DOUBLE_EQ(get<SQLDOUBLE>(s, kDecimal, SQL_C_DOUBLE), 12345678.91);

  unsigned char bytes[16] = {0};
  SQLLEN ind = 0;
  ASSERT_ODBC_OK(SQLGetData(s.get(), kBinary, SQL_C_BINARY, bytes, sizeof bytes, &ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_EQ(ind, 4);
  EXPECT_EQ(std::memcmp(bytes, "\xDE\xAD\xBE\xEF", 4), 0);

  auto date = get<SQL_DATE_STRUCT>(s, kDate, SQL_C_TYPE_DATE);
  EXPECT_EQ(date.year, 2024);
  EXPECT_EQ(date.month, 2);
  EXPECT_EQ(date.day, 29);
  for (SQLUSMALLINT col : {kTimestamp, kTimestampNtz}) {
    SCOPED_TRACE(col);
    auto ts = get<SQL_TIMESTAMP_STRUCT>(s, col, SQL_C_TYPE_TIMESTAMP);
    EXPECT_EQ(ts.year, 2024);
    EXPECT_EQ(ts.month, 2);
    EXPECT_EQ(ts.day, 29);
    EXPECT_EQ(ts.hour, 12);
    EXPECT_EQ(ts.minute, 34);
    EXPECT_EQ(ts.second, 56);
    EXPECT_EQ(ts.fraction, 789000000u);  // nanoseconds
  }
  auto day = get<SQL_INTERVAL_STRUCT>(s, kIntervalDay, SQL_C_INTERVAL_DAY_TO_SECOND);
  EXPECT_EQ(day.interval_type, SQL_IS_DAY_TO_SECOND);
  EXPECT_EQ(day.intval.day_second.day, 3u);
  EXPECT_EQ(day.intval.day_second.hour, 0u);
  auto month = get<SQL_INTERVAL_STRUCT>(s, kIntervalMonth, SQL_C_INTERVAL_YEAR_TO_MONTH);
  EXPECT_EQ(month.interval_type, SQL_IS_YEAR_TO_MONTH);
  EXPECT_EQ(month.intval.year_month.year, 1u);
  EXPECT_EQ(month.intval.year_month.month, 2u);
}

TEST_F(TypesTest, EveryTypeThroughBoundColumns) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec(kAllTypes), SQL_HANDLE_STMT, s.get());
  unsigned char boolean = 9;
  signed char tiny = 0;
  SQLSMALLINT small = 0;
  SQLINTEGER integer = 0;
  SQLBIGINT big = 0;
  SQLREAL real = 0;
  SQLDOUBLE dbl = 0;
  char decimal[32] = {0}, array[32] = {0}, map[32] = {0}, structure[32] = {0}, month[16] = {0};
  SQLWCHAR wide[32] = {0};
  unsigned char binary[8] = {0};
  SQL_DATE_STRUCT date{};
  SQL_TIMESTAMP_STRUCT ts{}, ntz{};
  SQL_INTERVAL_STRUCT day{};
  SQLLEN ind[kColumnCount] = {0};
  struct Binding {
    SQLUSMALLINT col;
    SQLSMALLINT c_type;
    void* buf;
    SQLLEN size;
  };
  const Binding bindings[] = {
      {kBoolean, SQL_C_BIT, &boolean, 0},
      {kTinyInt, SQL_C_STINYINT, &tiny, 0},
      {kSmallInt, SQL_C_SSHORT, &small, 0},
      {kInt, SQL_C_SLONG, &integer, 0},
      {kBigInt, SQL_C_SBIGINT, &big, 0},
      {kFloat, SQL_C_FLOAT, &real, 0},
      {kDouble, SQL_C_DOUBLE, &dbl, 0},
      {kDecimal, SQL_C_CHAR, decimal, sizeof decimal},
      {kString, SQL_C_WCHAR, wide, sizeof wide},
      {kBinary, SQL_C_BINARY, binary, sizeof binary},
      {kDate, SQL_C_TYPE_DATE, &date, 0},
      {kTimestamp, SQL_C_TYPE_TIMESTAMP, &ts, 0},
      {kTimestampNtz, SQL_C_TYPE_TIMESTAMP, &ntz, 0},
      {kIntervalDay, SQL_C_INTERVAL_DAY_TO_SECOND, &day, 0},
      {kIntervalMonth, SQL_C_CHAR, month, sizeof month},
      {kArray, SQL_C_CHAR, array, sizeof array},
      {kMap, SQL_C_CHAR, map, sizeof map},
      {kStruct, SQL_C_CHAR, structure, sizeof structure},
  };
  for (const auto& b : bindings) {
    ASSERT_ODBC_OK(SQLBindCol(s.get(), b.col, b.c_type, b.buf, b.size, &ind[b.col - 1]),
                   SQL_HANDLE_STMT, s.get())
        << "column " << b.col;
  }
  ASSERT_EQ(s.fetch(), SQL_SUCCESS) << to_string(s.diags());
  EXPECT_EQ(boolean, 1);
  EXPECT_EQ(tiny, -7);
  EXPECT_EQ(small, -300);
  EXPECT_EQ(integer, 2147483647);
  EXPECT_EQ(big, INT64_MAX);
  EXPECT_EQ(real, 1.5f);
  EXPECT_EQ(dbl, -2.25);
  EXPECT_STREQ(decimal, "12345678.91");
  const char16_t hello[] = u"h\u00e9llo, w\u00f6rld";
  EXPECT_EQ(std::memcmp(wide, hello, sizeof hello), 0);
  EXPECT_EQ(ind[kBinary - 1], 4);
  EXPECT_EQ(std::memcmp(binary, "\xDE\xAD\xBE\xEF", 4), 0);
  EXPECT_EQ(date.year * 10000 + date.month * 100 + date.day, 20240229);
  for (const auto* t : {&ts, &ntz}) {
    EXPECT_EQ(t->hour * 10000 + t->minute * 100 + t->second, 123456);
    EXPECT_EQ(t->fraction, 789000000u);
  }
  EXPECT_EQ(day.intval.day_second.day, 3u);
  EXPECT_STREQ(month, "1-2");
  EXPECT_STREQ(array, "[1,2,3]");
  EXPECT_STREQ(map, "{\"a\":1}");
  EXPECT_STREQ(structure, "{\"a\":1,\"b\":\"x\"}");
  EXPECT_EQ(s.fetch(), SQL_NO_DATA);
}

TEST_F(TypesTest, WideCharactersAreUtf16) {
  Stmt s = all_types_row();
  SQLWCHAR buf[64] = {0};
  SQLLEN ind = 0;
  ASSERT_ODBC_OK(SQLGetData(s.get(), kString, SQL_C_WCHAR, buf, sizeof buf, &ind), SQL_HANDLE_STMT,
                 s.get());
  const char16_t expected[] = u"h\u00e9llo, w\u00f6rld";
  ASSERT_EQ(ind, static_cast<SQLLEN>((sizeof expected / sizeof expected[0] - 1) * 2));
  EXPECT_EQ(std::memcmp(buf, expected, sizeof expected), 0);
  ASSERT_ODBC_OK(SQLGetData(s.get(), kStruct, SQL_C_WCHAR, buf, sizeof buf, &ind), SQL_HANDLE_STMT,
                 s.get());
  const char16_t json[] = u"{\"a\":1,\"b\":\"x\"}";
  EXPECT_EQ(std::memcmp(buf, json, sizeof json), 0);
}

TEST_F(TypesTest, DecimalAsNumericStructIsExact) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT CAST(123456789012345678.91 AS DECIMAL(20,2)) AS d"),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  // SQL_ARD_TYPE: precision and scale come from the ARD record, as ODBC prescribes.
  SQLHDESC ard = nullptr;
  ASSERT_ODBC_OK(SQLGetStmtAttr(s.get(), SQL_ATTR_APP_ROW_DESC, &ard, 0, nullptr), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(
      SQLSetDescField(ard, 1, SQL_DESC_TYPE, reinterpret_cast<SQLPOINTER>(SQL_C_NUMERIC), 0),
      SQL_HANDLE_DESC, ard);
  ASSERT_ODBC_OK(SQLSetDescField(ard, 1, SQL_DESC_PRECISION, reinterpret_cast<SQLPOINTER>(20), 0),
                 SQL_HANDLE_DESC, ard);
  ASSERT_ODBC_OK(SQLSetDescField(ard, 1, SQL_DESC_SCALE, reinterpret_cast<SQLPOINTER>(2), 0),
                 SQL_HANDLE_DESC, ard);
  SQL_NUMERIC_STRUCT n{};
  SQLLEN ind = 0;
  ASSERT_ODBC_OK(SQLGetData(s.get(), 1, SQL_ARD_TYPE, &n, sizeof n, &ind), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(n.sign, 1);
  EXPECT_EQ(n.scale, 2);
  // 12345678901234567891 needs 64 bits: little-endian mantissa, exact (never via double).
  unsigned __int128 mantissa = 0;
  for (int i = 15; i >= 0; --i) mantissa = (mantissa << 8) | n.val[i];
  EXPECT_TRUE(mantissa == static_cast<unsigned __int128>(12345678901234567891ull))
      << "mantissa differs";
}

TEST_F(TypesTest, ConversionsBetweenTypesAndTheirErrors) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT '42' AS num_text, 'abc' AS word, CAST(300 AS INT) AS big, "
                        "CAST(2.75 AS DECIMAL(5,2)) AS frac, 'truncate me' AS longish"),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(get<SQLINTEGER>(s, 1, SQL_C_SLONG), 42);

  SQLINTEGER value = 0;
  SQLLEN ind = 0;
  EXPECT_EQ(SQLGetData(s.get(), 2, SQL_C_SLONG, &value, sizeof value, &ind), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "22018"));

  signed char tiny = 0;
  EXPECT_EQ(SQLGetData(s.get(), 3, SQL_C_STINYINT, &tiny, sizeof tiny, &ind), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "22003"));

  // Fractional truncation to an integer is a warning (01S07), not an error.
  EXPECT_EQ(SQLGetData(s.get(), 4, SQL_C_SLONG, &value, sizeof value, &ind), SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(value, 2);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "01S07"));

  char small[6] = {0};
  EXPECT_EQ(SQLGetData(s.get(), 5, SQL_C_CHAR, small, sizeof small, &ind), SQL_SUCCESS_WITH_INFO);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "01004"));
  EXPECT_STREQ(small, "trunc");
  EXPECT_EQ(ind, 11);  // the whole length
}

TEST_F(TypesTest, NullsInEveryTypeHaveTheNullIndicator) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS BIGINT), "
                        "CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(10,2)), CAST(NULL AS STRING), "
                        "CAST(NULL AS BINARY), CAST(NULL AS DATE), CAST(NULL AS TIMESTAMP), "
                        "CAST(NULL AS ARRAY<INT>)"),
                 SQL_HANDLE_STMT, s.get());
  SQLSMALLINT n = s.num_cols();
  ASSERT_EQ(n, 10);
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  for (SQLUSMALLINT c = 1; c <= n; ++c) {
    SCOPED_TRACE(c);
    char buf[32];
    SQLLEN ind = 0;
    EXPECT_ODBC_OK(SQLGetData(s.get(), c, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_HANDLE_STMT,
                   s.get());
    EXPECT_EQ(ind, SQL_NULL_DATA);
  }
}

TEST_F(TypesTest, NullWithoutIndicatorIs22002) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT CAST(NULL AS INT) AS n"), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  SQLINTEGER value = 0;
  EXPECT_EQ(SQLGetData(s.get(), 1, SQL_C_SLONG, &value, sizeof value, nullptr), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "22002"));
}

TEST_F(TypesTest, EmptyResultHasColumnsAndNoRows) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT CAST(1 AS INT) AS a, 'x' AS b WHERE 1 = 0"), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_EQ(s.num_cols(), 2);
  EXPECT_EQ(describe_col(s, 1).sql_type, SQL_INTEGER);
  EXPECT_EQ(describe_col(s, 2).name, "b");
  EXPECT_EQ(s.fetch(), SQL_NO_DATA);
}

TEST_F(TypesTest, LongTextAndBinaryComeInPieces) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT repeat('abcdefghij', 10000) AS t, "
                        "CAST(repeat('xy', 5000) AS BINARY) AS b"),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  // Stmt::text reads 255 bytes per SQLGetData call: ~400 pieces.
  auto text = s.text(1);
  ASSERT_TRUE(text.has_value());
  ASSERT_EQ(text->size(), 100000u);
  for (std::size_t i = 0; i < text->size(); i += 9973) {
    EXPECT_EQ((*text)[i], static_cast<char>('a' + i % 10)) << "at " << i;
  }
  std::string binary;
  unsigned char piece[1000];
  SQLLEN ind = 0;
  SQLRETURN rc;
  int calls = 0;
  while ((rc = SQLGetData(s.get(), 2, SQL_C_BINARY, piece, sizeof piece, &ind)) != SQL_NO_DATA) {
    ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
    ASSERT_NE(ind, SQL_NULL_DATA);
    std::size_t got = (rc == SQL_SUCCESS_WITH_INFO || ind == SQL_NO_TOTAL || ind > 1000)
                          ? sizeof piece
                          : static_cast<std::size_t>(ind);
    binary.append(reinterpret_cast<char*>(piece), got);
    ASSERT_LT(++calls, 100);
  }
  ASSERT_EQ(binary.size(), 10000u);
  EXPECT_EQ(binary.substr(0, 4), "xyxy");
  EXPECT_EQ(binary.substr(9996), "xyxy");
  EXPECT_EQ(calls, 10);
}

}  // namespace
}  // namespace dbsql::odbc_test
