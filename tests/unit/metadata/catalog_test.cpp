// Catalog functions over a fake server: which statement each call sends (or that none is
// sent), how server rows are reshaped into the ODBC layout, and the cache.
#include <gtest/gtest.h>

#include "metadata/catalog.h"
#include "metadata/type_info.h"

namespace dbsql::metadata {
namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

class FakeExecution : public sea::Execution {
 public:
  explicit FakeExecution(const Rows& rows) {
    const size_t cols = rows.empty() ? 1 : rows[0].size();
    // Two rows per batch, so reshaping across batches is exercised.
    for (size_t i = 0; i < rows.size(); i += 2) {
      sea::RowBatch b(cols, static_cast<int64_t>(i));
      for (size_t r = i; r < std::min(rows.size(), i + 2); ++r)
        for (const auto& cell : rows[r]) cell ? b.append(*cell) : b.append_null();
      stream_.batches.push_back(std::move(b));
    }
  }
  const std::string& statement_id() const override { return id_; }
  const sea::Manifest& manifest() const override { return manifest_; }
  std::optional<int64_t> affected_rows() const override { return std::nullopt; }
  bool has_result_set() const override { return true; }
  sea::ResultStream& results() override { return stream_; }
  void close() noexcept override {}

 private:
  struct Stream : sea::ResultStream {
    std::vector<sea::RowBatch> batches;
    size_t next_index = 0;
    const sea::RowBatch* next() override {
      return next_index < batches.size() ? &batches[next_index++] : nullptr;
    }
  };
  std::string id_;
  sea::Manifest manifest_;
  Stream stream_;
};

class CatalogTest : public ::testing::Test {
 protected:
  Context context(Cache* cache = nullptr) {
    Context ctx;
    ctx.run = [this](const sea::ExecuteRequest& request) {
      statements.push_back(request.statement);
      return std::make_unique<FakeExecution>(server_rows);
    };
    ctx.current_catalog = [this] {
      ++current_catalog_asked;
      return std::string("main");
    };
    ctx.cache = cache;
    return ctx;
  }
  static Rows read(sea::Execution& e) {
    Rows out;
    const size_t cols = e.manifest().columns.size();
    while (const sea::RowBatch* b = e.results().next()) {
      EXPECT_EQ(b->column_count(), cols);
      for (size_t r = 0; r < b->row_count(); ++r) {
        out.emplace_back();
        for (size_t c = 0; c < cols; ++c)
          out.back().push_back(b->is_null(r, c) ? std::nullopt
                                                : std::optional<std::string>(b->text(r, c)));
      }
    }
    return out;
  }
  Rows server_rows;
  std::vector<std::string> statements;
  int current_catalog_asked = 0;
};

TEST_F(CatalogTest, CatalogListIsShowCatalogsWithOtherColumnsNull) {
  server_rows = {{"main"}, {"samples"}, {"hive_metastore"}};
  auto e = tables(context(), std::string("%"), std::string(), std::string(), std::nullopt);
  ASSERT_EQ(statements, std::vector<std::string>{"SHOW CATALOGS"});
  ASSERT_EQ(e->manifest().columns.size(), 5u);
  EXPECT_EQ(e->manifest().columns[0].name, "TABLE_CAT");
  EXPECT_EQ(e->manifest().columns[4].name, "REMARKS");
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2][0], "hive_metastore");
  EXPECT_EQ(rows[2][1], std::nullopt);
  EXPECT_EQ(rows[2][3], std::nullopt);
}

TEST_F(CatalogTest, TableTypesNeedNoStatement) {
  for (const Arg& empty : {Arg(), Arg(std::string())}) {
    auto e = tables(context(), empty, empty, empty, std::string("%"));
    const Rows rows = read(*e);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][3], "TABLE");
    EXPECT_EQ(rows[1][3], "VIEW");
    EXPECT_EQ(rows[0][0], std::nullopt);
  }
  EXPECT_TRUE(statements.empty());
}

