// SQLGetInfo for a connection: the values come from config/odbc_info's table; the
// connection supplies the few that depend on it, and the handles the table cannot know.
#include "config/odbc_info.h"
#include "odbc/connection.h"
#include "odbc/environment.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

template <class T>
void put_number(SQLPOINTER value, SQLSMALLINT* string_length, T number) {
  if (value) *static_cast<T*>(value) = number;
  put_length(string_length, sizeof(T));
}

}  // namespace

void Connection::get_info(SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buffer_length,
                          SQLSMALLINT* string_length, TextUnits units) {
  switch (type) {
    case SQL_DRIVER_HENV:
      return put_number<SQLHANDLE>(value, string_length, &environment_);
    case SQL_DRIVER_HDBC:
      return put_number<SQLHANDLE>(value, string_length, this);
    case SQL_DRIVER_HSTMT:
    case SQL_DRIVER_HDESC:
      // The application passes its handle in the buffer; the driver handle is the same.
      put_length(string_length, sizeof(SQLHANDLE));
      return;
    default:
      break;
  }
  config::InfoContext context;
  if (type == SQL_DATABASE_NAME && connected())
    context.database_name = catalog_in_use(CancelToken());
  {
    std::lock_guard lock(state_mutex_);
    context.data_source_name = dsn_;
    context.server_name = settings_.host;
    if (context.database_name.empty()) context.database_name = catalog_;
  }
  context.read_only = access_mode_ == SQL_MODE_READ_ONLY;
  const auto info = config::get_info(type, context);
  if (!info)
    throw Error("HY096", "Invalid information type " + std::to_string(type) +
                             ": this driver does not know it.");
  if (const auto* text = std::get_if<std::string>(&*info)) {
    put_length(string_length, put_text(diag(), *text, TextOut{value, buffer_length, units}));
  } else if (const auto* small = std::get_if<SQLUSMALLINT>(&*info)) {
    put_number(value, string_length, *small);
  } else if (const auto* integer = std::get_if<SQLUINTEGER>(&*info)) {
    put_number(value, string_length, *integer);
  } else {
    put_number(value, string_length, std::get<SQLULEN>(*info));
  }
}

}  // namespace dbsql::odbc
