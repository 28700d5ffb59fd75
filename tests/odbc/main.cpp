// The test program's main: the private ODBC ini folder must exist before gtest runs any
// test, because unixODBC reads ODBCSYSINI once per process.
#include <gtest/gtest.h>

#include "odbc_ini.h"

int main(int argc, char** argv) {
  dbsql::odbc_test::OdbcIniFolder ini;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
