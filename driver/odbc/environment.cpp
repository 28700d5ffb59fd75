#include "odbc/environment.h"

#include <cstdint>

#include "odbc/children.h"
#include "odbc/connection.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

SQLUINTEGER as_uint(SQLPOINTER value) {
  return static_cast<SQLUINTEGER>(reinterpret_cast<uintptr_t>(value));
}

}  // namespace

Environment::Environment(BackendFactory factory)
    : Handle(HandleType::kEnv), factory_(std::move(factory)) {}

Environment::~Environment() = default;

void Environment::set_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER /*length*/) {
  const SQLUINTEGER v = as_uint(value);
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION:
      if (v != SQL_OV_ODBC2 && v != SQL_OV_ODBC3 && v != SQL_OV_ODBC3_80)
        throw Error("HY024",
                    "Invalid attribute value " + std::to_string(v) +
                        " for SQL_ATTR_ODBC_VERSION: use SQL_OV_ODBC3 or SQL_OV_ODBC3_80.");
      if (has_connections())
        throw Error("HY010",
                    "Function sequence error: SQL_ATTR_ODBC_VERSION cannot change "
                    "while connections are allocated.");
      odbc_version_ = static_cast<SQLINTEGER>(v);
      return;
    case SQL_ATTR_CONNECTION_POOLING:
      connection_pooling_ = v;
      return;
    case SQL_ATTR_CP_MATCH:
      cp_match_ = v;
      return;
    case SQL_ATTR_OUTPUT_NTS:
      if (v != SQL_TRUE)
        throw Error("HYC00",
                    "SQL_ATTR_OUTPUT_NTS can only be SQL_TRUE: output strings are "
                    "always null-terminated.");
      return;
    default:
      throw Error("HY092", "Invalid attribute identifier " + std::to_string(attribute) +
                               " for an environment.");
  }
}

void Environment::get_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER /*buffer_length*/,
                           SQLINTEGER* string_length) {
  SQLUINTEGER v = 0;
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION:
      v = static_cast<SQLUINTEGER>(odbc_version_);
      break;
    case SQL_ATTR_CONNECTION_POOLING:
      v = connection_pooling_;
      break;
    case SQL_ATTR_CP_MATCH:
      v = cp_match_;
      break;
    case SQL_ATTR_OUTPUT_NTS:
      v = SQL_TRUE;
      break;
    default:
      throw Error("HY092", "Invalid attribute identifier " + std::to_string(attribute) +
                               " for an environment.");
  }
  if (value) *static_cast<SQLUINTEGER*>(value) = v;
  put_length(string_length, sizeof(SQLUINTEGER));
}

Connection* Environment::allocate_connection() {
  if (odbc_version_ == 0)
    throw Error("HY010",
                "Function sequence error: set SQL_ATTR_ODBC_VERSION on the "
                "environment before allocating a connection.");
  auto connection = std::make_unique<Connection>(*this);
  Connection* raw = connection.get();
  std::lock_guard lock(children_mutex_);
  connections_.push_back(std::move(connection));
  return raw;
}

void Environment::free_connection(Connection* connection) {
  std::unique_ptr<Connection> doomed;
  std::lock_guard lock(children_mutex_);
  doomed = take_child(connections_, connection);
}

bool Environment::has_connections() {
  std::lock_guard lock(children_mutex_);
  return !connections_.empty();
}

}  // namespace dbsql::odbc
