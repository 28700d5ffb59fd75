#include <gtest/gtest.h>

#include <vector>

#include "odbc/binding.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

class BindingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ird.record(1).column = convert::describe_type("INT", "INT", -1, -1, "");
    ird.record(2).column = convert::describe_type("STRING", "STRING", -1, -1, "");
  }
  Descriptor ard{DescKind::kArd, nullptr};
  Descriptor ird{DescKind::kIrd, nullptr};
  std::vector<ColumnBinding> plan;
};

TEST_F(BindingTest, ColumnWiseStridesAreElementSizes) {
  SQLINTEGER ids[4];
  char names[4][11];
  SQLLEN id_ind[4], name_ind[4];
  bind_column(ard, 1, SQL_C_SLONG, ids, 0, id_ind);
  bind_column(ard, 2, SQL_C_CHAR, names, 11, name_ind);
  plan_bindings(ard, ird, plan);
  ASSERT_EQ(2u, plan.size());
  EXPECT_EQ(&ids[2], plan[0].element(2).data);
  EXPECT_EQ(&id_ind[3], plan[0].element(3).indicator);
  EXPECT_EQ(names[3], plan[1].element(3).data);
  EXPECT_EQ(11, plan[1].element(3).buffer_length);
  EXPECT_EQ(&name_ind[1], plan[1].element(1).octet_length);
}

TEST_F(BindingTest, RowWiseStridesAreTheStructSizeWithOffset) {
  struct RowStruct {
    SQLINTEGER id;
    SQLLEN id_ind;
    char name[9];
    SQLLEN name_ind;
  };
  RowStruct rows[6];
  bind_column(ard, 1, SQL_C_SLONG, &rows[0].id, 0, &rows[0].id_ind);
  bind_column(ard, 2, SQL_C_CHAR, rows[0].name, sizeof rows[0].name, &rows[0].name_ind);
  ard.header.bind_type = sizeof(RowStruct);
  // The bind offset moves every address: here, to the third struct.
  SQLLEN offset = 2 * sizeof(RowStruct);
  ard.header.bind_offset_ptr = &offset;
  plan_bindings(ard, ird, plan);
  ASSERT_EQ(2u, plan.size());
  EXPECT_EQ(&rows[2].id, plan[0].element(0).data);
  EXPECT_EQ(&rows[5].id, plan[0].element(3).data);
  EXPECT_EQ(&rows[4].id_ind, plan[0].element(2).indicator);
  EXPECT_EQ(rows[3].name, plan[1].element(1).data);
  EXPECT_EQ(&rows[3].name_ind, plan[1].element(1).octet_length);
}

TEST_F(BindingTest, DefaultCTypeResolvesAgainstTheColumn) {
  SQLINTEGER ids[2];
  bind_column(ard, 1, SQL_C_DEFAULT, ids, 0, nullptr);
  plan_bindings(ard, ird, plan);
  ASSERT_EQ(1u, plan.size());
  EXPECT_EQ(ird.find(1)->column.default_c_type, plan[0].base.c_type);
}

TEST_F(BindingTest, ColumnsPastTheResultAndUnboundOnesAreSkipped) {
  SQLINTEGER a;
  bind_column(ard, 2, SQL_C_CHAR, nullptr, 0, nullptr);
  bind_column(ard, 3, SQL_C_SLONG, &a, 0, nullptr);
  plan_bindings(ard, ird, plan);
  EXPECT_TRUE(plan.empty());
}

TEST_F(BindingTest, ForbiddenConversionIs07006) {
  ird.record(3).column = convert::describe_type("DATE", "DATE", -1, -1, "");
  SQL_TIME_STRUCT t;
  SQLINTEGER i;
  bind_column(ard, 3, SQL_C_SLONG, &i, 0, nullptr);
  (void)t;
  try {
    plan_bindings(ard, ird, plan);
    FAIL() << "expected 07006";
  } catch (const Error& e) {
    EXPECT_EQ("07006", e.sqlstate());
  }
}

}  // namespace
}  // namespace dbsql::odbc
