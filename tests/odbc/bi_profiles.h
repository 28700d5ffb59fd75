#pragma once
// The fixture the BI-tool profiles share (bi_profiles_test.cpp, bi_profile_tableau_test.cpp):
// one warehouse, a customer and an orders table joined by a foreign key, and helpers for the
// wide calls the tools make.
#include <string>
#include <vector>

#include "catalog_support.h"
#include "suite.h"

#include <sqlucode.h>

namespace dbsql::odbc_test {

class BiProfilesTest : public WarehouseSuite<BiProfilesTest> {
 protected:
  void SetUp() override {
    WarehouseSuite::SetUp();
    if (HasFatalFailure() || created_) return;
    run("CREATE TABLE main.default.bi_customers (id BIGINT NOT NULL, name STRING, "
        "CONSTRAINT bi_customers_pk PRIMARY KEY (id))");
    run("CREATE TABLE main.default.bi_orders (id INT NOT NULL, customer_id BIGINT, "
        "amount DECIMAL(12,2), placed DATE, CONSTRAINT bi_orders_fk FOREIGN KEY (customer_id) "
        "REFERENCES main.default.bi_customers (id))");
    run("INSERT INTO main.default.bi_orders VALUES (1, 7, 10.50, DATE'2024-01-31'), "
        "(2, 8, 99.99, DATE'2024-02-01')");
    created_ = true;
  }

  // SQLGetInfoW of a string value, as UTF-8.
  std::string wide_info(Dbc& c, SQLUSMALLINT type) {
    SQLWCHAR buf[256] = {0};
    SQLSMALLINT bytes = 0;
    EXPECT_EQ(SQLGetInfoW(c.get(), type, buf, sizeof buf, &bytes), SQL_SUCCESS) << type;
    std::string out;
    for (SQLSMALLINT i = 0; i < bytes / static_cast<SQLSMALLINT>(sizeof(SQLWCHAR)); ++i)
      out += static_cast<char>(buf[i]);  // the values read here are ASCII
    return out;
  }

  // A catalog call's rows, after checking it succeeded.
  static Rows rows_of(Stmt& s, SQLRETURN rc, const char* what) {
    EXPECT_TRUE(odbc_ok(rc, SQL_HANDLE_STMT, s.get())) << what;
    if (!SQL_SUCCEEDED(rc)) return {};
    return all_wide_text(s);
  }

  // SQLColumnsW on bi_orders: its four columns, in order.
  static void expect_orders_columns(Dbc& c) {
    Stmt s(c);
    const Rows rows =
        rows_of(s, call_columns(s, true, "main", "default", "bi_orders", std::nullopt), "columns");
    std::vector<std::string> names;
    for (const auto& r : rows) names.push_back(r.at(3).value_or(""));
    EXPECT_EQ(names, (std::vector<std::string>{"id", "customer_id", "amount", "placed"}));
  }

  static inline bool created_ = false;
};

}  // namespace dbsql::odbc_test
