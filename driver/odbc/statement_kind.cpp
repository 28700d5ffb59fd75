#include "odbc/statement_kind.h"

#include <string>

#include "sql/scan.h"

namespace dbsql::odbc {
namespace {

struct Kind {
  const char* keyword;
  const char* name;
  SQLINTEGER code;
};

constexpr Kind kKinds[] = {
    {"SELECT", "SELECT CURSOR", SQL_DIAG_SELECT_CURSOR},
    {"WITH", "SELECT CURSOR", SQL_DIAG_SELECT_CURSOR},
    {"VALUES", "SELECT CURSOR", SQL_DIAG_SELECT_CURSOR},
    {"FROM", "SELECT CURSOR", SQL_DIAG_SELECT_CURSOR},
    {"TABLE", "SELECT CURSOR", SQL_DIAG_SELECT_CURSOR},
    {"INSERT", "INSERT", SQL_DIAG_INSERT},
    {"UPDATE", "DYNAMIC UPDATE CURSOR", SQL_DIAG_UPDATE_WHERE},
    {"DELETE", "DYNAMIC DELETE CURSOR", SQL_DIAG_DELETE_WHERE},
    {"CREATE", "CREATE TABLE", SQL_DIAG_CREATE_TABLE},
    {"DROP", "DROP TABLE", SQL_DIAG_DROP_TABLE},
    {"ALTER", "ALTER TABLE", SQL_DIAG_ALTER_TABLE},
    {"GRANT", "GRANT", SQL_DIAG_GRANT},
    {"REVOKE", "REVOKE", SQL_DIAG_REVOKE},
    {"CALL", "CALL", SQL_DIAG_CALL},
};

constexpr const char* kRowReturning[] = {"SELECT", "WITH",     "VALUES",  "FROM", "TABLE",
                                         "SHOW",   "DESCRIBE", "EXPLAIN", "DESC", "LIST"};

}  // namespace

void set_dynamic_function(Diagnostics& diag, std::string_view sql) {
  const std::string keyword = sql::first_keyword(sql);
  for (const Kind& k : kKinds) {
    if (keyword == k.keyword) {
      diag.dynamic_function = k.name;
      diag.dynamic_function_code = k.code;
      return;
    }
  }
  diag.dynamic_function.clear();
  diag.dynamic_function_code = SQL_DIAG_UNKNOWN_STATEMENT;
}

bool returns_rows(std::string_view sql) {
  const std::string keyword = sql::first_keyword(sql);
  for (const char* k : kRowReturning)
    if (keyword == k) return true;
  return false;
}

}  // namespace dbsql::odbc
