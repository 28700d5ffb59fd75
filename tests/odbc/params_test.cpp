// Bound parameters through the driver manager: every C type into its SQL types and back
// (SELECT ? and INSERT then SELECT), NULLs, data at execution in pieces, `?` versus text that
// only looks like a marker, SQLNumParams / SQLDescribeParam, and the SQLSTATEs of bad input.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "param_util.h"
#include "suite.h"

namespace dbsql::odbc_test {
namespace {

constexpr const char* kTable = "main.default.param_rt";

// One parameter: its C buffer, its lengths, and the text it must read back as.
struct RoundTrip {
  const char* name;
  SQLSMALLINT c_type;
  SQLSMALLINT sql_type;
  SQLULEN size;
  SQLSMALLINT digits;
  std::vector<unsigned char> value;
  SQLLEN length;       // StrLen_or_Ind when not NULL: SQL_NTS, a byte length, or 0
  const char* column;  // the column of kTable it is inserted into; nullptr: SELECT only
  std::string expected;
  bool ignore_case = false;  // hex and GUID text
  bool prefix = false;       // the text starts with `expected`
  // A literal the value must equal in SQL: results carry TIMESTAMP to milliseconds only
  // (JSON_ARRAY renders three fraction digits), so microseconds are compared on the server.
  const char* equals = nullptr;
};

SQL_TIMESTAMP_STRUCT timestamp(int y, int mo, int d, int h, int mi, int s, SQLUINTEGER ns) {
  SQL_TIMESTAMP_STRUCT t{};
  t.year = static_cast<SQLSMALLINT>(y);
  t.month = static_cast<SQLUSMALLINT>(mo);
  t.day = static_cast<SQLUSMALLINT>(d);
  t.hour = static_cast<SQLUSMALLINT>(h);
  t.minute = static_cast<SQLUSMALLINT>(mi);
  t.second = static_cast<SQLUSMALLINT>(s);
  t.fraction = ns;
  return t;
}
SQL_DATE_STRUCT date(int y, int m, int d) {
  return {static_cast<SQLSMALLINT>(y), static_cast<SQLUSMALLINT>(m), static_cast<SQLUSMALLINT>(d)};
}
// DECIMAL(38,10) as SQL_NUMERIC_STRUCT: `digits` is the unscaled value.
SQL_NUMERIC_STRUCT numeric(unsigned __int128 unscaled, bool negative) {
  SQL_NUMERIC_STRUCT n{};
  n.precision = 38;
  n.scale = 10;
  n.sign = negative ? 0 : 1;
  for (int i = 0; i < SQL_MAX_NUMERIC_LEN; ++i) {
    n.val[i] = static_cast<SQLCHAR>(unscaled & 0xFF);
    unscaled >>= 8;
  }
  return n;
}
unsigned __int128 parse_u128(const char* digits) {
  unsigned __int128 v = 0;
  for (const char* p = digits; *p; ++p) v = v * 10 + static_cast<unsigned>(*p - '0');
  return v;
}

std::vector<RoundTrip> round_trips() {
  SQL_INTERVAL_STRUCT day_second{};
  day_second.interval_type = SQL_IS_DAY_TO_SECOND;
  day_second.intval.day_second = {3, 4, 5, 6, 500000};  // fraction in the default precision 6
  SQL_INTERVAL_STRUCT year_month{};
  year_month.interval_type = SQL_IS_YEAR_TO_MONTH;
  year_month.interval_sign = SQL_TRUE;
  year_month.intval.year_month = {1, 2};
  SQLGUID guid{0x12345678, 0x9abc, 0xdef0, {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0}};
  const unsigned char zeros[] = {0x00, 0x41, 0x00, 0xFF};
  const char* big = "12345678901234567890123456781234567890";  // 38 digits

  return {
      {"char NTS", SQL_C_CHAR, SQL_VARCHAR, 50, 0, chars("it's \\ \"q\""), SQL_NTS, "c_string",
       "it's \\ \"q\""},
      {"char explicit length", SQL_C_CHAR, SQL_VARCHAR, 50, 0, chars("abcdef"), 3, "c_string",
       "abc"},
      {"char empty", SQL_C_CHAR, SQL_VARCHAR, 50, 0, chars(""), SQL_NTS, "c_string", ""},
      {"wchar CJK and emoji NTS", SQL_C_WCHAR, SQL_WVARCHAR, 50, 0,
       wide_bytes(u"\u65e5\u672c\u8a9e \U0001F600 \u00fc"), SQL_NTS, "c_string",
       "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80 \xC3\xBC"},
      {"wchar explicit length", SQL_C_WCHAR, SQL_WCHAR, 50, 0, wide_bytes(u"abc\U0001F600def"),
       5 * 2, "c_string", "abc\xF0\x9F\x98\x80"},
      {"char as INTEGER", SQL_C_CHAR, SQL_INTEGER, 0, 0, chars("-42"), SQL_NTS, "c_int", "-42"},
      {"char as DECIMAL(38,10)", SQL_C_CHAR, SQL_DECIMAL, 38, 10,
       chars("-1234567890123456789012345678.9876543210"), SQL_NTS, "c_decimal",
       "-1234567890123456789012345678.9876543210"},
      {"char as DATE", SQL_C_CHAR, SQL_TYPE_DATE, 10, 0, chars("1899-12-31"), SQL_NTS, "c_date",
       "1899-12-31"},
      {"char as TIMESTAMP", SQL_C_CHAR, SQL_TYPE_TIMESTAMP, 26, 6,
       chars("2024-01-31 12:34:56.654321"), SQL_NTS, "c_timestamp", "2024-01-31 12:34:56.654",
       false, true, "TIMESTAMP'2024-01-31 12:34:56.654321'"},
      {"char as BIT", SQL_C_CHAR, SQL_BIT, 1, 0, chars("1"), SQL_NTS, "c_boolean", "1"},
      {"binary with zero bytes", SQL_C_BINARY, SQL_VARBINARY, 16, 0,
       std::vector<unsigned char>(std::begin(zeros), std::end(zeros)), 4, "c_binary", "004100FF",
       true},
      {"binary empty", SQL_C_BINARY, SQL_VARBINARY, 16, 0, {0}, 0, "c_binary", ""},
      {"bit 1", SQL_C_BIT, SQL_BIT, 1, 0, raw<unsigned char>(1), 0, "c_boolean", "1"},
      {"bit 0", SQL_C_BIT, SQL_BIT, 1, 0, raw<unsigned char>(0), 0, "c_boolean", "0"},
      {"stinyint", SQL_C_STINYINT, SQL_TINYINT, 3, 0, raw<signed char>(-128), 0, "c_tinyint",
       "-128"},
      {"utinyint", SQL_C_UTINYINT, SQL_SMALLINT, 5, 0, raw<unsigned char>(255), 0, "c_smallint",
       "255"},
      {"sshort", SQL_C_SSHORT, SQL_SMALLINT, 5, 0, raw<SQLSMALLINT>(-32768), 0, "c_smallint",
       "-32768"},
      {"ushort", SQL_C_USHORT, SQL_INTEGER, 10, 0, raw<SQLUSMALLINT>(65535), 0, "c_int", "65535"},
      {"slong min", SQL_C_SLONG, SQL_INTEGER, 10, 0,
       raw<SQLINTEGER>(std::numeric_limits<int32_t>::min()), 0, "c_int", "-2147483648"},
      {"ulong max into BIGINT", SQL_C_ULONG, SQL_BIGINT, 19, 0,
       raw<SQLUINTEGER>(std::numeric_limits<uint32_t>::max()), 0, "c_bigint", "4294967295"},
      {"sbigint min", SQL_C_SBIGINT, SQL_BIGINT, 19, 0,
       raw<SQLBIGINT>(std::numeric_limits<int64_t>::min()), 0, "c_bigint", "-9223372036854775808"},
      {"sbigint max", SQL_C_SBIGINT, SQL_BIGINT, 19, 0,
       raw<SQLBIGINT>(std::numeric_limits<int64_t>::max()), 0, "c_bigint", "9223372036854775807"},
      {"ubigint 2^53+1 (not a double)", SQL_C_UBIGINT, SQL_BIGINT, 19, 0,
       raw<SQLUBIGINT>(9007199254740993ULL), 0, "c_bigint", "9007199254740993"},
      {"slong as VARCHAR", SQL_C_SLONG, SQL_VARCHAR, 20, 0, raw<SQLINTEGER>(7), 0, "c_string", "7"},
      {"slong as DECIMAL(10,2)", SQL_C_SLONG, SQL_DECIMAL, 10, 2, raw<SQLINTEGER>(42), 0,
       "c_dec102", "42.00"},
      {"float", SQL_C_FLOAT, SQL_REAL, 7, 0, raw<float>(1.5f), 0, "c_float", "1.5"},
      {"double", SQL_C_DOUBLE, SQL_DOUBLE, 15, 0, raw<double>(0.1), 0, "c_double", "0.1"},
      {"double as DECIMAL(10,2)", SQL_C_DOUBLE, SQL_DECIMAL, 10, 2, raw<double>(-2.5), 0,
       "c_dec102", "-2.50"},
      {"numeric 38,10", SQL_C_NUMERIC, SQL_DECIMAL, 38, 10, raw(numeric(parse_u128(big), false)),
       0, "c_decimal", "1234567890123456789012345678.1234567890"},
      {"numeric tiny negative", SQL_C_NUMERIC, SQL_DECIMAL, 38, 10, raw(numeric(1, true)), 0,
       "c_decimal", "-0.0000000001"},
      {"date year 1", SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, raw(date(1, 1, 1)), 0, "c_date",
       "0001-01-01"},
      {"date before 1900", SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, raw(date(1899, 12, 31)), 0,
       "c_date", "1899-12-31"},
      {"date after 2038", SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, raw(date(2040, 2, 29)), 0,
       "c_date", "2040-02-29"},
      {"timestamp microseconds", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 26, 6,
       raw(timestamp(2024, 1, 31, 12, 34, 56, 123456000)), 0, "c_timestamp",
       "2024-01-31 12:34:56.123", false, true, "TIMESTAMP'2024-01-31 12:34:56.123456'"},
      {"timestamp after 2038", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 26, 6,
       raw(timestamp(2099, 12, 31, 23, 59, 59, 999999000)), 0, "c_timestamp",
       "2099-12-31 23:59:59.999", false, true, "TIMESTAMP'2099-12-31 23:59:59.999999'"},
      // Delta tables cannot hold intervals: SELECT only.
      {"interval day to second", SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND, 25, 6,
       raw(day_second), 0, nullptr, "3 04:05:06.5", false, true},
      {"interval year to month", SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH, 10, 0,
       raw(year_month), 0, nullptr, "-1-2"},
      {"guid", SQL_C_GUID, SQL_GUID, 36, 0, raw(guid), 0, "c_string",
       "12345678-9abc-def0-1234-56789abcdef0", true},
  };
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

class ParamsTest : public WarehouseSuite<ParamsTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }

