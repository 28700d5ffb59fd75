// BI-tool call sequences replayed through the driver manager, step by step as the tools make
// them (the profiles of the BI-tools reference, §4): LibreOffice Base on Linux (W functions,
// a connect that must be plain SQL_SUCCESS, the current catalog set and read back in bytes, the
// metadata it browses with) and Excel / Power BI's Power Query engine. Tableau's is in
// bi_profile_tableau_test.cpp.
#include <string>
#include <vector>

#include "bi_profiles.h"

namespace dbsql::odbc_test {
namespace {

// LibreOffice Base on Linux: OpenConnection returns early, leaving the connection read-only,
// unless SQLDriverConnectW gives SQL_SUCCESS itself.
TEST_F(BiProfilesTest, LibreOfficeBase) {
  Dbc c(env_);
  // Step 1: login timeout, then SQLDriverConnectW with a 4096-character out buffer.
  ASSERT_ODBC_OK(SQLSetConnectAttr(c.get(), SQL_ATTR_LOGIN_TIMEOUT,
                                   reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(20)), 0),
                 SQL_HANDLE_DBC, c.get());
  NameArg in(warehouse().connection_string(), true);
  std::vector<SQLWCHAR> out(4096);
  SQLSMALLINT out_len = 0;
  ASSERT_EQ(SQLDriverConnectW(c.get(), nullptr, in.wide(), SQL_NTS, out.data(),
                              static_cast<SQLSMALLINT>(out.size()), &out_len,
                              SQL_DRIVER_NOPROMPT),
            SQL_SUCCESS)
      << to_string(c.diags());
  EXPECT_GT(out_len, 0);

  // Step 2: read-only "N", ODBC 3.80, autocommit on.
  EXPECT_EQ(wide_info(c, SQL_DATA_SOURCE_READ_ONLY), "N");
  EXPECT_EQ(wide_info(c, SQL_DRIVER_ODBC_VER), "03.80");
  EXPECT_EQ(SQLSetConnectAttr(c.get(), SQL_ATTR_AUTOCOMMIT,
                              reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_ON), 0),
            SQL_SUCCESS);

