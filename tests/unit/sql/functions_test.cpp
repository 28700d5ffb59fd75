#include <sql.h>
#include <sqlext.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "sql/capabilities.h"
#include "sql/scalar_functions.h"
#include "sql/translate.h"
#include "util/error.h"

namespace dbsql::sql {
namespace {

std::string text(std::string_view sql) {
  return translate(sql).text;
}

std::string sqlstate(std::string_view sql) {
  try {
    translate(sql);
  } catch (const Error& e) {
    return e.sqlstate();
  }
  return "";
}

TEST(ScalarFunctions, StringFunctions) {
  EXPECT_EQ("SELECT upper(name) FROM t", text("SELECT {fn UCASE(name)} FROM t"));
  EXPECT_EQ("upper(x)", text("{ fn ucase ( x ) }"));
  EXPECT_EQ("lower(x)", text("{fn LCASE(x)}"));
  EXPECT_EQ("chr(65)", text("{fn CHAR(65)}"));
  EXPECT_EQ("char_length(rtrim(s))", text("{fn LENGTH(s)}"));
  EXPECT_EQ("overlay(s PLACING 'xy' FROM 2 FOR 3)", text("{fn INSERT(s, 2, 3, 'xy')}"));
  EXPECT_EQ("locate('a', s)", text("{fn LOCATE('a', s)}"));
  EXPECT_EQ("locate('a', s, 3)", text("{fn LOCATE('a', s, 3)}"));
  EXPECT_EQ("position('a' IN s)", text("{fn POSITION('a' IN s)}"));
  EXPECT_EQ("substring(s, 2)", text("{fn SUBSTRING(s,2)}"));
  EXPECT_EQ("concat('a,b', c)", text("{fn CONCAT('a,b', c)}"));
  EXPECT_EQ("concat(f(a, b), c)", text("{fn CONCAT(f(a, b), c)}"));
  EXPECT_EQ("replace(s, 'a', 'b')", text("{fn REPLACE(s, 'a', 'b')}"));
}

TEST(ScalarFunctions, NumericFunctions) {
  EXPECT_EQ("ln(x)", text("{fn LOG(x)}"));
  EXPECT_EQ("ceiling(x)", text("{fn CEILING(x)}"));
  EXPECT_EQ("pi()", text("{fn PI()}"));
  EXPECT_EQ("pi()", text("{fn PI}"));
  EXPECT_EQ("rand()", text("{fn RAND()}"));
  EXPECT_EQ("rand(7)", text("{fn RAND(7)}"));
  EXPECT_EQ("round(x, 2)", text("{fn ROUND(x, 2)}"));
  EXPECT_EQ("(CASE WHEN (x) >= 0 THEN floor(x, 2) ELSE ceil(x, 2) END)",
            text("{fn TRUNCATE(x, 2)}"));
}

TEST(ScalarFunctions, TimeDateFunctions) {
  EXPECT_EQ("current_date()", text("{fn CURDATE()}"));
  EXPECT_EQ("current_date()", text("{fn CURRENT_DATE()}"));
  EXPECT_EQ("current_timestamp()", text("{fn NOW()}"));
  EXPECT_EQ("current_timestamp()", text("{fn CURRENT_TIMESTAMP(3)}"));
  EXPECT_EQ("date_format(d, 'EEEE')", text("{fn DAYNAME(d)}"));
  EXPECT_EQ("date_format(d, 'MMMM')", text("{fn MONTHNAME(d)}"));
  EXPECT_EQ("weekofyear(d)", text("{fn WEEK(d)}"));
  EXPECT_EQ("extract(YEAR FROM d)", text("{fn EXTRACT(YEAR FROM d)}"));
  EXPECT_EQ("timestampadd(DAY, 1, ts)", text("{fn TIMESTAMPADD(SQL_TSI_DAY, 1, ts)}"));
  EXPECT_EQ("timestampdiff(QUARTER, a, b)", text("{fn TIMESTAMPDIFF(sql_tsi_quarter, a, b)}"));
  EXPECT_EQ("timestampadd(MICROSECOND, 1, ts)", text("{fn TIMESTAMPADD(MICROSECOND, 1, ts)}"));
  EXPECT_EQ("HYC00", sqlstate("{fn TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 1, ts)}"));
  EXPECT_EQ("42000", sqlstate("{fn TIMESTAMPADD(SQL_TSI_FORTNIGHT, 1, ts)}"));
  EXPECT_EQ("42000", sqlstate("{fn TIMESTAMPADD(?, 1, ts)}"));
}

TEST(ScalarFunctions, SystemFunctions) {
  EXPECT_EQ("current_catalog()", text("{fn DATABASE()}"));
  EXPECT_EQ("current_user()", text("{fn USER()}"));
  EXPECT_EQ("coalesce(a, 0)", text("{fn IFNULL(a, 0)}"));
}

TEST(ScalarFunctions, Convert) {
  EXPECT_EQ("CAST(x AS INT)", text("{fn CONVERT(x, SQL_INTEGER)}"));
  EXPECT_EQ("CAST(x AS INT)", text("{fn convert(x, sql_integer)}"));
  EXPECT_EQ("CAST(x AS INT)", text("{fn CONVERT(x, INTEGER)}"));
  EXPECT_EQ("CAST(x AS STRING)", text("{fn CONVERT(x, SQL_WVARCHAR)}"));
  EXPECT_EQ("CAST(x AS BOOLEAN)", text("{fn CONVERT(x, SQL_BIT)}"));
  EXPECT_EQ("CAST(x AS DECIMAL(38,18))", text("{fn CONVERT(x, SQL_DECIMAL)}"));
  EXPECT_EQ("CAST(x AS DATE)", text("{fn CONVERT(x, SQL_DATE)}"));
  EXPECT_EQ("CAST(x AS DATE)", text("{fn CONVERT(x, SQL_TYPE_DATE)}"));
  EXPECT_EQ("CAST(x AS TIMESTAMP)", text("{fn CONVERT(x, SQL_TYPE_TIMESTAMP)}"));
  EXPECT_EQ("CAST(x AS FLOAT)", text("{fn CONVERT(x, SQL_REAL)}"));
  EXPECT_EQ("CAST(x AS DOUBLE)", text("{fn CONVERT(x, SQL_FLOAT)}"));
  EXPECT_EQ("CAST(x AS BINARY)", text("{fn CONVERT(x, SQL_LONGVARBINARY)}"));
  EXPECT_EQ("CAST(x AS INTERVAL DAY TO SECOND)",
            text("{fn CONVERT(x, SQL_INTERVAL_DAY_TO_SECOND)}"));
  EXPECT_EQ("CAST(upper(x) AS STRING)", text("{fn CONVERT({fn UCASE(x)}, SQL_VARCHAR)}"));
  EXPECT_EQ("CAST(? AS BIGINT)", text("{fn CONVERT(?, SQL_BIGINT)}"));
  EXPECT_EQ("42000", sqlstate("{fn CONVERT(x, SQL_NOPE)}"));
  EXPECT_EQ("42000", sqlstate("{fn CONVERT(x, ?)}"));
  EXPECT_EQ("42000", sqlstate("{fn CONVERT(x)}"));
}

TEST(ScalarFunctions, NestedEscapesAndMarkers) {
  EXPECT_EQ("upper(ltrim(x))", text("{fn UCASE({fn LTRIM(x)})}"));
  EXPECT_EQ("SELECT concat(upper(?), DATE'2024-01-01') FROM t",
            text("SELECT {fn CONCAT({fn UCASE(?)}, {d '2024-01-01'})} FROM t"));
  const Translation t = translate("{fn UCASE(?)} = ?");
  EXPECT_EQ("upper(?) = ?", t.text);
  EXPECT_EQ(std::vector<size_t>({6, 11}), t.markers);
  EXPECT_EQ(std::vector<size_t>({0, 1}), t.marker_parameters);
}

TEST(ScalarFunctions, UnknownFunctionsPassThrough) {
  EXPECT_EQ("MY_UDF(a, b)", text("{fn MY_UDF(a,b)}"));
  EXPECT_EQ("DIFFERENCE('a', 'b')", text("{fn DIFFERENCE('a', 'b')}"));
  EXPECT_EQ("CURTIME()", text("{fn CURTIME()}"));
  EXPECT_EQ("f()", text("{fn f()}"));
  EXPECT_EQ("f", text("{fn f}"));
  EXPECT_EQ("f(?, upper(x))", text("{fn f(?, {fn ucase(x)})}"));
}

TEST(ScalarFunctions, WrongArgumentCountsAreSyntaxErrors) {
  EXPECT_EQ("42000", sqlstate("{fn UCASE()}"));
  EXPECT_EQ("42000", sqlstate("{fn UCASE(a, b)}"));
  EXPECT_EQ("42000", sqlstate("{fn LEFT(a)}"));
  EXPECT_EQ("42000", sqlstate("{fn CONCAT(a, )}"));
  EXPECT_EQ("42000", sqlstate("{fn PI(1)}"));
}

TEST(ScalarFunctions, DroppedArgumentsCannotBeMarkers) {
  EXPECT_EQ("42000", sqlstate("{fn CURRENT_TIMESTAMP(?)}"));
}

TEST(ScalarFunctions, TableIsConsistent) {
  std::set<std::string_view> names;
  for (const ScalarFunction& f : scalar_functions()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_NE(0u, f.bits) << f.name;
    EXPECT_LE(f.min_args, f.max_args) << f.name;
    EXPECT_EQ(&f, find_scalar_function(f.name)) << f.name;
    // Every required argument is used (a marker in it would otherwise be lost).
    const bool all = f.translation.find("$*") != std::string_view::npos;
    for (int k = 1; k <= f.min_args; ++k) {
      const std::string ref = "$" + std::to_string(k);
      EXPECT_TRUE(all || f.translation.find(ref) != std::string_view::npos) << f.name << ref;
    }
  }
}

TEST(Capabilities, MasksComeFromTheTable) {
  EXPECT_TRUE(string_functions() & SQL_FN_STR_UCASE);
  EXPECT_TRUE(string_functions() & SQL_FN_STR_LOCATE);
  EXPECT_TRUE(string_functions() & SQL_FN_STR_LOCATE_2);
  EXPECT_FALSE(string_functions() & SQL_FN_STR_DIFFERENCE);
  EXPECT_TRUE(numeric_functions() & SQL_FN_NUM_TRUNCATE);
  EXPECT_FALSE(timedate_functions() & SQL_FN_TD_CURTIME);
  EXPECT_FALSE(timedate_functions() & SQL_FN_TD_CURRENT_TIME);
  EXPECT_TRUE(timedate_functions() & SQL_FN_TD_TIMESTAMPADD);
  EXPECT_EQ(static_cast<uint32_t>(SQL_FN_SYS_USERNAME | SQL_FN_SYS_DBNAME | SQL_FN_SYS_IFNULL),
            system_functions());
  EXPECT_EQ(static_cast<uint32_t>(SQL_FN_CVT_CONVERT | SQL_FN_CVT_CAST), convert_functions());
  EXPECT_EQ(0x1FEu, timedate_add_intervals());
  EXPECT_EQ(0x1FEu, timedate_diff_intervals());
  EXPECT_FALSE(datetime_literals() & SQL_DL_SQL92_TIME);
  EXPECT_TRUE(datetime_literals() & SQL_DL_SQL92_INTERVAL_DAY_TO_SECOND);
  EXPECT_EQ(0x7Fu, oj_capabilities());
  EXPECT_TRUE(convert_targets_mask() & SQL_CVT_WVARCHAR);
  EXPECT_TRUE(convert_targets_mask() & SQL_CVT_INTERVAL_DAY_TIME);
}

}  // namespace
}  // namespace dbsql::sql
