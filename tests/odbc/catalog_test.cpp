// Catalog functions through the driver manager, ANSI and W: the SQLTables argument matrix
// of bi-tools.md §4.4, the ODBC result layouts, SQLColumns against SQLDescribeCol of the
// same table, SQLGetTypeInfo, and the metadata cache seen in the warehouse's request log.
#include <set>
#include <string>

#include "catalog_support.h"
#include "suite.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

constexpr SQLSMALLINT V = SQL_VARCHAR;  // any character type
constexpr SQLSMALLINT S = SQL_SMALLINT;
constexpr SQLSMALLINT I = SQL_INTEGER;

const std::vector<ExpectedColumn> kTablesLayout = {{"TABLE_CAT", V, true},
                                                   {"TABLE_SCHEM", V, true},
                                                   {"TABLE_NAME", V, true},
                                                   {"TABLE_TYPE", V, true},
                                                   {"REMARKS", V, true}};

const std::vector<ExpectedColumn> kColumnsLayout = {
    {"TABLE_CAT", V, true},         {"TABLE_SCHEM", V, true},       {"TABLE_NAME", V, false},
    {"COLUMN_NAME", V, false},      {"DATA_TYPE", S, false},        {"TYPE_NAME", V, false},
    {"COLUMN_SIZE", I, true},       {"BUFFER_LENGTH", I, true},     {"DECIMAL_DIGITS", S, true},
    {"NUM_PREC_RADIX", S, true},    {"NULLABLE", S, false},         {"REMARKS", V, true},
    {"COLUMN_DEF", V, true},        {"SQL_DATA_TYPE", S, false},    {"SQL_DATETIME_SUB", S, true},
    {"CHAR_OCTET_LENGTH", I, true}, {"ORDINAL_POSITION", I, false}, {"IS_NULLABLE", V, true}};

const std::vector<ExpectedColumn> kPrimaryKeysLayout = {
    {"TABLE_CAT", V, true},    {"TABLE_SCHEM", V, true}, {"TABLE_NAME", V, false},
    {"COLUMN_NAME", V, false}, {"KEY_SEQ", S, false},    {"PK_NAME", V, true}};

const std::vector<ExpectedColumn> kForeignKeysLayout = {
    {"PKTABLE_CAT", V, true},    {"PKTABLE_SCHEM", V, true},  {"PKTABLE_NAME", V, false},
    {"PKCOLUMN_NAME", V, false}, {"FKTABLE_CAT", V, true},    {"FKTABLE_SCHEM", V, true},
    {"FKTABLE_NAME", V, false},  {"FKCOLUMN_NAME", V, false}, {"KEY_SEQ", S, false},
    {"UPDATE_RULE", S, true},    {"DELETE_RULE", S, true},    {"FK_NAME", V, true},
    {"PK_NAME", V, true},        {"DEFERRABILITY", S, true}};

const std::vector<ExpectedColumn> kStatisticsLayout = {
    {"TABLE_CAT", V, true},       {"TABLE_SCHEM", V, true},      {"TABLE_NAME", V, false},
    {"NON_UNIQUE", S, true},      {"INDEX_QUALIFIER", V, true},  {"INDEX_NAME", V, true},
    {"TYPE", S, false},           {"ORDINAL_POSITION", S, true}, {"COLUMN_NAME", V, true},
    {"ASC_OR_DESC", V, true},     {"CARDINALITY", I, true},      {"PAGES", I, true},
    {"FILTER_CONDITION", V, true}};

const std::vector<ExpectedColumn> kSpecialColumnsLayout = {
    {"SCOPE", S, true},          {"COLUMN_NAME", V, false}, {"DATA_TYPE", S, false},
    {"TYPE_NAME", V, false},     {"COLUMN_SIZE", I, true},  {"BUFFER_LENGTH", I, true},
    {"DECIMAL_DIGITS", S, true}, {"PSEUDO_COLUMN", S, true}};

