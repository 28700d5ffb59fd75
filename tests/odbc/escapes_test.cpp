// ODBC escape sequences through the driver manager: date/time/interval literals, {oj},
// {escape}, and every scalar function and CONVERT the driver advertises in SQLGetInfo, each
// run and its value checked with ODBC's meaning (appendix E); what is not advertised goes to
// the server as written; SQLNativeSql shows the translation; SQL_NOSCAN_ON turns it off.
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "param_util.h"
#include "suite.h"

namespace dbsql::odbc_test {
namespace {

enum class Match { kExact, kNumber, kPrefix, kContains, kIgnoreCase };

// One call of an advertised capability: the SQLGetInfo type and bit it stands for, the
// expression, and its value as text. "$catalog" is the connection's current catalog.
struct Call {
  SQLUSMALLINT info;
  SQLUINTEGER bit;
  std::string call;
  const char* expected;
  Match match = Match::kExact;
};

constexpr const char* kTs = "{ts '2024-01-15 12:00:00'}";
constexpr const char* kTsEnd = "{ts '2025-04-20 13:30:45'}";

std::vector<Call> calls() {
  using M = Match;
  const SQLUSMALLINT S = SQL_STRING_FUNCTIONS, N = SQL_NUMERIC_FUNCTIONS,
                     T = SQL_TIMEDATE_FUNCTIONS, Y = SQL_SYSTEM_FUNCTIONS,
                     A = SQL_TIMEDATE_ADD_INTERVALS, D = SQL_TIMEDATE_DIFF_INTERVALS,
                     C = SQL_CONVERT_FUNCTIONS;
  auto add = [](const char* unit) {
    return std::string("{fn TIMESTAMPADD(SQL_TSI_") + unit + ", 1, " + kTs + ")}";
  };
  auto diff = [](const char* unit) {
    return std::string("{fn TIMESTAMPDIFF(SQL_TSI_") + unit + ", " + kTs + ", " + kTsEnd + ")}";
  };
  return {
      {S, SQL_FN_STR_ASCII, "{fn ASCII('A')}", "65"},
      {S, SQL_FN_STR_BIT_LENGTH, "{fn BIT_LENGTH('abc')}", "24"},
      {S, SQL_FN_STR_CHAR, "{fn CHAR(65)}", "A"},
      {S, SQL_FN_STR_CHAR_LENGTH, "{fn CHAR_LENGTH('ab ')}", "3"},
      {S, SQL_FN_STR_CHARACTER_LENGTH, "{fn CHARACTER_LENGTH('h\xC3\xA9llo')}", "5"},
      {S, SQL_FN_STR_CONCAT, "{fn CONCAT('ab', 'cd')}", "abcd"},
      {S, SQL_FN_STR_DIFFERENCE, "{fn DIFFERENCE('Robert', 'Rupert')}", "4"},
      {S, SQL_FN_STR_INSERT, "{fn INSERT('abcdef', 2, 3, 'XY')}", "aXYef"},
      {S, SQL_FN_STR_LCASE, "{fn LCASE('AbC')}", "abc"},
      {S, SQL_FN_STR_LEFT, "{fn LEFT('abcdef', 2)}", "ab"},
      {S, SQL_FN_STR_LENGTH, "{fn LENGTH('abc  ')}", "3"},  // trailing blanks excluded
      {S, SQL_FN_STR_LENGTH, "{fn LENGTH('  abc')}", "5"},
      {S, SQL_FN_STR_LOCATE, "{fn LOCATE('b', 'abcb', 3)}", "4"},  // 1-based, from a start
      {S, SQL_FN_STR_LOCATE, "{fn LOCATE('z', 'abcb')}", "0"},
      {S, SQL_FN_STR_LOCATE_2, "{fn LOCATE('b', 'abcb')}", "2"},
      {S, SQL_FN_STR_LTRIM, "{fn CONCAT({fn LTRIM('  ab ')}, '|')}", "ab |"},
      {S, SQL_FN_STR_OCTET_LENGTH, "{fn OCTET_LENGTH('h\xC3\xA9llo')}", "6"},
      {S, SQL_FN_STR_POSITION, "{fn POSITION('c' IN 'abcd')}", "3"},
      {S, SQL_FN_STR_REPEAT, "{fn REPEAT('ab', 3)}", "ababab"},
      {S, SQL_FN_STR_REPLACE, "{fn REPLACE('aXbX', 'X', 'y')}", "ayby"},
      {S, SQL_FN_STR_RIGHT, "{fn RIGHT('abcdef', 2)}", "ef"},
      {S, SQL_FN_STR_RTRIM, "{fn CONCAT({fn RTRIM(' ab  ')}, '|')}", " ab|"},
      {S, SQL_FN_STR_SOUNDEX, "{fn SOUNDEX('Robert')}", "R163"},
      {S, SQL_FN_STR_SPACE, "{fn CONCAT({fn SPACE(3)}, '|')}", "   |"},
      {S, SQL_FN_STR_SUBSTRING, "{fn SUBSTRING('abcdef', 2, 3)}", "bcd"},
      {S, SQL_FN_STR_UCASE, "{fn UCASE('abC')}", "ABC"},

      {N, SQL_FN_NUM_ABS, "{fn ABS(-3)}", "3", M::kNumber},
      {N, SQL_FN_NUM_ACOS, "{fn ACOS(1)}", "0", M::kNumber},
      {N, SQL_FN_NUM_ASIN, "{fn ASIN(1)}", "1.5707963267948966", M::kNumber},
      {N, SQL_FN_NUM_ATAN, "{fn ATAN(1)}", "0.7853981633974483", M::kNumber},
      {N, SQL_FN_NUM_ATAN2, "{fn ATAN2(1, 1)}", "0.7853981633974483", M::kNumber},
      {N, SQL_FN_NUM_CEILING, "{fn CEILING(1.2)}", "2", M::kNumber},
      {N, SQL_FN_NUM_COS, "{fn COS(0)}", "1", M::kNumber},
      {N, SQL_FN_NUM_COT, "{fn COT(1)}", "0.6420926159343306", M::kNumber},
      {N, SQL_FN_NUM_DEGREES, "{fn DEGREES(1)}", "57.29577951308232", M::kNumber},
      {N, SQL_FN_NUM_EXP, "{fn EXP(1)}", "2.718281828459045", M::kNumber},
      {N, SQL_FN_NUM_FLOOR, "{fn FLOOR(-1.5)}", "-2", M::kNumber},
      {N, SQL_FN_NUM_LOG, "{fn LOG(100)}", "4.605170185988092", M::kNumber},  // natural
      {N, SQL_FN_NUM_LOG10, "{fn LOG10(1000)}", "3", M::kNumber},
      {N, SQL_FN_NUM_MOD, "{fn MOD(10, 3)}", "1", M::kNumber},
      {N, SQL_FN_NUM_PI, "{fn PI()}", "3.141592653589793", M::kNumber},
      {N, SQL_FN_NUM_POWER, "{fn POWER(2, 10)}", "1024", M::kNumber},
      {N, SQL_FN_NUM_RADIANS, "{fn RADIANS(180)}", "3.141592653589793", M::kNumber},
      {N, SQL_FN_NUM_RAND, "CASE WHEN {fn RAND(7)} >= 0 AND {fn RAND(7)} < 1 THEN 'yes' END", "yes"},
      {N, SQL_FN_NUM_ROUND, "{fn ROUND(2.567, 2)}", "2.57", M::kNumber},
      {N, SQL_FN_NUM_SIGN, "{fn SIGN(-5)}", "-1", M::kNumber},
      {N, SQL_FN_NUM_SIN, "{fn SIN(0)}", "0", M::kNumber},
      {N, SQL_FN_NUM_SQRT, "{fn SQRT(16)}", "4", M::kNumber},
      {N, SQL_FN_NUM_TAN, "{fn TAN(0)}", "0", M::kNumber},
      {N, SQL_FN_NUM_TRUNCATE, "{fn TRUNCATE(2.567, 2)}", "2.56", M::kNumber},
      {N, SQL_FN_NUM_TRUNCATE, "{fn TRUNCATE(-2.567, 2)}", "-2.56", M::kNumber},

      {T, SQL_FN_TD_CURDATE, "CASE WHEN {fn CURDATE()} = current_date() THEN 'yes' END", "yes"},
      {T, SQL_FN_TD_CURRENT_DATE, "CASE WHEN {fn CURRENT_DATE()} = current_date() THEN 'yes' END",
       "yes"},
      {T, SQL_FN_TD_CURTIME, "CASE WHEN {fn CURTIME()} IS NOT NULL THEN 'yes' END", "yes"},
      {T, SQL_FN_TD_CURRENT_TIME, "CASE WHEN {fn CURRENT_TIME()} IS NOT NULL THEN 'yes' END",
       "yes"},
      {T, SQL_FN_TD_CURRENT_TIMESTAMP,
       "CASE WHEN {fn CURRENT_TIMESTAMP()} = current_timestamp() THEN 'yes' END", "yes"},
      {T, SQL_FN_TD_NOW, "CASE WHEN {fn NOW()} = current_timestamp() THEN 'yes' END", "yes"},
      {T, SQL_FN_TD_DAYNAME, "{fn DAYNAME({d '2024-01-31'})}", "Wednesday"},
      {T, SQL_FN_TD_DAYOFMONTH, "{fn DAYOFMONTH({d '2024-01-31'})}", "31"},
      {T, SQL_FN_TD_DAYOFWEEK, "{fn DAYOFWEEK({d '2024-01-28'})}", "1"},  // Sunday is 1
      {T, SQL_FN_TD_DAYOFWEEK, "{fn DAYOFWEEK({d '2024-01-31'})}", "4"},
      {T, SQL_FN_TD_DAYOFYEAR, "{fn DAYOFYEAR({d '2024-02-01'})}", "32"},
      {T, SQL_FN_TD_EXTRACT, "{fn EXTRACT(YEAR FROM {d '2024-01-31'})}", "2024"},
      {T, SQL_FN_TD_HOUR, "{fn HOUR({ts '2024-01-31 12:34:56'})}", "12"},
      {T, SQL_FN_TD_MINUTE, "{fn MINUTE({ts '2024-01-31 12:34:56'})}", "34"},
      {T, SQL_FN_TD_SECOND, "{fn SECOND({ts '2024-01-31 12:34:56'})}", "56"},
      {T, SQL_FN_TD_MONTH, "{fn MONTH({d '2024-01-31'})}", "1"},
      {T, SQL_FN_TD_MONTHNAME, "{fn MONTHNAME({d '2024-01-31'})}", "January"},
      {T, SQL_FN_TD_QUARTER, "{fn QUARTER({d '2024-05-01'})}", "2"},
      {T, SQL_FN_TD_WEEK, "{fn WEEK({d '2024-01-31'})}", "5"},
      {T, SQL_FN_TD_YEAR, "{fn YEAR({d '2024-01-31'})}", "2024"},
      {T, SQL_FN_TD_TIMESTAMPADD,
       "{fn TIMESTAMPADD(SQL_TSI_MONTH, 1, {ts '2024-01-31 12:00:00'})}", "2024-02-29 12:00:00",
       M::kPrefix},
      {T, SQL_FN_TD_TIMESTAMPDIFF, diff("DAY"), "461"},

      {A, SQL_FN_TSI_FRAC_SECOND,
       "{fn TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 1000000, {ts '2024-01-15 12:00:00'})}",
       "2024-01-15 12:00:00.001", M::kPrefix},
      {A, SQL_FN_TSI_SECOND, add("SECOND"), "2024-01-15 12:00:01", M::kPrefix},
      {A, SQL_FN_TSI_MINUTE, add("MINUTE"), "2024-01-15 12:01:00", M::kPrefix},
      {A, SQL_FN_TSI_HOUR, add("HOUR"), "2024-01-15 13:00:00", M::kPrefix},
      {A, SQL_FN_TSI_DAY, add("DAY"), "2024-01-16 12:00:00", M::kPrefix},
      {A, SQL_FN_TSI_WEEK, add("WEEK"), "2024-01-22 12:00:00", M::kPrefix},
      {A, SQL_FN_TSI_MONTH, add("MONTH"), "2024-02-15 12:00:00", M::kPrefix},
      {A, SQL_FN_TSI_QUARTER, add("QUARTER"), "2024-04-15 12:00:00", M::kPrefix},
      {A, SQL_FN_TSI_YEAR, add("YEAR"), "2025-01-15 12:00:00", M::kPrefix},

      {D, SQL_FN_TSI_FRAC_SECOND,
       "{fn TIMESTAMPDIFF(SQL_TSI_FRAC_SECOND, {ts '2024-01-15 12:00:00'}, "
       "{ts '2024-01-15 12:00:01'})}",
       "1000000000"},
      {D, SQL_FN_TSI_SECOND, diff("SECOND"), "39835845"},
      {D, SQL_FN_TSI_MINUTE, diff("MINUTE"), "663930"},
      {D, SQL_FN_TSI_HOUR, diff("HOUR"), "11065"},
      {D, SQL_FN_TSI_DAY, diff("DAY"), "461"},
      {D, SQL_FN_TSI_WEEK, diff("WEEK"), "65"},
      {D, SQL_FN_TSI_MONTH, diff("MONTH"), "15"},
      {D, SQL_FN_TSI_QUARTER, diff("QUARTER"), "5"},
      {D, SQL_FN_TSI_YEAR, diff("YEAR"), "1"},

      {Y, SQL_FN_SYS_DBNAME, "{fn DATABASE()}", "$catalog"},
      {Y, SQL_FN_SYS_IFNULL, "{fn IFNULL(NULL, 'x')}", "x"},
      {Y, SQL_FN_SYS_IFNULL, "{fn IFNULL('y', 'x')}", "y"},
      {Y, SQL_FN_SYS_USERNAME, "CASE WHEN {fn USER()} = current_user() THEN 'yes' END", "yes"},

      {C, SQL_FN_CVT_CONVERT, "{fn CONVERT('42', SQL_INTEGER)}", "42"},
      {C, SQL_FN_CVT_CAST, "CAST('42' AS INT)", "42"},
  };
}

// {fn CONVERT(source, SQL_<target>)} for every SQL_CONVERT_<source> mask.
enum class Kind { kNumber, kBit, kText, kDate, kTimestamp, kBinary, kYearMonth, kDayTime, kNone };

struct Target {
  SQLUINTEGER bit;
  const char* keyword;
  Kind kind;
};
constexpr Target kTargets[] = {
    {SQL_CVT_CHAR, "SQL_CHAR", Kind::kText},
    {SQL_CVT_VARCHAR, "SQL_VARCHAR", Kind::kText},
    {SQL_CVT_LONGVARCHAR, "SQL_LONGVARCHAR", Kind::kText},
    {SQL_CVT_WCHAR, "SQL_WCHAR", Kind::kText},
    {SQL_CVT_WVARCHAR, "SQL_WVARCHAR", Kind::kText},
    {SQL_CVT_WLONGVARCHAR, "SQL_WLONGVARCHAR", Kind::kText},
    {SQL_CVT_NUMERIC, "SQL_NUMERIC", Kind::kNumber},
    {SQL_CVT_DECIMAL, "SQL_DECIMAL", Kind::kNumber},
    {SQL_CVT_INTEGER, "SQL_INTEGER", Kind::kNumber},
    {SQL_CVT_SMALLINT, "SQL_SMALLINT", Kind::kNumber},
    {SQL_CVT_FLOAT, "SQL_FLOAT", Kind::kNumber},
    {SQL_CVT_REAL, "SQL_REAL", Kind::kNumber},
    {SQL_CVT_DOUBLE, "SQL_DOUBLE", Kind::kNumber},
    {SQL_CVT_TINYINT, "SQL_TINYINT", Kind::kNumber},
    {SQL_CVT_BIGINT, "SQL_BIGINT", Kind::kNumber},
    {SQL_CVT_BIT, "SQL_BIT", Kind::kBit},
    {SQL_CVT_DATE, "SQL_DATE", Kind::kDate},
    {SQL_CVT_TIMESTAMP, "SQL_TIMESTAMP", Kind::kTimestamp},
    {SQL_CVT_BINARY, "SQL_BINARY", Kind::kBinary},
    {SQL_CVT_VARBINARY, "SQL_VARBINARY", Kind::kBinary},
    {SQL_CVT_LONGVARBINARY, "SQL_LONGVARBINARY", Kind::kBinary},
    {SQL_CVT_INTERVAL_YEAR_MONTH, "SQL_INTERVAL_YEAR_TO_MONTH", Kind::kYearMonth},
    {SQL_CVT_INTERVAL_DAY_TIME, "SQL_INTERVAL_DAY_TO_SECOND", Kind::kDayTime},
    {SQL_CVT_TIME, "SQL_TIME", Kind::kNone},
    {SQL_CVT_GUID, "SQL_GUID", Kind::kNone},
};

struct Source {
  SQLUSMALLINT info;
  const char* name;
  Kind kind;
  const char* literal;  // for every target but text sources (see convert_case)
};
constexpr Source kSources[] = {
    {SQL_CONVERT_BIGINT, "BIGINT", Kind::kNumber, "CAST(42 AS BIGINT)"},
    {SQL_CONVERT_DECIMAL, "DECIMAL", Kind::kNumber, "CAST(42 AS DECIMAL(10,2))"},
    {SQL_CONVERT_NUMERIC, "NUMERIC", Kind::kNumber, "CAST(42 AS DECIMAL(12,0))"},
    {SQL_CONVERT_DOUBLE, "DOUBLE", Kind::kNumber, "CAST(42 AS DOUBLE)"},
    {SQL_CONVERT_FLOAT, "FLOAT", Kind::kNumber, "CAST(42 AS DOUBLE)"},
    {SQL_CONVERT_REAL, "REAL", Kind::kNumber, "CAST(42 AS FLOAT)"},
    {SQL_CONVERT_INTEGER, "INTEGER", Kind::kNumber, "42"},
    {SQL_CONVERT_SMALLINT, "SMALLINT", Kind::kNumber, "CAST(42 AS SMALLINT)"},
    {SQL_CONVERT_TINYINT, "TINYINT", Kind::kNumber, "CAST(42 AS TINYINT)"},
    {SQL_CONVERT_BIT, "BIT", Kind::kBit, "true"},
    {SQL_CONVERT_CHAR, "CHAR", Kind::kText, nullptr},
    {SQL_CONVERT_VARCHAR, "VARCHAR", Kind::kText, nullptr},
    {SQL_CONVERT_LONGVARCHAR, "LONGVARCHAR", Kind::kText, nullptr},
    {SQL_CONVERT_WCHAR, "WCHAR", Kind::kText, nullptr},
    {SQL_CONVERT_WVARCHAR, "WVARCHAR", Kind::kText, nullptr},
    {SQL_CONVERT_WLONGVARCHAR, "WLONGVARCHAR", Kind::kText, nullptr},
    {SQL_CONVERT_DATE, "DATE", Kind::kDate, "{d '2024-01-31'}"},
    {SQL_CONVERT_TIMESTAMP, "TIMESTAMP", Kind::kTimestamp, "{ts '2024-01-31 12:34:56'}"},
    {SQL_CONVERT_BINARY, "BINARY", Kind::kBinary, "X'4142'"},
    {SQL_CONVERT_VARBINARY, "VARBINARY", Kind::kBinary, "X'4142'"},
    {SQL_CONVERT_LONGVARBINARY, "LONGVARBINARY", Kind::kBinary, "X'4142'"},
    {SQL_CONVERT_INTERVAL_YEAR_MONTH, "INTERVAL_YEAR_MONTH", Kind::kYearMonth,
     "INTERVAL '1-2' YEAR TO MONTH"},
    {SQL_CONVERT_INTERVAL_DAY_TIME, "INTERVAL_DAY_TIME", Kind::kDayTime,
     "INTERVAL '3 04:05:06' DAY TO SECOND"},
    {SQL_CONVERT_TIME, "TIME", Kind::kNone, nullptr},
    {SQL_CONVERT_GUID, "GUID", Kind::kNone, nullptr},
};

struct ConvertCase {
  std::string literal;
  std::string expected;
  Match match;
};
// The value CONVERT(source, target) must give; nullopt when this table has no case for it.
std::optional<ConvertCase> convert_case(const Source& s, Kind to) {
  using M = Match;
  switch (s.kind) {
    case Kind::kNumber:
      if (to == Kind::kNumber || to == Kind::kText) return ConvertCase{s.literal, "42", M::kNumber};
      if (to == Kind::kBit) return ConvertCase{s.literal, "1", M::kExact};
      break;
    case Kind::kBit:
      if (to == Kind::kNumber) return ConvertCase{s.literal, "1", M::kNumber};
      if (to == Kind::kText) return ConvertCase{s.literal, "true", M::kExact};
      if (to == Kind::kBit) return ConvertCase{s.literal, "1", M::kExact};
      break;
    case Kind::kText:
      switch (to) {
        case Kind::kNumber: return ConvertCase{"'42'", "42", M::kNumber};
        case Kind::kText: return ConvertCase{"'abc'", "abc", M::kExact};
        case Kind::kBit: return ConvertCase{"'true'", "1", M::kExact};
        case Kind::kDate: return ConvertCase{"'2024-01-31'", "2024-01-31", M::kExact};
        case Kind::kTimestamp:
          return ConvertCase{"'2024-01-31 12:34:56'", "2024-01-31 12:34:56", M::kPrefix};
        case Kind::kBinary: return ConvertCase{"'AB'", "4142", M::kIgnoreCase};
        case Kind::kYearMonth: return ConvertCase{"'1-2'", "1-2", M::kExact};
        case Kind::kDayTime: return ConvertCase{"'3 04:05:06'", "3 04:05:06", M::kPrefix};
        default: break;
      }
      break;
    case Kind::kDate:
      if (to == Kind::kText || to == Kind::kDate) return ConvertCase{s.literal, "2024-01-31", M::kExact};
      if (to == Kind::kTimestamp) return ConvertCase{s.literal, "2024-01-31 00:00:00", M::kPrefix};
      break;
    case Kind::kTimestamp:
      if (to == Kind::kText || to == Kind::kTimestamp) {
        return ConvertCase{s.literal, "2024-01-31 12:34:56", M::kPrefix};
      }
      if (to == Kind::kDate) return ConvertCase{s.literal, "2024-01-31", M::kExact};
      break;
    case Kind::kBinary:
      if (to == Kind::kText) return ConvertCase{s.literal, "AB", M::kExact};
      if (to == Kind::kBinary) return ConvertCase{s.literal, "4142", M::kIgnoreCase};
      break;
    case Kind::kYearMonth:
      if (to == Kind::kText) return ConvertCase{s.literal, "1-2", M::kContains};
      if (to == Kind::kYearMonth) return ConvertCase{s.literal, "1-2", M::kExact};
      break;
    case Kind::kDayTime:
      if (to == Kind::kText) return ConvertCase{s.literal, "3 04:05:06", M::kContains};
      if (to == Kind::kDayTime) return ConvertCase{s.literal, "3 04:05:06", M::kPrefix};
      break;
    default:
      break;
  }
  return std::nullopt;
}

::testing::AssertionResult matches(const std::optional<std::string>& got, const std::string& want,
                                   Match match) {
  if (!got) return ::testing::AssertionFailure() << "NULL, expected " << want;
  auto fail = [&] {
    return ::testing::AssertionFailure() << "got \"" << *got << "\", expected \"" << want << "\"";
  };
  switch (match) {
    case Match::kExact:
      return *got == want ? ::testing::AssertionSuccess() : fail();
    case Match::kPrefix:
      return got->rfind(want, 0) == 0 ? ::testing::AssertionSuccess() : fail();
    case Match::kContains:
      return got->find(want) != std::string::npos ? ::testing::AssertionSuccess() : fail();
    case Match::kIgnoreCase: {
      if (got->size() != want.size()) return fail();
      for (std::size_t i = 0; i < want.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>((*got)[i])) !=
            std::toupper(static_cast<unsigned char>(want[i]))) {
          return fail();
        }
      }
      return ::testing::AssertionSuccess();
    }
    case Match::kNumber: {
      char* end = nullptr;
      double g = std::strtod(got->c_str(), &end);
      if (end == got->c_str() || *end != '\0') return fail();
      double w = std::strtod(want.c_str(), nullptr);
      return std::fabs(g - w) <= 1e-9 * std::max(1.0, std::fabs(w)) ? ::testing::AssertionSuccess()
                                                                      : fail();
    }
  }
  return fail();
}