 protected:
  // Binds `c` as parameter `number` of `s` (SQL_NULL_DATA when `null`); SQL_C_NUMERIC gets
  // its precision and scale on the APD, as the spec requires.
  void bind_case(Stmt& s, SQLUSMALLINT number, RoundTrip& c, SQLLEN& ind, bool null) {
    ind = null ? SQL_NULL_DATA : c.length;
    ASSERT_ODBC_OK(bind_in(s, number, c.c_type, c.sql_type, c.size, c.digits, c.value.data(),
                           static_cast<SQLLEN>(c.value.size()), &ind),
                   SQL_HANDLE_STMT, s.get());
    if (c.c_type != SQL_C_NUMERIC) return;
    SQLHDESC apd = nullptr;
    ASSERT_ODBC_OK(SQLGetStmtAttr(s.get(), SQL_ATTR_APP_PARAM_DESC, &apd, 0, nullptr),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(SQLSetDescField(apd, number, SQL_DESC_TYPE,
                                   reinterpret_cast<SQLPOINTER>(SQL_C_NUMERIC), 0),
                   SQL_HANDLE_DESC, apd);
    ASSERT_ODBC_OK(SQLSetDescField(apd, number, SQL_DESC_PRECISION,
                                   reinterpret_cast<SQLPOINTER>(static_cast<SQLLEN>(c.size)), 0),
                   SQL_HANDLE_DESC, apd);
    ASSERT_ODBC_OK(SQLSetDescField(apd, number, SQL_DESC_SCALE,
                                   reinterpret_cast<SQLPOINTER>(static_cast<SQLLEN>(c.digits)), 0),
                   SQL_HANDLE_DESC, apd);
    ASSERT_ODBC_OK(SQLSetDescField(apd, number, SQL_DESC_DATA_PTR, c.value.data(), 0),
                   SQL_HANDLE_DESC, apd);
  }

  void expect_value(const RoundTrip& c, bool null, const std::optional<std::string>& got) {
    if (null) {
      EXPECT_EQ(got, std::nullopt);
      return;
    }
    ASSERT_TRUE(got.has_value()) << "NULL instead of " << c.expected;
    std::string value = c.ignore_case ? upper(*got) : *got;
    std::string wanted = c.ignore_case ? upper(c.expected) : c.expected;
    if (c.prefix) {
      EXPECT_EQ(value.rfind(wanted, 0), 0u) << value;
    } else {
      EXPECT_EQ(value, wanted);
    }
  }

  static std::string equality(const std::string& column, const RoundTrip& c) {
    if (!c.equals) return "'unchecked'";
    return "CASE WHEN " + column + " = " + c.equals + " THEN 'equal' ELSE 'differs' END";
  }

  void round_trip(RoundTrip& c, bool null, int id) {
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(prepare(s, "SELECT v, " + equality("v", c) + " FROM (SELECT ? AS v) AS t"),
                     SQL_HANDLE_STMT, s.get());
      SQLLEN ind = 0;
      bind_case(s, 1, c, ind, null);
      ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
      ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
      SCOPED_TRACE("SELECT ?");
      expect_value(c, null, s.text(1));
      if (c.equals && !null) {
        EXPECT_EQ(s.text(2), "equal") << "the value is not " << c.equals;
      }
    }
    if (!c.column) return;
    Stmt s = stmt();
    SQLINTEGER id_value = id;
    SQLLEN id_ind = 0, ind = 0;
    ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SLONG, SQL_INTEGER, 10, 0, &id_value, 0, &id_ind),
                   SQL_HANDLE_STMT, s.get());
    bind_case(s, 2, c, ind, null);
    ASSERT_ODBC_OK(s.exec(std::string("INSERT INTO ") + kTable + " (id, " + c.column +
                          ") VALUES (?, ?)"),
                   SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(row_count(s), 1);
    auto rows = query(std::string("SELECT ") + c.column + ", " + equality(c.column, c) + " FROM " +
                      kTable + " WHERE id = " + std::to_string(id));
    ASSERT_EQ(rows.size(), 1u);
    SCOPED_TRACE("INSERT then SELECT");
    expect_value(c, null, rows[0][0]);
    if (c.equals && !null) {
      EXPECT_EQ(rows[0][1], "equal") << "the value is not " << c.equals;
    }
  }
};

