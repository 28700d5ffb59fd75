#include "catalog_support.h"

#include <sqlucode.h>

namespace dbsql::odbc_test {
namespace {

std::vector<SQLWCHAR> to_utf16(const std::string& s) {
  std::vector<SQLWCHAR> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    int extra = 0;
    if (c >= 0xF0)
      cp = c & 0x07, extra = 3;
    else if (c >= 0xE0)
      cp = c & 0x0F, extra = 2;
    else if (c >= 0xC0)
      cp = c & 0x1F, extra = 1;
    for (int k = 1; k <= extra && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += 1 + extra;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<SQLWCHAR>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<SQLWCHAR>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<SQLWCHAR>(cp));
    }
  }
  return out;
}

std::string from_utf16(const SQLWCHAR* w, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    uint32_t cp = w[i];
    if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n)
      cp = 0x10000 + ((cp - 0xD800) << 10) + (w[++i] - 0xDC00);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

}  // namespace

NameArg::NameArg(const Name& name, bool wide) : null_(!name) {
  if (!name) return;
  if (wide) {
    wide_ = to_utf16(*name);
    length_ = static_cast<SQLSMALLINT>(wide_.size());
    wide_.push_back(0);
  } else {
    ansi_ = *name;
    length_ = static_cast<SQLSMALLINT>(ansi_.size());
  }
}

SQLCHAR* NameArg::ansi() {
  return null_ ? nullptr : reinterpret_cast<SQLCHAR*>(ansi_.data());
}
SQLWCHAR* NameArg::wide() {
  return null_ ? nullptr : wide_.data();
}

#define DBSQL_ARGS_A(x) x.ansi(), x.length()
#define DBSQL_ARGS_W(x) x.wide(), x.length()

SQLRETURN call_tables(Stmt& s, bool wide, const Name& cat, const Name& schema, const Name& table,
                      const Name& types) {
  NameArg a(cat, wide), b(schema, wide), c(table, wide), d(types, wide);
  if (wide)
    return SQLTablesW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c), DBSQL_ARGS_W(d));
  return SQLTables(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c), DBSQL_ARGS_A(d));
}

SQLRETURN call_columns(Stmt& s, bool wide, const Name& cat, const Name& schema, const Name& table,
                       const Name& column) {
  NameArg a(cat, wide), b(schema, wide), c(table, wide), d(column, wide);
  if (wide)
    return SQLColumnsW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c), DBSQL_ARGS_W(d));
  return SQLColumns(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c), DBSQL_ARGS_A(d));
}

SQLRETURN call_primary_keys(Stmt& s, bool wide, const Name& cat, const Name& schema,
                            const Name& table) {
  NameArg a(cat, wide), b(schema, wide), c(table, wide);
  if (wide) return SQLPrimaryKeysW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c));
  return SQLPrimaryKeys(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c));
}

SQLRETURN call_foreign_keys(Stmt& s, bool wide, const Name& pk_cat, const Name& pk_schema,
                            const Name& pk_table, const Name& fk_cat, const Name& fk_schema,
                            const Name& fk_table) {
  NameArg a(pk_cat, wide), b(pk_schema, wide), c(pk_table, wide), d(fk_cat, wide),
      e(fk_schema, wide), f(fk_table, wide);
  if (wide)
    return SQLForeignKeysW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c),
                           DBSQL_ARGS_W(d), DBSQL_ARGS_W(e), DBSQL_ARGS_W(f));
  return SQLForeignKeys(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c), DBSQL_ARGS_A(d),
                        DBSQL_ARGS_A(e), DBSQL_ARGS_A(f));
}

SQLRETURN call_statistics(Stmt& s, bool wide, const Name& cat, const Name& schema,
                          const Name& table) {
  NameArg a(cat, wide), b(schema, wide), c(table, wide);
  if (wide)
    return SQLStatisticsW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c), SQL_INDEX_ALL,
                          SQL_QUICK);
  return SQLStatistics(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c), SQL_INDEX_ALL,
                       SQL_QUICK);
}

SQLRETURN call_special_columns(Stmt& s, bool wide, SQLUSMALLINT type, const Name& cat,
                               const Name& schema, const Name& table) {
  NameArg a(cat, wide), b(schema, wide), c(table, wide);
  if (wide)
    return SQLSpecialColumnsW(s.get(), type, DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c),
                              SQL_SCOPE_CURROW, SQL_NULLABLE);
  return SQLSpecialColumns(s.get(), type, DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c),
                           SQL_SCOPE_CURROW, SQL_NULLABLE);
}