TEST_F(CatalogTest, SchemaListOfTheCurrentCatalog) {
  server_rows = {{"default"}, {"information_schema"}, {"sales"}};
  auto e = tables(context(), std::string(), std::string("%"), std::string(), std::string());
  ASSERT_EQ(statements, std::vector<std::string>{"SHOW SCHEMAS IN `main`"});
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2][0], "main");
  EXPECT_EQ(rows[2][1], "sales");
  EXPECT_EQ(rows[2][2], std::nullopt);
}

TEST_F(CatalogTest, TablesMapTypesAndFilterQuotedTypeLists) {
  server_rows = {{"main", "s", "t1", "TABLE", "a comment"},
                 {"main", "s", "v1", "VIEW", std::nullopt},
                 {"main", "s", "my_table", "TABLE", std::nullopt}};
  auto e = tables(context(), std::string("main"), std::string("s"), std::string("%"),
                  std::string("'TABLE','SYSTEM TABLE'"));
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_NE(statements[0].find("`main`.information_schema.tables"), std::string::npos);
  EXPECT_NE(statements[0].find("= 'TABLE'"), std::string::npos) << statements[0];
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 2u);  // the view is filtered out even if the server sent it
  EXPECT_EQ(rows[0][2], "t1");
  EXPECT_EQ(rows[0][4], "a comment");
  EXPECT_EQ(rows[1][2], "my_table");
}

TEST_F(CatalogTest, EscapedUnderscoreMatchesLiterally) {
  server_rows = {{"main", "s", "myxtable", "TABLE", std::nullopt},
                 {"main", "s", "my_table", "TABLE", std::nullopt}};
  auto e = tables(context(), std::string("main"), std::string("s"), std::string("my\\_table"),
                  std::nullopt);
  EXPECT_NE(statements.at(0).find("table_name = 'my_table'"), std::string::npos);
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][2], "my_table");
}

TEST_F(CatalogTest, OnlyUnknownTableTypesAnswerEmptyWithoutAStatement) {
  auto e = tables(context(), std::string("main"), std::string("s"), std::string("%"),
                  std::string("SYSTEM TABLE"));
  EXPECT_TRUE(read(*e).empty());
  EXPECT_TRUE(statements.empty());
}

TEST_F(CatalogTest, HiveMetastoreTablesComeFromShow) {
  server_rows = {{"db", "t", "false", std::nullopt, "hive_metastore", "MANAGED", ""}};
  auto e = tables(context(), std::string("hive_metastore"), std::string("db"), std::string("%"),
                  std::string("TABLE"));
  EXPECT_EQ(statements.at(0), "SHOW TABLES IN CATALOG `hive_metastore`");
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][3], "TABLE");
  EXPECT_EQ(rows[0][4], std::nullopt);
}

TEST_F(CatalogTest, HiveMetastoreColumnsDescribeEachMatchingTable) {
  Context ctx = context();
  ctx.run = [this](const sea::ExecuteRequest& request) {
    statements.push_back(request.statement);
    if (request.statement.rfind("SHOW TABLES", 0) == 0)
      return std::make_unique<FakeExecution>(
          Rows{{"db", "b_t", "false", std::nullopt, "hive_metastore", "MANAGED", ""},
               {"db", "a_t", "false", std::nullopt, "hive_metastore", "MANAGED", ""},
               {"other", "a_t", "false", std::nullopt, "hive_metastore", "MANAGED", ""}});
    return std::make_unique<FakeExecution>(Rows{{"id", "int", std::nullopt},
                                                {"price", "decimal(8,2)", "cost"},
                                                {"", "", ""},
                                                {"# Partition Information", "", ""},
                                                {"id", "int", std::nullopt}});
  };
  auto e = columns(ctx, std::string("hive_metastore"), std::string("db"), std::string("%"),
                   std::nullopt);
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[1], "DESCRIBE TABLE `hive_metastore`.`db`.`a_t`");
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 4u);  // two columns of each table, the partition section skipped
  EXPECT_EQ(rows[0][2], "a_t");
  EXPECT_EQ(rows[1][5], "DECIMAL");
  EXPECT_EQ(rows[1][6], "8");
  EXPECT_EQ(rows[1][11], "cost");
  EXPECT_EQ(rows[1][16], "2");
  EXPECT_EQ(rows[1][10], std::to_string(SQL_NULLABLE_UNKNOWN));
  EXPECT_EQ(rows[2][2], "b_t");
}