TEST_F(ParamsTest, EveryCTypeRoundTripsThroughItsSqlTypes) {
  run(std::string("CREATE TABLE ") + kTable +
      " (id INT, c_string STRING, c_binary BINARY, c_boolean BOOLEAN, c_tinyint TINYINT, "
      "c_smallint SMALLINT, c_int INT, c_bigint BIGINT, c_float FLOAT, c_double DOUBLE, "
      "c_decimal DECIMAL(38,10), c_dec102 DECIMAL(10,2), c_date DATE, c_timestamp TIMESTAMP)");
  int id = 0;
  for (RoundTrip& c : round_trips()) {
    for (bool null : {false, true}) {
      SCOPED_TRACE(std::string(c.name) + (null ? " (SQL_NULL_DATA)" : ""));
      round_trip(c, null, ++id);
    }
  }
}

TEST_F(ParamsTest, WideCharacterParameterReadsBackAsWideText) {
  Stmt s = stmt();
  auto value = wide_bytes(u"\u4e2d\u6587 \U0001F680");
  SQLLEN ind = SQL_NTS;
  ASSERT_ODBC_OK(prepare(s, "SELECT ? AS v, char_length(?) AS n"), SQL_HANDLE_STMT, s.get());
  for (SQLUSMALLINT n : {1, 2}) {
    ASSERT_ODBC_OK(bind_in(s, n, SQL_C_WCHAR, SQL_WVARCHAR, 20, 0, value.data(),
                           static_cast<SQLLEN>(value.size()), &ind),
                   SQL_HANDLE_STMT, s.get());
  }
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.fetch(), SQL_HANDLE_STMT, s.get());
  char16_t back[32] = {0};
  SQLLEN len = 0;
  ASSERT_ODBC_OK(SQLGetData(s.get(), 1, SQL_C_WCHAR, back, sizeof back, &len), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(std::u16string(back), u"\u4e2d\u6587 \U0001F680");
  EXPECT_EQ(s.text(2), "4");  // characters, the emoji counting once
}

