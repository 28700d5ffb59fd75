#include "odbc/descriptor.h"

#include <algorithm>

#include "util/error.h"

namespace dbsql::odbc {
namespace {

bool is_datetime_concise(SQLSMALLINT t) {
  return t == SQL_TYPE_DATE || t == SQL_TYPE_TIME || t == SQL_TYPE_TIMESTAMP;
}
bool is_interval_concise(SQLSMALLINT t) {
  return t >= SQL_INTERVAL_YEAR && t <= SQL_INTERVAL_MINUTE_TO_SECOND;
}

}  // namespace

void DescRecord::set_concise_type(SQLSMALLINT concise) {
  concise_type = concise;
  if (is_datetime_concise(concise)) {
    type = SQL_DATETIME;
    datetime_interval_code = static_cast<SQLSMALLINT>(concise - SQL_TYPE_DATE + SQL_CODE_DATE);
  } else if (is_interval_concise(concise)) {
    type = SQL_INTERVAL;
    datetime_interval_code = static_cast<SQLSMALLINT>(concise - SQL_INTERVAL_YEAR + SQL_CODE_YEAR);
  } else {
    type = concise;
    datetime_interval_code = 0;
  }
}

void DescRecord::set_verbose_type(SQLSMALLINT verbose, SQLSMALLINT code) {
  if (verbose == SQL_DATETIME) {
    if (code < SQL_CODE_DATE || code > SQL_CODE_TIMESTAMP)
      throw Error("HY021",
                  "Inconsistent descriptor information: SQL_DATETIME needs "
                  "SQL_DESC_DATETIME_INTERVAL_CODE 1 (date), 2 (time) or 3 (timestamp).");
    set_concise_type(static_cast<SQLSMALLINT>(SQL_TYPE_DATE + code - SQL_CODE_DATE));
  } else if (verbose == SQL_INTERVAL) {
    if (code < SQL_CODE_YEAR || code > SQL_CODE_MINUTE_TO_SECOND)
      throw Error("HY021",
                  "Inconsistent descriptor information: SQL_INTERVAL needs an "
                  "SQL_DESC_DATETIME_INTERVAL_CODE between 1 and 13.");
    set_concise_type(static_cast<SQLSMALLINT>(SQL_INTERVAL_YEAR + code - SQL_CODE_YEAR));
  } else {
    set_concise_type(verbose);
  }
}

Descriptor::Descriptor(DescKind kind, Handle* lock_owner)
    : Handle(HandleType::kDesc), kind_(kind), lock_owner_(lock_owner) {
  if (lock_owner == nullptr) header.alloc_type = SQL_DESC_ALLOC_USER;
}

std::mutex& Descriptor::call_mutex() {
  return lock_owner_ != nullptr ? lock_owner_->call_mutex() : Handle::call_mutex();
}

DescRecord& Descriptor::record(SQLSMALLINT number) {
  if (number < 1)
    throw Error("07009", "Invalid descriptor index " + std::to_string(number) +
                             ": bookmarks are not supported; records start at 1.");
  if (static_cast<size_t>(number) > records_.size()) records_.resize(number);
  return records_[number - 1];
}

const DescRecord* Descriptor::find(SQLSMALLINT number) const {
  if (number < 1 || static_cast<size_t>(number) > records_.size()) return nullptr;
  return &records_[number - 1];
}

void Descriptor::set_count(SQLSMALLINT count) {
  if (count < 0) throw Error("07009", "SQL_DESC_COUNT cannot be negative.");
  records_.resize(count);
}

void Descriptor::trim_unbound() {
  while (!records_.empty() && !records_.back().bound()) records_.pop_back();
}

void Descriptor::copy_from(const Descriptor& source) {
  if (this == &source) return;
  const SQLSMALLINT alloc = header.alloc_type;
  header = source.header;
  header.alloc_type = alloc;
  records_ = source.records_;
}

void bind_column(Descriptor& ard, SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data,
                 SQLLEN buffer_length, SQLLEN* indicator) {
  if (buffer_length < 0)
    throw Error("HY090", "Invalid buffer length " + std::to_string(buffer_length) + " for column " +
                             std::to_string(column) + ": it is negative.");
  if (data == nullptr && indicator == nullptr) {
    if (column <= static_cast<SQLUSMALLINT>(ard.count())) {
      DescRecord& rec = ard.record(static_cast<SQLSMALLINT>(column));
      rec.data_ptr = nullptr;
      rec.indicator_ptr = nullptr;
      rec.octet_length_ptr = nullptr;
      ard.trim_unbound();
    }
    return;
  }
  DescRecord& rec = ard.record(static_cast<SQLSMALLINT>(column));
  rec.set_concise_type(c_type);
  rec.octet_length = buffer_length;
  rec.data_ptr = data;
  rec.indicator_ptr = indicator;
  rec.octet_length_ptr = indicator;
  // Precision and scale stay 0 ("the column's") until set through SQLSetDescField, so
  // SQL_C_NUMERIC bindings keep the column's scale unless the application asks otherwise.
  rec.precision = 0;
  rec.scale = 0;
}

}  // namespace dbsql::odbc