class EscapesTest : public WarehouseSuite<EscapesTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }

 protected:
  SQLUINTEGER info_mask(SQLUSMALLINT type) {
    SQLUINTEGER mask = 0;
    EXPECT_ODBC_OK(SQLGetInfo(dbc().get(), type, &mask, sizeof mask, nullptr), SQL_HANDLE_DBC,
                   dbc().get());
    return mask;
  }
  std::string current_catalog() {
    char name[256] = {0};
    SQLINTEGER len = 0;
    EXPECT_ODBC_OK(SQLGetConnectAttr(dbc().get(), SQL_ATTR_CURRENT_CATALOG, name, sizeof name,
                                     &len),
                   SQL_HANDLE_DBC, dbc().get());
    return name;
  }
  // SELECT <expression>: its one value as text; fails the test when the statement fails.
  std::optional<std::string> value_of(const std::string& expression) {
    Stmt s = stmt();
    std::string sql = "SELECT " + expression + " AS v";
    SQLRETURN rc = s.exec(sql);
    EXPECT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, s.get())) << sql;
    if (!SQL_SUCCEEDED(rc)) return std::nullopt;
    auto rows = s.all_text();
    EXPECT_EQ(rows.size(), 1u) << sql;
    return rows.empty() ? std::nullopt : rows[0][0];
  }
};