const std::vector<ExpectedColumn> kProceduresLayout = {
    {"PROCEDURE_CAT", V, true},    {"PROCEDURE_SCHEM", V, true},   {"PROCEDURE_NAME", V, false},
    {"NUM_INPUT_PARAMS", I, true}, {"NUM_OUTPUT_PARAMS", I, true}, {"NUM_RESULT_SETS", I, true},
    {"REMARKS", V, true},          {"PROCEDURE_TYPE", S, true}};

const std::vector<ExpectedColumn> kProcedureColumnsLayout = {
    {"PROCEDURE_CAT", V, true},    {"PROCEDURE_SCHEM", V, true},   {"PROCEDURE_NAME", V, false},
    {"COLUMN_NAME", V, false},     {"COLUMN_TYPE", S, false},      {"DATA_TYPE", S, false},
    {"TYPE_NAME", V, false},       {"COLUMN_SIZE", I, true},       {"BUFFER_LENGTH", I, true},
    {"DECIMAL_DIGITS", S, true},   {"NUM_PREC_RADIX", S, true},    {"NULLABLE", S, false},
    {"REMARKS", V, true},          {"COLUMN_DEF", V, true},        {"SQL_DATA_TYPE", S, false},
    {"SQL_DATETIME_SUB", S, true}, {"CHAR_OCTET_LENGTH", I, true}, {"ORDINAL_POSITION", I, false},
    {"IS_NULLABLE", V, true}};

const std::vector<ExpectedColumn> kTablePrivilegesLayout = {
    {"TABLE_CAT", V, true},   {"TABLE_SCHEM", V, true}, {"TABLE_NAME", V, false},
    {"GRANTOR", V, true},     {"GRANTEE", V, false},    {"PRIVILEGE", V, false},
    {"IS_GRANTABLE", V, true}};

const std::vector<ExpectedColumn> kColumnPrivilegesLayout = {
    {"TABLE_CAT", V, true},    {"TABLE_SCHEM", V, true}, {"TABLE_NAME", V, false},
    {"COLUMN_NAME", V, false}, {"GRANTOR", V, true},     {"GRANTEE", V, false},
    {"PRIVILEGE", V, false},   {"IS_GRANTABLE", V, true}};

const std::vector<ExpectedColumn> kTypeInfoLayout = {
    {"TYPE_NAME", V, false},         {"DATA_TYPE", S, false},        {"COLUMN_SIZE", I, true},
    {"LITERAL_PREFIX", V, true},     {"LITERAL_SUFFIX", V, true},    {"CREATE_PARAMS", V, true},
    {"NULLABLE", S, false},          {"CASE_SENSITIVE", S, false},   {"SEARCHABLE", S, false},
    {"UNSIGNED_ATTRIBUTE", S, true}, {"FIXED_PREC_SCALE", S, false}, {"AUTO_UNIQUE_VALUE", S, true},
    {"LOCAL_TYPE_NAME", V, true},    {"MINIMUM_SCALE", S, true},     {"MAXIMUM_SCALE", S, true},
    {"SQL_DATA_TYPE", S, false},     {"SQL_DATETIME_SUB", S, true},  {"NUM_PREC_RADIX", I, true},
    {"INTERVAL_PRECISION", S, true}};

const char* kAllTypesTable =
    "CREATE TABLE main.default.t_all_types (b BOOLEAN, ti TINYINT, si SMALLINT, i INT NOT NULL, "
    "bi BIGINT, f FLOAT, d DOUBLE, dec1 DECIMAL(8,2), dec2 DECIMAL(38,10), s STRING, "
    "bin BINARY, dt DATE, ts TIMESTAMP, tsn TIMESTAMP_NTZ, arr ARRAY<INT>, "
    "m MAP<STRING, INT>, st STRUCT<a: INT, b: STRING>, `xΏz` INT, value STRING)";