// Three pieces of 1 MB each way: text (with quotes, backslashes and a two-byte character split
// across pieces) and binary with zero bytes; a NULL through SQLPutData.
TEST_F(ParamsTest, DataAtExecutionInPiecesArrivesIntact) {
  run("CREATE TABLE main.default.param_dae (id INT, s STRING, b BINARY)");
  std::string text;
  while (text.size() < (1u << 20)) text += "line " + std::to_string(text.size()) + ": ' \\ \xC3\xA9\n";
  text.resize(1u << 20);
  while ((static_cast<unsigned char>(text.back()) & 0xC0) == 0x80 ||
         static_cast<unsigned char>(text.back()) >= 0xC0) {
    text.pop_back();  // end on a whole character
  }
  std::vector<unsigned char> bytes(1u << 20);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(i * 7);
  std::size_t characters = 0;
  for (unsigned char c : text) characters += (c & 0xC0) != 0x80;

  Stmt s = stmt();
  ASSERT_ODBC_OK(prepare(s, "INSERT INTO main.default.param_dae (id, s, b) VALUES (1, ?, ?)"),
                 SQL_HANDLE_STMT, s.get());
  SQLLEN text_ind = SQL_LEN_DATA_AT_EXEC(static_cast<SQLLEN>(text.size()));
  SQLLEN bin_ind = SQL_DATA_AT_EXEC;
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_CHAR, SQL_LONGVARCHAR, text.size(), 0,
                         reinterpret_cast<SQLPOINTER>(1), 0, &text_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_BINARY, SQL_LONGVARBINARY, bytes.size(), 0,
                         reinterpret_cast<SQLPOINTER>(2), 0, &bin_ind),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_EQ(SQLExecute(s.get()), SQL_NEED_DATA) << to_string(s.diags());
  SQLPOINTER token = nullptr;
  std::vector<SQLPOINTER> asked;
  SQLRETURN rc;
  while ((rc = SQLParamData(s.get(), &token)) == SQL_NEED_DATA) {
    asked.push_back(token);
    const unsigned char* data = token == reinterpret_cast<SQLPOINTER>(1)
                                    ? reinterpret_cast<const unsigned char*>(text.data())
                                    : bytes.data();
    std::size_t size = token == reinterpret_cast<SQLPOINTER>(1) ? text.size() : bytes.size();
    // Three pieces, the first boundary inside no particular character.
    std::size_t cuts[] = {0, size / 3 + 1, 2 * size / 3, size};
    for (int i = 0; i < 3; ++i) {
      ASSERT_ODBC_OK(SQLPutData(s.get(), const_cast<unsigned char*>(data + cuts[i]),
                                static_cast<SQLLEN>(cuts[i + 1] - cuts[i])),
                     SQL_HANDLE_STMT, s.get());
    }
  }
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(asked, (std::vector<SQLPOINTER>{reinterpret_cast<SQLPOINTER>(1),
                                            reinterpret_cast<SQLPOINTER>(2)}));
  EXPECT_EQ(row_count(s), 1);

  auto sizes = query("SELECT char_length(s), octet_length(s), length(b) FROM main.default.param_dae");
  ASSERT_EQ(sizes.size(), 1u);
  EXPECT_EQ(sizes[0][0], std::to_string(characters));
  EXPECT_EQ(sizes[0][1], std::to_string(text.size()));
  EXPECT_EQ(sizes[0][2], std::to_string(bytes.size()));

  Stmt r = stmt();
  ASSERT_ODBC_OK(r.exec("SELECT s, b FROM main.default.param_dae WHERE id = 1"), SQL_HANDLE_STMT,
                 r.get());
  ASSERT_ODBC_OK(r.fetch(), SQL_HANDLE_STMT, r.get());
  {
    std::vector<char> whole(text.size() + 16, '\0');
    SQLLEN got = 0;
    ASSERT_ODBC_OK(SQLGetData(r.get(), 1, SQL_C_CHAR, whole.data(),
                              static_cast<SQLLEN>(whole.size()), &got),
                   SQL_HANDLE_STMT, r.get());
    ASSERT_EQ(got, static_cast<SQLLEN>(text.size()));
    std::string back(whole.data(), static_cast<std::size_t>(got));
    auto diff = std::mismatch(back.begin(), back.end(), text.begin(), text.end());
    EXPECT_TRUE(back == text) << "the 1 MB text read back differs from byte "
                              << (diff.first - back.begin()) << ": got \""
                              << back.substr(diff.first - back.begin(), 40) << "\" expected \""
                              << text.substr(diff.first - back.begin(), 40) << "\"";
  }
  std::vector<unsigned char> back;
  unsigned char buf[65536];
  SQLLEN len = 0;
  while ((rc = SQLGetData(r.get(), 2, SQL_C_BINARY, buf, sizeof buf, &len)) != SQL_NO_DATA) {
    ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, r.get());
    std::size_t got = (len == SQL_NO_TOTAL || len > static_cast<SQLLEN>(sizeof buf))
                          ? sizeof buf
                          : static_cast<std::size_t>(len);
    back.insert(back.end(), buf, buf + got);
  }
  EXPECT_TRUE(back == bytes) << "the 1 MB binary read back differs (" << back.size() << " bytes)";
  r.close_cursor();

  // SQL_NULL_DATA through SQLPutData.
  Stmt n = stmt();
  ASSERT_ODBC_OK(prepare(n, "INSERT INTO main.default.param_dae (id, s) VALUES (2, ?)"),
                 SQL_HANDLE_STMT, n.get());
  SQLLEN null_ind = SQL_DATA_AT_EXEC;
  ASSERT_ODBC_OK(bind_in(n, 1, SQL_C_CHAR, SQL_VARCHAR, 10, 0, reinterpret_cast<SQLPOINTER>(9), 0,
                         &null_ind),
                 SQL_HANDLE_STMT, n.get());
  ASSERT_EQ(SQLExecute(n.get()), SQL_NEED_DATA) << to_string(n.diags());
  ASSERT_EQ(SQLParamData(n.get(), &token), SQL_NEED_DATA) << to_string(n.diags());
  EXPECT_EQ(token, reinterpret_cast<SQLPOINTER>(9));
  ASSERT_ODBC_OK(SQLPutData(n.get(), nullptr, SQL_NULL_DATA), SQL_HANDLE_STMT, n.get());
  ASSERT_ODBC_OK(SQLParamData(n.get(), &token), SQL_HANDLE_STMT, n.get());
  auto rows = query("SELECT count(*) FROM main.default.param_dae WHERE id = 2 AND s IS NULL");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "1");
}