TEST_F(EscapesTest, EveryAdvertisedFunctionHasARowAndReturnsItsValue) {
  const std::vector<Call> table = calls();
  struct Mask {
    SQLUSMALLINT info;
    const char* name;
  };
  const Mask masks[] = {{SQL_STRING_FUNCTIONS, "SQL_STRING_FUNCTIONS"},
                        {SQL_NUMERIC_FUNCTIONS, "SQL_NUMERIC_FUNCTIONS"},
                        {SQL_TIMEDATE_FUNCTIONS, "SQL_TIMEDATE_FUNCTIONS"},
                        {SQL_SYSTEM_FUNCTIONS, "SQL_SYSTEM_FUNCTIONS"},
                        {SQL_TIMEDATE_ADD_INTERVALS, "SQL_TIMEDATE_ADD_INTERVALS"},
                        {SQL_TIMEDATE_DIFF_INTERVALS, "SQL_TIMEDATE_DIFF_INTERVALS"},
                        {SQL_CONVERT_FUNCTIONS, "SQL_CONVERT_FUNCTIONS"}};
  const std::string catalog = current_catalog();
  int checked = 0;
  for (const Mask& m : masks) {
    SQLUINTEGER advertised = info_mask(m.info);
    EXPECT_NE(advertised, 0u) << m.name << " advertises nothing";
    for (int b = 0; b < 32; ++b) {
      SQLUINTEGER bit = 1u << b;
      if (!(advertised & bit)) continue;
      int rows = 0;
      for (const Call& c : table) {
        if (c.info != m.info || c.bit != bit) continue;
        ++rows;
        ++checked;
        std::string expected = std::string(c.expected) == "$catalog" ? catalog : c.expected;
        EXPECT_TRUE(matches(value_of(c.call), expected, c.match)) << m.name << ": " << c.call;
      }
      EXPECT_GT(rows, 0) << m.name << " advertises bit 0x" << std::hex << bit
                         << " but this table has no call for it";
    }
  }
  EXPECT_GE(checked, 60);
}

