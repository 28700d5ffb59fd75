#include "odbc/desc_fields.h"

#include <cstring>

#include "util/error.h"

namespace dbsql::odbc {
namespace {

std::optional<FieldValue> ird_field(const DescRecord& rec, SQLSMALLINT field) {
  const convert::SqlTypeInfo& c = rec.column;
  switch (field) {
    case SQL_DESC_AUTO_UNIQUE_VALUE:
      return FieldValue::integer(SQL_FALSE);
    case SQL_DESC_BASE_COLUMN_NAME:
    case SQL_DESC_LABEL:
    case SQL_DESC_NAME:
      return FieldValue::string(rec.name);
    // JSON_ARRAY results say nothing about a column's source table.
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_CATALOG_NAME:
    case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_TABLE_NAME:
      return FieldValue::string("");
    case SQL_DESC_CASE_SENSITIVE:
      return FieldValue::integer(c.case_sensitive ? SQL_TRUE : SQL_FALSE);
    case SQL_DESC_CONCISE_TYPE:
      return FieldValue::small(c.sql_type);
    case SQL_DESC_TYPE:
      return FieldValue::small(c.verbose_type);
    case SQL_DESC_DATETIME_INTERVAL_CODE:
      return FieldValue::small(c.datetime_subcode);
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
      return FieldValue::integer(c.interval_precision);
    case SQL_DESC_DISPLAY_SIZE:
      return FieldValue::len(c.display_size);
    case SQL_DESC_FIXED_PREC_SCALE:
      return FieldValue::small(SQL_FALSE);
    case SQL_DESC_LENGTH:
      return FieldValue::ulen(c.column_size);
    case SQL_DESC_LITERAL_PREFIX:
      return FieldValue::string(c.literal_prefix);
    case SQL_DESC_LITERAL_SUFFIX:
      return FieldValue::string(c.literal_suffix);
    case SQL_DESC_LOCAL_TYPE_NAME:
    case SQL_DESC_TYPE_NAME:
      return FieldValue::string(c.type_name);
    case SQL_DESC_NULLABLE:
      return FieldValue::small(rec.nullable);
    case SQL_DESC_NUM_PREC_RADIX:
      return FieldValue::integer(c.num_prec_radix);
    case SQL_DESC_OCTET_LENGTH:
      return FieldValue::len(c.octet_length);
    case SQL_DESC_PRECISION:
      return FieldValue::small(c.precision);
    case SQL_DESC_SCALE:
      return FieldValue::small(c.scale);
    case SQL_DESC_ROWVER:
      return FieldValue::small(SQL_FALSE);
    case SQL_DESC_SEARCHABLE:
      return FieldValue::small(c.searchable ? SQL_PRED_SEARCHABLE : SQL_PRED_NONE);
    case SQL_DESC_UNNAMED:
      return FieldValue::small(rec.name.empty() ? SQL_UNNAMED : SQL_NAMED);
    case SQL_DESC_UNSIGNED:
      return FieldValue::small(c.is_unsigned ? SQL_TRUE : SQL_FALSE);
    case SQL_DESC_UPDATABLE:
      return FieldValue::small(SQL_ATTR_READONLY);
    default:
      return std::nullopt;
  }
}

// Fields an application descriptor (ARD/APD) keeps.
std::optional<FieldValue> app_field(const DescRecord& rec, SQLSMALLINT field) {
  switch (field) {
    case SQL_DESC_CONCISE_TYPE:
      return FieldValue::small(rec.concise_type);
    case SQL_DESC_TYPE:
      return FieldValue::small(rec.type);
    case SQL_DESC_DATETIME_INTERVAL_CODE:
      return FieldValue::small(rec.datetime_interval_code);
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
      return FieldValue::integer(rec.datetime_interval_precision);
    case SQL_DESC_DATA_PTR:
      return FieldValue::ptr(rec.data_ptr);
    case SQL_DESC_INDICATOR_PTR:
      return FieldValue::ptr(rec.indicator_ptr);
    case SQL_DESC_OCTET_LENGTH_PTR:
      return FieldValue::ptr(rec.octet_length_ptr);
    case SQL_DESC_LENGTH:
      return FieldValue::ulen(rec.length);
    case SQL_DESC_NUM_PREC_RADIX:
      return FieldValue::integer(rec.num_prec_radix);
    case SQL_DESC_OCTET_LENGTH:
      return FieldValue::len(rec.octet_length);
    case SQL_DESC_PRECISION:
      return FieldValue::small(rec.precision);
    case SQL_DESC_SCALE:
      return FieldValue::small(rec.scale);
    default:
      return std::nullopt;
  }
}

std::optional<FieldValue> ipd_field(const DescRecord& rec, SQLSMALLINT field) {
  switch (field) {
    case SQL_DESC_DATA_PTR:
    case SQL_DESC_INDICATOR_PTR:
    case SQL_DESC_OCTET_LENGTH_PTR:
      return std::nullopt;
    case SQL_DESC_NAME:
      return FieldValue::string(rec.name);
    case SQL_DESC_NULLABLE:
      return FieldValue::small(rec.nullable);
    case SQL_DESC_PARAMETER_TYPE:
      return FieldValue::small(rec.parameter_type);
    case SQL_DESC_UNNAMED:
      return FieldValue::small(rec.unnamed);
    case SQL_DESC_CASE_SENSITIVE:
    case SQL_DESC_FIXED_PREC_SCALE:
    case SQL_DESC_ROWVER:
    case SQL_DESC_UNSIGNED:
      return FieldValue::small(SQL_FALSE);
    case SQL_DESC_LOCAL_TYPE_NAME:
    case SQL_DESC_TYPE_NAME:
      return FieldValue::string("");
    default:
      return app_field(rec, field);
  }
}

}  // namespace

std::optional<FieldValue> record_field(DescKind kind, const DescRecord& rec, SQLSMALLINT field) {
  switch (kind) {
    case DescKind::kIrd:
      return ird_field(rec, field);
    case DescKind::kIpd:
      return ipd_field(rec, field);
    default:
      return app_field(rec, field);
  }
}

std::optional<FieldValue> header_field(const Descriptor& desc, SQLSMALLINT field) {
  const DescHeader& h = desc.header;
  const bool app = desc.is_application();
  switch (field) {
    case SQL_DESC_ALLOC_TYPE:
      return FieldValue::small(h.alloc_type);
    case SQL_DESC_COUNT:
      return FieldValue::small(desc.count());
    case SQL_DESC_ARRAY_STATUS_PTR:
      return FieldValue::ptr(h.array_status_ptr);
    case SQL_DESC_ARRAY_SIZE:
      if (app) return FieldValue::ulen(h.array_size);
      return std::nullopt;
    case SQL_DESC_BIND_OFFSET_PTR:
      if (app) return FieldValue::ptr(h.bind_offset_ptr);
      return std::nullopt;
    case SQL_DESC_BIND_TYPE:
      if (app) return FieldValue::integer(static_cast<SQLLEN>(h.bind_type));
      return std::nullopt;
    case SQL_DESC_ROWS_PROCESSED_PTR:
      if (!app) return FieldValue::ptr(h.rows_processed_ptr);
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

void write_field(Diagnostics& diag, const FieldValue& value, const FieldArg& out,
                 SQLINTEGER* string_length) {
  using K = FieldValue::Kind;
  if (value.kind == K::kText) {
    SQLLEN n = put_text(diag, value.text, TextOut{out.value, out.buffer_length, out.units});
    put_length(string_length, n);
    return;
  }
  if (out.value == nullptr) return;
  switch (value.kind) {
    case K::kSmallInt:
      *static_cast<SQLSMALLINT*>(out.value) = static_cast<SQLSMALLINT>(value.number);
      put_length(string_length, sizeof(SQLSMALLINT));
      break;
    case K::kInteger:
      *static_cast<SQLINTEGER*>(out.value) = static_cast<SQLINTEGER>(value.number);
      put_length(string_length, sizeof(SQLINTEGER));
      break;
    case K::kLen:
      *static_cast<SQLLEN*>(out.value) = value.number;
      put_length(string_length, sizeof(SQLLEN));
      break;
    case K::kULen:
      *static_cast<SQLULEN*>(out.value) = static_cast<SQLULEN>(value.number);
      put_length(string_length, sizeof(SQLULEN));
      break;
    case K::kPointer:
      *static_cast<SQLPOINTER*>(out.value) = value.pointer;
      put_length(string_length, sizeof(SQLPOINTER));
      break;
    case K::kText:
      break;
  }
}

}  // namespace dbsql::odbc
