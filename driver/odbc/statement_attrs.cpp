// SQLSetStmtAttr / SQLGetStmtAttr. Most array and pointer attributes are views of the ARD,
// IRD, APD and IPD header fields, so bindings have one home.
#include <cstdint>

#include "dbsql/dbsql.h"
#include "odbc/connection.h"
#include "odbc/statement.h"
#include "odbc/text_in.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

SQLULEN as_ulen(SQLPOINTER value) {
  return static_cast<SQLULEN>(reinterpret_cast<uintptr_t>(value));
}

void option_changed(Diagnostics& diag, const char* attribute, const char* kept) {
  diag.add("01S02",
           std::string("Option value changed: ") + attribute + " is " + kept + " on this driver.");
}

[[noreturn]] void unknown_attribute(SQLINTEGER attribute) {
  throw Error("HY092",
              "Invalid attribute identifier " + std::to_string(attribute) + " for a statement.");
}

Descriptor* explicit_descriptor(SQLPOINTER value, const Connection& connection) {
  auto* desc = Handle::from<Descriptor>(value);
  if (desc == nullptr || desc->is_implicit())
    throw Error("HY017",
                "Invalid use of an automatically allocated descriptor handle: only "
                "descriptors allocated with SQLAllocHandle can be set.");
  // Freeing a descriptor detaches it from its own connection's statements only: one set
  // on another connection's statement would be left dangling there.
  if (desc->connection != &connection)
    throw Error("HY024",
                "Invalid attribute value: the descriptor was allocated on another "
                "connection; allocate it on this statement's connection.");
  return desc;
}

}  // namespace

void Statement::set_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length,
                         TextUnits units) {
  (void)length;
  (void)units;
  const SQLULEN v = as_ulen(value);
  switch (attribute) {
    case SQL_ATTR_APP_ROW_DESC:
      ard_ = value == nullptr ? &implicit_ard_ : explicit_descriptor(value, connection_);
      return;
    case SQL_ATTR_APP_PARAM_DESC:
      apd_ = value == nullptr ? &implicit_apd_ : explicit_descriptor(value, connection_);
      return;
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
      throw Error("HY017", "The implementation descriptors cannot be replaced.");
    case SQL_ATTR_ASYNC_ENABLE:
      if (v != SQL_ASYNC_ENABLE_OFF)
        throw Error("HYC00",
                    "Asynchronous execution is not supported: call from another thread "
                    "and use SQLCancel instead.");
      return;
    case SQL_ATTR_CONCURRENCY:
      if (v != SQL_CONCUR_READ_ONLY) option_changed(diag(), "SQL_ATTR_CONCURRENCY", "read-only");
      return;
    case SQL_ATTR_CURSOR_TYPE:
      require_no_cursor("SQLSetStmtAttr(SQL_ATTR_CURSOR_TYPE)");
      if (v != SQL_CURSOR_FORWARD_ONLY)
        option_changed(diag(), "SQL_ATTR_CURSOR_TYPE", "forward-only");
      return;
    case SQL_ATTR_CURSOR_SCROLLABLE:
      if (v != SQL_NONSCROLLABLE)
        throw Error("HYC00", "Scrollable cursors are not supported: results stream forward only.");
      return;
    case SQL_ATTR_CURSOR_SENSITIVITY:
      if (v == SQL_SENSITIVE) throw Error("HYC00", "Sensitive cursors are not supported.");
      return;
    case SQL_ATTR_ENABLE_AUTO_IPD:
      if (v != SQL_FALSE) throw Error("HYC00", "Automatic IPD population is not supported.");
      return;
    case SQL_ATTR_USE_BOOKMARKS:
      if (v != SQL_UB_OFF) throw Error("HYC00", "Bookmarks are not supported.");
      return;
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
    case SQL_ATTR_KEYSET_SIZE:
    case SQL_ATTR_SIMULATE_CURSOR:
      return;  // meaningless for a forward-only cursor
    case SQL_ATTR_MAX_LENGTH:
      if (v != 0) option_changed(diag(), "SQL_ATTR_MAX_LENGTH", "0 (no limit)");
      return;
    case SQL_ATTR_MAX_ROWS:
      max_rows_ = v;
      return;
    case SQL_ATTR_METADATA_ID:
      metadata_id_ = v;
      return;
    case SQL_ATTR_NOSCAN:
      noscan_ = v;
      return;
    case SQL_ATTR_QUERY_TIMEOUT:
      query_timeout_ = v;
      return;
    case SQL_ATTR_RETRIEVE_DATA:
      retrieve_data_ = v;
      return;
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
      if (v == 0)
        throw Error("HY024", "Invalid attribute value: the row array size must be at least 1.");
      ard_->header.array_size = v;
      return;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
      ard_->header.bind_offset_ptr = static_cast<SQLLEN*>(value);
      return;
    case SQL_ATTR_ROW_BIND_TYPE:
      ard_->header.bind_type = v;
      return;
    case SQL_ATTR_ROW_OPERATION_PTR:
      ard_->header.array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return;
    case SQL_ATTR_ROW_STATUS_PTR:
      ird_.header.array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return;
    case SQL_ATTR_ROWS_FETCHED_PTR:
      ird_.header.rows_processed_ptr = static_cast<SQLULEN*>(value);
      return;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
      apd_->header.bind_offset_ptr = static_cast<SQLLEN*>(value);
      return;
    case SQL_ATTR_PARAM_BIND_TYPE:
      apd_->header.bind_type = v;
      return;
    case SQL_ATTR_PARAM_OPERATION_PTR:
      apd_->header.array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return;
    case SQL_ATTR_PARAM_STATUS_PTR:
      ipd_.header.array_status_ptr = static_cast<SQLUSMALLINT*>(value);
      return;
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
      ipd_.header.rows_processed_ptr = static_cast<SQLULEN*>(value);
      return;
    case SQL_ATTR_PARAMSET_SIZE:
      if (v == 0)
        throw Error("HY024", "Invalid attribute value: the parameter set size must be at least 1.");
      apd_->header.array_size = v;
      return;
    case SQL_ATTR_ROW_NUMBER:
    case SQL_DBSQL_ATTR_STATEMENT_ID:
      throw Error("HY092", "Invalid attribute identifier: attribute " + std::to_string(attribute) +
                               " is read-only.");
    default:
      unknown_attribute(attribute);
  }
}