TEST_F(EscapesTest, EveryAdvertisedConversionOfConvertReturnsItsValue) {
  int checked = 0;
  for (const Source& s : kSources) {
    SQLUINTEGER advertised = info_mask(s.info);
    for (const Target& t : kTargets) {
      if (!(advertised & t.bit)) continue;
      SCOPED_TRACE(std::string("SQL_CONVERT_") + s.name + " to " + t.keyword);
      auto c = convert_case(s, t.kind);
      if (!c) {
        ADD_FAILURE() << "advertised, but this table has no case for it";
        continue;
      }
      std::string call = "{fn CONVERT(" + c->literal + ", " + t.keyword + ")}";
      EXPECT_TRUE(matches(value_of(call), c->expected, c->match)) << call;
      ++checked;
    }
  }
  EXPECT_GE(checked, 100);
}

TEST_F(EscapesTest, DateTimestampAndIntervalLiterals) {
  SQLUINTEGER literals = info_mask(SQL_DATETIME_LITERALS);
  EXPECT_TRUE(literals & SQL_DL_SQL92_DATE);
  EXPECT_TRUE(literals & SQL_DL_SQL92_TIMESTAMP);
  EXPECT_TRUE(literals & SQL_DL_SQL92_INTERVAL_DAY);

  Stmt s = stmt();
  ASSERT_ODBC_OK(s.exec("SELECT {d '2024-01-31'} AS d, {ts '2024-01-31 12:34:56.123456'} AS ts, "
                        "CASE WHEN {ts '2024-01-31 12:34:56.123456'} = "
                        "TIMESTAMP'2024-01-31 12:34:56.123456' THEN 'equal' END AS same, "
                        "{D '1899-12-31'} AS upper_case"),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(describe_col(s, 1).sql_type, SQL_TYPE_DATE);
  EXPECT_EQ(describe_col(s, 2).sql_type, SQL_TYPE_TIMESTAMP);
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "2024-01-31");
  EXPECT_TRUE(matches(rows[0][1], "2024-01-31 12:34:56.123", Match::kPrefix));
  EXPECT_EQ(rows[0][2], "equal");  // microseconds kept
  EXPECT_EQ(rows[0][3], "1899-12-31");

  if (literals & SQL_DL_SQL92_INTERVAL_DAY) {
    EXPECT_TRUE(matches(value_of("{INTERVAL '3' DAY}"), "3 00:00:00", Match::kPrefix));
  }
  if (literals & SQL_DL_SQL92_INTERVAL_YEAR_TO_MONTH) {
    EXPECT_EQ(value_of("{INTERVAL '1-2' YEAR TO MONTH}"), "1-2");
  }
  if (literals & SQL_DL_SQL92_INTERVAL_DAY) {
    EXPECT_TRUE(
        matches(value_of("{d '2024-01-31'} + {INTERVAL '3' DAY}"), "2024-02-03", Match::kPrefix));
  }
  if (literals & SQL_DL_SQL92_TIME) {
    EXPECT_TRUE(matches(value_of("{t '12:34:56'}"), "12:34:56", Match::kContains));
  }
}

