#include <gtest/gtest.h>

#include "sql/translate.h"

namespace dbsql::sql {
namespace {

struct Split {
  std::string head, tuple, tail;
  bool operator==(const Split&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Split& s) {
  return os << "{head=[" << s.head << "] tuple=[" << s.tuple << "] tail=[" << s.tail << "]}";
}

std::optional<Split> split(std::string_view sql) {
  static Translation t;  // the views point into it
  t = translate(sql);
  const auto found = find_insert_values(t);
  if (!found) return std::nullopt;
  EXPECT_EQ(t.text,
            std::string(found->head) + std::string(found->tuple) + std::string(found->tail));
  return Split{std::string(found->head), std::string(found->tuple), std::string(found->tail)};
}

TEST(InsertValues, SimpleInsert) {
  EXPECT_EQ(Split({"INSERT INTO t VALUES ", "(?, ?)", ""}), split("INSERT INTO t VALUES (?, ?)"));
  EXPECT_EQ(Split({"insert into cat.sch.t (a, b) values", "(?,?)", ""}),
            split("insert into cat.sch.t (a, b) values(?,?)"));
  EXPECT_EQ(Split({"INSERT INTO TABLE t VALUES ", "(?)", ";"}),
            split("INSERT INTO TABLE t VALUES (?);"));
  EXPECT_EQ(Split({"INSERT INTO t VALUES ", "(?)", " ; -- done\n /* really */ "}),
            split("INSERT INTO t VALUES (?) ; -- done\n /* really */ "));
}

TEST(InsertValues, HardHeads) {
  EXPECT_EQ(Split({"INSERT INTO `my table`.`a)b` (`c,1`, `d``)`) VALUES ", "(?, ?)", ""}),
            split("INSERT INTO `my table`.`a)b` (`c,1`, `d``)`) VALUES (?, ?)"));
  EXPECT_EQ(Split({"/* hi */ INSERT /* x */ INTO t -- c\n VALUES ", "(?)", ""}),
            split("/* hi */ INSERT /* x */ INTO t -- c\n VALUES (?)"));
  EXPECT_EQ(Split({"INSERT INTO t PARTITION (p = 1) (a) VALUES ", "(?)", ""}),
            split("INSERT INTO t PARTITION (p = 1) (a) VALUES (?)"));
  EXPECT_EQ(Split({"INSERT INTO `values` VALUES ", "(?)", ""}),
            split("INSERT INTO `values` VALUES (?)"));
}

TEST(InsertValues, HardTuples) {
  EXPECT_EQ(
      Split({"INSERT INTO t VALUES ", "('VALUES (1), (2)', ?, \")\", f(?, 2), -- )\n ?)", ""}),
      split("INSERT INTO t VALUES ('VALUES (1), (2)', ?, \")\", f(?, 2), -- )\n ?)"));
  // Escapes are translated first; EXTRACT's FROM is no subquery.
  EXPECT_EQ(
      Split({"INSERT INTO t VALUES ", "(DATE'2024-01-01', upper(?), extract(YEAR FROM ?))", ""}),
      split("INSERT INTO t VALUES ({d '2024-01-01'}, {fn UCASE(?)}, {fn EXTRACT(YEAR FROM ?)})"));
  EXPECT_EQ(Split({"INSERT INTO t VALUES ", "(1, 'a')", ""}),
            split("INSERT INTO t VALUES (1, 'a')"));
}

TEST(InsertValues, OtherShapesAreRefused) {
  for (const char* sql : {
           "INSERT INTO t VALUES (?), (?)",
           "INSERT INTO t VALUES (?) , (?)",
           "INSERT INTO t SELECT ?",
           "INSERT INTO t (a) SELECT ? FROM u",
           "INSERT INTO t VALUES ((SELECT max(id) FROM t), ?)",
           "INSERT INTO t VALUES (?) ON CONFLICT DO NOTHING",
           "INSERT INTO t VALUES (?); SELECT 1",
           "INSERT OVERWRITE t VALUES (?)",
           "INSERT OVERWRITE TABLE t VALUES (?)",
           "INSERT INTO t REPLACE WHERE a = 1 VALUES (?)",
           "INSERT INTO t PARTITION (p = ?) VALUES (?)",
           "INSERT INTO t VALUES (?",
           "INSERT INTO t VALUES ?",
           "INSERT INTO VALUES (?)",
           "UPDATE t SET a = ?",
           "SELECT 'INSERT INTO t VALUES (?)'",
           "WITH x AS (SELECT 1) INSERT INTO t VALUES (?)",
           "",
       }) {
    EXPECT_EQ(std::nullopt, split(sql)) << sql;
  }
}

TEST(InsertValues, BuildsAMultiRowStatement) {
  const Translation t = translate("INSERT INTO t (a, b) VALUES ({fn UCASE(?)}, ?);");
  const auto found = find_insert_values(t);
  ASSERT_TRUE(found.has_value());
  std::string sql(found->head);
  for (size_t row = 0; row < 3; ++row) {
    if (row != 0) sql += ", ";
    append_bound(sql, t, found->tuple,
                 [&](size_t p) { return ":p" + std::to_string(row * t.parameter_count + p + 1); });
  }
  sql += found->tail;
  EXPECT_EQ("INSERT INTO t (a, b) VALUES (upper(:p1), :p2), (upper(:p3), :p4), (upper(:p5), :p6);",
            sql);
}

}  // namespace
}  // namespace dbsql::sql
