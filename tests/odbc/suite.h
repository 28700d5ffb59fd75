#pragma once
// Base fixture: one local warehouse per test suite (started in SetUpTestSuite with the
// suite's options, stopped in TearDownTestSuite) and, per test, an environment and a
// connection opened with the suite's extra connection keys.
//
//   class TypesTest : public WarehouseSuite<TypesTest> {
//    public:
//     static WarehouseOptions warehouse_options() { return tls_warehouse(); }
//     static std::string connection_keys() { return "ResultDisposition=inline;"; }
//   };
#include <memory>
#include <optional>
#include <string>

#include "odbc_util.h"
#include "warehouse.h"

namespace dbsql::odbc_test {

template <typename Derived>
class WarehouseSuite : public ::testing::Test {
 public:
  static WarehouseOptions warehouse_options() { return {}; }
  static std::string connection_keys() { return {}; }
  static constexpr bool kConnectInSetUp = true;

  static void SetUpTestSuite() {
    try {
      warehouse_ = Warehouse::start(Derived::warehouse_options());
    } catch (const std::exception& e) {
      start_error_ = e.what();
    }
  }
  static void TearDownTestSuite() { warehouse_.reset(); }

 protected:
  void SetUp() override {
    ASSERT_TRUE(warehouse_) << "the local warehouse did not start: " << start_error_;
    if (Derived::kConnectInSetUp) {
      dbc_.emplace(env_);
      SQLRETURN rc =
          dbc_->driver_connect(warehouse_->connection_string(Derived::connection_keys()));
      ASSERT_TRUE(odbc_ok(rc, SQL_HANDLE_DBC, dbc_->get())) << "connect to the local warehouse";
    }
  }
  void TearDown() override {
    if (HasFailure() && warehouse_) {
      std::cerr << "--- local warehouse log (tail) ---\n" << warehouse_->log_tail(2000) << "\n";
    }
  }

  static Warehouse& warehouse() { return *warehouse_; }
  Dbc& dbc() { return *dbc_; }
  Stmt stmt() { return Stmt(*dbc_); }

  // Runs `sql` on a new statement and returns every row as text.
  std::vector<std::vector<std::optional<std::string>>> query(const std::string& sql) {
    Stmt s(*dbc_);
    SQLRETURN rc = s.exec(sql);
    EXPECT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, s.get())) << sql;
    if (!SQL_SUCCEEDED(rc)) return {};
    return s.all_text();
  }
  // Runs a statement that must succeed (DDL, DML).
  void run(const std::string& sql) {
    Stmt s(*dbc_);
    SQLRETURN rc = s.exec(sql);
    ASSERT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, s.get())) << sql;
  }

  Env env_;
  std::optional<Dbc> dbc_;

  static inline std::unique_ptr<Warehouse> warehouse_;
  static inline std::string start_error_;
};

}  // namespace dbsql::odbc_test