TEST_F(ParamsTest, QuestionMarksInLiteralsIdentifiersAndCommentsAreNotMarkers) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(prepare(s, "SELECT '?' AS a, \"?\" AS b, `?` AS c, ? AS d -- ?\n"
                            "/* ? /* ? */ ? */ FROM range(1)"),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(num_params(s), 1);
  ASSERT_ODBC_OK(prepare(s, "SELECT 1 AS one"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(num_params(s), 0);

  // Executed: the literal keeps its '?' and ':x', the marker gets the value.
  ASSERT_ODBC_OK(prepare(s, "SELECT '?:x' AS `a?`, ? AS b /* ? */ -- ?\n"), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(num_params(s), 1);
  SQLINTEGER v = 5;
  SQLLEN ind = 0;
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SLONG, SQL_INTEGER, 10, 0, &v, 0, &ind), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "?:x");
  EXPECT_EQ(rows[0][1], "5");
  ColumnDescription d;
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  d = describe_col(s, 1);
  EXPECT_EQ(d.name, "a?");
}

TEST_F(ParamsTest, NamedMarkersWithoutQuestionMarksPassThroughToTheServer) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(prepare(s, "SELECT :x AS v"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(num_params(s), 0);
  EXPECT_EQ(SQLExecute(s.get()), SQL_ERROR);
  // The server's own error names the parameter it could not bind.
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "42P02", "unbound parameter: x"));
  // The statement went out with :x as written.
  WarehouseAdmin admin(warehouse());
  long before = admin.last_seq();
  EXPECT_EQ(s.exec("SELECT :named_marker AS v"), SQL_ERROR);
  auto posts = statement_posts(admin, before);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_NE(posts[0].statement_prefix.find(":named_marker"), std::string::npos) << posts[0].raw;
  EXPECT_EQ(posts[0].parameter_count, 0) << posts[0].raw;
}

