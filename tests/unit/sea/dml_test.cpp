#include "sea/dml.h"

#include <gtest/gtest.h>

namespace dbsql::sea {
namespace {

Manifest counters(std::vector<std::string> names, std::string type_name = "LONG") {
  Manifest m;
  for (size_t i = 0; i < names.size(); ++i)
    m.columns.push_back(ColumnInfo{names[i], static_cast<int>(i), type_name,
                                   type_name == "LONG" ? "BIGINT" : type_name, -1, -1, "", std::nullopt});
  m.column_count = static_cast<int>(names.size());
  return m;
}

TEST(FirstKeyword, SkipsCommentsWhitespaceAndParentheses) {
  EXPECT_EQ(first_keyword("insert into t values (1)"), "INSERT");
  EXPECT_EQ(first_keyword("  \n\t-- note\n/* block\n */ ( update t set x = 1)"), "UPDATE");
  EXPECT_EQ(first_keyword("/* unterminated"), "");
  EXPECT_EQ(first_keyword(""), "");
  EXPECT_EQ(first_keyword("WITH x AS (SELECT 1) SELECT * FROM x"), "WITH");
}

TEST(IsDmlStatement, KnowsTheFourVerbs) {
  for (const char* sql : {"INSERT INTO t VALUES (1)", "update t set a=1", "Delete FROM t",
                          "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE"})
    EXPECT_TRUE(is_dml_statement(sql)) << sql;
  for (const char* sql : {"SELECT 1 AS num_affected_rows", "CREATE TABLE t (a INT)", "SHOW TABLES",
                          "INSERTX", "-- INSERT\nSELECT 1"})
    EXPECT_FALSE(is_dml_statement(sql)) << sql;
}

TEST(IsDmlCounterManifest, NeedsCounterColumnsOnly) {
  EXPECT_TRUE(is_dml_counter_manifest(counters({"num_affected_rows"})));
  EXPECT_TRUE(is_dml_counter_manifest(counters({"num_affected_rows", "num_inserted_rows"})));
  EXPECT_TRUE(is_dml_counter_manifest(counters(
      {"num_affected_rows", "num_updated_rows", "num_deleted_rows", "num_inserted_rows"})));
  EXPECT_FALSE(is_dml_counter_manifest(counters({"num_inserted_rows", "num_affected_rows"})));
  EXPECT_FALSE(is_dml_counter_manifest(counters({"num_affected_rows", "id"})));
  EXPECT_FALSE(is_dml_counter_manifest(counters({"num_affected_rows"}, "STRING")));
  EXPECT_FALSE(is_dml_counter_manifest(Manifest{}));
}

TEST(AffectedRowsOf, ReadsTheSingleCounterRow) {
  RowBatch one(2, 0);
  one.append("42");
  one.append("42");
  EXPECT_EQ(affected_rows_of(one), 42);

  RowBatch two(1, 0);
  two.append("1");
  two.append("2");
  EXPECT_EQ(affected_rows_of(two), std::nullopt);

  RowBatch null(1, 0);
  null.append_null();
  EXPECT_EQ(affected_rows_of(null), std::nullopt);

  RowBatch text(1, 0);
  text.append("12x");
  EXPECT_EQ(affected_rows_of(text), std::nullopt);
}

TEST(RowBatchMemory, ReleasedArenaKeepsItsCapacity) {
  RowBatch batch;
  char* arena = batch.adopt_arena(std::string(1000, 'x'), 64);
  batch.set_columns(1);
  batch.append_span(0, 10);
  EXPECT_EQ(batch.text(0, 0), std::string(10, 'x'));
  EXPECT_EQ(arena, batch.text(0, 0).data());
  std::string released = batch.release_arena();
  EXPECT_TRUE(released.empty());
  EXPECT_GE(released.capacity(), 1064u);
  EXPECT_EQ(batch.row_count(), 0u);
  EXPECT_EQ(batch.cell_count(), 0u);
}

}  // namespace
}  // namespace dbsql::sea
