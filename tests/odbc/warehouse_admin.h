#pragma once
// The local warehouse's test-only admin API (/_warehouse/, started with --faults): fault
// rules, the request log, and link settings. Plain HTTP only (suites using it run the
// warehouse without TLS).
#include <string>
#include <vector>

#include "warehouse.h"

namespace dbsql::odbc_test {

struct LoggedRequest {
  long seq = 0;
  std::string listener;  // "api" or "storage"
  std::string method;
  std::string path;
  std::string status;  // "200", "429", ... or "connection closed"
  bool has_authorization = false;
  // Statement submissions (POST /api/2.0/sql/statements) only; empty / -1 otherwise.
  std::string statement_prefix;  // "statement": the first 200 characters of its text
  long statement_bytes = -1;     // the statement text's length in bytes
  long parameter_count = -1;     // the number of items in `parameters`
  std::string raw;  // the entry's JSON text (storage entries include their headers)
};

class WarehouseAdmin {
 public:
  explicit WarehouseAdmin(const Warehouse& warehouse);
  // POST /_warehouse/faults with a rule such as
  // {"target":"api","method":"POST","path":"/api/2.0/sql/statements","status":429,"retry_after":1}
  void add_fault(const std::string& rule_json);
  void clear_faults();
  // The rules still armed that no request has matched yet (JSON objects): empty when every
  // fault a test armed really happened.
  std::vector<std::string> unfired_faults();
  std::vector<LoggedRequest> requests(long since = 0);
  long last_seq();  // the newest entry's seq (0 when the log is empty)
  void set_config(const std::string& config_json);  // {"link_ttl_seconds":2, ...}

 private:
  std::string call(const char* method, const std::string& path, const std::string& body = {});
  std::string host_;
  int port_;
};

// The objects of the JSON array that is the value of `key` in `json`, as texts.
std::vector<std::string> json_array_objects(const std::string& json, const std::string& key);

}  // namespace dbsql::odbc_test
