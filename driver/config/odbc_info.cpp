#include "config/odbc_info.h"

#include <charconv>
#include <cstdio>
#include <map>

#include "sql/capabilities.h"

#ifndef DBSQL_VERSION
#define DBSQL_VERSION "0.0.0"
#endif

namespace dbsql::config {
namespace {

using Table = std::map<SQLUSMALLINT, InfoValue>;

InfoValue u16(unsigned long v) {
  return static_cast<SQLUSMALLINT>(v);
}
InfoValue u32(unsigned long v) {
  return static_cast<SQLUINTEGER>(v);
}
InfoValue str(std::string_view v) {
  return std::string(v);
}

// Names are case-insensitive and stored lower-case by Unity Catalog; columns too compare
// case-insensitively (bi-tools.md §4.1 recommends SQL_IC_LOWER).
constexpr SQLUSMALLINT kIdentifierCase = SQL_IC_LOWER;
// Unity Catalog names are limited to 255 characters.
constexpr SQLUSMALLINT kMaxNameLength = 255;
// The Statement Execution API accepts statements up to 16 MiB.
constexpr SQLUINTEGER kMaxStatementLength = 16 * 1024 * 1024;

// Spark SQL words an application must quote that are not in ODBC's own reserved list
// (SQL_ODBC_KEYWORDS), for SQL_KEYWORDS.
constexpr std::string_view kKeywords =
    "ANTI,ARRAY,BIGINT,BINARY,BOOLEAN,BUCKET,BUCKETS,CACHE,CLUSTER,CLUSTERED,COLUMNS,COMMENT,"
    "COMPUTE,DATA,DATABASE,DATABASES,DBPROPERTIES,DIRECTORY,DISTRIBUTE,DIV,EXPLAIN,EXTENDED,"
    "FILTER,FORMAT,FUNCTION,FUNCTIONS,IF,ILIKE,LATERAL,LIMIT,LOCATION,LONG,MAP,MERGE,MINUS,"
    "MSCK,OFFSET,OPTIONS,OVER,OVERWRITE,PARTITION,PARTITIONED,PARTITIONS,PERCENT,PIVOT,"
    "QUALIFY,RANGE,REFRESH,REGEXP,RENAME,REPLACE,RESET,RLIKE,SEMI,SHOW,SORT,STRING,STRUCT,"
    "TABLES,TABLESAMPLE,TBLPROPERTIES,TINYINT,TRUNCATE,UNBOUNDED,UNCACHE,UNPIVOT,UNSET,USE,"
    "VOID,WINDOW";

// SQL_CONVERT_* masks: what CAST(x AS t) accepts in Databricks SQL.
constexpr SQLUINTEGER kCvtNumeric = SQL_CVT_NUMERIC | SQL_CVT_DECIMAL | SQL_CVT_INTEGER |
                                    SQL_CVT_SMALLINT | SQL_CVT_FLOAT | SQL_CVT_REAL |
                                    SQL_CVT_DOUBLE | SQL_CVT_TINYINT | SQL_CVT_BIGINT;
constexpr SQLUINTEGER kCvtText = SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR |
                                 SQL_CVT_WCHAR | SQL_CVT_WVARCHAR | SQL_CVT_WLONGVARCHAR;
constexpr SQLUINTEGER kCvtBinary = SQL_CVT_BINARY | SQL_CVT_VARBINARY | SQL_CVT_LONGVARBINARY;
constexpr SQLUINTEGER kCvtDatetime = SQL_CVT_DATE | SQL_CVT_TIMESTAMP;

constexpr SQLUINTEGER kFromNumeric = kCvtNumeric | kCvtText | SQL_CVT_BIT;
constexpr SQLUINTEGER kFromText = kCvtNumeric | kCvtText | SQL_CVT_BIT | kCvtDatetime | kCvtBinary;
constexpr SQLUINTEGER kFromDatetime = kCvtText | kCvtDatetime;
constexpr SQLUINTEGER kFromBinary = kCvtText | kCvtBinary;

void add_conversions(Table& t) {
  for (SQLUSMALLINT type :
       {SQL_CONVERT_BIGINT, SQL_CONVERT_DECIMAL, SQL_CONVERT_DOUBLE, SQL_CONVERT_FLOAT,
        SQL_CONVERT_INTEGER, SQL_CONVERT_NUMERIC, SQL_CONVERT_REAL, SQL_CONVERT_SMALLINT,
        SQL_CONVERT_TINYINT, SQL_CONVERT_BIT}) {
    t[type] = u32(kFromNumeric);
  }
  for (SQLUSMALLINT type : {SQL_CONVERT_CHAR, SQL_CONVERT_VARCHAR, SQL_CONVERT_LONGVARCHAR,
                            SQL_CONVERT_WCHAR, SQL_CONVERT_WVARCHAR, SQL_CONVERT_WLONGVARCHAR}) {
    t[type] = u32(kFromText);
  }
  t[SQL_CONVERT_DATE] = u32(kFromDatetime);
  t[SQL_CONVERT_TIMESTAMP] = u32(kFromDatetime);
  for (SQLUSMALLINT type : {SQL_CONVERT_BINARY, SQL_CONVERT_VARBINARY, SQL_CONVERT_LONGVARBINARY}) {
    t[type] = u32(kFromBinary);
  }
  t[SQL_CONVERT_INTERVAL_YEAR_MONTH] = u32(kCvtText);
  t[SQL_CONVERT_INTERVAL_DAY_TIME] = u32(kCvtText);
  t[SQL_CONVERT_TIME] = u32(0);  // Databricks SQL has no TIME type
  t[SQL_CONVERT_GUID] = u32(0);
}

void add_driver_and_cursors(Table& t) {
  t[SQL_DRIVER_NAME] = str(kDriverName);
  t[SQL_DRIVER_VER] = str(odbc_version_string(DBSQL_VERSION));
  t[SQL_DRIVER_ODBC_VER] = str(kDriverOdbcVersion);
  t[SQL_ODBC_VER] = str(kDriverOdbcVersion);
  t[SQL_DBMS_NAME] = str(kDbmsName);
  t[SQL_ODBC_INTERFACE_CONFORMANCE] = u32(SQL_OIC_CORE);
  t[SQL_ODBC_API_CONFORMANCE] = u16(SQL_OAC_LEVEL1);
  t[SQL_ODBC_SQL_CONFORMANCE] = u16(SQL_OSC_CORE);
  t[SQL_ODBC_SAG_CLI_CONFORMANCE] = u16(SQL_OSCC_NOT_COMPLIANT);
  t[SQL_STANDARD_CLI_CONFORMANCE] = u32(0);
  t[SQL_XOPEN_CLI_YEAR] = str("1995");
  t[SQL_ACTIVE_ENVIRONMENTS] = u16(0);
  t[SQL_MAX_DRIVER_CONNECTIONS] = u16(0);
  t[SQL_MAX_CONCURRENT_ACTIVITIES] = u16(0);
  t[SQL_FILE_USAGE] = u16(SQL_FILE_NOT_SUPPORTED);
  t[SQL_DRIVER_AWARE_POOLING_SUPPORTED] = u32(SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE);
  // Asynchronous execution is not offered; SQLCancel from another thread is.
  t[SQL_ASYNC_MODE] = u32(SQL_AM_NONE);
  t[SQL_ASYNC_DBC_FUNCTIONS] = u32(SQL_ASYNC_DBC_NOT_CAPABLE);
  t[SQL_ASYNC_NOTIFICATION] = u32(SQL_ASYNC_NOTIFICATION_NOT_CAPABLE);
  t[SQL_MAX_ASYNC_CONCURRENT_STATEMENTS] = u32(0);
  t[SQL_BATCH_ROW_COUNT] = u32(0);
  t[SQL_BATCH_SUPPORT] = u32(0);
  t[SQL_PARAM_ARRAY_ROW_COUNTS] = u32(SQL_PARC_NO_BATCH);
  t[SQL_PARAM_ARRAY_SELECTS] = u32(SQL_PAS_NO_SELECT);
  t[SQL_DTC_TRANSITION_COST] = u32(0);
  t[kSqlReturnEscapeClause] = u32(0);
  // Results stream forward only, read-only; SQLGetData reads any unbound or bound column
  // in any order within the current row (not within a rowset of more than one row).
  t[SQL_SCROLL_OPTIONS] = u32(SQL_SO_FORWARD_ONLY);
  t[SQL_FETCH_DIRECTION] = u32(SQL_FD_FETCH_NEXT);
  t[SQL_SCROLL_CONCURRENCY] = u32(SQL_SCCO_READ_ONLY);
  t[SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1] = u32(SQL_CA1_NEXT);
  t[SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2] = u32(SQL_CA2_READ_ONLY_CONCURRENCY);
  for (SQLUSMALLINT type : {SQL_STATIC_CURSOR_ATTRIBUTES1, SQL_STATIC_CURSOR_ATTRIBUTES2,
                            SQL_KEYSET_CURSOR_ATTRIBUTES1, SQL_KEYSET_CURSOR_ATTRIBUTES2,
                            SQL_DYNAMIC_CURSOR_ATTRIBUTES1, SQL_DYNAMIC_CURSOR_ATTRIBUTES2}) {
    t[type] = u32(0);
  }
  t[SQL_CURSOR_SENSITIVITY] = u32(SQL_INSENSITIVE);
  t[SQL_GETDATA_EXTENSIONS] = u32(SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND);
  t[SQL_BOOKMARK_PERSISTENCE] = u32(0);
  t[SQL_LOCK_TYPES] = u32(0);
  t[SQL_POS_OPERATIONS] = u32(0);
  t[SQL_POSITIONED_STATEMENTS] = u32(0);
  t[SQL_STATIC_SENSITIVITY] = u32(0);
  t[SQL_ROW_UPDATES] = str("N");
  t[SQL_MULT_RESULT_SETS] = str("N");
  t[SQL_MULTIPLE_ACTIVE_TXN] = str("Y");
  t[SQL_NEED_LONG_DATA_LEN] = str("N");
  t[SQL_DESCRIBE_PARAMETER] = str("N");
  t[SQL_MAX_CURSOR_NAME_LEN] = u16(0);
}

// Statements commit as they run; autocommit OFF is accepted but changes nothing.
void add_transactions(Table& t) {
  t[SQL_TXN_CAPABLE] = u16(SQL_TC_NONE);
  t[SQL_DEFAULT_TXN_ISOLATION] = u32(0);
  t[SQL_TXN_ISOLATION_OPTION] = u32(0);
  t[SQL_CURSOR_COMMIT_BEHAVIOR] = u16(SQL_CB_PRESERVE);
  t[SQL_CURSOR_ROLLBACK_BEHAVIOR] = u16(SQL_CB_PRESERVE);
}

void add_names(Table& t) {
  t[SQL_CATALOG_NAME] = str("Y");
  t[SQL_CATALOG_TERM] = str("catalog");
  t[SQL_SCHEMA_TERM] = str("schema");
  t[SQL_TABLE_TERM] = str("table");
  t[SQL_PROCEDURE_TERM] = str("procedure");
  t[SQL_CATALOG_NAME_SEPARATOR] = str(".");
  t[SQL_CATALOG_LOCATION] = u16(SQL_CL_START);
  t[SQL_CATALOG_USAGE] =
      u32(SQL_CU_DML_STATEMENTS | SQL_CU_TABLE_DEFINITION | SQL_CU_PRIVILEGE_DEFINITION);
  t[SQL_SCHEMA_USAGE] =
      u32(SQL_SU_DML_STATEMENTS | SQL_SU_TABLE_DEFINITION | SQL_SU_PRIVILEGE_DEFINITION);
  t[SQL_IDENTIFIER_QUOTE_CHAR] = str("`");
  t[SQL_IDENTIFIER_CASE] = u16(kIdentifierCase);
  t[SQL_QUOTED_IDENTIFIER_CASE] = u16(kIdentifierCase);
  t[SQL_SPECIAL_CHARACTERS] = str("");
  t[SQL_SEARCH_PATTERN_ESCAPE] = str("\\");
  t[SQL_KEYWORDS] = str(kKeywords);
  t[SQL_ACCESSIBLE_TABLES] = str("N");
  t[SQL_ACCESSIBLE_PROCEDURES] = str("N");
  t[SQL_PROCEDURES] = str("N");
  t[SQL_COLLATION_SEQ] = str("");
  for (SQLUSMALLINT type : {SQL_MAX_CATALOG_NAME_LEN, SQL_MAX_SCHEMA_NAME_LEN,
                            SQL_MAX_TABLE_NAME_LEN, SQL_MAX_COLUMN_NAME_LEN, SQL_MAX_IDENTIFIER_LEN,
                            SQL_MAX_PROCEDURE_NAME_LEN, SQL_MAX_USER_NAME_LEN}) {
    t[type] = u16(kMaxNameLength);
  }
  // 0: no limit the driver knows of.
  for (SQLUSMALLINT type :
       {SQL_MAX_COLUMNS_IN_GROUP_BY, SQL_MAX_COLUMNS_IN_INDEX, SQL_MAX_COLUMNS_IN_ORDER_BY,
        SQL_MAX_COLUMNS_IN_SELECT, SQL_MAX_COLUMNS_IN_TABLE, SQL_MAX_TABLES_IN_SELECT}) {
    t[type] = u16(0);
  }
  for (SQLUSMALLINT type : {SQL_MAX_BINARY_LITERAL_LEN, SQL_MAX_CHAR_LITERAL_LEN,
                            SQL_MAX_INDEX_SIZE, SQL_MAX_ROW_SIZE}) {
    t[type] = u32(0);
  }
  t[SQL_MAX_STATEMENT_LEN] = u32(kMaxStatementLength);
  t[SQL_MAX_ROW_SIZE_INCLUDES_LONG] = str("Y");
}

void add_sql_grammar(Table& t) {
  // Power Query plans derived tables only at SQL92 full (bi-tools.md §4.1).
  t[SQL_SQL_CONFORMANCE] = u32(SQL_SC_SQL92_FULL);
  t[SQL_AGGREGATE_FUNCTIONS] = u32(SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT |
                                   SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM);
  t[SQL_ALTER_DOMAIN] = u32(0);
  t[SQL_ALTER_TABLE] = u32(SQL_AT_ADD_COLUMN_SINGLE | SQL_AT_ADD_CONSTRAINT);
  t[SQL_COLUMN_ALIAS] = str("Y");
  t[SQL_CORRELATION_NAME] = u16(SQL_CN_ANY);
  t[SQL_CONCAT_NULL_BEHAVIOR] = u16(SQL_CB_NULL);
  t[SQL_NULL_COLLATION] = u16(SQL_NC_LOW);  // NULLs first ascending, last descending
  t[SQL_EXPRESSIONS_IN_ORDERBY] = str("Y");
  t[SQL_ORDER_BY_COLUMNS_IN_SELECT] = str("N");
  t[SQL_GROUP_BY] = u16(SQL_GB_GROUP_BY_CONTAINS_SELECT);
  t[SQL_LIKE_ESCAPE_CLAUSE] = str("Y");
  t[SQL_OUTER_JOINS] = str("Y");
  t[SQL_SUBQUERIES] =
      u32(SQL_SQ_CORRELATED_SUBQUERIES | SQL_SQ_COMPARISON | SQL_SQ_EXISTS | SQL_SQ_IN);
  t[SQL_UNION] = u32(SQL_U_UNION | SQL_U_UNION_ALL);
  t[SQL_NON_NULLABLE_COLUMNS] = u16(SQL_NNC_NON_NULL);
  t[SQL_INTEGRITY] = str("N");
  t[SQL_INDEX_KEYWORDS] = u32(SQL_IK_NONE);
  t[SQL_INSERT_STATEMENT] = u32(SQL_IS_INSERT_LITERALS | SQL_IS_INSERT_SEARCHED);
  t[SQL_INFO_SCHEMA_VIEWS] = u32(0);
  t[SQL_SQL92_PREDICATES] = u32(SQL_SP_EXISTS | SQL_SP_ISNOTNULL | SQL_SP_ISNULL | SQL_SP_LIKE |
                                SQL_SP_IN | SQL_SP_BETWEEN | SQL_SP_COMPARISON);
  t[SQL_SQL92_RELATIONAL_JOIN_OPERATORS] =
      u32(SQL_SRJO_CROSS_JOIN | SQL_SRJO_FULL_OUTER_JOIN | SQL_SRJO_INNER_JOIN |
          SQL_SRJO_LEFT_OUTER_JOIN | SQL_SRJO_NATURAL_JOIN | SQL_SRJO_RIGHT_OUTER_JOIN);
  t[SQL_SQL92_ROW_VALUE_CONSTRUCTOR] =
      u32(SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL | SQL_SRVC_DEFAULT);
  t[SQL_SQL92_FOREIGN_KEY_DELETE_RULE] = u32(0);
  t[SQL_SQL92_FOREIGN_KEY_UPDATE_RULE] = u32(0);
  t[SQL_SQL92_GRANT] = u32(SQL_SG_SELECT_TABLE);
  t[SQL_SQL92_REVOKE] = u32(SQL_SR_SELECT_TABLE);
}

void add_ddl(Table& t) {
  t[SQL_CREATE_SCHEMA] = u32(SQL_CS_CREATE_SCHEMA);
  t[SQL_CREATE_TABLE] = u32(SQL_CT_CREATE_TABLE | SQL_CT_COLUMN_CONSTRAINT | SQL_CT_COLUMN_DEFAULT |
                            SQL_CT_TABLE_CONSTRAINT | SQL_CT_CONSTRAINT_NAME_DEFINITION);
  t[SQL_CREATE_VIEW] = u32(SQL_CV_CREATE_VIEW);
  t[SQL_DROP_SCHEMA] = u32(SQL_DS_DROP_SCHEMA | SQL_DS_RESTRICT | SQL_DS_CASCADE);
  t[SQL_DROP_TABLE] = u32(SQL_DT_DROP_TABLE);
  t[SQL_DROP_VIEW] = u32(SQL_DV_DROP_VIEW);
  for (SQLUSMALLINT type :
       {SQL_CREATE_ASSERTION, SQL_CREATE_CHARACTER_SET, SQL_CREATE_COLLATION, SQL_CREATE_DOMAIN,
        SQL_CREATE_TRANSLATION, SQL_DROP_ASSERTION, SQL_DROP_CHARACTER_SET, SQL_DROP_COLLATION,
        SQL_DROP_DOMAIN, SQL_DROP_TRANSLATION, SQL_DDL_INDEX}) {
    t[type] = u32(0);
  }
}

// What the escape translator (sql/translate.h) and Databricks SQL accept, from the sql
// layer: tools emit every {fn}, {d}, {oj} these promise, so they must come from the same
// table the translator uses.
void add_scalar_functions(Table& t) {
  t[SQL_STRING_FUNCTIONS] = u32(sql::string_functions());
  t[SQL_NUMERIC_FUNCTIONS] = u32(sql::numeric_functions());
  t[SQL_TIMEDATE_FUNCTIONS] = u32(sql::timedate_functions());
  t[SQL_SYSTEM_FUNCTIONS] = u32(sql::system_functions());
  t[SQL_CONVERT_FUNCTIONS] = u32(sql::convert_functions());
  t[SQL_TIMEDATE_ADD_INTERVALS] = u32(sql::timedate_add_intervals());
  t[SQL_TIMEDATE_DIFF_INTERVALS] = u32(sql::timedate_diff_intervals());
  t[SQL_DATETIME_LITERALS] = u32(sql::datetime_literals());
  t[SQL_OJ_CAPABILITIES] = u32(sql::oj_capabilities());
  t[SQL_SQL92_STRING_FUNCTIONS] = u32(sql::sql92_string_functions());
  t[SQL_SQL92_NUMERIC_VALUE_FUNCTIONS] = u32(sql::sql92_numeric_value_functions());
  t[SQL_SQL92_DATETIME_FUNCTIONS] = u32(sql::sql92_datetime_functions());
  t[SQL_SQL92_VALUE_EXPRESSIONS] = u32(sql::sql92_value_expressions());
}

const Table& static_table() {
  static const Table table = [] {
    Table t;
    add_driver_and_cursors(t);
    add_transactions(t);
    add_names(t);
    add_sql_grammar(t);
    add_ddl(t);
    add_conversions(t);
    add_scalar_functions(t);
    return t;
  }();
  return table;
}

// Types whose answer depends on the connection.
constexpr SQLUSMALLINT kDynamicTypes[] = {SQL_DATA_SOURCE_NAME, SQL_SERVER_NAME,
                                          SQL_DATABASE_NAME,    SQL_USER_NAME,
                                          SQL_DBMS_VER,         SQL_DATA_SOURCE_READ_ONLY};

}  // namespace

std::optional<InfoValue> get_info(SQLUSMALLINT info_type, const InfoContext& context) {
  switch (info_type) {
    case SQL_DATA_SOURCE_NAME:
      return InfoValue(context.data_source_name);
    case SQL_SERVER_NAME:
      return InfoValue(context.server_name);
    case SQL_DATABASE_NAME:
      return InfoValue(context.database_name);
    case SQL_USER_NAME:
      return InfoValue(context.user_name);
    case SQL_DBMS_VER:
      return InfoValue(context.dbms_version);
    case SQL_DATA_SOURCE_READ_ONLY:
      return InfoValue(std::string(context.read_only ? "Y" : "N"));
    default:
      break;
  }
  const Table& table = static_table();
  const auto it = table.find(info_type);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

std::vector<SQLUSMALLINT> supported_info_types() {
  std::map<SQLUSMALLINT, bool> all;
  for (const auto& [type, value] : static_table()) all[type] = true;
  for (SQLUSMALLINT type : kDynamicTypes) all[type] = true;
  std::vector<SQLUSMALLINT> out;
  for (const auto& [type, unused] : all) out.push_back(type);
  return out;
}

std::string odbc_version_string(std::string_view dotted) {
  unsigned parts[3] = {0, 0, 0};
  for (unsigned& part : parts) {
    const size_t dot = dotted.find('.');
    const std::string_view piece = dotted.substr(0, dot);
    std::from_chars(piece.data(), piece.data() + piece.size(), part);
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04u", parts[0] % 100, parts[1] % 100,
                parts[2] % 10000);
  return buf;
}

}  // namespace dbsql::config