class CatalogTest : public WarehouseSuite<CatalogTest> {
 public:
  static WarehouseOptions warehouse_options() { return faults_warehouse(); }

 protected:
  void SetUp() override {
    WarehouseSuite::SetUp();
    if (HasFatalFailure() || created_) return;
    run(kAllTypesTable);
    run("CREATE TABLE main.default.my_table (id INT)");
    run("CREATE TABLE main.default.myxtable (id INT)");
    run("CREATE VIEW main.default.v_items AS SELECT id FROM main.default.my_table");
    created_ = true;
  }

  Rows tables(bool wide, const Name& cat, const Name& schema, const Name& table,
              const Name& types) {
    Stmt s = stmt();
    SQLRETURN rc = call_tables(s, wide, cat, schema, table, types);
    EXPECT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, s.get()));
    if (!SQL_SUCCEEDED(rc)) return {};
    expect_layout(s, wide, kTablesLayout, "SQLTables");
    return wide ? all_wide_text(s) : s.all_text();
  }
  static std::set<std::string> column(const Rows& rows, size_t c) {
    std::set<std::string> out;
    for (const auto& r : rows) out.insert(r.at(c).value_or("<NULL>"));
    return out;
  }
  // Statements the warehouse received since `since`.
  long statements_since(long since) {
    long n = 0;
    for (const auto& r : WarehouseAdmin(warehouse()).requests(since))
      if (r.method == "POST" &&
          (r.path == "/api/2.0/sql/statements" || r.path == "/api/2.0/sql/statements/"))
        ++n;
    return n;
  }

  static inline bool created_ = false;
};

// T1, T2: the catalog list, every other column NULL.
TEST_F(CatalogTest, T1T2CatalogList) {
  for (bool wide : {false, true}) {
    for (const Name& types : {Name(""), Name()}) {
      const Rows rows = tables(wide, "%", "", "", types);
      const auto cats = column(rows, 0);
      EXPECT_TRUE(cats.count("main")) << wide;
      EXPECT_TRUE(cats.count("samples")) << wide;
      EXPECT_FALSE(cats.count("SPARK"));
      for (const auto& r : rows) {
        EXPECT_EQ(r[1], std::nullopt);
        EXPECT_EQ(r[2], std::nullopt);
        EXPECT_EQ(r[3], std::nullopt);
      }
    }
  }
}

// T3: schemas of the current catalog, TABLE_CAT filled.
TEST_F(CatalogTest, T3SchemaList) {
  for (bool wide : {false, true}) {
    const Rows rows = tables(wide, "", "%", "", "");
    EXPECT_TRUE(column(rows, 1).count("default"));
    EXPECT_EQ(column(rows, 0), std::set<std::string>{"main"});
    EXPECT_EQ(column(rows, 2), std::set<std::string>{"<NULL>"});
    // Tableau's form: a catalog and a schema pattern, empty table name.
    const Rows samples = tables(wide, "samples", "%", "", "");
    EXPECT_TRUE(column(samples, 1).count("nyctaxi"));
  }
}

// T4, T5: the table types, without a statement.
TEST_F(CatalogTest, T4T5TableTypes) {
  const long since = WarehouseAdmin(warehouse()).last_seq();
  for (bool wide : {false, true}) {
    const std::set<std::string> expected{"TABLE", "VIEW"};
    EXPECT_EQ(column(tables(wide, "", "", "", "%"), 3), expected);
    EXPECT_EQ(column(tables(wide, std::nullopt, std::nullopt, std::nullopt, "%"), 3), expected);
  }
  EXPECT_EQ(statements_since(since), 0);
}

// T6: Excel's "all tables and views of all catalogs".
TEST_F(CatalogTest, T6AllCatalogsTablesAndViews) {
  for (bool wide : {false, true}) {
    for (const Name& schema : {Name(""), Name(), Name("%")}) {
      const Rows rows = tables(wide, "%", schema, "", "TABLE,VIEW");
      const auto names = column(rows, 2);
      EXPECT_TRUE(names.count("t_all_types")) << "schema arg " << schema.value_or("NULL");
      EXPECT_TRUE(names.count("v_items"));
      EXPECT_TRUE(column(rows, 0).count("samples")) << "tables of every catalog";
    }
  }
}