TEST_F(CatalogTest, ColumnsDescribeTypesAndCountOrdinals) {
  server_rows = {
      {"main", "s", "t", "id", "INT", "int", "10", "0", "NO", std::nullopt, std::nullopt},
      {"main", "s", "t", "price", "DECIMAL", "decimal(8,2)", "8", "2", "YES", "cost", "0"},
      {"main", "s", "t", "name", "STRING", "string", std::nullopt, std::nullopt, "YES",
       std::nullopt, std::nullopt},
      {"main", "s", "u", "x", "DATE", "date", std::nullopt, std::nullopt, "YES", std::nullopt,
       std::nullopt},
  };
  Context ctx = context();
  ctx.describe.unicode_strings = false;
  auto e = columns(ctx, std::nullopt, std::string("s"), std::string("t"), std::nullopt);
  EXPECT_EQ(current_catalog_asked, 1);
  ASSERT_EQ(e->manifest().columns.size(), 18u);
  EXPECT_EQ(e->manifest().columns[4].type_name, "SMALLINT");
  EXPECT_EQ(e->manifest().columns[16].type_name, "INT");
  EXPECT_EQ(e->manifest().columns[16].nullable, false);
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 3u);  // table u is filtered out
  EXPECT_EQ(rows[0][4], std::to_string(SQL_INTEGER));
  EXPECT_EQ(rows[0][5], "INT");
  EXPECT_EQ(rows[0][10], std::to_string(SQL_NO_NULLS));
  EXPECT_EQ(rows[0][17], "NO");
  EXPECT_EQ(rows[1][4], std::to_string(SQL_DECIMAL));
  EXPECT_EQ(rows[1][5], "DECIMAL");
  EXPECT_EQ(rows[1][6], "8");
  EXPECT_EQ(rows[1][8], "2");
  EXPECT_EQ(rows[1][11], "cost");
  EXPECT_EQ(rows[1][12], "0");
  EXPECT_EQ(rows[1][16], "2");
  EXPECT_EQ(rows[2][4], std::to_string(SQL_VARCHAR));
  EXPECT_EQ(rows[2][6], "65535");
  EXPECT_EQ(rows[2][8], std::nullopt);  // no decimal digits for text
  EXPECT_EQ(rows[2][15], std::to_string(65535 * 4));
  EXPECT_EQ(rows[2][16], "3");
}

TEST_F(CatalogTest, ColumnFilterKeepsTrueOrdinals) {
  server_rows = {
      {"main", "s", "t", "a", "INT", "int", "10", "0", "YES", std::nullopt, std::nullopt},
      {"main", "s", "t", "b", "INT", "int", "10", "0", "YES", std::nullopt, std::nullopt},
  };
  auto e =
      columns(context(), std::string("main"), std::string("s"), std::string("t"), std::string("b"));
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][16], "2");
}

