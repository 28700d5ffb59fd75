// SQLSetConnectAttr / SQLGetConnectAttr. Databricks SQL has no transactions to control and
// no packets to size, so several attributes are remembered and reported without effect;
// applications (pyodbc, LibreOffice) fail to connect when these are refused.
#include <cstdint>

#include "dbsql/dbsql.h"
#include "odbc/connect_settings.h"
#include "odbc/connection.h"
#include "odbc/text_in.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

SQLUINTEGER as_uint(SQLPOINTER value) {
  return static_cast<SQLUINTEGER>(reinterpret_cast<uintptr_t>(value));
}

[[noreturn]] void unknown_attribute(SQLINTEGER attribute) {
  throw Error("HY092",
              "Invalid attribute identifier " + std::to_string(attribute) + " for a connection.");
}

}  // namespace

void Connection::set_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length,
                          TextUnits units) {
  const SQLUINTEGER v = as_uint(value);
  switch (attribute) {
    case SQL_ATTR_LOGIN_TIMEOUT:
      login_timeout_ = v;
      return;
    case SQL_ATTR_CONNECTION_TIMEOUT:
      connection_timeout_ = v;
      return;
    case SQL_ATTR_ACCESS_MODE:
      access_mode_ = v;
      return;
    case SQL_ATTR_AUTOCOMMIT:
      if (v != SQL_AUTOCOMMIT_ON && v != SQL_AUTOCOMMIT_OFF)
        throw Error("HY024", "Invalid attribute value for SQL_ATTR_AUTOCOMMIT.");
      autocommit_ = v;
      return;
    case SQL_ATTR_TXN_ISOLATION:
      txn_isolation_ = v;
      return;
    case SQL_ATTR_PACKET_SIZE:
      packet_size_ = v;
      return;  // HTTP has no packet size
    case SQL_ATTR_ODBC_CURSORS:
      odbc_cursors_ = v;
      return;
    case SQL_ATTR_METADATA_ID:
      metadata_id_ = v;
      return;
    case SQL_ATTR_QUIET_MODE:
      quiet_mode_ = value;
      return;
    case SQL_ATTR_TRACE:
    case SQL_ATTR_TRACEFILE:
    case SQL_ATTR_TRANSLATE_LIB:
    case SQL_ATTR_TRANSLATE_OPTION:
      return;  // the driver manager's business
    case SQL_ATTR_ASYNC_ENABLE:
      if (v != SQL_ASYNC_ENABLE_OFF)
        throw Error("HYC00", "Asynchronous execution is not supported.");
      return;
    case SQL_ATTR_CURRENT_CATALOG: {
      std::string catalog = pointer_text(value, length, units);
      std::lock_guard lock(state_mutex_);
      catalog_ = std::move(catalog);
      return;
    }
    case SQL_DBSQL_ATTR_ACCESS_TOKEN: {
      std::string token = pointer_text(value, length, units);
      if (token.empty())
        throw Error("HY024", "Invalid attribute value: the access token is empty.");
      backend()->replace_token(token);
      return;
    }
    case SQL_ATTR_CREDENTIALS:
      backend()->replace_token(token_from_credentials(pointer_text(value, length, units)));
      return;
    case SQL_ATTR_REFRESH_CONNECTION:
      // The token given through SQL_ATTR_CREDENTIALS is already in use.
      return;
    case SQL_ATTR_CONNECTION_DEAD:
    case SQL_ATTR_AUTO_IPD:
      throw Error("HY092", "Invalid attribute identifier: attribute " + std::to_string(attribute) +
                               " is read-only.");
    default:
      unknown_attribute(attribute);
  }
}

void Connection::get_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                          SQLINTEGER* string_length, TextUnits units) {
  auto put_uint = [&](SQLUINTEGER v) {
    if (value) *static_cast<SQLUINTEGER*>(value) = v;
    put_length(string_length, sizeof(SQLUINTEGER));
  };
  switch (attribute) {
    case SQL_ATTR_LOGIN_TIMEOUT:
      return put_uint(login_timeout_);
    case SQL_ATTR_CONNECTION_TIMEOUT:
      return put_uint(connection_timeout_);
    case SQL_ATTR_ACCESS_MODE:
      return put_uint(access_mode_);
    case SQL_ATTR_AUTOCOMMIT:
      return put_uint(autocommit_);
    case SQL_ATTR_TXN_ISOLATION:
      return put_uint(txn_isolation_);
    case SQL_ATTR_PACKET_SIZE:
      return put_uint(packet_size_);
    case SQL_ATTR_ASYNC_ENABLE:
      return put_uint(SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_AUTO_IPD:
      return put_uint(SQL_FALSE);
    case SQL_ATTR_CONNECTION_DEAD:
      return put_uint(connected() ? SQL_CD_FALSE : SQL_CD_TRUE);
    case SQL_ATTR_ODBC_CURSORS:
      if (value) *static_cast<SQLULEN*>(value) = odbc_cursors_;
      put_length(string_length, sizeof(SQLULEN));
      return;
    case SQL_ATTR_METADATA_ID:
      if (value) *static_cast<SQLULEN*>(value) = metadata_id_;
      put_length(string_length, sizeof(SQLULEN));
      return;
    case SQL_ATTR_QUIET_MODE:
      if (value) *static_cast<SQLPOINTER*>(value) = quiet_mode_;
      put_length(string_length, sizeof(SQLPOINTER));
      return;
    case SQL_ATTR_CURRENT_CATALOG: {
      // Before connect there is only what the application set; once connected, the
      // catalog statements really run in (the server's default when none was given).
      const std::string catalog = connected() ? catalog_in_use(CancelToken()) : current_catalog();
      put_length(string_length, put_text(diag(), catalog, TextOut{value, buffer_length, units}));
      return;
    }
    case SQL_DBSQL_ATTR_ACCESS_TOKEN:
    case SQL_ATTR_CREDENTIALS:
      throw Error("HY092", "Invalid attribute identifier: credentials are write-only.");
    default:
      unknown_attribute(attribute);
  }
}

}  // namespace dbsql::odbc