TEST_F(EscapesTest, OuterJoinEscapeKeepsUnmatchedRows) {
  EXPECT_TRUE(info_mask(SQL_OJ_CAPABILITIES) & SQL_OJ_LEFT);
  run("CREATE TABLE main.default.esc_a (id INT, x STRING)");
  run("CREATE TABLE main.default.esc_b (id INT, y STRING)");
  run("INSERT INTO main.default.esc_a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3')");
  run("INSERT INTO main.default.esc_b VALUES (1, 'b1'), (3, 'b3'), (4, 'b4')");
  using Rows = std::vector<std::vector<std::optional<std::string>>>;
  EXPECT_EQ(query("SELECT a.id, a.x, b.y FROM {oj main.default.esc_a a LEFT OUTER JOIN "
                  "main.default.esc_b b ON a.id = b.id} ORDER BY a.id"),
            (Rows{{"1", "a1", "b1"}, {"2", "a2", std::nullopt}, {"3", "a3", "b3"}}));
  EXPECT_EQ(query("SELECT coalesce(a.id, b.id), b.y FROM {oj main.default.esc_a a FULL OUTER "
                  "JOIN main.default.esc_b b ON a.id = b.id} ORDER BY 1"),
            (Rows{{"1", "b1"}, {"2", std::nullopt}, {"3", "b3"}, {"4", "b4"}}));
}