// T7, T8: NULL (current catalog) and a named catalog with "" meaning everything.
TEST_F(CatalogTest, T7T8TablesOfACatalog) {
  for (bool wide : {false, true}) {
    const Rows t7 = tables(wide, std::nullopt, std::nullopt, std::nullopt, "TABLE,VIEW");
    EXPECT_TRUE(column(t7, 2).count("my_table"));
    EXPECT_TRUE(column(t7, 2).count("v_items"));
    const Rows t8 = tables(wide, "main", "", "", "");
    EXPECT_TRUE(column(t8, 2).count("t_all_types"));
    EXPECT_EQ(column(t8, 0), std::set<std::string>{"main"});
    // Ordered by TABLE_TYPE, then catalog, schema and name.
    for (size_t i = 1; i < t8.size(); ++i) EXPECT_LE(t8[i - 1][3], t8[i][3]);
  }
}

// T9, T11: type lists, quoted or not; Databricks types map to TABLE and VIEW only.
TEST_F(CatalogTest, T9T11TypeLists) {
  for (bool wide : {false, true}) {
    const Rows t9 = tables(wide, "main", "default", "%", "'TABLE','VIEW','SYSTEM TABLE'");
    EXPECT_TRUE(column(t9, 2).count("my_table"));
    EXPECT_TRUE(column(t9, 2).count("v_items"));
    EXPECT_EQ(column(t9, 3), (std::set<std::string>{"TABLE", "VIEW"}));
    const Rows t11 = tables(wide, "main", "default", "%", "TABLE");
    EXPECT_FALSE(column(t11, 2).count("v_items"));
    EXPECT_EQ(column(t11, 3), std::set<std::string>{"TABLE"});
  }
}

// T10: an escaped _ is matched literally, an unescaped one is a wildcard.
TEST_F(CatalogTest, T10EscapedUnderscore) {
  for (bool wide : {false, true}) {
    EXPECT_EQ(column(tables(wide, "main", "default", "my\\_table", std::nullopt), 2),
              std::set<std::string>{"my_table"});
    EXPECT_EQ(column(tables(wide, "main", "default", "my_table", std::nullopt), 2),
              (std::set<std::string>{"my_table", "myxtable"}));
    EXPECT_TRUE(tables(wide, "main", "default", "no\\_such%", std::nullopt).empty());
  }
}

TEST_F(CatalogTest, NamesAreQuotedNeverInjected) {
  Stmt s = stmt();
  const std::string evil = "x'; DROP TABLE main.default.my_table; --";
  SQLRETURN rc = call_tables(s, false, "main", "default", evil, std::nullopt);
  if (SQL_SUCCEEDED(rc)) {
    EXPECT_TRUE(s.all_text().empty());
  }
  rc = call_columns(s, false, "main` ; DROP TABLE my_table; --", "default", "t", std::nullopt);
  s.close_cursor();
  EXPECT_FALSE(tables(false, "main", "default", "my\\_table", std::nullopt).empty());
}

