#pragma once
// The ODBC environment: the ODBC version the application asked for, and the connections
// allocated on it. It also carries the factory that makes each connection's backend, so
// tests can run the whole ODBC layer against a fake wire.
#include <sql.h>
#include <sqlext.h>

#include <memory>
#include <mutex>
#include <vector>

#include "odbc/backend.h"
#include "odbc/handle.h"
#include "odbc/text_out.h"

namespace dbsql::odbc {

class Connection;

class Environment : public Handle {
 public:
  static constexpr HandleType kType = HandleType::kEnv;

  explicit Environment(BackendFactory factory);
  ~Environment() override;

  void set_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length);
  void get_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                SQLINTEGER* string_length);

  Connection* allocate_connection();
  void free_connection(Connection* connection);
  bool has_connections();

  SQLINTEGER odbc_version() const { return odbc_version_; }
  const BackendFactory& backend_factory() const { return factory_; }

 private:
  BackendFactory factory_;
  SQLINTEGER odbc_version_ = 0;  // unset: connections cannot be allocated yet (HY010)
  SQLUINTEGER connection_pooling_ = SQL_CP_OFF;
  SQLUINTEGER cp_match_ = SQL_CP_STRICT_MATCH;
  std::mutex children_mutex_;
  std::vector<std::unique_ptr<Connection>> connections_;
};

}  // namespace dbsql::odbc
