#include "config/odbc_functions.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace dbsql::config {
namespace {

TEST(OdbcFunctionsTest, SingleFunctionQueries) {
  SQLUSMALLINT supported = 99;
  ASSERT_TRUE(get_functions(SQL_API_SQLEXECDIRECT, &supported));
  EXPECT_EQ(supported, SQL_TRUE);
  ASSERT_TRUE(get_functions(SQL_API_SQLBINDPARAMETER, &supported));
  EXPECT_EQ(supported, SQL_TRUE);
  ASSERT_TRUE(get_functions(SQL_API_SQLBROWSECONNECT, &supported));
  EXPECT_EQ(supported, SQL_FALSE);
  EXPECT_FALSE(get_functions(4000, &supported));  // not a function id: HY095
}

TEST(OdbcFunctionsTest, Odbc3BitmapMatchesTheList) {
  std::vector<SQLUSMALLINT> bitmap(SQL_API_ODBC3_ALL_FUNCTIONS_SIZE, 0xFFFF);
  ASSERT_TRUE(get_functions(SQL_API_ODBC3_ALL_FUNCTIONS, bitmap.data()));
  for (SQLUSMALLINT id : kImplementedFunctions) {
    EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap.data(), id)) << id;
  }
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLBINDPARAMETER));
  EXPECT_FALSE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLBULKOPERATIONS));
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLTABLES));
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLGETTYPEINFO));
  EXPECT_FALSE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLBULKOPERATIONS));
  EXPECT_FALSE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLSETPOS));
  EXPECT_FALSE(SQL_FUNC_EXISTS(bitmap.data(), 0));
  // ODBC 2 functions the driver manager maps onto implemented ones.
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLALLOCSTMT));
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLERROR));
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap.data(), SQL_API_SQLTRANSACT));
  // Nothing else: the implemented list plus the 12 mapped ODBC 2 ids (SQLColAttributes
  // shares its id with SQLColAttribute).
  std::set<SQLUSMALLINT> expected(std::begin(kImplementedFunctions),
                                  std::end(kImplementedFunctions));
  for (SQLUSMALLINT id :
       {SQL_API_SQLALLOCCONNECT, SQL_API_SQLALLOCENV, SQL_API_SQLALLOCSTMT, SQL_API_SQLFREECONNECT,
        SQL_API_SQLFREEENV, SQL_API_SQLERROR, SQL_API_SQLCOLATTRIBUTES, SQL_API_SQLGETCONNECTOPTION,
        SQL_API_SQLSETCONNECTOPTION, SQL_API_SQLGETSTMTOPTION, SQL_API_SQLSETSTMTOPTION,
        SQL_API_SQLTRANSACT}) {
    expected.insert(id);
  }
  int bits = 0;
  for (SQLUSMALLINT word : bitmap) bits += __builtin_popcount(word);
  EXPECT_EQ(bits, static_cast<int>(expected.size()));
}

TEST(OdbcFunctionsTest, Odbc2ArrayCoversIdsBelow100) {
  std::vector<SQLUSMALLINT> array(100, 99);
  ASSERT_TRUE(get_functions(SQL_API_ALL_FUNCTIONS, array.data()));
  EXPECT_EQ(array[SQL_API_SQLALLOCCONNECT], SQL_TRUE);
  EXPECT_EQ(array[SQL_API_SQLEXECDIRECT], SQL_TRUE);
  EXPECT_EQ(array[SQL_API_SQLGETINFO], SQL_TRUE);
  EXPECT_EQ(array[SQL_API_SQLCOLUMNS], SQL_TRUE);
  EXPECT_EQ(array[SQL_API_SQLSETPOS], SQL_FALSE);
  EXPECT_EQ(array[SQL_API_SQLPUTDATA], SQL_TRUE);
  for (SQLUSMALLINT v : array) EXPECT_TRUE(v == SQL_TRUE || v == SQL_FALSE);
}

}  // namespace
}  // namespace dbsql::config
