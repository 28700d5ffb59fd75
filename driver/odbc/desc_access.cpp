// SQLGetDescField / SQLSetDescField on a descriptor: which fields may be read and written
// for each descriptor kind, and the ODBC side effects of writing them.
#include <cstdint>

#include "odbc/desc_fields.h"
#include "odbc/descriptor.h"
#include "odbc/text_in.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

bool is_header_field(SQLSMALLINT field) {
  switch (field) {
    case SQL_DESC_ALLOC_TYPE:
    case SQL_DESC_ARRAY_SIZE:
    case SQL_DESC_ARRAY_STATUS_PTR:
    case SQL_DESC_BIND_OFFSET_PTR:
    case SQL_DESC_BIND_TYPE:
    case SQL_DESC_COUNT:
    case SQL_DESC_ROWS_PROCESSED_PTR:
      return true;
    default:
      return false;
  }
}

SQLLEN as_integer(const FieldArg& in) {
  return static_cast<SQLLEN>(reinterpret_cast<intptr_t>(in.value));
}

[[noreturn]] void bad_field(SQLSMALLINT field) {
  throw Error("HY091", "Invalid descriptor field identifier " + std::to_string(field) +
                           " for this descriptor.");
}

void set_header_field(Descriptor& desc, SQLSMALLINT field, const FieldArg& in) {
  DescHeader& h = desc.header;
  const bool app = desc.is_application();
  switch (field) {
    case SQL_DESC_ARRAY_STATUS_PTR:
      h.array_status_ptr = static_cast<SQLUSMALLINT*>(in.value);
      return;
    case SQL_DESC_ROWS_PROCESSED_PTR:
      if (app) bad_field(field);
      h.rows_processed_ptr = static_cast<SQLULEN*>(in.value);
      return;
    default:
      break;
  }
  if (desc.kind() == DescKind::kIrd)
    throw Error("HY016", "Cannot modify an implementation row descriptor.");
  switch (field) {
    case SQL_DESC_COUNT:
      desc.set_count(static_cast<SQLSMALLINT>(as_integer(in)));
      return;
    case SQL_DESC_ARRAY_SIZE:
      if (!app) bad_field(field);
      if (as_integer(in) <= 0)
        throw Error("HY024", "Invalid attribute value: the array size must be at least 1.");
      h.array_size = static_cast<SQLULEN>(as_integer(in));
      return;
    case SQL_DESC_BIND_OFFSET_PTR:
      if (!app) bad_field(field);
      h.bind_offset_ptr = static_cast<SQLLEN*>(in.value);
      return;
    case SQL_DESC_BIND_TYPE:
      if (!app) bad_field(field);
      h.bind_type = static_cast<SQLULEN>(as_integer(in));
      return;
    default:
      bad_field(field);  // SQL_DESC_ALLOC_TYPE is read-only
  }
}

// Sets one record field; returns false when the field does not exist for this kind.
bool set_record_field(DescKind kind, DescRecord& rec, SQLSMALLINT field, const FieldArg& in) {
  const SQLLEN v = as_integer(in);
  switch (field) {
    case SQL_DESC_DATA_PTR:
      rec.data_ptr = in.value;
      return true;
    case SQL_DESC_INDICATOR_PTR:
      rec.indicator_ptr = static_cast<SQLLEN*>(in.value);
      return true;
    case SQL_DESC_OCTET_LENGTH_PTR:
      rec.octet_length_ptr = static_cast<SQLLEN*>(in.value);
      return true;
    default:
      break;
  }
  // ODBC: writing any other field unbinds the record until SQL_DESC_DATA_PTR is set again.
  rec.data_ptr = nullptr;
  switch (field) {
    case SQL_DESC_CONCISE_TYPE:
      rec.set_concise_type(static_cast<SQLSMALLINT>(v));
      return true;
    case SQL_DESC_TYPE:
      if (v == SQL_DATETIME || v == SQL_INTERVAL) {
        rec.type = static_cast<SQLSMALLINT>(v);  // the concise type follows with the code
      } else {
        rec.set_concise_type(static_cast<SQLSMALLINT>(v));
      }
      return true;
    case SQL_DESC_DATETIME_INTERVAL_CODE:
      rec.datetime_interval_code = static_cast<SQLSMALLINT>(v);
      if (rec.type == SQL_DATETIME || rec.type == SQL_INTERVAL)
        rec.set_verbose_type(rec.type, rec.datetime_interval_code);
      return true;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
      rec.datetime_interval_precision = static_cast<SQLINTEGER>(v);
      return true;
    case SQL_DESC_LENGTH:
      rec.length = static_cast<SQLULEN>(v);
      return true;
    case SQL_DESC_OCTET_LENGTH:
      rec.octet_length = v;
      return true;
    case SQL_DESC_PRECISION:
      rec.precision = static_cast<SQLSMALLINT>(v);
      return true;
    case SQL_DESC_SCALE:
      rec.scale = static_cast<SQLSMALLINT>(v);
      return true;
    case SQL_DESC_NUM_PREC_RADIX:
      rec.num_prec_radix = static_cast<SQLINTEGER>(v);
      return true;
    default:
      break;
  }
  if (kind != DescKind::kIpd) return false;
  switch (field) {
    case SQL_DESC_PARAMETER_TYPE:
      rec.parameter_type = static_cast<SQLSMALLINT>(v);
      return true;
    case SQL_DESC_NAME:
      rec.name = pointer_text(in.value, in.buffer_length, in.units);
      rec.unnamed = rec.name.empty() ? SQL_UNNAMED : SQL_NAMED;
      return true;
    case SQL_DESC_UNNAMED:
      if (v == SQL_NAMED) throw Error("HY091", "SQL_DESC_UNNAMED can only be set to SQL_UNNAMED.");
      rec.unnamed = SQL_UNNAMED;
      return true;
    default:
      return false;
  }
}

}  // namespace

