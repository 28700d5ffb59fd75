#pragma once
// Descriptors as typed records (no attribute maps): the ARD is the one source of truth for
// column bindings, the IRD holds the result's columns as the server described them, the
// APD/IPD hold parameters. Field access by number (SQLGetDescField/SQLSetDescField/
// SQLColAttribute) goes through desc_fields.cpp.
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

#include "convert/sql_types.h"
#include "odbc/handle.h"
#include "odbc/text_out.h"

namespace dbsql::odbc {

class Connection;

enum class DescKind { kArd, kApd, kIrd, kIpd };

struct DescRecord {
  SQLSMALLINT concise_type = SQL_C_DEFAULT;
  SQLSMALLINT type = SQL_C_DEFAULT;
  SQLSMALLINT datetime_interval_code = 0;
  SQLINTEGER datetime_interval_precision = 0;
  SQLPOINTER data_ptr = nullptr;
  SQLLEN* indicator_ptr = nullptr;
  SQLLEN* octet_length_ptr = nullptr;
  SQLLEN octet_length = 0;
  SQLULEN length = 0;
  SQLSMALLINT precision = 0;
  SQLSMALLINT scale = 0;
  SQLINTEGER num_prec_radix = 0;
  SQLSMALLINT parameter_type = SQL_PARAM_INPUT;  // IPD
  SQLSMALLINT nullable = SQL_NULLABLE;           // IRD/IPD
  SQLSMALLINT unnamed = SQL_UNNAMED;
  std::string name;
  convert::SqlTypeInfo column;  // IRD: the column as the server described it

  bool bound() const {
    return data_ptr != nullptr || indicator_ptr != nullptr || octet_length_ptr != nullptr;
  }
  // Sets SQL_DESC_CONCISE_TYPE, keeping SQL_DESC_TYPE and the datetime/interval code consistent.
  void set_concise_type(SQLSMALLINT concise);
  // Sets SQL_DESC_TYPE (verbose); for SQL_DATETIME/SQL_INTERVAL the code picks the concise type.
  void set_verbose_type(SQLSMALLINT verbose, SQLSMALLINT code);
};

struct DescHeader {
  SQLSMALLINT alloc_type = SQL_DESC_ALLOC_AUTO;
  SQLULEN array_size = 1;
  SQLUSMALLINT* array_status_ptr = nullptr;
  SQLLEN* bind_offset_ptr = nullptr;
  SQLULEN bind_type = SQL_BIND_BY_COLUMN;  // SQL_BIND_BY_COLUMN or the row struct size
  SQLULEN* rows_processed_ptr = nullptr;
};

// An argument of SQLGetDescField/SQLSetDescField/SQLColAttribute.
struct FieldArg {
  SQLPOINTER value = nullptr;
  SQLINTEGER buffer_length = 0;  // bytes, or an SQL_IS_* marker
  TextUnits units = TextUnits::kAnsi;
};

class Descriptor : public Handle {
 public:
  static constexpr HandleType kType = HandleType::kDesc;

  // `lock_owner` is the statement of an implicit descriptor (whose lock it shares), or null
  // for one the application allocated.
  Descriptor(DescKind kind, Handle* lock_owner);

  DescKind kind() const { return kind_; }
  bool is_application() const { return kind_ == DescKind::kArd || kind_ == DescKind::kApd; }
  bool is_implicit() const { return header.alloc_type == SQL_DESC_ALLOC_AUTO; }
  std::mutex& call_mutex() override;

  SQLSMALLINT count() const { return static_cast<SQLSMALLINT>(records_.size()); }
  // Record `number` (1-based); grows the descriptor when needed.
  DescRecord& record(SQLSMALLINT number);
  // Record `number`, or nullptr past the count.
  const DescRecord* find(SQLSMALLINT number) const;
  void set_count(SQLSMALLINT count);
  // Drops records past the highest bound one (ARD after an unbind, per the ODBC rules).
  void trim_unbound();
  void clear_records() { records_.clear(); }

  // SQLGetDescField / SQLSetDescField. Returns SQL_NO_DATA for a record past the count.
  SQLRETURN get_field(SQLSMALLINT rec, SQLSMALLINT field, const FieldArg& out,
                      SQLINTEGER* string_length);
  void set_field(SQLSMALLINT rec, SQLSMALLINT field, const FieldArg& in);
  // SQLGetDescRec / SQLSetDescRec: the record fields most applications need, at once.
  SQLRETURN get_rec(SQLSMALLINT rec, const TextOut& name, SQLSMALLINT* name_length,
                    SQLSMALLINT* type, SQLSMALLINT* subtype, SQLLEN* length, SQLSMALLINT* precision,
                    SQLSMALLINT* scale, SQLSMALLINT* nullable);
  void set_rec(SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype, SQLLEN length,
               SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data, SQLLEN* string_length,
               SQLLEN* indicator);
  // SQLCopyDesc: everything but the allocation type.
  void copy_from(const Descriptor& source);

  DescHeader header;
  // The connection an application-allocated descriptor belongs to (null for implicit ones).
  Connection* connection = nullptr;

 private:
  DescKind kind_;
  Handle* lock_owner_;
  std::vector<DescRecord> records_;
};

// SQLBindCol on the ARD: binds, rebinds or (null data and indicator) unbinds a column.
void bind_column(Descriptor& ard, SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data,
                 SQLLEN buffer_length, SQLLEN* indicator);

}  // namespace dbsql::odbc
