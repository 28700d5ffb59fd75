#pragma once
// One ODBC connection: settings resolved at connect, the backend shared by its statements
// (thread-safe), connection attributes, and the statements and descriptors allocated on it.
#include <sql.h>
#include <sqlext.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "config/settings.h"
#include "metadata/cache.h"
#include "odbc/backend.h"
#include "odbc/handle.h"
#include "odbc/text_out.h"
#include "util/cancel.h"

namespace dbsql::odbc {

class Environment;
class Statement;
class Descriptor;

class Connection : public Handle {
 public:
  static constexpr HandleType kType = HandleType::kDbc;

  explicit Connection(Environment& environment);
  ~Connection() override;

  Environment& environment() { return environment_; }

  // SQLDriverConnect: resolves the settings, signs in, validates the warehouse, and writes
  // the completed connection string (secrets masked) to `out`.
  void driver_connect(const std::string& connection_string, const TextOut& out,
                      SQLSMALLINT* out_length);
  // SQLConnect: a DSN with an optional user and password.
  void connect(const std::string& dsn, const std::string& user, const std::string& password);
  void disconnect();
  bool connected() const;

  void set_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length, TextUnits units);
  void get_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                SQLINTEGER* string_length, TextUnits units);
  void end_transaction(SQLSMALLINT completion);
  // SQLGetInfo (info.cpp). String lengths in `units`.
  void get_info(SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buffer_length,
                SQLSMALLINT* string_length, TextUnits units);

  // SQLNativeSql: the text with its ODBC escapes translated; `?` markers stay.
  std::string native_sql(const std::string& sql) const;

  Statement* allocate_statement();
  void free_statement(Statement* statement);
  Descriptor* allocate_descriptor();
  void free_descriptor(Descriptor* descriptor);

  // For statements, from any thread.
  std::shared_ptr<Backend> backend() const;  // Error 08003 when not connected
  config::Settings settings() const;
  // SQL_ATTR_CONNECTION_TIMEOUT (0: none); it may change while statements run.
  std::chrono::seconds connection_timeout() const {
    return std::chrono::seconds(connection_timeout_.load());
  }
  std::string current_catalog() const;
  // The catalog statements run in: SQL_ATTR_CURRENT_CATALOG or the Catalog key, else the
  // server's default, asked once (connection_catalog.cpp) and remembered.
  std::string catalog_in_use(const CancelToken& cancel);
  // The catalog functions' cache (null when not connected).
  std::shared_ptr<metadata::Cache> metadata_cache() const;
  // The connection ran DDL (or anything else that changes what catalog functions
  // report): the next catalog function call asks the server again.
  void metadata_changed();

 private:
  void open(const std::string& connection_string, std::string* completed);
  void require_not_connected() const;
  void set_string_attr(SQLINTEGER attribute, const std::string& value);

  Environment& environment_;
  mutable std::mutex state_mutex_;  // guards the fields statements read from other threads
  std::shared_ptr<Backend> backend_;
  config::Settings settings_;
  std::string catalog_;
  std::string server_catalog_;  // the server's default catalog, once asked
  std::shared_ptr<metadata::Cache> metadata_cache_;
  std::string dsn_;

  SQLUINTEGER login_timeout_ = 0;
  std::atomic<SQLUINTEGER> connection_timeout_{0};
  SQLUINTEGER access_mode_ = SQL_MODE_READ_WRITE;
  SQLUINTEGER autocommit_ = SQL_AUTOCOMMIT_ON;
  SQLUINTEGER txn_isolation_ = SQL_TXN_SERIALIZABLE;
  SQLUINTEGER packet_size_ = 0;
  SQLULEN odbc_cursors_ = SQL_CUR_USE_DRIVER;
  SQLULEN metadata_id_ = SQL_FALSE;
  SQLPOINTER quiet_mode_ = nullptr;

  std::mutex children_mutex_;
  std::vector<std::unique_ptr<Statement>> statements_;
  std::vector<std::unique_ptr<Descriptor>> descriptors_;
};

}  // namespace dbsql::odbc
