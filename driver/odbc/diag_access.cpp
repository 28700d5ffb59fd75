#include "odbc/diag_access.h"

#include "dbsql/dbsql.h"

namespace dbsql::odbc {
namespace {

template <class T>
SQLRETURN put_number(const TextOut& out, SQLSMALLINT* string_length, T value) {
  if (out.buffer) *static_cast<T*>(out.buffer) = value;
  put_length(string_length, sizeof(T));
  return SQL_SUCCESS;
}

SQLRETURN put_string(const TextOut& out, SQLSMALLINT* string_length, std::string_view text) {
  if (out.capacity < 0) return SQL_ERROR;
  bool truncated = false;
  put_length(string_length, write_text(text, out, &truncated));
  return truncated ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

// Header fields; SQL_NO_DATA when `field` is not one.
SQLRETURN header_field(Handle& handle, SQLSMALLINT field, const TextOut& out,
                       SQLSMALLINT* string_length) {
  const Diagnostics& d = handle.diag();
  const bool statement = handle.type() == HandleType::kStmt;
  switch (field) {
    case SQL_DIAG_NUMBER:
      return put_number<SQLINTEGER>(out, string_length, static_cast<SQLINTEGER>(d.size()));
    case SQL_DIAG_RETURNCODE:
      return put_number<SQLRETURN>(out, string_length, d.return_code);
    case SQL_DIAG_ROW_COUNT:
      if (!statement) return SQL_ERROR;
      return put_number<SQLLEN>(out, string_length, d.row_count);
    case SQL_DIAG_CURSOR_ROW_COUNT:
      if (!statement) return SQL_ERROR;
      return put_number<SQLLEN>(out, string_length, d.cursor_row_count);
    case SQL_DIAG_DYNAMIC_FUNCTION:
      if (!statement) return SQL_ERROR;
      return put_string(out, string_length, d.dynamic_function);
    case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
      if (!statement) return SQL_ERROR;
      return put_number<SQLINTEGER>(out, string_length, d.dynamic_function_code);
    default:
      return SQL_NO_DATA;
  }
}

SQLRETURN record_field(const Diagnostics& d, const DiagRecord& r, SQLSMALLINT field,
                       const TextOut& out, SQLSMALLINT* string_length) {
  switch (field) {
    case SQL_DIAG_SQLSTATE:
      return put_string(out, string_length, r.sqlstate);
    case SQL_DIAG_NATIVE:
      return put_number<SQLINTEGER>(out, string_length, r.native_error);
    case SQL_DIAG_MESSAGE_TEXT:
      return put_string(out, string_length, r.message);
    case SQL_DIAG_CLASS_ORIGIN:
      return put_string(out, string_length, class_origin(r.sqlstate));
    case SQL_DIAG_SUBCLASS_ORIGIN:
      return put_string(out, string_length, subclass_origin(r.sqlstate));
    case SQL_DIAG_CONNECTION_NAME:
      return put_string(out, string_length, d.connection_name);
    case SQL_DIAG_SERVER_NAME:
      return put_string(out, string_length, d.server_name);
    case SQL_DIAG_ROW_NUMBER:
      return put_number<SQLLEN>(out, string_length, r.row_number);
    case SQL_DIAG_COLUMN_NUMBER:
      return put_number<SQLINTEGER>(out, string_length, r.column_number);
    case SQL_DBSQL_DIAG_STATEMENT_ID:
      return put_string(out, string_length, r.statement_id);
    default:
      return SQL_ERROR;
  }
}

}  // namespace

SQLRETURN get_diag_rec(Handle& handle, SQLSMALLINT record, SQLPOINTER sqlstate, TextUnits units,
                       SQLINTEGER* native, const TextOut& message, SQLSMALLINT* text_length) {
  if (record <= 0 || message.capacity < 0) return SQL_ERROR;
  const DiagRecord* r = handle.diag().record(record);
  if (r == nullptr) return SQL_NO_DATA;
  bool truncated = false;
  if (sqlstate) write_text(r->sqlstate, TextOut{sqlstate, 6, units}, &truncated);
  if (native) *native = r->native_error;
  truncated = false;
  put_length(text_length, write_text(r->message, message, &truncated));
  return truncated ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

SQLRETURN get_diag_field(Handle& handle, SQLSMALLINT record, SQLSMALLINT field, const TextOut& out,
                         SQLSMALLINT* string_length) {
  SQLRETURN rc = header_field(handle, field, out, string_length);
  if (rc != SQL_NO_DATA) return rc;
  if (record <= 0) return SQL_ERROR;
  const DiagRecord* r = handle.diag().record(record);
  if (r == nullptr) return SQL_NO_DATA;
  return record_field(handle.diag(), *r, field, out, string_length);
}

}  // namespace dbsql::odbc
