#include <gtest/gtest.h>

#include <cstring>
#include <new>

#include "dbsql/dbsql.h"
#include "odbc/connection.h"
#include "odbc/diag_access.h"
#include "odbc/diagnostics.h"
#include "odbc/environment.h"
#include "odbc/guard.h"

namespace dbsql::odbc {
namespace {

Environment make_env() {
  return Environment([](const config::Settings&) -> std::unique_ptr<Backend> { return nullptr; });
}

TEST(Diagnostics, ErrorsComeBeforeWarningsInRaisedOrder) {
  Diagnostics d;
  d.add("01004", "truncated");
  d.add("22003", "out of range");
  d.add("01S02", "changed");
  d.add("HY000", "general");
  ASSERT_EQ(4u, d.size());
  EXPECT_EQ("22003", d.record(1)->sqlstate);
  EXPECT_EQ("HY000", d.record(2)->sqlstate);
  EXPECT_EQ("01004", d.record(3)->sqlstate);
  EXPECT_EQ("01S02", d.record(4)->sqlstate);
  EXPECT_EQ(nullptr, d.record(5));
  EXPECT_EQ(nullptr, d.record(0));
}

TEST(Diagnostics, MessagesArePrefixedAndNameTheStatement) {
  Diagnostics d;
  d.add("42601", "syntax error", 0, SQL_NO_ROW_NUMBER, SQL_NO_COLUMN_NUMBER, "01ef-abc");
  EXPECT_EQ("[dbsql-odbc] syntax error (statement id 01ef-abc)", d.record(1)->message);
  d.add("HY000", "[dbsql-odbc] already prefixed");
  EXPECT_EQ("[dbsql-odbc] already prefixed", d.record(2)->message);
}

TEST(Diagnostics, MalformedSqlstateBecomesGeneralError) {
  Diagnostics d;
  d.add("bad", "x");
  EXPECT_EQ("HY000", d.record(1)->sqlstate);
}

TEST(Diagnostics, ClassAndSubclassOrigins) {
  EXPECT_STREQ("ISO 9075", class_origin("22003"));
  EXPECT_STREQ("ISO 9075", subclass_origin("22003"));
  EXPECT_STREQ("ISO 9075", class_origin("01S00"));
  EXPECT_STREQ("ODBC 3.0", subclass_origin("01S00"));
  EXPECT_STREQ("ODBC 3.0", subclass_origin("HYT00"));
  EXPECT_STREQ("ODBC 3.0", class_origin("IM001"));
  EXPECT_STREQ("ISO 9075", subclass_origin("HY000"));
}

TEST(Guard, InvalidHandles) {
  EXPECT_EQ(SQL_INVALID_HANDLE, guard<Environment>("t", nullptr, [](Environment&) {}));
  Environment env = make_env();
  // A live handle of another type is not a connection.
  EXPECT_EQ(SQL_INVALID_HANDLE, guard<Connection>("t", &env, [](Connection&) {}));
}

TEST(Guard, TurnsExceptionsIntoRecords) {
  Environment env = make_env();
  EXPECT_EQ(SQL_ERROR, guard<Environment>("t", &env, [](Environment&) {
              throw Error("28000", "bad token", 401);
            }));
  ASSERT_EQ(1u, env.diag().size());
  EXPECT_EQ("28000", env.diag().record(1)->sqlstate);
  EXPECT_EQ(401, env.diag().record(1)->native_error);
  EXPECT_EQ(SQL_ERROR, env.diag().return_code);

  EXPECT_EQ(SQL_ERROR, guard<Environment>("t", &env, [](Environment&) { throw std::bad_alloc(); }));
  ASSERT_EQ(1u, env.diag().size()) << "each call starts with fresh diagnostics";
  EXPECT_EQ("HY001", env.diag().record(1)->sqlstate);

  EXPECT_EQ(SQL_ERROR, guard<Environment>("t", &env, [](Environment&) { throw 42; }));
  EXPECT_EQ("HY000", env.diag().record(1)->sqlstate);
}

TEST(Guard, WarningsMakeSuccessWithInfo) {
  Environment env = make_env();
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO,
            guard<Environment>("t", &env, [](Environment& e) { e.diag().add("01004", "cut"); }));
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO, env.diag().return_code);
  EXPECT_EQ(SQL_SUCCESS, guard<Environment>("t", &env, [](Environment&) {}));
  EXPECT_EQ(0u, env.diag().size());
}

TEST(Guard, KeepDiagnosticsLeavesRecordsAndReturnCode) {
  Environment env = make_env();
  guard<Environment>("t", &env, [](Environment&) { throw Error("HY010", "sequence"); });
  EXPECT_EQ(SQL_SUCCESS, guard<Environment>(
                             "t", &env, [](Environment&) {}, kKeepDiagnostics));
  EXPECT_EQ(1u, env.diag().size());
  EXPECT_EQ(SQL_ERROR, env.diag().return_code);
}

