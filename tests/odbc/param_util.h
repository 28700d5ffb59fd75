#pragma once
// Small helpers shared by the parameter and escape suites: binding input parameters,
// statement attributes, UTF-16 buffers, and counting the statements the warehouse received.
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "odbc_util.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {

inline SQLRETURN prepare(Stmt& s, const std::string& sql) {
  return SQLPrepare(s.get(), reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.c_str())), SQL_NTS);
}

// SQLBindParameter for an input parameter.
inline SQLRETURN bind_in(Stmt& s, SQLUSMALLINT number, SQLSMALLINT c_type, SQLSMALLINT sql_type,
                         SQLULEN size, SQLSMALLINT digits, void* data, SQLLEN buffer_length,
                         SQLLEN* indicator) {
  return SQLBindParameter(s.get(), number, SQL_PARAM_INPUT, c_type, sql_type, size, digits, data,
                          buffer_length, indicator);
}

inline SQLRETURN set_stmt_attr(Stmt& s, SQLINTEGER attr, SQLULEN value) {
  return SQLSetStmtAttr(s.get(), attr, reinterpret_cast<SQLPOINTER>(value), 0);
}
inline SQLRETURN set_stmt_ptr(Stmt& s, SQLINTEGER attr, void* pointer) {
  return SQLSetStmtAttr(s.get(), attr, pointer, 0);
}

inline SQLLEN row_count(Stmt& s) {
  SQLLEN n = -2;
  EXPECT_ODBC_OK(SQLRowCount(s.get(), &n), SQL_HANDLE_STMT, s.get());
  return n;
}

inline SQLSMALLINT num_params(Stmt& s) {
  SQLSMALLINT n = -1;
  EXPECT_ODBC_OK(SQLNumParams(s.get(), &n), SQL_HANDLE_STMT, s.get());
  return n;
}

// A UTF-16 text (unixODBC's 2-byte SQLWCHAR) as a NUL-terminated byte buffer.
inline std::vector<unsigned char> wide_bytes(std::u16string_view text) {
  std::vector<unsigned char> out((text.size() + 1) * sizeof(char16_t), 0);
  std::memcpy(out.data(), text.data(), text.size() * sizeof(char16_t));
  return out;
}

// The bytes of a fixed-size C value.
template <typename T>
std::vector<unsigned char> raw(const T& value) {
  std::vector<unsigned char> out(sizeof(T));
  std::memcpy(out.data(), &value, sizeof(T));
  return out;
}

// A NUL-terminated character buffer.
inline std::vector<unsigned char> chars(std::string_view text) {
  std::vector<unsigned char> out(text.begin(), text.end());
  out.push_back(0);
  return out;
}

// The diagnostic records of a statement with their SQL_DIAG_ROW_NUMBER.
struct RowDiag {
  std::string sqlstate;
  std::string message;
  SQLLEN row = 0;
};
inline std::vector<RowDiag> row_diags(Stmt& s) {
  std::vector<RowDiag> out;
  auto records = s.diags();
  for (std::size_t i = 0; i < records.size(); ++i) {
    RowDiag d{records[i].sqlstate, records[i].message, 0};
    SQLGetDiagField(SQL_HANDLE_STMT, s.get(), static_cast<SQLSMALLINT>(i + 1), SQL_DIAG_ROW_NUMBER,
                    &d.row, SQL_IS_INTEGER, nullptr);
    out.push_back(std::move(d));
  }
  return out;
}

inline std::string describe(const std::vector<RowDiag>& diags) {
  std::string out;
  for (const auto& d : diags) {
    out += "  [" + d.sqlstate + "] row " + std::to_string(d.row) + ": " + d.message + "\n";
  }
  return out.empty() ? "(no diagnostic records)" : out;
}

// The statements (POST /api/2.0/sql/statements) the warehouse logged after `since`.
inline std::vector<LoggedRequest> statement_posts(WarehouseAdmin& admin, long since) {
  std::vector<LoggedRequest> out;
  for (auto& r : admin.requests(since)) {
    if (r.listener == "api" && r.method == "POST" && r.path == "/api/2.0/sql/statements") {
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace dbsql::odbc_test