TEST_F(CatalogTest, ColumnsOfManyTablesOfOneSchemaCostOneStatement) {
  for (int t = 0; t < 500; ++t)
    server_rows.push_back({"main", "s", "t" + std::to_string(t), "c", "INT", "int", "10", "0",
                           "YES", std::nullopt, std::nullopt});
  Cache cache(std::chrono::seconds(60), 16 << 20);
  for (int t = 0; t < 500; ++t) {
    auto e = columns(context(&cache), std::string("main"), std::string("s"),
                     std::string("t" + std::to_string(t)), std::nullopt);
    const Rows rows = read(*e);
    ASSERT_EQ(rows.size(), 1u) << t;
    EXPECT_EQ(rows[0][2], "t" + std::to_string(t));
  }
  EXPECT_EQ(statements.size(), 1u);
  cache.clear();  // DDL ran
  auto e = columns(context(&cache), std::string("main"), std::string("s"), std::string("t1"),
                   std::nullopt);
  read(*e);
  EXPECT_EQ(statements.size(), 2u);
}

TEST_F(CatalogTest, AResultLargerThanTheCacheStreamsAndIsNotKept) {
  for (int t = 0; t < 50; ++t)
    server_rows.push_back({"main", "s", "t" + std::to_string(t), "TABLE", std::nullopt});
  Cache cache(std::chrono::seconds(60), 200);
  for (int i = 0; i < 2; ++i) {
    auto e = tables(context(&cache), std::string("main"), std::string("s"), std::string("%"),
                    std::nullopt);
    EXPECT_EQ(read(*e).size(), 50u);
  }
  EXPECT_EQ(statements.size(), 2u);
  EXPECT_EQ(cache.entries(), 0u);
}

TEST_F(CatalogTest, ASchemaTooLargeForTheCacheIsAskedForTableByTable) {
  for (int t = 0; t < 50; ++t)
    server_rows.push_back({"main", "s", "t" + std::to_string(t), "c", "INT", "int", "10", "0",
                           "YES", std::nullopt, std::nullopt});
  Cache cache(std::chrono::seconds(60), 300);
  for (int t : {1, 2}) {
    auto e = columns(context(&cache), std::string("main"), std::string("s"),
                     std::string("t" + std::to_string(t)), std::nullopt);
    EXPECT_EQ(read(*e).size(), 1u);
  }
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0].find("table_name ="), std::string::npos) << statements[0];
  EXPECT_NE(statements[1].find("table_name = 't2'"), std::string::npos) << statements[1];
}

TEST_F(CatalogTest, KeysRequireATableAndEmptyFunctionsSendNothing) {
  EXPECT_THROW(primary_keys(context(), std::nullopt, std::nullopt, std::nullopt), Error);
  auto stats =
      statistics(context(), std::nullopt, std::nullopt, std::string("t"), SQL_INDEX_ALL, SQL_QUICK);
  EXPECT_EQ(stats->manifest().columns.size(), 13u);
  EXPECT_TRUE(read(*stats).empty());
  auto special = special_columns(context(), SQL_BEST_ROWID, std::nullopt, std::nullopt,
                                 std::string("t"), SQL_SCOPE_CURROW, SQL_NULLABLE);
  EXPECT_EQ(special->manifest().columns.size(), 8u);
  EXPECT_EQ(procedures(context(), {}, {}, {})->manifest().columns.size(), 8u);
  EXPECT_EQ(procedure_columns(context(), {}, {}, {}, {})->manifest().columns.size(), 19u);
  EXPECT_EQ(table_privileges(context(), {}, {}, {})->manifest().columns.size(), 7u);
  EXPECT_EQ(column_privileges(context(), {}, {}, {}, {})->manifest().columns.size(), 8u);
  EXPECT_TRUE(statements.empty());
}

TEST_F(CatalogTest, ForeignKeysMapRules) {
  server_rows = {
      {"main", "s", "p", "id", "main", "s", "f", "pid", "1", "CASCADE", "NO ACTION", "fk1", "pk1"}};
  auto e = foreign_keys(context(), std::nullopt, std::nullopt, std::string("p"), std::nullopt,
                        std::nullopt, std::nullopt);
  EXPECT_NE(statements.at(0).find("p.table_name = 'p'"), std::string::npos) << statements[0];
  const Rows rows = read(*e);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][9], std::to_string(SQL_CASCADE));
  EXPECT_EQ(rows[0][10], std::to_string(SQL_NO_ACTION));
  EXPECT_EQ(rows[0][13], std::to_string(SQL_NOT_DEFERRABLE));
}

