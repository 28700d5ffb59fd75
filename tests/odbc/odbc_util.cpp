#include "odbc_util.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cctype>
#include <stdexcept>
#include <thread>

namespace dbsql::odbc_test {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::vector<DiagRecord> diag_records(SQLSMALLINT handle_type, SQLHANDLE handle) {
  std::vector<DiagRecord> records;
  for (SQLSMALLINT i = 1;; ++i) {
    SQLCHAR state[6] = {0};
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    std::vector<SQLCHAR> text(1024);
    SQLRETURN rc = SQLGetDiagRec(handle_type, handle, i, state, &native, text.data(),
                                 static_cast<SQLSMALLINT>(text.size()), &len);
    if (rc == SQL_SUCCESS_WITH_INFO && len >= static_cast<SQLSMALLINT>(text.size())) {
      text.resize(len + 1);
      rc = SQLGetDiagRec(handle_type, handle, i, state, &native, text.data(),
                         static_cast<SQLSMALLINT>(text.size()), &len);
    }
    if (!SQL_SUCCEEDED(rc)) break;
    records.push_back({reinterpret_cast<char*>(state), native,
                       std::string(reinterpret_cast<char*>(text.data()))});
  }
  return records;
}

std::string to_string(const std::vector<DiagRecord>& records) {
  if (records.empty()) return "(no diagnostic records)";
  std::string out;
  for (const auto& r : records) {
    out += "  [" + r.sqlstate + "] (native " + std::to_string(r.native) + ") " + r.message + "\n";
  }
  return out;
}

const char* return_code_name(SQLRETURN rc) {
  switch (rc) {
    case SQL_SUCCESS:
      return "SQL_SUCCESS";
    case SQL_SUCCESS_WITH_INFO:
      return "SQL_SUCCESS_WITH_INFO";
    case SQL_ERROR:
      return "SQL_ERROR";
    case SQL_INVALID_HANDLE:
      return "SQL_INVALID_HANDLE";
    case SQL_NO_DATA:
      return "SQL_NO_DATA";
    case SQL_NEED_DATA:
      return "SQL_NEED_DATA";
    case SQL_STILL_EXECUTING:
      return "SQL_STILL_EXECUTING";
    default:
      return "SQLRETURN(?)";
  }
}

::testing::AssertionResult has_diag(SQLSMALLINT handle_type, SQLHANDLE handle,
                                    std::string_view sqlstate, std::string_view message_part) {
  return has_diag(diag_records(handle_type, handle), sqlstate, message_part);
}

::testing::AssertionResult has_diag(const std::vector<DiagRecord>& records,
                                    std::string_view sqlstate, std::string_view message_part) {
  std::string wanted = lower(message_part);
  auto state_matches = [&](const std::string& state) {
    std::string_view alternatives = sqlstate;
    while (!alternatives.empty()) {
      auto bar = alternatives.find('|');
      if (alternatives.substr(0, bar) == state) return true;
      if (bar == std::string_view::npos) break;
      alternatives.remove_prefix(bar + 1);
    }
    return false;
  };
  for (const auto& r : records) {
    if (state_matches(r.sqlstate) && lower(r.message).find(wanted) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no diagnostic record [" << sqlstate << "] containing \""
                                       << message_part << "\"; records:\n"
                                       << to_string(records);
}

::testing::AssertionResult odbc_ok(SQLRETURN rc, SQLSMALLINT handle_type, SQLHANDLE handle) {
  if (SQL_SUCCEEDED(rc)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << return_code_name(rc) << "\n"
                                       << to_string(diag_records(handle_type, handle));
}

Handle::Handle(SQLSMALLINT type, SQLHANDLE parent) : type_(type) {
  SQLRETURN rc = SQLAllocHandle(type, parent, &handle_);
  if (!SQL_SUCCEEDED(rc)) {
    handle_ = SQL_NULL_HANDLE;
    throw std::runtime_error("SQLAllocHandle(" + std::to_string(type) + ") failed");
  }
}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    reset();
    type_ = other.type_;
    handle_ = other.handle_;
    other.handle_ = SQL_NULL_HANDLE;
  }
  return *this;
}

void Handle::reset() {
  if (handle_ != SQL_NULL_HANDLE) SQLFreeHandle(type_, handle_);
  handle_ = SQL_NULL_HANDLE;
}

Env::Env() : Handle(SQL_HANDLE_ENV, SQL_NULL_HANDLE) {
  SQLSetEnvAttr(get(), SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3_80), 0);
}

Dbc::~Dbc() {
  disconnect();
}

SQLRETURN Dbc::driver_connect(const std::string& connection_string) {
  std::vector<SQLCHAR> out(4096);
  SQLSMALLINT out_len = 0;
  SQLRETURN rc = SQLDriverConnect(
      get(), nullptr, reinterpret_cast<SQLCHAR*>(const_cast<char*>(connection_string.c_str())),
      SQL_NTS, out.data(), static_cast<SQLSMALLINT>(out.size()), &out_len, SQL_DRIVER_NOPROMPT);
  if (SQL_SUCCEEDED(rc)) {
    connected_ = true;
    out_ = reinterpret_cast<char*>(out.data());
  }
  return rc;
}

SQLRETURN Dbc::connect_dsn(const std::string& dsn, const std::string& uid, const std::string& pwd) {
  auto chars = [](const std::string& s) {
    return reinterpret_cast<SQLCHAR*>(const_cast<char*>(s.c_str()));
  };
  SQLRETURN rc = SQLConnect(get(), chars(dsn), SQL_NTS, chars(uid), SQL_NTS, chars(pwd), SQL_NTS);
  if (SQL_SUCCEEDED(rc)) connected_ = true;
  return rc;
}

void Dbc::disconnect() {
  if (connected_) SQLDisconnect(get());
  connected_ = false;
}

SQLRETURN Stmt::exec(const std::string& sql) {
  return SQLExecDirect(get(), reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.c_str())), SQL_NTS);
}