class DiagAccess : public ::testing::Test {
 protected:
  void SetUp() override {
    handle.diag().add("01004", "truncated", 0, 2, 3);
    handle.diag().add("42601", "syntax", 400, SQL_NO_ROW_NUMBER, SQL_NO_COLUMN_NUMBER, "stmt-9");
    handle.diag().return_code = SQL_ERROR;
  }
  Environment handle = make_env();
};

TEST_F(DiagAccess, GetDiagRecReadsRecordsAndTruncatesQuietly) {
  char state[6];
  SQLINTEGER native = 0;
  char message[16];
  SQLSMALLINT length = 0;
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO,
            get_diag_rec(handle, 1, state, TextUnits::kAnsi, &native,
                         TextOut{message, sizeof message, TextUnits::kAnsi}, &length));
  EXPECT_STREQ("42601", state);
  EXPECT_EQ(400, native);
  const std::string full = "[dbsql-odbc] syntax (statement id stmt-9)";
  EXPECT_EQ(static_cast<SQLSMALLINT>(full.size()), length);
  EXPECT_EQ(full.substr(0, 15), message);
  EXPECT_EQ(2u, handle.diag().size()) << "reading must not add records";
  EXPECT_EQ(SQL_NO_DATA, get_diag_rec(handle, 3, state, TextUnits::kAnsi, &native,
                                      TextOut{message, sizeof message, TextUnits::kAnsi}, &length));
  EXPECT_EQ(SQL_ERROR, get_diag_rec(handle, 0, state, TextUnits::kAnsi, &native,
                                    TextOut{message, sizeof message, TextUnits::kAnsi}, &length));
}

TEST_F(DiagAccess, HeaderFields) {
  SQLINTEGER number = 0;
  SQLRETURN rc = 0;
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 0, SQL_DIAG_NUMBER,
                                        TextOut{&number, 0, TextUnits::kAnsi}, nullptr));
  EXPECT_EQ(2, number);
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 0, SQL_DIAG_RETURNCODE,
                                        TextOut{&rc, 0, TextUnits::kAnsi}, nullptr));
  EXPECT_EQ(SQL_ERROR, rc);
  SQLLEN count = 0;
  // Row counts belong to statements only.
  EXPECT_EQ(SQL_ERROR, get_diag_field(handle, 0, SQL_DIAG_ROW_COUNT,
                                      TextOut{&count, 0, TextUnits::kAnsi}, nullptr));
}

TEST_F(DiagAccess, RecordFields) {
  SQLLEN row = 0;
  SQLINTEGER column = 0;
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 2, SQL_DIAG_ROW_NUMBER,
                                        TextOut{&row, 0, TextUnits::kAnsi}, nullptr));
  EXPECT_EQ(2, row);
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 2, SQL_DIAG_COLUMN_NUMBER,
                                        TextOut{&column, 0, TextUnits::kAnsi}, nullptr));
  EXPECT_EQ(3, column);
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 1, SQL_DIAG_ROW_NUMBER,
                                        TextOut{&row, 0, TextUnits::kAnsi}, nullptr));
  EXPECT_EQ(SQL_NO_ROW_NUMBER, row);

  char text[64];
  SQLSMALLINT length = 0;
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 2, SQL_DIAG_SUBCLASS_ORIGIN,
                                        TextOut{text, sizeof text, TextUnits::kAnsi}, &length));
  EXPECT_STREQ("ISO 9075", text);
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 1, SQL_DBSQL_DIAG_STATEMENT_ID,
                                        TextOut{text, sizeof text, TextUnits::kAnsi}, &length));
  EXPECT_STREQ("stmt-9", text);
  EXPECT_EQ(SQL_SUCCESS, get_diag_field(handle, 1, SQL_DIAG_SQLSTATE,
                                        TextOut{text, sizeof text, TextUnits::kAnsi}, &length));
  EXPECT_STREQ("42601", text);
  EXPECT_EQ(5, length);
  EXPECT_EQ(SQL_NO_DATA, get_diag_field(handle, 3, SQL_DIAG_SQLSTATE,
                                        TextOut{text, sizeof text, TextUnits::kAnsi}, &length));
}

TEST_F(DiagAccess, WideMessageLengthsInCharacters) {
  SQLWCHAR state[6];
  SQLWCHAR message[8];
  SQLSMALLINT length = 0;
  EXPECT_EQ(SQL_SUCCESS_WITH_INFO,
            get_diag_rec(handle, 2, state, TextUnits::kWideChars, nullptr,
                         TextOut{message, 8, TextUnits::kWideChars}, &length));
  EXPECT_EQ('0', state[0]);
  EXPECT_EQ('4', state[4]);
  EXPECT_EQ(0, state[5]);
  EXPECT_EQ(static_cast<SQLSMALLINT>(std::strlen("[dbsql-odbc] truncated")), length);
  EXPECT_EQ('[', message[0]);
  EXPECT_EQ(0, message[7]);
}

}  // namespace
}  // namespace dbsql::odbc