  // Step 3: the current catalog set with SQL_NTS and read back, its length in bytes; an
  // unqualified query then runs in it.
  NameArg catalog(std::string("hive_metastore"), true);
  ASSERT_ODBC_OK(SQLSetConnectAttrW(c.get(), SQL_ATTR_CURRENT_CATALOG, catalog.wide(), SQL_NTS),
                 SQL_HANDLE_DBC, c.get());
  SQLWCHAR current[64] = {0};
  SQLINTEGER current_bytes = 0;
  ASSERT_ODBC_OK(SQLGetConnectAttrW(c.get(), SQL_ATTR_CURRENT_CATALOG, current, sizeof current,
                                    &current_bytes),
                 SQL_HANDLE_DBC, c.get());
  EXPECT_EQ(current_bytes, static_cast<SQLINTEGER>(14 * sizeof(SQLWCHAR)));
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("SELECT current_catalog()"), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"hive_metastore"}}));
  }
  NameArg main_catalog(std::string("main"), true);
  ASSERT_ODBC_OK(
      SQLSetConnectAttrW(c.get(), SQL_ATTR_CURRENT_CATALOG, main_catalog.wide(), SQL_NTS),
      SQL_HANDLE_DBC, c.get());

  // Step 4: catalogs, schemas, table types, then every table with the catalog NULL.
  {
    Stmt s(c);
    Rows catalogs = rows_of(s, call_tables(s, true, "%", "", "", ""), "catalogs");
    bool has_main = false, has_hive = false;
    for (const auto& r : catalogs) {
      has_main |= r.at(0) == "main";
      has_hive |= r.at(0) == "hive_metastore";
      EXPECT_FALSE(r.at(2).has_value()) << "a catalog row has no TABLE_NAME";
    }
    EXPECT_TRUE(has_main && has_hive);
  }
  {
    Stmt s(c);
    Rows schemas = rows_of(s, call_tables(s, true, "", "%", "", ""), "schemas");
    bool has_default = false;
    for (const auto& r : schemas) has_default |= r.at(1) == "default";
    EXPECT_TRUE(has_default);
  }
  {
    Stmt s(c);
    Rows types = rows_of(s, call_tables(s, true, std::nullopt, std::nullopt, std::nullopt, "%"),
                         "table types");
    std::vector<std::string> names;
    for (const auto& r : types) names.push_back(r.at(3).value_or("<NULL>"));
    EXPECT_EQ(names, (std::vector<std::string>{"TABLE", "VIEW"}));
  }
  {
    Stmt s(c);
    Rows all = rows_of(s, call_tables(s, true, std::nullopt, std::nullopt, "%", "%"), "tables");
    bool found = false;
    for (const auto& r : all) found |= r.at(2) == "bi_orders" && r.at(3) == "TABLE";
    EXPECT_TRUE(found) << "bi_orders in the current catalog";
  }

  // Step 5: each metadata call gives a result set (possibly empty), never an error.
  {
    Stmt s(c);
    EXPECT_FALSE(rows_of(s, call_type_info(s, true, SQL_ALL_TYPES), "types").empty());
  }
  {
    Stmt s(c);
    EXPECT_EQ(rows_of(s, call_columns(s, true, "main", "default", "bi_orders", "%"), "columns")
                  .size(),
              4u);
  }
  {
    Stmt s(c);
    Rows pk = rows_of(s, call_primary_keys(s, true, "main", "default", "bi_customers"), "pk");
    ASSERT_EQ(pk.size(), 1u);
    EXPECT_EQ(pk[0].at(3), "id");
  }
  {
    Stmt s(c);
    Rows fk = rows_of(s,
                      call_foreign_keys(s, true, "main", "default", "bi_customers",
                                        std::nullopt, std::nullopt, std::nullopt),
                      "fk");
    ASSERT_EQ(fk.size(), 1u);
    EXPECT_EQ(fk[0].at(6), "bi_orders");
    EXPECT_EQ(fk[0].at(7), "customer_id");
  }
  {
    Stmt s(c);
    rows_of(s, call_statistics(s, true, "main", "default", "bi_orders"), "statistics");
  }
  for (SQLUSMALLINT kind : {SQL_ROWVER, SQL_BEST_ROWID}) {
    Stmt s(c);
    rows_of(s, call_special_columns(s, true, kind, "main", "default", "bi_orders"), "special");
  }
  {
    Stmt s(c);
    rows_of(s, call_table_privileges(s, true, "main", "default", "bi_orders"), "privileges");
  }

  // Step 6: the broad SQLGetInfo list LibreOffice maps its DatabaseMetaData onto.
  for (SQLUSMALLINT type :
       {SQL_CATALOG_NAME_SEPARATOR, SQL_CATALOG_TERM, SQL_CATALOG_LOCATION, SQL_CATALOG_USAGE,
        SQL_SCHEMA_USAGE, SQL_IDENTIFIER_QUOTE_CHAR, SQL_IDENTIFIER_CASE,
        SQL_QUOTED_IDENTIFIER_CASE, SQL_SPECIAL_CHARACTERS, SQL_CORRELATION_NAME, SQL_TXN_CAPABLE,
        SQL_TXN_ISOLATION_OPTION, SQL_CURSOR_COMMIT_BEHAVIOR, SQL_CURSOR_ROLLBACK_BEHAVIOR,
        SQL_DYNAMIC_CURSOR_ATTRIBUTES1, SQL_OJ_CAPABILITIES, SQL_SQL_CONFORMANCE, SQL_INTEGRITY,
        SQL_ALTER_TABLE, SQL_NON_NULLABLE_COLUMNS, SQL_ACCESSIBLE_TABLES,
        SQL_ACCESSIBLE_PROCEDURES, SQL_PROCEDURES, SQL_MAX_CONCURRENT_ACTIVITIES,
        SQL_ACTIVE_CONNECTIONS, SQL_MAX_CATALOG_NAME_LEN, SQL_MAX_SCHEMA_NAME_LEN,
        SQL_MAX_TABLE_NAME_LEN, SQL_MAX_COLUMN_NAME_LEN, SQL_MAX_COLUMNS_IN_SELECT,
        SQL_MAX_COLUMNS_IN_TABLE, SQL_MAX_ROW_SIZE, SQL_MAX_ROW_SIZE_INCLUDES_LONG,
        SQL_MAX_STATEMENT_LEN}) {
    SQLWCHAR buf[128] = {0};
    SQLSMALLINT len = 0;
    EXPECT_EQ(SQLGetInfoW(c.get(), type, buf, sizeof buf, &len), SQL_SUCCESS)
        << "SQLGetInfoW(" << type << "): " << to_string(c.diags());
  }

  // Step 7: SQLNativeSqlW translates an escape.
  NameArg escape(std::string("SELECT {fn UCASE('a')}"), true);
  SQLWCHAR native[128] = {0};
  SQLINTEGER native_len = 0;
  ASSERT_ODBC_OK(SQLNativeSqlW(c.get(), escape.wide(), SQL_NTS, native, 128, &native_len),
                 SQL_HANDLE_DBC, c.get());
  std::string native_text;
  for (SQLINTEGER i = 0; i < native_len; ++i) native_text += static_cast<char>(native[i]);
  EXPECT_EQ(native_text.find('{'), std::string::npos) << native_text;
  EXPECT_NE(native_text.find("upper"), std::string::npos) << native_text;

  // Step 8: commit and rollback with autocommit on succeed and change nothing.
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, c.get(), SQL_COMMIT), SQL_SUCCESS);
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, c.get(), SQL_ROLLBACK), SQL_SUCCESS);
  c.disconnect();
}