TEST_F(CatalogTest, EveryFunctionHasTheOdbcLayoutAnsiAndWide) {
  for (bool wide : {false, true}) {
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_columns(s, wide, "main", "default", "my_table", std::nullopt),
                     SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kColumnsLayout, "SQLColumns");
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_primary_keys(s, wide, std::nullopt, std::nullopt, "my_table"),
                     SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kPrimaryKeysLayout, "SQLPrimaryKeys");
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_foreign_keys(s, wide, std::nullopt, std::nullopt, std::nullopt,
                                       std::nullopt, std::nullopt, "my_table"),
                     SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kForeignKeysLayout, "SQLForeignKeys");
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_statistics(s, wide, std::nullopt, std::nullopt, "my_table"),
                     SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kStatisticsLayout, "SQLStatistics");
    }
    for (SQLUSMALLINT type : {SQL_BEST_ROWID, SQL_ROWVER}) {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_special_columns(s, wide, type, std::nullopt, std::nullopt, "my_table"),
                     SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kSpecialColumnsLayout, "SQLSpecialColumns");
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_procedures(s, wide, std::nullopt, std::nullopt, "%"), SQL_HANDLE_STMT,
                     s.get());
      expect_layout(s, wide, kProceduresLayout, "SQLProcedures");
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_procedure_columns(s, wide, std::nullopt, std::nullopt, "%", "%"),
                     SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kProcedureColumnsLayout, "SQLProcedureColumns");
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_table_privileges(s, wide, "main", "default", "%"), SQL_HANDLE_STMT,
                     s.get());
      expect_layout(s, wide, kTablePrivilegesLayout, "SQLTablePrivileges");
      EXPECT_EQ(s.fetch(), SQL_NO_DATA);
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_column_privileges(s, wide, "main", "default", "my_table", "%"),
                     SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kColumnPrivilegesLayout, "SQLColumnPrivileges");
    }
    {
      Stmt s = stmt();
      ASSERT_ODBC_OK(call_type_info(s, wide, SQL_ALL_TYPES), SQL_HANDLE_STMT, s.get());
      expect_layout(s, wide, kTypeInfoLayout, "SQLGetTypeInfo");
    }
  }
}

TEST_F(CatalogTest, ColumnsAgreeWithDescribeColAndTypeInfo) {
  std::set<std::string> type_names;
  {
    Stmt s = stmt();
    ASSERT_ODBC_OK(call_type_info(s, false, SQL_ALL_TYPES), SQL_HANDLE_STMT, s.get());
    const Rows rows = s.all_text();
    for (size_t i = 1; i < rows.size(); ++i)
      EXPECT_LE(std::stoi(*rows[i - 1][1]), std::stoi(*rows[i][1])) << "sorted by DATA_TYPE";
    for (const auto& r : rows) type_names.insert(*r[0]);
  }
  Stmt q = stmt();
  ASSERT_ODBC_OK(q.exec("SELECT * FROM main.default.t_all_types"), SQL_HANDLE_STMT, q.get());
  const SQLSMALLINT n = q.num_cols();
  for (bool wide : {false, true}) {
    Stmt s = stmt();
    ASSERT_ODBC_OK(call_columns(s, wide, "main", "default", "t_all_types", std::nullopt),
                   SQL_HANDLE_STMT, s.get());
    const Rows rows = wide ? all_wide_text(s) : s.all_text();
    ASSERT_EQ(rows.size(), static_cast<size_t>(n));
    for (SQLSMALLINT c = 1; c <= n; ++c) {
      const auto& r = rows[c - 1];
      const ColumnDescription d = describe_col(q, static_cast<SQLUSMALLINT>(c));
      SQLCHAR type_name[128];
      SQLSMALLINT len = 0;
      ASSERT_ODBC_OK(SQLColAttribute(q.get(), c, SQL_DESC_TYPE_NAME, type_name, sizeof type_name,
                                     &len, nullptr),
                     SQL_HANDLE_STMT, q.get());
      SQLLEN octets = 0;
      SQLColAttribute(q.get(), c, SQL_DESC_OCTET_LENGTH, nullptr, 0, nullptr, &octets);
      const std::string where = "column " + d.name;
      if (!wide) {
        EXPECT_EQ(r[3], d.name) << where;
      }
      EXPECT_EQ(r[4], std::to_string(d.sql_type)) << where;
      EXPECT_EQ(r[5], reinterpret_cast<char*>(type_name)) << where;
      EXPECT_TRUE(type_names.count(r[5].value_or(""))) << where << " " << r[5].value_or("");
      EXPECT_EQ(r[6], std::to_string(d.size)) << where;
      EXPECT_EQ(r[8].value_or("0"), std::to_string(d.digits)) << where;
      if (r[15]) {
        EXPECT_EQ(*r[15], std::to_string(octets)) << where;
      }
      EXPECT_EQ(r[16], std::to_string(c)) << where;
      // The manifest of a query says nothing about nullability; SQLColumns knows it.
      if (d.nullable == SQL_NO_NULLS) {
        EXPECT_EQ(r[10], std::to_string(SQL_NO_NULLS)) << where;
      }
    }
    EXPECT_EQ(rows[3][10], std::to_string(SQL_NO_NULLS));  // i INT NOT NULL
    EXPECT_EQ(rows[3][17], "NO");
    if (wide) {
      EXPECT_EQ(rows[17][3], "xΏz");
    }
  }
}

