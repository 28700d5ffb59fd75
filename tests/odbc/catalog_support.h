#pragma once
// Calling the catalog functions from tests, ANSI or W, with each name argument either a
// null pointer (nullopt) or a string with an explicit length, and reading their result
// layout.
#include <optional>
#include <string>
#include <vector>

#include "odbc_util.h"

namespace dbsql::odbc_test {

using Name = std::optional<std::string>;
using Rows = std::vector<std::vector<std::optional<std::string>>>;

// Holds a name argument in the width the call needs.
class NameArg {
 public:
  NameArg(const Name& name, bool wide);
  SQLCHAR* ansi();
  SQLWCHAR* wide();
  SQLSMALLINT length() const { return length_; }

 private:
  bool null_;
  std::string ansi_;
  std::vector<SQLWCHAR> wide_;
  SQLSMALLINT length_ = 0;
};

SQLRETURN call_tables(Stmt& s, bool wide, const Name& cat, const Name& schema, const Name& table,
                      const Name& types);
SQLRETURN call_columns(Stmt& s, bool wide, const Name& cat, const Name& schema, const Name& table,
                       const Name& column);
SQLRETURN call_primary_keys(Stmt& s, bool wide, const Name& cat, const Name& schema,
                            const Name& table);
SQLRETURN call_foreign_keys(Stmt& s, bool wide, const Name& pk_cat, const Name& pk_schema,
                            const Name& pk_table, const Name& fk_cat, const Name& fk_schema,
                            const Name& fk_table);
SQLRETURN call_statistics(Stmt& s, bool wide, const Name& cat, const Name& schema,
                          const Name& table);
SQLRETURN call_special_columns(Stmt& s, bool wide, SQLUSMALLINT type, const Name& cat,
                               const Name& schema, const Name& table);
SQLRETURN call_procedures(Stmt& s, bool wide, const Name& cat, const Name& schema,
                          const Name& proc);
SQLRETURN call_procedure_columns(Stmt& s, bool wide, const Name& cat, const Name& schema,
                                 const Name& proc, const Name& column);
SQLRETURN call_table_privileges(Stmt& s, bool wide, const Name& cat, const Name& schema,
                                const Name& table);
SQLRETURN call_column_privileges(Stmt& s, bool wide, const Name& cat, const Name& schema,
                                 const Name& table, const Name& column);
SQLRETURN call_type_info(Stmt& s, bool wide, SQLSMALLINT type);

struct ExpectedColumn {
  const char* name;
  SQLSMALLINT sql_type;  // SQL_VARCHAR stands for any character type
  bool nullable;
};
// Fails the test unless the open result has exactly these columns (SQLDescribeCol or
// SQLDescribeColW).
void expect_layout(Stmt& s, bool wide, const std::vector<ExpectedColumn>& expected,
                   const char* function);

// The UTF-8 text of a SQLDescribeColW column name.
std::string wide_column_name(Stmt& s, SQLUSMALLINT column);
// Rows read with SQLGetData(SQL_C_WCHAR), converted to UTF-8.
Rows all_wide_text(Stmt& s);

}  // namespace dbsql::odbc_test
