#include "metadata/pattern.h"

#include <gtest/gtest.h>

#include "metadata/ddl.h"
#include "metadata/metadata_sql.h"

namespace dbsql::metadata {
namespace {

TEST(Pattern, WildcardsEscapesAndCase) {
  const Pattern p = Pattern::from_pattern("my\\_t%");
  EXPECT_TRUE(p.matches("my_table"));
  EXPECT_TRUE(p.matches("MY_T"));
  EXPECT_FALSE(p.matches("myxtable"));  // the escaped _ is literal
  EXPECT_TRUE(Pattern::from_pattern("a_c").matches("abc"));
  EXPECT_FALSE(Pattern::from_pattern("a_c").matches("abbc"));
  EXPECT_TRUE(Pattern::from_pattern("%b%").matches("abc"));
  EXPECT_FALSE(Pattern::from_pattern("%b%").matches("acd"));
  EXPECT_TRUE(Pattern::from_pattern("a\\%").matches("a%"));
  EXPECT_FALSE(Pattern::from_pattern("a\\%").matches("ab"));
  EXPECT_TRUE(Pattern::from_pattern("%%").is_any());
}

TEST(Pattern, LiteralOnlyWithoutWildcards) {
  EXPECT_EQ(Pattern::from_pattern("my\\_table").literal(), "my_table");
  EXPECT_EQ(Pattern::from_pattern("my_table").literal(), std::nullopt);
  EXPECT_EQ(Pattern::from_literal("50%_off").literal(), "50%_off");
  EXPECT_TRUE(Pattern::from_literal("50%_off").matches("50%_off"));
  EXPECT_FALSE(Pattern::from_literal("50%_off").matches("50xyoff"));
}

TEST(Pattern, ArgumentsNullEmptyAndMetadataId) {
  EXPECT_TRUE(pattern_argument(std::nullopt, false).is_any());
  EXPECT_TRUE(pattern_argument(std::string(), false).is_any());
  EXPECT_TRUE(pattern_argument(std::string("%"), false).is_any());
  // With SQL_ATTR_METADATA_ID a pattern character is an ordinary character.
  const Pattern id = pattern_argument(std::string("a_b"), true);
  EXPECT_EQ(id.literal(), "a_b");
  EXPECT_FALSE(id.matches("axb"));
  EXPECT_EQ(identifier_text("\"My \"\"T\"\"\""), "My \"T\"");
  EXPECT_EQ(identifier_text("`x`"), "x");
  EXPECT_EQ(identifier_text("abc  "), "abc");
  EXPECT_EQ(name_argument(std::string("t_1"), false).literal(), "t_1");
}

TEST(Quoting, LiteralsAndIdentifiersCannotBreakOut) {
  EXPECT_EQ(string_literal("it's"), "'it\\'s'");
  EXPECT_EQ(string_literal("a\\b"), "'a\\\\b'");
  EXPECT_EQ(quote_identifier("we`ird"), "`we``ird`");
  EXPECT_EQ(sql::show_schemas("x` ; DROP TABLE t; --"), "SHOW SCHEMAS IN `x`` ; DROP TABLE t; --`");
}

TEST(MetadataSql, ConditionsPushDownPatternsAndNames) {
  EXPECT_EQ(sql::name_condition("t", Pattern::any()), "");
  EXPECT_EQ(sql::name_condition("t", Pattern::from_pattern("My\\_T")), "t = 'my_t'");
  EXPECT_EQ(sql::name_condition("t", Pattern::from_pattern("a%")), "t ILIKE 'a%'");
  // The LIKE escape survives the string literal's own escaping.
  EXPECT_EQ(sql::name_condition("t", Pattern::from_pattern("a\\_%")), "t ILIKE 'a\\\\_%'");
  EXPECT_EQ(sql::name_condition("t", Pattern::from_pattern("o'x%")), "t ILIKE 'o\\'x%'");
}

TEST(MetadataSql, ColumnsOfALiteralSchemaReadTheWholeSchema) {
  const std::string one =
      sql::uc_columns("main", Pattern::from_literal("s"), Pattern::from_literal("t1"), true);
  const std::string two =
      sql::uc_columns("main", Pattern::from_literal("s"), Pattern::from_literal("t2"), true);
  EXPECT_EQ(one, two);  // so the cache answers the second
  EXPECT_NE(one.find("FROM `main`.information_schema.columns WHERE table_schema = 's'"),
            std::string::npos)
      << one;
  const std::string any =
      sql::uc_columns("main", Pattern::from_pattern("s%"), Pattern::from_literal("t1"), true);
  EXPECT_NE(any.find("table_name = 't1'"), std::string::npos) << any;
  // "wide_schema" unescaped is a pattern (`_` is a wildcard) that still names few schemas:
  // tools pass schema names like that, and they must hit the cache too.
  EXPECT_EQ(sql::uc_columns("main", Pattern::from_pattern("wide_schema"),
                            Pattern::from_literal("t1"), true),
            sql::uc_columns("main", Pattern::from_pattern("wide_schema"),
                            Pattern::from_literal("t2"), true));
  const std::string narrow =
      sql::uc_columns("main", Pattern::from_literal("s"), Pattern::from_literal("t1"), false);
  EXPECT_NE(narrow.find("table_name = 't1'"), std::string::npos) << narrow;
}

TEST(MetadataSql, TablesAcrossCatalogsUseSystemInformationSchema) {
  const std::string all = sql::uc_tables(std::nullopt, Pattern::any(), Pattern::any(), {"VIEW"});
  EXPECT_NE(all.find("FROM system.information_schema.tables"), std::string::npos) << all;
  EXPECT_NE(all.find("= 'VIEW'"), std::string::npos) << all;
  EXPECT_NE(all.find("ORDER BY 4, 1, 2, 3"), std::string::npos);
  EXPECT_TRUE(sql::is_hive_catalog("HIVE_METASTORE"));
  EXPECT_FALSE(sql::is_hive_catalog("main"));
}

}  // namespace
}  // namespace dbsql::metadata

namespace dbsql::metadata {
namespace {

TEST(Ddl, StatementsThatChangeMetadata) {
  EXPECT_TRUE(changes_metadata("CREATE TABLE t (a INT)"));
  EXPECT_TRUE(changes_metadata("  -- why\n /* note */ drop view v"));
  EXPECT_TRUE(changes_metadata("ALTER TABLE t ADD COLUMN b INT"));
  EXPECT_TRUE(changes_metadata("comment on table t is 'x'"));
  EXPECT_FALSE(changes_metadata("SELECT 1"));
  EXPECT_FALSE(changes_metadata("INSERT INTO t VALUES (1)"));
  EXPECT_FALSE(changes_metadata("(SELECT 1)"));
  EXPECT_FALSE(changes_metadata("CREATED"));
  EXPECT_FALSE(changes_metadata(""));
}

}  // namespace
}  // namespace dbsql::metadata