TEST_F(CatalogTest, ColumnsOfEveryTableOfASchemaCostOneStatement) {
  for (int t = 0; t < 500; ++t)
    run("CREATE TABLE main.default.many_" + std::to_string(t) + " (id INT, name STRING)");
  const long since = WarehouseAdmin(warehouse()).last_seq();
  for (int t = 0; t < 500; ++t) {
    Stmt s = stmt();
    ASSERT_ODBC_OK(
        call_columns(s, t % 2 == 1, "main", "default", "many\\_" + std::to_string(t), std::nullopt),
        SQL_HANDLE_STMT, s.get());
    const Rows rows = s.all_text();
    ASSERT_EQ(rows.size(), 2u) << t;
    EXPECT_EQ(rows[1][3], "name");
  }
  EXPECT_EQ(statements_since(since), 1);
}

// MetadataCacheTTL=0 turns the cache off: every call asks the server.
TEST_F(CatalogTest, CacheOffSwitch) {
  Dbc other(env_);
  ASSERT_ODBC_OK(other.driver_connect(warehouse().connection_string("MetadataCacheTTL=0;")),
                 SQL_HANDLE_DBC, other.get());
  const long since = WarehouseAdmin(warehouse()).last_seq();
  for (int i = 0; i < 3; ++i) {
    Stmt s(other);
    ASSERT_ODBC_OK(call_columns(s, false, "main", "default", "my\\_table", std::nullopt),
                   SQL_HANDLE_STMT, s.get());
    EXPECT_EQ(s.all_text().size(), 1u);
  }
  EXPECT_EQ(statements_since(since), 3);
}

// DDL through the connection drops its cache (Connection::metadata_changed).
TEST_F(CatalogTest, DdlMakesTheNextCallSeeTheChange) {
  auto columns_of = [&](const std::string& table) {
    Stmt s = stmt();
    EXPECT_ODBC_OK(call_columns(s, false, "main", "default", table, std::nullopt), SQL_HANDLE_STMT,
                   s.get());
    return s.all_text();
  };
  EXPECT_EQ(columns_of("my\\_table").size(), 1u);  // the schema's columns are now cached
  run("CREATE TABLE main.default.late_table (a INT, b INT)");
  EXPECT_EQ(columns_of("late\\_table").size(), 2u);
  run("DROP TABLE main.default.late_table");
  EXPECT_TRUE(columns_of("late\\_table").empty());
}

TEST_F(CatalogTest, KeysAndStatisticsWithNullQualifiersNeverFail) {
  for (bool wide : {false, true}) {
    Stmt s = stmt();
    EXPECT_ODBC_OK(call_primary_keys(s, wide, std::nullopt, std::nullopt, "my_table"),
                   SQL_HANDLE_STMT, s.get());
    s.close_cursor();
    EXPECT_ODBC_OK(call_foreign_keys(s, wide, std::nullopt, std::nullopt, std::nullopt,
                                     std::nullopt, std::nullopt, "my_table"),
                   SQL_HANDLE_STMT, s.get());
    s.close_cursor();
    EXPECT_ODBC_OK(call_foreign_keys(s, wide, "main", "default", "my_table", std::nullopt,
                                     std::nullopt, std::nullopt),
                   SQL_HANDLE_STMT, s.get());
    s.close_cursor();
    EXPECT_ODBC_OK(call_statistics(s, wide, std::nullopt, std::nullopt, "my_table"),
                   SQL_HANDLE_STMT, s.get());
  }
}