void Statement::get_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                         SQLINTEGER* string_length, TextUnits units) {
  if (attribute == SQL_DBSQL_ATTR_STATEMENT_ID) {
    put_length(string_length,
               put_text(diag(), statement_id_, TextOut{value, buffer_length, units}));
    return;
  }
  auto put_ulen = [&](SQLULEN v) {
    if (value) *static_cast<SQLULEN*>(value) = v;
    put_length(string_length, sizeof(SQLULEN));
  };
  auto put_ptr = [&](const void* p) {
    if (value) *static_cast<SQLPOINTER*>(value) = const_cast<void*>(p);
    put_length(string_length, sizeof(SQLPOINTER));
  };
  switch (attribute) {
    case SQL_ATTR_APP_ROW_DESC:
      return put_ptr(ard_);
    case SQL_ATTR_APP_PARAM_DESC:
      return put_ptr(apd_);
    case SQL_ATTR_IMP_ROW_DESC:
      return put_ptr(&ird_);
    case SQL_ATTR_IMP_PARAM_DESC:
      return put_ptr(&ipd_);
    case SQL_ATTR_ASYNC_ENABLE:
      return put_ulen(SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_CONCURRENCY:
      return put_ulen(SQL_CONCUR_READ_ONLY);
    case SQL_ATTR_CURSOR_TYPE:
      return put_ulen(cursor_type_);
    case SQL_ATTR_CURSOR_SCROLLABLE:
      return put_ulen(SQL_NONSCROLLABLE);
    case SQL_ATTR_CURSOR_SENSITIVITY:
      return put_ulen(SQL_INSENSITIVE);
    case SQL_ATTR_ENABLE_AUTO_IPD:
      return put_ulen(SQL_FALSE);
    case SQL_ATTR_USE_BOOKMARKS:
      return put_ulen(SQL_UB_OFF);
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
      return put_ptr(nullptr);
    case SQL_ATTR_KEYSET_SIZE:
      return put_ulen(0);
    case SQL_ATTR_SIMULATE_CURSOR:
      return put_ulen(SQL_SC_NON_UNIQUE);
    case SQL_ATTR_MAX_LENGTH:
      return put_ulen(max_length_);
    case SQL_ATTR_MAX_ROWS:
      return put_ulen(max_rows_);
    case SQL_ATTR_METADATA_ID:
      return put_ulen(metadata_id_);
    case SQL_ATTR_NOSCAN:
      return put_ulen(noscan_);
    case SQL_ATTR_QUERY_TIMEOUT:
      return put_ulen(query_timeout_);
    case SQL_ATTR_RETRIEVE_DATA:
      return put_ulen(retrieve_data_);
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
      return put_ulen(ard_->header.array_size);
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
      return put_ptr(ard_->header.bind_offset_ptr);
    case SQL_ATTR_ROW_BIND_TYPE:
      return put_ulen(ard_->header.bind_type);
    case SQL_ATTR_ROW_OPERATION_PTR:
      return put_ptr(ard_->header.array_status_ptr);
    case SQL_ATTR_ROW_STATUS_PTR:
      return put_ptr(ird_.header.array_status_ptr);
    case SQL_ATTR_ROWS_FETCHED_PTR:
      return put_ptr(ird_.header.rows_processed_ptr);
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
      return put_ptr(apd_->header.bind_offset_ptr);
    case SQL_ATTR_PARAM_BIND_TYPE:
      return put_ulen(apd_->header.bind_type);
    case SQL_ATTR_PARAM_OPERATION_PTR:
      return put_ptr(apd_->header.array_status_ptr);
    case SQL_ATTR_PARAM_STATUS_PTR:
      return put_ptr(ipd_.header.array_status_ptr);
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
      return put_ptr(ipd_.header.rows_processed_ptr);
    case SQL_ATTR_PARAMSET_SIZE:
      return put_ulen(apd_->header.array_size);
    case SQL_ATTR_ROW_NUMBER:
      if (state_ != State::kCursorOpen)
        throw Error("24000", "Invalid cursor state: SQL_ATTR_ROW_NUMBER needs an open cursor.");
      return put_ulen(rowset_rows_ > 0 ? rows_before_rowset_ + 1 : 0);
    default:
      unknown_attribute(attribute);
  }
}

void Statement::set_cursor_name(std::string name) {
  if (name.empty()) throw Error("34000", "Invalid cursor name: it is empty.");
  if (name.size() > 18 * 4)
    throw Error("34000", "Invalid cursor name: it is longer than the driver allows.");
  if (name.compare(0, 6, "SQLCUR") == 0 || name.compare(0, 6, "SQL_CUR") == 0)
    throw Error("34000",
                "Invalid cursor name: names starting with SQLCUR or SQL_CUR are "
                "reserved for the driver.");
  cursor_name_ = std::move(name);
}

}  // namespace dbsql::odbc