// Power Query's navigator and load: an environment with pooling, connect with an unknown
// key, the info it reads first (W and ANSI), the current catalog probed with a null buffer,
// SQLGetFunctions, the W types, the table tree, keys for navigation properties, columns, a
// load read column by column with SQLGetData, a folded query with ANSI identifiers and
// parameters, escapes, row limits, cancel and timeout, and every type read as text.
TEST_F(BiProfilesTest, ExcelAndPowerBiPowerQuery) {
  // Step 1: ODBC 3 with connection pooling per environment (the driver manager's business:
  // it must not fail). Steps 2 and 3: the login timeout before the connect.
  Env env;
  ASSERT_ODBC_OK(SQLSetEnvAttr(env.get(), SQL_ATTR_CONNECTION_POOLING,
                               reinterpret_cast<SQLPOINTER>(SQL_CP_ONE_PER_HENV), 0),
                 SQL_HANDLE_ENV, env.get());
  Dbc c(env);
  ASSERT_ODBC_OK(SQLSetConnectAttrW(c.get(), SQL_ATTR_LOGIN_TIMEOUT,
                                    reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(15)), 0),
                 SQL_HANDLE_DBC, c.get());
  // Step 3: an unknown key Power Query adds is accepted (01S00 at most, never an error). The
  // data source is set up for the ANSI SQL Power Query writes: UseNativeQuery=0.
  NameArg in(warehouse().connection_string("Trusted_Connection=Yes;UseNativeQuery=0;"), true);
  SQLWCHAR out[1024] = {0};
  SQLSMALLINT out_len = 0;
  SQLRETURN rc = SQLDriverConnectW(c.get(), nullptr, in.wide(), SQL_NTS, out, 1024, &out_len,
                                   SQL_DRIVER_NOPROMPT);
  ASSERT_TRUE(SQL_SUCCEEDED(rc)) << to_string(c.diags());

  // Step 4: the identity values, through a 100-byte buffer as Power BI passes.
  for (SQLUSMALLINT type : {SQL_DRIVER_ODBC_VER, SQL_DRIVER_NAME, SQL_DRIVER_VER, SQL_DBMS_NAME,
                            SQL_DBMS_VER}) {
    SQLWCHAR buf[50] = {0};
    SQLSMALLINT len = 0;
    EXPECT_EQ(SQLGetInfoW(c.get(), type, buf, 100, &len), SQL_SUCCESS) << type;
    EXPECT_GT(len, 0) << type;
  }

  // Step 5: the "driver info" list, through SQLGetInfoW and the ANSI SQLGetInfo alike
  // (Power BI calls both), 180 (SQL_RETURN_ESCAPE_CLAUSE, not in unixODBC's headers) and
  // 1750 (SQL_DTC_TRANSITION_COST) among them.
  constexpr SQLUSMALLINT kReturnEscapeClause = 180, kDtcTransitionCost = 1750;
  for (SQLUSMALLINT type : std::initializer_list<SQLUSMALLINT>{
           SQL_IDENTIFIER_QUOTE_CHAR, SQL_SCHEMA_USAGE, SQL_CATALOG_USAGE, SQL_CATALOG_NAME_SEPARATOR,
        SQL_CATALOG_LOCATION, SQL_SQL_CONFORMANCE, SQL_MAX_COLUMNS_IN_ORDER_BY,
        SQL_MAX_IDENTIFIER_LEN, SQL_MAX_COLUMNS_IN_GROUP_BY, SQL_MAX_COLUMNS_IN_SELECT,
        SQL_ORDER_BY_COLUMNS_IN_SELECT, SQL_STRING_FUNCTIONS, SQL_AGGREGATE_FUNCTIONS,
        SQL_SQL92_PREDICATES, SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_COLUMN_ALIAS,
        SQL_GROUP_BY, SQL_NUMERIC_FUNCTIONS, SQL_TIMEDATE_FUNCTIONS, SQL_SYSTEM_FUNCTIONS,
        SQL_TIMEDATE_ADD_INTERVALS, SQL_TIMEDATE_DIFF_INTERVALS, SQL_CONCAT_NULL_BEHAVIOR,
        SQL_CATALOG_NAME, SQL_CATALOG_TERM, SQL_SCHEMA_TERM, SQL_ODBC_INTERFACE_CONFORMANCE,
        SQL_SEARCH_PATTERN_ESCAPE, SQL_CONVERT_FUNCTIONS, SQL_CONVERT_BIGINT, SQL_CONVERT_BINARY,
        SQL_CONVERT_BIT, SQL_CONVERT_CHAR, SQL_CONVERT_DECIMAL, SQL_CONVERT_DOUBLE,
        SQL_CONVERT_FLOAT, SQL_CONVERT_GUID, SQL_CONVERT_INTEGER, SQL_CONVERT_LONGVARBINARY,
        SQL_CONVERT_LONGVARCHAR, SQL_CONVERT_NUMERIC, SQL_CONVERT_REAL, SQL_CONVERT_SMALLINT,
        SQL_CONVERT_TIMESTAMP, SQL_CONVERT_TINYINT, SQL_CONVERT_DATE, SQL_CONVERT_TIME,
        SQL_CONVERT_VARBINARY, SQL_CONVERT_VARCHAR, SQL_CONVERT_WCHAR, SQL_CONVERT_WLONGVARCHAR,
        SQL_CONVERT_WVARCHAR, SQL_SPECIAL_CHARACTERS, kReturnEscapeClause, SQL_DRIVER_ODBC_VER,
        kDtcTransitionCost}) {
    SQLWCHAR wide[128] = {0};
    char narrow[256] = {0};
    SQLSMALLINT len = -1;
    EXPECT_EQ(SQLGetInfoW(c.get(), type, wide, sizeof wide, &len), SQL_SUCCESS) << type;
    EXPECT_GE(len, 0) << type;
    EXPECT_EQ(SQLGetInfo(c.get(), type, narrow, sizeof narrow, &len), SQL_SUCCESS) << type;
  }
  EXPECT_EQ(wide_info(c, SQL_CATALOG_NAME_SEPARATOR), ".");
  EXPECT_EQ(wide_info(c, SQL_SEARCH_PATTERN_ESCAPE), "\\");
  SQLUINTEGER convert_functions = 0;
  ASSERT_EQ(SQLGetInfo(c.get(), SQL_CONVERT_FUNCTIONS, &convert_functions, 0, nullptr),
            SQL_SUCCESS);
  EXPECT_TRUE(convert_functions & SQL_FN_CVT_CAST);

  // Step 6: the current catalog's length first (no buffer), then its value.
  SQLINTEGER catalog_bytes = -1;
  ASSERT_TRUE(SQL_SUCCEEDED(
      SQLGetConnectAttrW(c.get(), SQL_ATTR_CURRENT_CATALOG, nullptr, 0, &catalog_bytes)));
  EXPECT_EQ(catalog_bytes, static_cast<SQLINTEGER>(4 * sizeof(SQLWCHAR)));  // "main"
  std::vector<SQLWCHAR> catalog(catalog_bytes / sizeof(SQLWCHAR) + 1);
  ASSERT_EQ(SQLGetConnectAttrW(c.get(), SQL_ATTR_CURRENT_CATALOG, catalog.data(),
                               static_cast<SQLINTEGER>(catalog.size() * sizeof(SQLWCHAR)),
                               &catalog_bytes),
            SQL_SUCCESS);

  // Step 7: the function bitmap names what Power Query needs.
  SQLUSMALLINT functions[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE] = {0};
  ASSERT_EQ(SQLGetFunctions(c.get(), SQL_API_ODBC3_ALL_FUNCTIONS, functions), SQL_SUCCESS);
  for (SQLUSMALLINT f : {SQL_API_SQLFETCHSCROLL, SQL_API_SQLBINDCOL, SQL_API_SQLBINDPARAMETER,
                         SQL_API_SQLTABLES, SQL_API_SQLCOLUMNS, SQL_API_SQLFOREIGNKEYS,
                         SQL_API_SQLGETTYPEINFO})
    EXPECT_TRUE(SQL_FUNC_EXISTS(functions, f)) << f;

  // Step 8: the type list, then the wide character types alone.
  for (SQLSMALLINT type : {static_cast<SQLSMALLINT>(SQL_ALL_TYPES),
                           static_cast<SQLSMALLINT>(SQL_WVARCHAR),
                           static_cast<SQLSMALLINT>(SQL_WCHAR)}) {
    Stmt s(c);
    EXPECT_FALSE(rows_of(s, call_type_info(s, true, type), "types").empty()) << type;
  }

  // Step 9: the navigator's table tree (catalogs, then a catalog's tables, then one table).
  {
    Stmt s(c);
    EXPECT_FALSE(rows_of(s, call_tables(s, true, "%", "", "", ""), "catalogs").empty());
  }
  {
    Stmt s(c);
    Rows in_main = rows_of(s, call_tables(s, true, "main", "", "", ""), "catalog main");
    bool found = false;
    for (const auto& r : in_main) found |= r.at(2) == "bi_orders";
    EXPECT_TRUE(found);
  }
  {
    Stmt s(c);
    EXPECT_EQ(rows_of(s, call_tables(s, true, "main", "default", "bi\\_orders", std::nullopt),
                      "one table")
                  .size(),
              1u);
  }

  // Step 10: navigation properties from the foreign keys, both directions.
  {
    Stmt s(c);
    EXPECT_EQ(rows_of(s,
                      call_foreign_keys(s, true, std::nullopt, std::nullopt, std::nullopt,
                                        "main", "default", "bi_orders"),
                      "keys held")
                  .size(),
              1u);
  }

  // Steps 11 and 12: columns, then the load read with SQLGetData in column order.
  expect_orders_columns(c);
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("select * from main.default.bi_orders order by id"), SQL_HANDLE_STMT,
                   s.get());
    SQLUINTEGER extensions = 0;
    ASSERT_EQ(SQLGetInfo(c.get(), SQL_GETDATA_EXTENSIONS, &extensions, 0, nullptr), SQL_SUCCESS);
    EXPECT_TRUE(extensions & SQL_GD_ANY_COLUMN);
    ASSERT_EQ(s.num_cols(), 4);
    // What Power Query reads of each column before the load.
    const std::vector<std::string> type_names{"INT", "BIGINT", "DECIMAL", "DATE"};
    for (SQLUSMALLINT col = 1; col <= 4; ++col) {
      for (SQLUSMALLINT field : {SQL_DESC_CONCISE_TYPE, SQL_DESC_UNSIGNED, SQL_DESC_NULLABLE,
                                 SQL_DESC_LENGTH, SQL_DESC_SCALE}) {
        SQLLEN number = -1;
        EXPECT_EQ(SQLColAttributeW(s.get(), col, field, nullptr, 0, nullptr, &number),
                  SQL_SUCCESS)
            << col << " " << field;
      }
      SQLWCHAR name[64] = {0};
      SQLSMALLINT bytes = 0;
      EXPECT_EQ(SQLColAttributeW(s.get(), col, SQL_DESC_NAME, name, sizeof name, &bytes, nullptr),
                SQL_SUCCESS);
      EXPECT_GT(bytes, 0);
      SQLWCHAR type[64] = {0};
      ASSERT_EQ(SQLColAttributeW(s.get(), col, SQL_DESC_TYPE_NAME, type, sizeof type, &bytes,
                                 nullptr),
                SQL_SUCCESS);
      EXPECT_EQ(std::string(type, type + bytes / sizeof(SQLWCHAR)), type_names[col - 1]);
    }
    SQLLEN nullable = -1;
    ASSERT_EQ(SQLColAttributeW(s.get(), 1, SQL_DESC_NULLABLE, nullptr, 0, nullptr, &nullable),
              SQL_SUCCESS);
    // A query's manifest does not say (README, Types); SQLColumns does.
    EXPECT_EQ(nullable, SQL_NULLABLE);
    ASSERT_EQ(s.fetch(), SQL_SUCCESS);
    SQLBIGINT id = 0, customer = 0;
    SQLLEN ind = 0;
    EXPECT_EQ(SQLGetData(s.get(), 1, SQL_C_SBIGINT, &id, 0, &ind), SQL_SUCCESS);
    EXPECT_EQ(SQLGetData(s.get(), 2, SQL_C_SBIGINT, &customer, 0, &ind), SQL_SUCCESS);
    SQL_NUMERIC_STRUCT amount{};
    EXPECT_EQ(SQLGetData(s.get(), 3, SQL_C_NUMERIC, &amount, sizeof amount, &ind), SQL_SUCCESS);
    SQL_DATE_STRUCT placed{};
    EXPECT_EQ(SQLGetData(s.get(), 4, SQL_C_TYPE_DATE, &placed, sizeof placed, &ind),
              SQL_SUCCESS);
    EXPECT_EQ(id, 1);
    EXPECT_EQ(customer, 7);
    EXPECT_EQ(amount.precision, 12);
    EXPECT_EQ(placed.year, 2024);
    EXPECT_EQ(placed.month, 1);
    EXPECT_EQ(placed.day, 31);
    ASSERT_EQ(s.fetch(), SQL_SUCCESS);
    EXPECT_EQ(s.fetch(), SQL_NO_DATA);
    EXPECT_EQ(SQLMoreResults(s.get()), SQL_NO_DATA);
  }
  // A long string arrives through repeated SQLGetData calls, 01004 until the last piece.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(s.exec("select repeat('ab', 5000)"), SQL_HANDLE_STMT, s.get());
    ASSERT_EQ(s.fetch(), SQL_SUCCESS);
    std::u16string text;
    SQLRETURN piece_rc;
    int pieces = 0;
    do {
      SQLWCHAR buf[1024];
      SQLLEN ind = 0;
      piece_rc = SQLGetData(s.get(), 1, SQL_C_WCHAR, buf, sizeof buf, &ind);
      ASSERT_TRUE(SQL_SUCCEEDED(piece_rc)) << to_string(s.diags());
      if (piece_rc == SQL_SUCCESS_WITH_INFO) {
        EXPECT_EQ(s.diags().at(0).sqlstate, "01004");
      }
      const size_t chars = piece_rc == SQL_SUCCESS ? static_cast<size_t>(ind) / sizeof(SQLWCHAR)
                                                   : std::size(buf) - 1;
      text.append(buf, buf + chars);
      ++pieces;
    } while (piece_rc == SQL_SUCCESS_WITH_INFO);
    EXPECT_EQ(text.size(), 10000u);
    EXPECT_EQ(pieces, 10);  // 1023 characters a piece
    SQLWCHAR after[8];
    SQLLEN ind = 0;
    EXPECT_EQ(SQLGetData(s.get(), 1, SQL_C_WCHAR, after, sizeof after, &ind), SQL_NO_DATA);
  }

  // Step 13: a folded query with a wide-string and a date parameter, its identifiers in
  // double quotes (rewritten to backticks with UseNativeQuery=0).
  {
    Stmt s(c);
    NameArg sql(std::string("select \"_\".\"id\" from (select \"id\", cast(\"customer_id\" as "
                            "string) as \"c\", \"placed\" from \"main\".\"default\".\"bi_orders\") "
                            "as \"_\" where \"_\".\"c\" = ? and \"_\".\"placed\" = ?"),
                true);
    ASSERT_ODBC_OK(SQLPrepareW(s.get(), sql.wide(), SQL_NTS), SQL_HANDLE_STMT, s.get());
    NameArg value(std::string("8"), true);
    SQLLEN value_len = SQL_NTS, date_len = sizeof(SQL_DATE_STRUCT);
    SQL_DATE_STRUCT placed{2024, 2, 1};
    ASSERT_ODBC_OK(SQLBindParameter(s.get(), 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 10,
                                    0, value.wide(), 0, &value_len),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(SQLBindParameter(s.get(), 2, SQL_PARAM_INPUT, SQL_C_TYPE_DATE, SQL_TYPE_DATE,
                                    10, 0, &placed, 0, &date_len),
                   SQL_HANDLE_STMT, s.get());
    ASSERT_ODBC_OK(SQLExecute(s.get()), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"2"}}));
  }

  // Step 14: the escapes Power Query writes, an outer join among them.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(
        s.exec("select {fn LOCATE('n', 'banana')}, {fn CONVERT(\"o\".\"id\", SQL_VARCHAR)}, "
               "{fn TIMESTAMPDIFF(SQL_TSI_DAY, {d '2024-01-31'}, {ts '2024-02-02 10:11:12.123'})}, "
               "\"cu\".\"name\" from {oj \"main\".\"default\".\"bi_orders\" \"o\" left outer join "
               "\"main\".\"default\".\"bi_customers\" \"cu\" on \"o\".\"customer_id\" = \"cu\".\"id\"} "
               "where \"o\".\"id\" = 1"),
        SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"3", "1", "2", std::nullopt}}));
  }

  // Step 15: row limits. LIMIT works; TOP, which Databricks SQL does not have, is the
  // server's clean syntax error (42xxx) and is not rewritten.
  {
    Stmt s(c);
    EXPECT_EQ(s.exec("select top 10 \"id\" from \"main\".\"default\".\"bi_orders\""), SQL_ERROR);
    const auto diags = s.diags();
    ASSERT_FALSE(diags.empty());
    EXPECT_EQ(diags[0].sqlstate.substr(0, 2), "42") << to_string(diags);
    ASSERT_ODBC_OK(s.exec("select \"id\" from \"main\".\"default\".\"bi_orders\" order by 1 limit 10"),
                   SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"1"}, {"2"}}));
  }

  // Step 16: a long query cancelled from a second thread (HY008), then one that outlasts
  // SQL_ATTR_QUERY_TIMEOUT (HYT00); the connection stays usable after both.
  {
    Stmt s(c);
    const SQLRETURN rc = cancel_while_running(
        s, [&] { return s.exec("/*warehouse:sleep=120*/ select 1 as \"never\""); });
    EXPECT_EQ(rc, SQL_ERROR) << return_code_name(rc);
    EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HY008"));
    ASSERT_ODBC_OK(SQLSetStmtAttr(s.get(), SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(2),
                                  0),
                   SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.exec("/*warehouse:sleep=120*/ select 1 as \"never\""), SQL_ERROR);
    EXPECT_TRUE(has_diag(SQL_HANDLE_STMT, s.get(), "HYT00"));
    ASSERT_ODBC_OK(s.exec("select 'usable'"), SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text(), (Rows{{"usable"}}));
  }

  // Step 17: Excel for Mac reads every type as SQL_C_CHAR (ISO text for dates and
  // timestamps), then converts character data to SQL_C_SBIGINT.
  {
    Stmt s(c);
    ASSERT_ODBC_OK(
        s.exec("select true, cast(1 as tinyint), cast(2 as smallint), 3, cast(4 as bigint), "
               "cast(1.5 as float), cast(2.25 as double), cast(12.34 as decimal(8,2)), 'text', "
               "x'CAFE', date'2024-01-31', timestamp_ntz'2024-01-31 10:11:12.123', "
               "array(1, 2), map('k', 1), named_struct('a', 1), ' 42 '"),
        SQL_HANDLE_STMT, s.get());
    ASSERT_EQ(s.fetch(), SQL_SUCCESS);
    std::vector<std::string> text;
    for (SQLUSMALLINT col = 1; col <= 15; ++col) {
      char buf[256] = {0};
      SQLLEN ind = 0;
      EXPECT_EQ(SQLGetData(s.get(), col, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS) << col;
      text.emplace_back(buf);
    }
    EXPECT_EQ(text, (std::vector<std::string>{"1", "1", "2", "3", "4", "1.5", "2.25", "12.34",
                                              "text", "CAFE", "2024-01-31",
                                              "2024-01-31 10:11:12.123", "[1,2]", "{\"k\":1}",
                                              "{\"a\":1}"}));
    SQLBIGINT n = 0;
    SQLLEN ind = 0;
    EXPECT_EQ(SQLGetData(s.get(), 16, SQL_C_SBIGINT, &n, 0, &ind), SQL_SUCCESS);
    EXPECT_EQ(n, 42);
  }
}

}  // namespace
}  // namespace dbsql::odbc_test