SQLRETURN call_procedures(Stmt& s, bool wide, const Name& cat, const Name& schema,
                          const Name& proc) {
  NameArg a(cat, wide), b(schema, wide), c(proc, wide);
  if (wide) return SQLProceduresW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c));
  return SQLProcedures(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c));
}

SQLRETURN call_procedure_columns(Stmt& s, bool wide, const Name& cat, const Name& schema,
                                 const Name& proc, const Name& column) {
  NameArg a(cat, wide), b(schema, wide), c(proc, wide), d(column, wide);
  if (wide)
    return SQLProcedureColumnsW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c),
                                DBSQL_ARGS_W(d));
  return SQLProcedureColumns(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c),
                             DBSQL_ARGS_A(d));
}

SQLRETURN call_table_privileges(Stmt& s, bool wide, const Name& cat, const Name& schema,
                                const Name& table) {
  NameArg a(cat, wide), b(schema, wide), c(table, wide);
  if (wide) return SQLTablePrivilegesW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c));
  return SQLTablePrivileges(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c));
}

SQLRETURN call_column_privileges(Stmt& s, bool wide, const Name& cat, const Name& schema,
                                 const Name& table, const Name& column) {
  NameArg a(cat, wide), b(schema, wide), c(table, wide), d(column, wide);
  if (wide)
    return SQLColumnPrivilegesW(s.get(), DBSQL_ARGS_W(a), DBSQL_ARGS_W(b), DBSQL_ARGS_W(c),
                                DBSQL_ARGS_W(d));
  return SQLColumnPrivileges(s.get(), DBSQL_ARGS_A(a), DBSQL_ARGS_A(b), DBSQL_ARGS_A(c),
                             DBSQL_ARGS_A(d));
}

SQLRETURN call_type_info(Stmt& s, bool wide, SQLSMALLINT type) {
  return wide ? SQLGetTypeInfoW(s.get(), type) : SQLGetTypeInfo(s.get(), type);
}

std::string wide_column_name(Stmt& s, SQLUSMALLINT column) {
  SQLWCHAR name[256];
  SQLSMALLINT len = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  SQLRETURN rc =
      SQLDescribeColW(s.get(), column, name, 256, &len, &type, &size, &digits, &nullable);
  EXPECT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
  return from_utf16(name, static_cast<size_t>(len));
}

void expect_layout(Stmt& s, bool wide, const std::vector<ExpectedColumn>& expected,
                   const char* function) {
  ASSERT_EQ(s.num_cols(), static_cast<SQLSMALLINT>(expected.size())) << function;
  for (size_t i = 0; i < expected.size(); ++i) {
    const SQLUSMALLINT col = static_cast<SQLUSMALLINT>(i + 1);
    const ColumnDescription d = describe_col(s, col);
    const std::string name = wide ? wide_column_name(s, col) : d.name;
    EXPECT_EQ(name, expected[i].name) << function << " column " << col;
    const SQLSMALLINT want = expected[i].sql_type;
    if (want == SQL_VARCHAR)
      EXPECT_TRUE(d.sql_type == SQL_VARCHAR || d.sql_type == SQL_WVARCHAR ||
                  d.sql_type == SQL_CHAR || d.sql_type == SQL_WCHAR)
          << function << " " << name << " type " << d.sql_type;
    else
      EXPECT_EQ(d.sql_type, want) << function << " " << name;
    EXPECT_EQ(d.nullable, expected[i].nullable ? SQL_NULLABLE : SQL_NO_NULLS)
        << function << " " << name;
  }
}

Rows all_wide_text(Stmt& s) {
  Rows rows;
  const SQLSMALLINT n = s.num_cols();
  while (SQL_SUCCEEDED(s.fetch())) {
    auto& row = rows.emplace_back();
    for (SQLSMALLINT c = 1; c <= n; ++c) {
      SQLWCHAR buf[1024];
      SQLLEN ind = 0;
      SQLRETURN rc =
          SQLGetData(s.get(), static_cast<SQLUSMALLINT>(c), SQL_C_WCHAR, buf, sizeof buf, &ind);
      EXPECT_ODBC_OK(rc, SQL_HANDLE_STMT, s.get());
      if (ind == SQL_NULL_DATA)
        row.push_back(std::nullopt);
      else
        row.push_back(from_utf16(buf, static_cast<size_t>(ind) / sizeof(SQLWCHAR)));
    }
  }
  s.close_cursor();
  return rows;
}

}  // namespace dbsql::odbc_test
