#pragma once
// The diagnostic area of one handle: header fields and status records, as SQLGetDiagRec and
// SQLGetDiagField read them. Records are kept errors-first (then warnings), each in the
// order it was raised, because applications often read only record 1.
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

namespace dbsql::odbc {

inline constexpr const char* kMessagePrefix = "[dbsql-odbc] ";

struct DiagRecord {
  std::string sqlstate;  // five characters
  std::string message;   // full text, prefix included
  SQLINTEGER native_error = 0;
  SQLLEN row_number = SQL_NO_ROW_NUMBER;
  SQLINTEGER column_number = SQL_NO_COLUMN_NUMBER;
  std::string statement_id;  // server statement the record is about, if any

  bool is_warning() const { return sqlstate.compare(0, 2, "01") == 0; }
};

// SQL_DIAG_CLASS_ORIGIN / SQL_DIAG_SUBCLASS_ORIGIN of a SQLSTATE.
const char* class_origin(const std::string& sqlstate);
const char* subclass_origin(const std::string& sqlstate);

class Diagnostics {
 public:
  void clear() {
    records_.clear();
    return_code = SQL_SUCCESS;
  }

  // Adds a record; the message gets the driver prefix and, when given, the statement id.
  void add(std::string sqlstate, std::string message, SQLINTEGER native_error = 0,
           SQLLEN row_number = SQL_NO_ROW_NUMBER, SQLINTEGER column_number = SQL_NO_COLUMN_NUMBER,
           std::string statement_id = {});
  void add_record(DiagRecord record);

  bool has_errors() const;
  // Inline for the empty case, which every successful call asks about.
  bool has_warnings() const { return !records_.empty() && any_warning(); }
  size_t size() const { return records_.size(); }
  // 1-based, as ODBC numbers them; nullptr past the end.
  const DiagRecord* record(SQLSMALLINT number) const;

  // Header fields.
  SQLRETURN return_code = SQL_SUCCESS;
  SQLLEN row_count = 0;          // SQL_DIAG_ROW_COUNT (statements)
  SQLLEN cursor_row_count = 0;   // SQL_DIAG_CURSOR_ROW_COUNT
  std::string dynamic_function;  // SQL_DIAG_DYNAMIC_FUNCTION
  SQLINTEGER dynamic_function_code = SQL_DIAG_UNKNOWN_STATEMENT;
  // Names reported in every record (SQL_DIAG_CONNECTION_NAME / SQL_DIAG_SERVER_NAME).
  std::string connection_name;
  std::string server_name;

 private:
  bool any_warning() const;
  std::vector<DiagRecord> records_;
};

}  // namespace dbsql::odbc