TEST_F(EscapesTest, LikeEscapeCharacter) {
  using Rows = std::vector<std::vector<std::optional<std::string>>>;
  const std::string from = " FROM (VALUES ('a_b'), ('axb')) AS t(s) ";
  // Without the escape clause 'a!_b' matches nothing; with it, the literal underscore.
  EXPECT_EQ(query("SELECT count(*), max(s)" + from + "WHERE s LIKE 'a!_b' {escape '!'}"),
            (Rows{{"1", "a_b"}}));
  // The ODBC application writes standard SQL: '\' is one backslash, not a string escape.
  EXPECT_EQ(query("SELECT count(*), max(s)" + from + "WHERE s LIKE 'a\\_b' {escape '\\'}"),
            (Rows{{"1", "a_b"}}));
}

TEST_F(EscapesTest, EscapesAndParametersInOneStatement) {
  Stmt s = stmt();
  ASSERT_ODBC_OK(prepare(s, "SELECT {fn UCASE(?)} AS u, {fn CONCAT('?', ?)} AS c, {d '2024-01-31'} "
                            "AS d"),
                 SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(num_params(s), 2);
  char a[] = "abc", b[] = "x";
  SQLLEN ind = SQL_NTS;
  ASSERT_ODBC_OK(bind_in(s, 1, SQL_C_CHAR, SQL_VARCHAR, 10, 0, a, sizeof a, &ind), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(bind_in(s, 2, SQL_C_CHAR, SQL_VARCHAR, 10, 0, b, sizeof b, &ind), SQL_HANDLE_STMT,
                 s.get());
  ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
  auto rows = s.all_text();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "ABC");
  EXPECT_EQ(rows[0][1], "?x");
  EXPECT_EQ(rows[0][2], "2024-01-31");
}

TEST_F(EscapesTest, UnadvertisedFunctionsAndProceduresAreTheServersError) {
  if (!(info_mask(SQL_STRING_FUNCTIONS) & SQL_FN_STR_DIFFERENCE)) {
    Stmt s = stmt();
    EXPECT_EQ(s.exec("SELECT {fn DIFFERENCE('a', 'b')} AS d"), SQL_ERROR);
    auto records = s.diags();
    ASSERT_FALSE(records.empty());
    bool named = false;
    for (const auto& r : records) {
      std::string m = r.message;
      for (auto& ch : m) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      named |= m.find("difference") != std::string::npos;
    }
    EXPECT_TRUE(named) << "the server's error names the function:\n" << to_string(records);
    ASSERT_ODBC_OK(s.exec("SELECT 1 AS ok"), SQL_HANDLE_STMT, s.get());  // still usable
    EXPECT_EQ(s.all_text().at(0).at(0), "1");
  }
  Stmt p = stmt();
  EXPECT_EQ(p.exec("{call main.default.no_such_procedure(1)}"), SQL_ERROR);
  EXPECT_FALSE(p.diags().empty());
  ASSERT_ODBC_OK(p.exec("SELECT 2 AS ok"), SQL_HANDLE_STMT, p.get());
  EXPECT_EQ(p.all_text().at(0).at(0), "2");
}

TEST_F(EscapesTest, NativeSqlReturnsTheTranslatedText) {
  std::string in = "SELECT {fn UCASE('a')} AS u, {d '2024-01-31'} AS d, '{fn x}' AS lit";
  char out[512] = {0};
  SQLINTEGER len = 0;
  ASSERT_ODBC_OK(SQLNativeSql(dbc().get(), reinterpret_cast<SQLCHAR*>(in.data()), SQL_NTS,
                              reinterpret_cast<SQLCHAR*>(out), sizeof out, &len),
                 SQL_HANDLE_DBC, dbc().get());
  std::string native(out);
  EXPECT_EQ(len, static_cast<SQLINTEGER>(native.size()));
  EXPECT_EQ(native.find("{fn UCASE"), std::string::npos) << native;
  EXPECT_EQ(native.find("{d "), std::string::npos) << native;
  EXPECT_NE(native.find("'{fn x}'"), std::string::npos) << "a literal is left alone: " << native;
  // The translation runs as is and gives what the escapes give.
  EXPECT_EQ(query(native), query(in));
  EXPECT_EQ(query(native), (std::vector<std::vector<std::optional<std::string>>>{
                               {"A", "2024-01-31", "{fn x}"}}));
  // Too small a buffer: 01004 and the full length.
  char small[8] = {0};
  SQLINTEGER full = 0;
  EXPECT_EQ(SQLNativeSql(dbc().get(), reinterpret_cast<SQLCHAR*>(in.data()), SQL_NTS,
                         reinterpret_cast<SQLCHAR*>(small), sizeof small, &full),
            SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(full, len);
  EXPECT_EQ(std::string(small), native.substr(0, sizeof small - 1));
}

TEST_F(EscapesTest, NoScanSendsEscapesUntranslated) {
  WarehouseAdmin admin(warehouse());
  Stmt s = stmt();
  ASSERT_ODBC_OK(set_stmt_attr(s, SQL_ATTR_NOSCAN, SQL_NOSCAN_ON), SQL_HANDLE_STMT, s.get());
  SQLULEN noscan = 0;
  ASSERT_ODBC_OK(SQLGetStmtAttr(s.get(), SQL_ATTR_NOSCAN, &noscan, 0, nullptr), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(noscan, static_cast<SQLULEN>(SQL_NOSCAN_ON));
  long before = admin.last_seq();
  EXPECT_EQ(s.exec("SELECT {fn UCASE('a')} AS u"), SQL_ERROR);  // the server cannot parse it
  EXPECT_FALSE(s.diags().empty());
  auto posts = statement_posts(admin, before);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].statement_prefix, "SELECT {fn UCASE('a')} AS u") << posts[0].raw;

  // The default translates.
  Stmt t = stmt();
  before = admin.last_seq();
  ASSERT_ODBC_OK(t.exec("SELECT {fn UCASE('a')} AS u"), SQL_HANDLE_STMT, t.get());
  EXPECT_EQ(t.all_text().at(0).at(0), "A");
  posts = statement_posts(admin, before);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].statement_prefix.find('{'), std::string::npos) << posts[0].raw;
}