SQLRETURN Descriptor::get_field(SQLSMALLINT rec, SQLSMALLINT field, const FieldArg& out,
                                SQLINTEGER* string_length) {
  if (is_header_field(field)) {
    auto value = header_field(*this, field);
    if (!value) bad_field(field);
    write_field(diag(), *value, out, string_length);
    return SQL_SUCCESS;
  }
  if (rec < 0) throw Error("07009", "Invalid descriptor index " + std::to_string(rec) + ".");
  if (rec == 0) throw Error("07009", "Invalid descriptor index 0: bookmarks are not supported.");
  const DescRecord* record = find(rec);
  if (record == nullptr) return SQL_NO_DATA;
  auto value = record_field(kind(), *record, field);
  if (!value) bad_field(field);
  write_field(diag(), *value, out, string_length);
  return SQL_SUCCESS;
}

void Descriptor::set_field(SQLSMALLINT rec, SQLSMALLINT field, const FieldArg& in) {
  if (is_header_field(field)) return set_header_field(*this, field, in);
  if (kind() == DescKind::kIrd)
    throw Error("HY016", "Cannot modify an implementation row descriptor.");
  if (rec < 0) throw Error("07009", "Invalid descriptor index " + std::to_string(rec) + ".");
  if (rec == 0) throw Error("07009", "Invalid descriptor index 0: bookmarks are not supported.");
  DescRecord scratch = find(rec) ? *find(rec) : DescRecord{};
  if (!set_record_field(kind(), scratch, field, in)) bad_field(field);
  record(rec) = std::move(scratch);
}

SQLRETURN Descriptor::get_rec(SQLSMALLINT rec, const TextOut& name, SQLSMALLINT* name_length,
                              SQLSMALLINT* type, SQLSMALLINT* subtype, SQLLEN* length,
                              SQLSMALLINT* precision, SQLSMALLINT* scale, SQLSMALLINT* nullable) {
  if (rec <= 0) throw Error("07009", "Invalid descriptor index " + std::to_string(rec) + ".");
  const DescRecord* record = find(rec);
  if (record == nullptr) return SQL_NO_DATA;
  auto number = [&](SQLSMALLINT field) {
    auto v = record_field(kind(), *record, field);
    return v ? v->number : 0;
  };
  auto text = record_field(kind(), *record, SQL_DESC_NAME);
  put_length(name_length, put_text(diag(), text ? text->text : std::string(), name));
  if (type) *type = static_cast<SQLSMALLINT>(number(SQL_DESC_TYPE));
  if (subtype) *subtype = static_cast<SQLSMALLINT>(number(SQL_DESC_DATETIME_INTERVAL_CODE));
  if (length) *length = number(SQL_DESC_OCTET_LENGTH);
  if (precision) *precision = static_cast<SQLSMALLINT>(number(SQL_DESC_PRECISION));
  if (scale) *scale = static_cast<SQLSMALLINT>(number(SQL_DESC_SCALE));
  if (nullable) *nullable = static_cast<SQLSMALLINT>(number(SQL_DESC_NULLABLE));
  return SQL_SUCCESS;
}

void Descriptor::set_rec(SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype, SQLLEN length,
                         SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                         SQLLEN* string_length, SQLLEN* indicator) {
  if (kind() == DescKind::kIrd)
    throw Error("HY016", "Cannot modify an implementation row descriptor.");
  if (rec <= 0) throw Error("07009", "Invalid descriptor index " + std::to_string(rec) + ".");
  DescRecord scratch = find(rec) ? *find(rec) : DescRecord{};
  scratch.set_verbose_type(type, subtype);
  scratch.octet_length = length;
  scratch.precision = precision;
  scratch.scale = scale;
  scratch.data_ptr = data;
  scratch.octet_length_ptr = string_length;
  scratch.indicator_ptr = indicator;
  record(rec) = std::move(scratch);
}

}  // namespace dbsql::odbc
