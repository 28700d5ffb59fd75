#include "odbc/diagnostics.h"

#include <algorithm>
#include <string_view>

namespace dbsql::odbc {
namespace {

// SQLSTATEs whose subclass ODBC itself defines (the rest come from ISO 9075 / X/Open).
constexpr std::string_view kOdbcSubclasses[] = {
    "01S00", "01S01", "01S02", "01S06", "01S07", "07S01", "08S01", "21S01",
    "21S02", "25S01", "25S02", "25S03", "42S01", "42S02", "42S11", "42S12",
    "42S21", "42S22", "HY095", "HY097", "HY098", "HY099", "HY100", "HY101",
    "HY105", "HY107", "HY109", "HY110", "HY111", "HYT00", "HYT01"};

bool is_odbc_class(const std::string& sqlstate) {
  return sqlstate.compare(0, 2, "IM") == 0;
}

}  // namespace

const char* class_origin(const std::string& sqlstate) {
  return is_odbc_class(sqlstate) ? "ODBC 3.0" : "ISO 9075";
}

const char* subclass_origin(const std::string& sqlstate) {
  if (is_odbc_class(sqlstate)) return "ODBC 3.0";
  bool odbc = std::find(std::begin(kOdbcSubclasses), std::end(kOdbcSubclasses), sqlstate) !=
              std::end(kOdbcSubclasses);
  return odbc ? "ODBC 3.0" : "ISO 9075";
}

void Diagnostics::add(std::string sqlstate, std::string message, SQLINTEGER native_error,
                      SQLLEN row_number, SQLINTEGER column_number, std::string statement_id) {
  DiagRecord record;
  record.sqlstate = std::move(sqlstate);
  record.message = std::move(message);
  record.native_error = native_error;
  record.row_number = row_number;
  record.column_number = column_number;
  record.statement_id = std::move(statement_id);
  add_record(std::move(record));
}

void Diagnostics::add_record(DiagRecord record) {
  if (record.sqlstate.size() != 5) record.sqlstate = "HY000";
  if (record.message.compare(0, std::string_view(kMessagePrefix).size(), kMessagePrefix) != 0)
    record.message.insert(0, kMessagePrefix);
  if (!record.statement_id.empty() && record.message.find(record.statement_id) == std::string::npos)
    record.message += " (statement id " + record.statement_id + ")";
  // Errors first, then warnings; each group keeps the order the records were raised in.
  auto position = records_.end();
  if (!record.is_warning())
    position = std::find_if(records_.begin(), records_.end(),
                            [](const DiagRecord& r) { return r.is_warning(); });
  records_.insert(position, std::move(record));
}

bool Diagnostics::has_errors() const {
  return std::any_of(records_.begin(), records_.end(),
                     [](const DiagRecord& r) { return !r.is_warning(); });
}

bool Diagnostics::any_warning() const {
  return std::any_of(records_.begin(), records_.end(),
                     [](const DiagRecord& r) { return r.is_warning(); });
}

const DiagRecord* Diagnostics::record(SQLSMALLINT number) const {
  if (number < 1 || static_cast<size_t>(number) > records_.size()) return nullptr;
  return &records_[number - 1];
}

}  // namespace dbsql::odbc