TEST_F(CatalogTest, TypeInfoHasWideAndNarrowCharacterRows) {
  for (SQLSMALLINT type :
       {SQL_WVARCHAR, SQL_WCHAR, SQL_VARCHAR, SQL_VARBINARY, SQL_TYPE_TIMESTAMP, SQL_DECIMAL}) {
    Stmt s = stmt();
    ASSERT_ODBC_OK(call_type_info(s, true, type), SQL_HANDLE_STMT, s.get());
    const Rows rows = s.all_text();
    ASSERT_FALSE(rows.empty()) << type;
    for (const auto& r : rows) {
      EXPECT_EQ(r[1], std::to_string(type));
      EXPECT_GT(std::stol(r[2].value_or("0")), 0) << "COLUMN_SIZE of " << *r[0];
    }
    if (type == SQL_DECIMAL) {
      EXPECT_EQ(rows[0][5], "precision,scale");
    }
  }
}

TEST_F(CatalogTest, CurrentCatalogIsTheOneInUse) {
  for (bool wide : {false, true}) {
    SQLINTEGER len = -1;
    if (wide) {
      ASSERT_ODBC_OK(SQLGetConnectAttrW(dbc().get(), SQL_ATTR_CURRENT_CATALOG, nullptr, 0, &len),
                     SQL_HANDLE_DBC, dbc().get());
      EXPECT_EQ(len, static_cast<SQLINTEGER>(4 * sizeof(SQLWCHAR)));
    } else {
      ASSERT_ODBC_OK(SQLGetConnectAttr(dbc().get(), SQL_ATTR_CURRENT_CATALOG, nullptr, 0, &len),
                     SQL_HANDLE_DBC, dbc().get());
      EXPECT_EQ(len, 4);
      char buf[16] = {};
      ASSERT_ODBC_OK(SQLGetConnectAttr(dbc().get(), SQL_ATTR_CURRENT_CATALOG, buf, len + 1, &len),
                     SQL_HANDLE_DBC, dbc().get());
      EXPECT_STREQ(buf, "main");
    }
  }
  char name[64] = {};
  SQLSMALLINT n = 0;
  ASSERT_ODBC_OK(SQLGetInfo(dbc().get(), SQL_DATABASE_NAME, name, sizeof name, &n), SQL_HANDLE_DBC,
                 dbc().get());
  EXPECT_STREQ(name, "main");
}

TEST_F(CatalogTest, TruncatedInfoStringReportsItsFullLength) {
  for (bool wide : {false, true}) {
    SQLWCHAR wbuf[4];
    char buf[4];
    SQLSMALLINT len = 0;
    SQLRETURN rc = wide ? SQLGetInfoW(dbc().get(), SQL_DBMS_NAME, wbuf, sizeof wbuf, &len)
                        : SQLGetInfo(dbc().get(), SQL_DBMS_NAME, buf, sizeof buf, &len);
    EXPECT_EQ(rc, SQL_SUCCESS_WITH_INFO);
    EXPECT_TRUE(has_diag(SQL_HANDLE_DBC, dbc().get(), "01004"));
    const SQLSMALLINT full = static_cast<SQLSMALLINT>(std::string("Spark SQL").size());
    EXPECT_EQ(len, wide ? static_cast<SQLSMALLINT>(full * sizeof(SQLWCHAR)) : full) << wide;
  }
}

}  // namespace
}  // namespace dbsql::odbc_test