// EscapeProcessing=0 makes SQL_NOSCAN_ON every statement's default on that connection.
TEST_F(EscapesTest, EscapeProcessingOffIsEachStatementsDefault) {
  Dbc other(env_);
  ASSERT_ODBC_OK(other.driver_connect(warehouse().connection_string("EscapeProcessing=0;")),
                 SQL_HANDLE_DBC, other.get());
  Stmt s(other);
  SQLULEN noscan = 0;
  ASSERT_ODBC_OK(SQLGetStmtAttr(s.get(), SQL_ATTR_NOSCAN, &noscan, 0, nullptr), SQL_HANDLE_STMT,
                 s.get());
  EXPECT_EQ(noscan, static_cast<SQLULEN>(SQL_NOSCAN_ON));
  EXPECT_EQ(s.exec("SELECT {fn UCASE('a')} AS u"), SQL_ERROR);  // sent as written
  // A statement may still turn translation back on.
  ASSERT_ODBC_OK(set_stmt_attr(s, SQL_ATTR_NOSCAN, SQL_NOSCAN_OFF), SQL_HANDLE_STMT, s.get());
  ASSERT_ODBC_OK(s.exec("SELECT {fn UCASE('a')} AS u"), SQL_HANDLE_STMT, s.get());
  EXPECT_EQ(s.all_text().at(0).at(0), "A");
}

}  // namespace
}  // namespace dbsql::odbc_test