TEST_F(ParamsTest, DescribeParamReportsTheInsertTargetColumns) {
  run("CREATE TABLE main.default.param_describe (a INT, b STRING, c DECIMAL(10,2), d DATE, "
      "e TIMESTAMP, f BIGINT)");
  Stmt s = stmt();
  ASSERT_ODBC_OK(prepare(s, "INSERT INTO main.default.param_describe (a, b, c, d, e) "
                            "VALUES (?, ?, ?, ?, ?)"),
                 SQL_HANDLE_STMT, s.get());
  ASSERT_EQ(num_params(s), 5);
  struct Want {
    std::vector<SQLSMALLINT> types;
    SQLULEN size;  // 0: not checked
    SQLSMALLINT digits;
  };
  const Want want[] = {{{SQL_INTEGER}, 10, 0},
                       {{SQL_VARCHAR, SQL_WVARCHAR, SQL_LONGVARCHAR, SQL_WLONGVARCHAR}, 0, 0},
                       {{SQL_DECIMAL}, 10, 2},
                       {{SQL_TYPE_DATE}, 10, 0},
                       {{SQL_TYPE_TIMESTAMP}, 0, 0}};
  for (SQLUSMALLINT i = 1; i <= 5; ++i) {
    SCOPED_TRACE("parameter " + std::to_string(i));
    SQLSMALLINT type = 0, digits = -1, nullable = -1;
    SQLULEN size = 0;
    ASSERT_ODBC_OK(SQLDescribeParam(s.get(), i, &type, &size, &digits, &nullable),
                   SQL_HANDLE_STMT, s.get());
    const Want& w = want[i - 1];
    EXPECT_NE(std::find(w.types.begin(), w.types.end(), type), w.types.end()) << "type " << type;
    if (w.size) {
      EXPECT_EQ(size, w.size);
      EXPECT_EQ(digits, w.digits);
    }
  }
  // Without a column list: the table's columns in order.
  ASSERT_ODBC_OK(prepare(s, "INSERT INTO main.default.param_describe VALUES (?, ?, ?, ?, ?, ?)"),
                 SQL_HANDLE_STMT, s.get());
  SQLSMALLINT type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ASSERT_ODBC_OK(SQLDescribeParam(s.get(), 6, &type, &size, &digits, &nullable), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(type, SQL_BIGINT);
  // 07009: parameter 0 and past the count.
  EXPECT_EQ(SQLDescribeParam(s.get(), 0, &type, &size, &digits, &nullable), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "07009"));
  EXPECT_EQ(SQLDescribeParam(s.get(), 7, &type, &size, &digits, &nullable), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "07009", "descriptor index"));
}

