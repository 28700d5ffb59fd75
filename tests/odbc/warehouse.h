#pragma once
// Starts the local warehouse (tests/warehouse/server.mjs) as a child process on free
// loopback ports, reads its one-line JSON start-up record, and stops it (SIGTERM, then
// SIGKILL) when destroyed. Each test suite starts its own, with the flags it needs.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::odbc_test {

#ifdef DBSQL_WAREHOUSE_DIR
inline constexpr const char* kDefaultWarehouseDir = DBSQL_WAREHOUSE_DIR;
#else
inline constexpr const char* kDefaultWarehouseDir = "tests/warehouse";
#endif
#ifdef DBSQL_DRIVER_PATH
inline constexpr const char* kDefaultDriverPath = DBSQL_DRIVER_PATH;
#else
inline constexpr const char* kDefaultDriverPath = "libdbsqlodbc.so";
#endif

struct WarehouseOptions {
  std::string server_dir = kDefaultWarehouseDir;  // holds server.mjs
  std::string driver_path = kDefaultDriverPath;   // for connection_string()
  bool tls = false;
  bool faults = false;
  int rows_per_chunk = 0;  // 0: the warehouse's default
  std::vector<std::string> extra_args;
  std::chrono::seconds start_timeout{90};
};

// The two flavours most suites want.
inline WarehouseOptions tls_warehouse() {
  WarehouseOptions o;
  o.tls = true;
  return o;
}
inline WarehouseOptions faults_warehouse() {  // plain HTTP, with the admin API
  WarehouseOptions o;
  o.faults = true;
  return o;
}

// Returns the value of a top-level string or number field of a flat JSON object, unescaped;
// empty when absent. Enough for the warehouse's start-up line and admin answers.
std::string json_field(std::string_view json, std::string_view key);

class Warehouse {
 public:
  static std::unique_ptr<Warehouse> start(const WarehouseOptions& options = {});
  ~Warehouse();
  Warehouse(const Warehouse&) = delete;
  Warehouse& operator=(const Warehouse&) = delete;

  // Fields of the start-up line.
  std::string field(std::string_view key) const { return json_field(line_, key); }
  const std::string& host_name() const { return host_name_; }  // "127.0.0.1"
  int port() const { return port_; }
  bool tls() const { return tls_; }
  std::string url() const { return field("url"); }
  std::string warehouse_id() const { return field("warehouse_id"); }
  std::string http_path() const { return field("http_path"); }
  std::string pat() const { return field("pat"); }
  std::string ca_file() const { return field("ca_file"); }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  const std::string& driver_path() const { return driver_path_; }

  // Driver=<abs path>;Host;Port;HTTPPath;SSL(+TrustedCerts);AuthMech=3;UID=token;PWD=<pat>;
  // then `extra` verbatim. Contains the PAT: never print it.
  std::string connection_string(std::string_view extra = {}) const;
  // The same without credentials and without Driver=, for DSN entries and error tests.
  std::string location_keys() const;

  // The last lines the warehouse wrote to stderr (for failure messages).
  std::string log_tail(std::size_t max_bytes = 4000) const;

 private:
  Warehouse() = default;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string line_;
  std::string host_name_;
  int port_ = 0;
  bool tls_ = false;
  std::string driver_path_;
  std::filesystem::path data_dir_;
  std::filesystem::path log_file_;
};

// A loopback port nothing listens on (bound, then released), for "unreachable" tests.
int unused_port();

}  // namespace dbsql::odbc_test
