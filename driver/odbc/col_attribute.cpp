// SQLColAttribute: any IRD field of a result column (plus the ODBC 2 SQL_COLUMN_* codes the
// driver manager may pass through), from the same field table SQLGetDescField uses.
#include "odbc/desc_fields.h"
#include "odbc/statement.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

// ODBC 2 identifiers whose meaning differs from the SQL_DESC_* field of the same number.
std::optional<FieldValue> odbc2_field(const DescRecord& rec, SQLUSMALLINT field) {
  switch (field) {
    case SQL_COLUMN_NAME:
      return FieldValue::string(rec.name);
    case SQL_COLUMN_NULLABLE:
      return FieldValue::small(rec.nullable);
    case SQL_COLUMN_LENGTH:
      return FieldValue::len(rec.column.octet_length);
    case SQL_COLUMN_PRECISION:
      return FieldValue::len(static_cast<SQLLEN>(rec.column.column_size));
    case SQL_COLUMN_SCALE:
      return FieldValue::small(rec.column.decimal_digits);
    default:
      return std::nullopt;
  }
}

}  // namespace

void Statement::col_attribute(SQLUSMALLINT column, SQLUSMALLINT field, const TextOut& text,
                              SQLSMALLINT* string_length, SQLLEN* numeric) {
  require_executed("SQLColAttribute");
  describe_ahead();
  if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
    if (numeric) *numeric = ird_.count();
    return;
  }
  if (column == 0)
    throw Error("07009", "Invalid descriptor index 0: bookmark columns are not supported.");
  const DescRecord& rec = ird_record(column, "SQLColAttribute");
  std::optional<FieldValue> value = odbc2_field(rec, field);
  if (!value) value = record_field(DescKind::kIrd, rec, static_cast<SQLSMALLINT>(field));
  if (!value)
    throw Error("HY091", "Invalid descriptor field identifier " + std::to_string(field) +
                             " for SQLColAttribute.");
  if (value->kind == FieldValue::Kind::kText) {
    put_length(string_length, put_text(diag(), value->text, text));
  } else if (numeric != nullptr) {
    *numeric = value->number;
  }
}

}  // namespace dbsql::odbc
