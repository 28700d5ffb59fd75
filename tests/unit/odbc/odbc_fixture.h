#pragma once
// An environment, connection and statement wired to a FakeBackend, and helpers to call
// them through the real guard (so return codes and diagnostics are what an application
// would see).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "fake_backend.h"
#include "odbc/connection.h"
#include "odbc/environment.h"
#include "odbc/guard.h"
#include "odbc/statement.h"

namespace dbsql::odbc::testing {

// Forwards to a FakeBackend the test owns, so the test can inspect it after connect.
class ProxyBackend : public Backend {
 public:
  explicit ProxyBackend(FakeBackend& fake) : fake_(fake) {}
  void validate(const CancelToken* c) override { fake_.validate(c); }
  std::unique_ptr<sea::Execution> execute(const sea::ExecuteRequest& r,
                                          const CancelToken& c) override {
    return fake_.execute(r, c);
  }
  void replace_token(const std::string& t) override { fake_.replace_token(t); }

 private:
  FakeBackend& fake_;
};

inline constexpr const char* kConnectionString =
    "Host=example.cloud.databricks.com;HTTPPath=/sql/1.0/warehouses/abc123;AuthMech=3;"
    "UID=token;PWD=dapi-secret-value";

class OdbcTest : public ::testing::Test {
 protected:
  OdbcTest()
      : env([this](const config::Settings& s) -> std::unique_ptr<Backend> {
          settings = s;
          return std::make_unique<ProxyBackend>(fake);
        }) {
    // Keep the developer's ~/.databrickscfg and DATABRICKS_* variables out of the tests.
    setenv("HOME", "/nonexistent-dbsql-test-home", 1);
    unsetenv("DATABRICKS_HOST");
    unsetenv("DATABRICKS_TOKEN");
    unsetenv("DATABRICKS_CONFIG_PROFILE");
    unsetenv("DATABRICKS_CONFIG_FILE");
  }

  void SetUp() override {
    env.set_attr(SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3_80), 0);
    conn = env.allocate_connection();
    ASSERT_EQ(SQL_SUCCESS, connect(kConnectionString));
    stmt = conn->allocate_statement();
  }

  SQLRETURN connect(const std::string& cs) {
    return guard<Connection>("test", conn,
                             [&](Connection& c) { c.driver_connect(cs, TextOut{}, nullptr); });
  }

  template <class F>
  SQLRETURN on_stmt(F&& f) {
    return guard<Statement>("test", stmt, std::forward<F>(f));
  }
  template <class F>
  SQLRETURN on_conn(F&& f) {
    return guard<Connection>("test", conn, std::forward<F>(f));
  }

  SQLRETURN exec(const std::string& sql) {
    return on_stmt([&](Statement& s) { s.exec_direct(sql); });
  }
  SQLRETURN fetch() {
    return on_stmt([](Statement& s) { return s.fetch(); });
  }

  std::string state(Handle& h, SQLSMALLINT rec = 1) {
    const DiagRecord* r = h.diag().record(rec);
    return r ? r->sqlstate : std::string("none");
  }

  FakeBackend fake;
  config::Settings settings;
  Environment env;
  Connection* conn = nullptr;
  Statement* stmt = nullptr;
};

// Three INT/STRING rows split over two chunks.
inline CannedResult three_rows() {
  CannedResult r;
  r.columns = {column("id", "INT"), column("name", "STRING")};
  r.batches = {{{"1", "one"}, {"2", std::nullopt}}, {{"3", "three"}}};
  return r;
}

}  // namespace dbsql::odbc::testing