TEST_F(ParamsTest, BadBindingsAreRefusedWithTheirSqlstate) {
  Stmt s = stmt();
  SQLINTEGER v = 1;
  SQLLEN ind = 0;
  // 07002: two markers, one bound.
  ASSERT_ODBC_OK(prepare(s, "SELECT ? AS a, ? AS b"), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_SLONG, SQL_INTEGER, 10, 0, &v, 0, &ind), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(SQLExecute(s.get()), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "07002", "COUNT field incorrect"));
  // HY003: not a C type.
  EXPECT_EQ(bind_in(s, 2, 12345, SQL_INTEGER, 10, 0, &v, 0, &ind), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY003", "type"));
  // HY004: not an SQL type.
  EXPECT_EQ(bind_in(s, 2, SQL_C_SLONG, 12345, 10, 0, &v, 0, &ind), SQL_ERROR);
  EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY004", "Invalid SQL data type"));
  // HY105: output and input/output parameters are not supported.
  for (SQLSMALLINT io : {SQL_PARAM_OUTPUT, SQL_PARAM_INPUT_OUTPUT}) {
    EXPECT_EQ(SQLBindParameter(s.get(), 2, io, SQL_C_SLONG, SQL_INTEGER, 10, 0, &v, 0, &ind),
              SQL_ERROR);
    EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY105", "parameter type"));
  }
  // The statement still runs once both are bound.
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_SLONG, SQL_INTEGER, 10, 0, &v, 0, &ind), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.all_text(), (std::vector<std::vector<std::optional<std::string>>>{{"1", "1"}}));
}