SQLSMALLINT Stmt::num_cols() {
  SQLSMALLINT n = -1;
  EXPECT_ODBC_OK(SQLNumResultCols(get(), &n), SQL_HANDLE_STMT, get());
  return n;
}

std::optional<std::string> Stmt::text(SQLUSMALLINT column) {
  std::string value;
  char buf[256];
  while (true) {
    SQLLEN ind = 0;
    SQLRETURN rc = SQLGetData(get(), column, SQL_C_CHAR, buf, sizeof buf, &ind);
    if (rc == SQL_NO_DATA) break;
    EXPECT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, get())) << "SQLGetData column " << column;
    if (!SQL_SUCCEEDED(rc)) return std::nullopt;
    if (ind == SQL_NULL_DATA) return std::nullopt;
    if (rc == SQL_SUCCESS) {
      value.append(buf, static_cast<std::size_t>(ind));
      break;
    }
    // 01004: the buffer holds sizeof buf - 1 characters and a terminator.
    value.append(buf, sizeof buf - 1);
  }
  return value;
}

std::vector<std::vector<std::optional<std::string>>> Stmt::all_text() {
  std::vector<std::vector<std::optional<std::string>>> rows;
  SQLSMALLINT n = num_cols();
  while (true) {
    SQLRETURN rc = fetch();
    if (rc == SQL_NO_DATA) break;
    EXPECT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, get())) << "SQLFetch";
    if (!SQL_SUCCEEDED(rc)) break;
    auto& row = rows.emplace_back();
    for (SQLSMALLINT c = 1; c <= n; ++c) row.push_back(text(c));
  }
  close_cursor();
  return rows;
}

::testing::AssertionResult answers_a_query(const Dbc& dbc) {
  Stmt s(dbc);
  ::testing::AssertionResult ok =
      odbc_ok(s.exec("SELECT 41 + 1 AS answer"), SQL_HANDLE_STMT, s.get());
  if (!ok) return ok;
  auto rows = s.all_text();
  if (rows.size() != 1 || rows[0].empty() || rows[0][0] != "42")
    return ::testing::AssertionFailure() << "SELECT 41 + 1 did not return one row with 42";
  return ::testing::AssertionSuccess();
}

ColumnDescription describe_col(Stmt& stmt, SQLUSMALLINT column) {
  ColumnDescription d;
  SQLCHAR name[256] = {0};
  SQLSMALLINT name_len = 0;
  EXPECT_ODBC_OK(SQLDescribeCol(stmt.get(), column, name, sizeof name, &name_len, &d.sql_type,
                                &d.size, &d.digits, &d.nullable),
                 SQL_HANDLE_STMT, stmt.get());
  d.name = reinterpret_cast<char*>(name);
  return d;
}

std::string braced(std::string_view value) {
  std::string out = "{";
  for (char c : value) {
    out += c;
    if (c == '}') out += '}';
  }
  return out + "}";
}

SQLRETURN cancel_while_running(Stmt& stmt, const std::function<SQLRETURN()>& call) {
  std::atomic<bool> done{false};
  SQLRETURN rc = SQL_SUCCESS;
  std::thread runner([&] {
    rc = call();
    done = true;
  });
  for (int i = 0; i < 300 && !done; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (!done) SQLCancel(stmt.get());
  }
  runner.join();
  return rc;
}

BigintScan scan_bigints(Stmt& stmt, const std::string& sql) {
  BigintScan o;
  o.exec_rc = stmt.exec(sql);
  if (!SQL_SUCCEEDED(o.exec_rc)) {
    o.diags = stmt.diags();
    return o;
  }
  constexpr SQLULEN kArray = 500;
  SQLBIGINT id[kArray];
  SQLLEN ind[kArray];
  SQLULEN fetched = 0;
  SQLSetStmtAttr(stmt.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kArray), 0);
  SQLSetStmtAttr(stmt.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  SQLBindCol(stmt.get(), 1, SQL_C_SBIGINT, id, 0, ind);
  while ((o.last_rc = stmt.fetch()) != SQL_NO_DATA) {
    if (!SQL_SUCCEEDED(o.last_rc)) {
      o.diags = stmt.diags();
      break;
    }
    for (SQLULEN r = 0; r < fetched; ++r) {
      ++o.rows;
      o.sum += id[r];
    }
  }
  SQLFreeStmt(stmt.get(), SQL_UNBIND);
  SQLSetStmtAttr(stmt.get(), SQL_ATTR_ROWS_FETCHED_PTR, nullptr, 0);
  return o;
}

}  // namespace dbsql::odbc_test
