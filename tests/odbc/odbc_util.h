#pragma once
// ODBC handle RAII, diagnostic collection and small fetch helpers for tests that go
// through the unixODBC driver manager. Only the public ODBC API is used here.
#include <gtest/gtest.h>
#include <sql.h>
#include <sqlext.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::odbc_test {

struct DiagRecord {
  std::string sqlstate;
  SQLINTEGER native = 0;
  std::string message;
};

// Every diagnostic record of a handle, in the order the driver manager returns them.
std::vector<DiagRecord> diag_records(SQLSMALLINT handle_type, SQLHANDLE handle);
std::string to_string(const std::vector<DiagRecord>& records);
const char* return_code_name(SQLRETURN rc);

// Success if some record has `sqlstate` (or one of "08001|HY000" alternatives, where the
// spec allows either) and a message containing `message_part` (case-insensitive);
// otherwise a failure listing every record.
::testing::AssertionResult has_diag(SQLSMALLINT handle_type, SQLHANDLE handle,
                                    std::string_view sqlstate, std::string_view message_part = {});
// The same over records collected earlier (the handle may be gone or reused since).
::testing::AssertionResult has_diag(const std::vector<DiagRecord>& records,
                                    std::string_view sqlstate, std::string_view message_part = {});
// Success if SQL_SUCCEEDED(rc); otherwise a failure with the handle's diagnostics.
::testing::AssertionResult odbc_ok(SQLRETURN rc, SQLSMALLINT handle_type, SQLHANDLE handle);

#define ASSERT_ODBC_OK(rc, type, handle) \
  ASSERT_TRUE(::dbsql::odbc_test::odbc_ok((rc), (type), (handle)))
#define EXPECT_ODBC_OK(rc, type, handle) \
  EXPECT_TRUE(::dbsql::odbc_test::odbc_ok((rc), (type), (handle)))

class Handle {
 public:
  Handle() = default;
  Handle(SQLSMALLINT type, SQLHANDLE parent);  // SQLAllocHandle; throws on failure
  ~Handle() { reset(); }
  Handle(Handle&& other) noexcept { *this = std::move(other); }
  Handle& operator=(Handle&& other) noexcept;
  SQLHANDLE get() const { return handle_; }
  SQLSMALLINT type() const { return type_; }
  void reset();
  std::vector<DiagRecord> diags() const { return diag_records(type_, handle_); }

 private:
  SQLSMALLINT type_ = 0;
  SQLHANDLE handle_ = SQL_NULL_HANDLE;
};

// An environment with SQL_ATTR_ODBC_VERSION = 3.80.
class Env : public Handle {
 public:
  Env();
};

class Stmt;

class Dbc : public Handle {
 public:
  explicit Dbc(const Env& env) : Handle(SQL_HANDLE_DBC, env.get()) {}
  ~Dbc();
  // SQLDriverConnect with SQL_DRIVER_NOPROMPT; the completed string goes to out().
  SQLRETURN driver_connect(const std::string& connection_string);
  SQLRETURN connect_dsn(const std::string& dsn, const std::string& uid, const std::string& pwd);
  const std::string& out() const { return out_; }
  bool connected() const { return connected_; }
  void disconnect();

 private:
  bool connected_ = false;
  std::string out_;
};

class Stmt : public Handle {
 public:
  explicit Stmt(const Dbc& dbc) : Handle(SQL_HANDLE_STMT, dbc.get()) {}
  SQLRETURN exec(const std::string& sql);
  SQLRETURN fetch() { return SQLFetch(get()); }
  SQLSMALLINT num_cols();
  // SQLGetData as SQL_C_CHAR, piece by piece; nullopt for NULL. Fails the test on error.
  std::optional<std::string> text(SQLUSMALLINT column);
  // Every remaining row as text (NULL → nullopt), then SQLCloseCursor.
  std::vector<std::vector<std::optional<std::string>>> all_text();
  void close_cursor() { SQLCloseCursor(get()); }
};

struct ColumnDescription {
  std::string name;
  SQLSMALLINT sql_type = 0;
  SQLULEN size = 0;
  SQLSMALLINT digits = 0;
  SQLSMALLINT nullable = 0;
};
ColumnDescription describe_col(Stmt& stmt, SQLUSMALLINT column);

// The connection answers a query (SELECT 41 + 1 gives one row, 42, read to its end):
// proves it is usable, not only "connected".
::testing::AssertionResult answers_a_query(const Dbc& dbc);

// Runs `sql` on `stmt` and reads its first column as SQL_C_SBIGINT with bound row arrays of
// 500 until SQL_NO_DATA or an error: how many values came, their sum, and the diagnostics
// of the call that failed (execute or fetch).
struct BigintScan {
  SQLRETURN exec_rc = SQL_SUCCESS;
  SQLRETURN last_rc = SQL_NO_DATA;
  long long rows = 0;
  long long sum = 0;
  std::vector<DiagRecord> diags;
};
BigintScan scan_bigints(Stmt& stmt, const std::string& sql);

// {key=value} form for values that could contain ';' (paths, secrets).
std::string braced(std::string_view value);

// Runs `call` (an execute or fetch on `stmt`) on another thread and calls SQLCancel on
// `stmt` every 200 ms until the call returns, for at most 60 s; returns what the call
// returned. Cancelling repeatedly, because a SQLCancel that comes before the call has
// started only closes the statement.
SQLRETURN cancel_while_running(Stmt& stmt, const std::function<SQLRETURN()>& call);

}  // namespace dbsql::odbc_test