TEST_F(ParamsTest, BadValuesFailAtExecuteWithTheirSqlstate) {
  struct Bad {
    const char* name;
    SQLSMALLINT c_type;
    SQLSMALLINT sql_type;
    std::vector<unsigned char> value;
    SQLLEN length;
    const char* sqlstate;
    const char* message;
  };
  const Bad bad[] = {
      {"300 into TINYINT", SQL_C_SLONG, SQL_TINYINT, raw<SQLINTEGER>(300), 0, "22003",
       "Numeric value out of range"},
      {"1e20 into INTEGER", SQL_C_DOUBLE, SQL_INTEGER, raw<double>(1e20), 0, "22003",
       "Numeric value out of range"},
      {"UINT64_MAX into BIGINT", SQL_C_UBIGINT, SQL_BIGINT,
       raw<SQLUBIGINT>(std::numeric_limits<uint64_t>::max()), 0, "22003",
       "Numeric value out of range"},
      {"'abc' as INTEGER", SQL_C_CHAR, SQL_INTEGER, chars("abc"), SQL_NTS, "22018",
       "Invalid character value"},
      {"'2024-13-45' as DATE", SQL_C_CHAR, SQL_TYPE_DATE, chars("2024-13-45"), SQL_NTS,
       "22007|22008|22018", ""},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.name);
    Stmt s = stmt();
    std::vector<unsigned char> value = b.value;
    SQLLEN ind = b.length;
    ASSERT_ODBC_OK(prepare(s, "SELECT ? AS v"), SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(bind_in(s, 1, b.c_type, b.sql_type, 20, 0, value.data(),
                           static_cast<SQLLEN>(value.size()), &ind),
                   SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(SQLExecute(s.get()), SQL_ERROR);
    EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), b.sqlstate, b.message));
  }
}

}  // namespace
}  // namespace dbsql::odbc_test