TEST(Cache, ExpiresAndStaysWithinItsBudget) {
  auto now = std::chrono::steady_clock::time_point{};
  Cache cache(std::chrono::seconds(10), 1000, [&] { return now; });
  auto rows = std::make_shared<CachedRows>();
  rows->bytes = 300;
  cache.store("a", rows, cache.generation());
  cache.store("b", rows, cache.generation());
  cache.store("c", rows, cache.generation());
  EXPECT_EQ(cache.entries(), 3u);
  cache.store("d", rows, cache.generation());  // evicts the least recently used
  EXPECT_EQ(cache.entries(), 3u);
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("d"), nullptr);
  EXPECT_LE(cache.bytes(), 1000u);
  now += std::chrono::seconds(11);
  EXPECT_EQ(cache.find("d"), nullptr);
  const uint64_t before = cache.generation();
  cache.clear();
  cache.store("e", rows, before);  // fetched before DDL: not kept
  EXPECT_EQ(cache.find("e"), nullptr);
  Cache off(std::chrono::seconds(0), 1000);
  EXPECT_FALSE(off.enabled());
}

TEST(TypeInfo, RowsSortedAndConsistentWithDescribe) {
  convert::DescribeOptions options;
  options.intervals_as_text = true;
  const auto rows = type_info_rows(SQL_ALL_TYPES, options);
  for (size_t i = 1; i < rows.size(); ++i)
    EXPECT_LE(rows[i - 1].type.sql_type, rows[i].type.sql_type);
  auto find = [&](const std::string& name, SQLSMALLINT type) -> const TypeInfoRow* {
    for (const auto& r : rows)
      if (r.type.type_name == name && r.type.sql_type == type) return &r;
    return nullptr;
  };
  ASSERT_NE(find("DECIMAL", SQL_DECIMAL), nullptr);
  EXPECT_STREQ(find("DECIMAL", SQL_DECIMAL)->create_params, "precision,scale");
  EXPECT_EQ(find("DECIMAL", SQL_DECIMAL)->max_column_size, 38u);
  EXPECT_NE(find("STRING", SQL_WVARCHAR), nullptr);
  EXPECT_NE(find("STRING", SQL_VARCHAR), nullptr);  // narrow rows are always listed
  EXPECT_EQ(find("STRING", SQL_WVARCHAR)->create_params, nullptr);
  EXPECT_NE(find("TIMESTAMP_NTZ", SQL_TYPE_TIMESTAMP), nullptr);
  EXPECT_NE(find("BOOLEAN", SQL_BIT), nullptr);
  EXPECT_NE(find("FLOAT", SQL_REAL), nullptr);
  EXPECT_NE(find("ARRAY", SQL_WVARCHAR), nullptr);
  EXPECT_NE(find("INTERVAL DAY TO SECOND", SQL_WVARCHAR), nullptr);  // intervals as text
  options.intervals_as_text = false;
  EXPECT_EQ(type_info_rows(SQL_INTERVAL_DAY_TO_SECOND, options).size(), 1u);
  // ODBC 2 codes name the ODBC 3 types.
  EXPECT_EQ(type_info_rows(SQL_TIMESTAMP, options).size(), 2u);
  const sea::RowBatch batch = type_info_batch(type_info_rows(SQL_DECIMAL, options));
  ASSERT_EQ(batch.row_count(), 1u);
  EXPECT_EQ(batch.text(0, 0), "DECIMAL");
  EXPECT_EQ(batch.text(0, 5), "precision,scale");
}

}  // namespace
}  // namespace dbsql::metadata
