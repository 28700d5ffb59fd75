#include "config/odbc_info.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sql/scalar_functions.h"
#include "sql/translate.h"

namespace dbsql::config {
namespace {

template <typename T>
T value_of(SQLUSMALLINT type, const InfoContext& context = {}) {
  const auto v = get_info(type, context);
  if (!v) {
    ADD_FAILURE() << "info type " << type << " not answered";
    return T{};
  }
  if (!std::holds_alternative<T>(*v)) {
    ADD_FAILURE() << "info type " << type << " has another value type (index " << v->index() << ")";
    return T{};
  }
  return std::get<T>(*v);
}

std::string text(SQLUSMALLINT type, const InfoContext& context = {}) {
  return value_of<std::string>(type, context);
}
SQLUSMALLINT u16(SQLUSMALLINT type) {
  return value_of<SQLUSMALLINT>(type);
}
SQLUINTEGER u32(SQLUSMALLINT type) {
  return value_of<SQLUINTEGER>(type);
}

TEST(OdbcInfoTest, IdentityStrings) {
  EXPECT_EQ(text(SQL_DRIVER_NAME), "libdbsqlodbc.so");
  EXPECT_EQ(text(SQL_DRIVER_ODBC_VER), "03.80");
  EXPECT_EQ(text(SQL_DBMS_NAME), "Spark SQL");
  EXPECT_EQ(text(SQL_DRIVER_VER), odbc_version_string(DBSQL_VERSION));
  EXPECT_EQ(text(SQL_DRIVER_VER).size(), 10u);
}

TEST(OdbcInfoTest, VersionStrings) {
  EXPECT_EQ(odbc_version_string("0.1.0"), "00.01.0000");
  EXPECT_EQ(odbc_version_string("3.5.12"), "03.05.0012");
  EXPECT_EQ(odbc_version_string("15"), "15.00.0000");
  EXPECT_EQ(odbc_version_string("x.y"), "00.00.0000");
}

TEST(OdbcInfoTest, DynamicValuesComeFromTheContext) {
  InfoContext c;
  c.data_source_name = "prod";
  c.server_name = "adb-1.azuredatabricks.net";
  c.database_name = "main";
  c.user_name = "alice@example.com";
  c.dbms_version = "03.05.0000";
  EXPECT_EQ(text(SQL_DATA_SOURCE_NAME, c), "prod");
  EXPECT_EQ(text(SQL_SERVER_NAME, c), "adb-1.azuredatabricks.net");
  EXPECT_EQ(text(SQL_DATABASE_NAME, c), "main");
  EXPECT_EQ(text(SQL_USER_NAME, c), "alice@example.com");
  EXPECT_EQ(text(SQL_DBMS_VER, c), "03.05.0000");
  EXPECT_EQ(text(SQL_DATA_SOURCE_READ_ONLY, c), "N");
  c.read_only = true;
  EXPECT_EQ(text(SQL_DATA_SOURCE_READ_ONLY, c), "Y");
  EXPECT_EQ(text(SQL_DBMS_VER), "00.00.0000");
}

TEST(OdbcInfoTest, ValuesBiToolsCheck) {
  EXPECT_EQ(text(SQL_IDENTIFIER_QUOTE_CHAR), "`");
  EXPECT_EQ(text(SQL_CATALOG_NAME_SEPARATOR), ".");
  EXPECT_EQ(text(SQL_CATALOG_TERM), "catalog");
  EXPECT_EQ(text(SQL_SCHEMA_TERM), "schema");
  EXPECT_EQ(text(SQL_TABLE_TERM), "table");
  EXPECT_EQ(text(SQL_CATALOG_NAME), "Y");
  EXPECT_EQ(text(SQL_SEARCH_PATTERN_ESCAPE), "\\");
  EXPECT_EQ(text(SQL_SPECIAL_CHARACTERS), "");
  EXPECT_EQ(text(SQL_DESCRIBE_PARAMETER), "N");
  EXPECT_EQ(text(SQL_NEED_LONG_DATA_LEN), "N");
  EXPECT_EQ(text(SQL_ACCESSIBLE_TABLES), "N");
  EXPECT_EQ(u16(SQL_CATALOG_LOCATION), SQL_CL_START);
  EXPECT_EQ(u32(SQL_CATALOG_USAGE), 0x15u);
  EXPECT_EQ(u32(SQL_SCHEMA_USAGE), 0x15u);
  EXPECT_EQ(u16(SQL_TXN_CAPABLE), SQL_TC_NONE);
  EXPECT_EQ(u32(SQL_DEFAULT_TXN_ISOLATION), 0u);
  EXPECT_EQ(u16(SQL_CURSOR_COMMIT_BEHAVIOR), SQL_CB_PRESERVE);
  EXPECT_EQ(u16(SQL_CURSOR_ROLLBACK_BEHAVIOR), SQL_CB_PRESERVE);
  EXPECT_EQ(u32(SQL_GETDATA_EXTENSIONS), SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND);
  EXPECT_EQ(u32(SQL_SCROLL_OPTIONS), SQL_SO_FORWARD_ONLY);
  EXPECT_EQ(u32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1), SQL_CA1_NEXT);
  EXPECT_EQ(u32(SQL_ASYNC_MODE), SQL_AM_NONE);
  EXPECT_EQ(u16(SQL_MAX_CONCURRENT_ACTIVITIES), 0);
  EXPECT_EQ(u16(SQL_MAX_DRIVER_CONNECTIONS), 0);
  EXPECT_EQ(u32(SQL_SQL_CONFORMANCE), SQL_SC_SQL92_FULL);
  EXPECT_EQ(u32(SQL_ODBC_INTERFACE_CONFORMANCE), SQL_OIC_CORE);
  EXPECT_EQ(u16(SQL_ODBC_API_CONFORMANCE), SQL_OAC_LEVEL1);
  EXPECT_EQ(u32(SQL_CONVERT_FUNCTIONS), SQL_FN_CVT_CONVERT | SQL_FN_CVT_CAST);
  EXPECT_EQ(u32(SQL_AGGREGATE_FUNCTIONS), 0x7Fu);
  EXPECT_EQ(u16(SQL_GROUP_BY), SQL_GB_GROUP_BY_CONTAINS_SELECT);
  EXPECT_EQ(u16(SQL_CONCAT_NULL_BEHAVIOR), SQL_CB_NULL);
  EXPECT_EQ(u16(SQL_IDENTIFIER_CASE), SQL_IC_LOWER);
  EXPECT_EQ(u16(SQL_MAX_COLUMN_NAME_LEN), 255);
  EXPECT_EQ(u16(SQL_MAX_IDENTIFIER_LEN), 255);
  EXPECT_EQ(u32(SQL_MAX_STATEMENT_LEN), 16u * 1024 * 1024);
  // Power BI asks for these two and breaks on an error.
  EXPECT_EQ(u32(kSqlReturnEscapeClause), 0u);
  EXPECT_EQ(u32(SQL_DTC_TRANSITION_COST), 0u);
}

TEST(OdbcInfoTest, ScalarFunctionMasksComeFromTheEscapeTranslator) {
  EXPECT_TRUE(u32(SQL_STRING_FUNCTIONS) & SQL_FN_STR_UCASE);
  EXPECT_TRUE(u32(SQL_STRING_FUNCTIONS) & SQL_FN_STR_LOCATE);  // Power Query's Text.Contains
  EXPECT_FALSE(u32(SQL_STRING_FUNCTIONS) & SQL_FN_STR_DIFFERENCE);
  EXPECT_TRUE(u32(SQL_NUMERIC_FUNCTIONS) & SQL_FN_NUM_ABS);
  EXPECT_TRUE(u32(SQL_TIMEDATE_FUNCTIONS) & SQL_FN_TD_TIMESTAMPADD);
  EXPECT_TRUE(u32(SQL_TIMEDATE_FUNCTIONS) & SQL_FN_TD_TIMESTAMPDIFF);
  EXPECT_FALSE(u32(SQL_TIMEDATE_FUNCTIONS) & SQL_FN_TD_CURTIME);
  EXPECT_FALSE(u32(SQL_TIMEDATE_FUNCTIONS) & SQL_FN_TD_CURRENT_TIME);
  EXPECT_EQ(u32(SQL_SYSTEM_FUNCTIONS), SQL_FN_SYS_USERNAME | SQL_FN_SYS_DBNAME | SQL_FN_SYS_IFNULL);
  // SECOND ... YEAR; not FRAC_SECOND (Databricks timestamps stop at microseconds).
  EXPECT_EQ(u32(SQL_TIMEDATE_ADD_INTERVALS), 0x1FEu);
  EXPECT_EQ(u32(SQL_TIMEDATE_DIFF_INTERVALS), 0x1FEu);
  EXPECT_TRUE(u32(SQL_DATETIME_LITERALS) & SQL_DL_SQL92_DATE);
  EXPECT_TRUE(u32(SQL_DATETIME_LITERALS) & SQL_DL_SQL92_TIMESTAMP);
  EXPECT_TRUE(u32(SQL_DATETIME_LITERALS) & SQL_DL_SQL92_INTERVAL_YEAR_TO_MONTH);
  EXPECT_FALSE(u32(SQL_DATETIME_LITERALS) & SQL_DL_SQL92_TIME);
  EXPECT_EQ(u32(SQL_OJ_CAPABILITIES), 0x7Fu);
  EXPECT_EQ(u32(SQL_SQL92_VALUE_EXPRESSIONS), 0xFu);
}

// A mixed-case spelling of each name: a call the translator does not know comes back as
// written, one from its table comes back in the table's (lower-case Databricks) spelling.
std::string mixed_case(std::string_view name) {
  std::string out(name);
  for (size_t i = 1; i < out.size(); i += 2) {
    out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
  }
  return out;
}

// Required arguments are markers (each must reach the statement); optional ones literals,
// since a translation may drop them (CURRENT_TIMESTAMP's precision).
std::string call_with(const sql::ScalarFunction& f, size_t arity) {
  std::string call = "{fn " + mixed_case(f.name) + "(";
  for (size_t k = 0; k < arity; ++k) {
    if (k != 0) call += ", ";
    if (k == 0 && f.special == sql::SpecialArgument::kInterval) {
      call += "SQL_TSI_DAY";
    } else if (k == 1 && f.special == sql::SpecialArgument::kSqlType) {
      call += "SQL_INTEGER";
    } else {
      call += k < f.min_args ? "?" : "1";
    }
  }
  return call + ")}";
}

TEST(OdbcInfoTest, EveryAdvertisedFunctionTranslates) {
  const struct {
    SQLUSMALLINT info_type;
    sql::FunctionCategory category;
  } masks[] = {{SQL_STRING_FUNCTIONS, sql::FunctionCategory::kString},
               {SQL_NUMERIC_FUNCTIONS, sql::FunctionCategory::kNumeric},
               {SQL_TIMEDATE_FUNCTIONS, sql::FunctionCategory::kTimeDate},
               {SQL_SYSTEM_FUNCTIONS, sql::FunctionCategory::kSystem},
               {SQL_CONVERT_FUNCTIONS, sql::FunctionCategory::kConvert}};
  for (const auto& mask : masks) {
    const SQLUINTEGER advertised = u32(mask.info_type);
    SQLUINTEGER translated = 0;
    for (const sql::ScalarFunction& f : sql::scalar_functions()) {
      if (f.category != mask.category) continue;
      translated |= f.bits;
      for (size_t arity : {size_t{f.min_args}, size_t{f.max_args}}) {
        const std::string call = call_with(f, arity);
        sql::Translation t;
        ASSERT_NO_THROW(t = sql::translate(call)) << call;
        EXPECT_EQ(t.text.find(mixed_case(f.name)), std::string::npos) << call << " → " << t.text;
        EXPECT_EQ(t.text.find('{'), std::string::npos) << call << " → " << t.text;
        // Every parameter of the call is still in the statement.
        size_t expected_markers = f.min_args;
        if (f.special != sql::SpecialArgument::kNone) --expected_markers;
        EXPECT_EQ(t.parameter_count, expected_markers) << call;
      }
    }
    // CAST is native syntax, not a {fn}.
    if (mask.info_type == SQL_CONVERT_FUNCTIONS) translated |= SQL_FN_CVT_CAST;
    EXPECT_EQ(advertised, translated) << "info type " << mask.info_type;
  }
}

TEST(OdbcInfoTest, EveryConversionTargetHasAConvertTranslation) {
  SQLUINTEGER targets = 0;
  for (const sql::ConvertTarget& target : sql::convert_targets()) targets |= target.cvt_bit;
  for (SQLUSMALLINT type : supported_info_types()) {
    if ((type >= SQL_CONVERT_BIGINT && type <= SQL_CONVERT_LONGVARBINARY) ||
        type == SQL_CONVERT_WCHAR || type == SQL_CONVERT_WVARCHAR ||
        type == SQL_CONVERT_WLONGVARCHAR || type == SQL_CONVERT_INTERVAL_YEAR_MONTH ||
        type == SQL_CONVERT_INTERVAL_DAY_TIME) {
      EXPECT_EQ(u32(type) & ~targets, 0u) << type;
    }
  }
}

TEST(OdbcInfoTest, ConversionMasksAreTruthful) {
  EXPECT_TRUE(u32(SQL_CONVERT_INTEGER) & SQL_CVT_BIGINT);
  EXPECT_TRUE(u32(SQL_CONVERT_INTEGER) & SQL_CVT_WVARCHAR);
  EXPECT_FALSE(u32(SQL_CONVERT_INTEGER) & SQL_CVT_DATE);
  EXPECT_TRUE(u32(SQL_CONVERT_VARCHAR) & SQL_CVT_TIMESTAMP);
  EXPECT_TRUE(u32(SQL_CONVERT_VARCHAR) & SQL_CVT_VARBINARY);
  EXPECT_TRUE(u32(SQL_CONVERT_DATE) & SQL_CVT_TIMESTAMP);
  EXPECT_FALSE(u32(SQL_CONVERT_DATE) & SQL_CVT_INTEGER);
  EXPECT_FALSE(u32(SQL_CONVERT_BINARY) & SQL_CVT_INTEGER);
  EXPECT_EQ(u32(SQL_CONVERT_TIME), 0u);
  EXPECT_EQ(u32(SQL_CONVERT_GUID), 0u);
  // No type converts to TIME or GUID, which Databricks SQL does not have.
  for (SQLUSMALLINT type : supported_info_types()) {
    if ((type >= SQL_CONVERT_BIGINT && type <= SQL_CONVERT_LONGVARBINARY) ||
        type == SQL_CONVERT_WCHAR || type == SQL_CONVERT_WVARCHAR ||
        type == SQL_CONVERT_WLONGVARCHAR) {
      EXPECT_FALSE(u32(type) & (SQL_CVT_TIME | SQL_CVT_GUID)) << type;
    }
  }
}

TEST(OdbcInfoTest, KeywordsAreACommaSeparatedUpperCaseList) {
  const std::string keywords = text(SQL_KEYWORDS);
  EXPECT_NE(keywords.find("QUALIFY"), std::string::npos);
  EXPECT_EQ(keywords.find(' '), std::string::npos);
  EXPECT_NE(keywords.front(), ',');
  EXPECT_NE(keywords.back(), ',');
  EXPECT_TRUE(
      std::none_of(keywords.begin(), keywords.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
}

TEST(OdbcInfoTest, HandlesAndUnknownTypesAreNotAnswered) {
  for (int type : {SQL_DRIVER_HDBC, SQL_DRIVER_HENV, SQL_DRIVER_HSTMT, SQL_DRIVER_HLIB,
                   SQL_DRIVER_HDESC, SQL_DM_VER, 9999}) {
    EXPECT_FALSE(get_info(static_cast<SQLUSMALLINT>(type), {}).has_value()) << type;
  }
}

TEST(OdbcInfoTest, EverySupportedTypeAnswersWithItsSpecifiedValueType) {
  const auto types = supported_info_types();
  EXPECT_TRUE(std::is_sorted(types.begin(), types.end()));
  EXPECT_GE(types.size(), 150u);
  for (SQLUSMALLINT type : types) ASSERT_TRUE(get_info(type, {}).has_value()) << type;
  // Spot checks of the ODBC-specified value type (SQLUSMALLINT vs SQLUINTEGER matters:
  // a driver writing 4 bytes into a 2-byte buffer corrupts the application's memory).
  for (SQLUSMALLINT type :
       {SQL_MAX_CONCURRENT_ACTIVITIES, SQL_TXN_CAPABLE, SQL_IDENTIFIER_CASE, SQL_CATALOG_LOCATION,
        SQL_NULL_COLLATION, SQL_GROUP_BY, SQL_CORRELATION_NAME, SQL_NON_NULLABLE_COLUMNS,
        SQL_FILE_USAGE, SQL_MAX_CATALOG_NAME_LEN, SQL_ACTIVE_ENVIRONMENTS}) {
    EXPECT_TRUE(std::holds_alternative<SQLUSMALLINT>(*get_info(type, {}))) << type;
  }
  for (SQLUSMALLINT type :
       {SQL_GETDATA_EXTENSIONS, SQL_SCROLL_OPTIONS, SQL_TXN_ISOLATION_OPTION,
        SQL_DEFAULT_TXN_ISOLATION, SQL_MAX_STATEMENT_LEN, SQL_MAX_ROW_SIZE, SQL_OJ_CAPABILITIES,
        SQL_CONVERT_VARCHAR, SQL_ASYNC_MODE, SQL_CURSOR_SENSITIVITY, SQL_SQL_CONFORMANCE}) {
    EXPECT_TRUE(std::holds_alternative<SQLUINTEGER>(*get_info(type, {}))) << type;
  }
}

}  // namespace
}  // namespace dbsql::config
