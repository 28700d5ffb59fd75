// Descriptor fields and records. For the W functions, string fields are sized in bytes.
#include "api/export.h"
#include "odbc/connection.h"
#include "odbc/descriptor.h"
#include "odbc/guard.h"
#include "util/error.h"

using namespace dbsql::odbc;

// Reads one descriptor field.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDescField(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field,
                                               SQLPOINTER value, SQLINTEGER buffer_length,
                                               SQLINTEGER* string_length) {
  return guard<Descriptor>("SQLGetDescField", desc, [&](Descriptor& d) {
    return d.get_field(rec, field, FieldArg{value, buffer_length, TextUnits::kAnsi}, string_length);
  });
}

// Reads one descriptor field (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field,
                                                SQLPOINTER value, SQLINTEGER buffer_length,
                                                SQLINTEGER* string_length) {
  return guard<Descriptor>("SQLGetDescFieldW", desc, [&](Descriptor& d) {
    return d.get_field(rec, field, FieldArg{value, buffer_length, TextUnits::kWideBytes},
                       string_length);
  });
}

// Sets one descriptor field.
DBSQL_EXPORT SQLRETURN SQL_API SQLSetDescField(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field,
                                               SQLPOINTER value, SQLINTEGER buffer_length) {
  return guard<Descriptor>("SQLSetDescField", desc, [&](Descriptor& d) {
    d.set_field(rec, field, FieldArg{value, buffer_length, TextUnits::kAnsi});
  });
}

// Sets one descriptor field (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT field,
                                                SQLPOINTER value, SQLINTEGER buffer_length) {
  return guard<Descriptor>("SQLSetDescFieldW", desc, [&](Descriptor& d) {
    d.set_field(rec, field, FieldArg{value, buffer_length, TextUnits::kWideBytes});
  });
}

// Reads the main fields of a descriptor record.
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDescRec(SQLHDESC desc, SQLSMALLINT rec, SQLCHAR* name,
                                             SQLSMALLINT capacity, SQLSMALLINT* name_length,
                                             SQLSMALLINT* type, SQLSMALLINT* subtype,
                                             SQLLEN* length, SQLSMALLINT* precision,
                                             SQLSMALLINT* scale, SQLSMALLINT* nullable) {
  return guard<Descriptor>("SQLGetDescRec", desc, [&](Descriptor& d) {
    return d.get_rec(rec, TextOut{name, capacity, TextUnits::kAnsi}, name_length, type, subtype,
                     length, precision, scale, nullable);
  });
}

// Reads the main fields of a descriptor record (Unicode).
DBSQL_EXPORT SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC desc, SQLSMALLINT rec, SQLWCHAR* name,
                                              SQLSMALLINT capacity, SQLSMALLINT* name_length,
                                              SQLSMALLINT* type, SQLSMALLINT* subtype,
                                              SQLLEN* length, SQLSMALLINT* precision,
                                              SQLSMALLINT* scale, SQLSMALLINT* nullable) {
  return guard<Descriptor>("SQLGetDescRecW", desc, [&](Descriptor& d) {
    return d.get_rec(rec, TextOut{name, capacity, TextUnits::kWideChars}, name_length, type,
                     subtype, length, precision, scale, nullable);
  });
}

// Sets the main fields of a descriptor record.
DBSQL_EXPORT SQLRETURN SQL_API SQLSetDescRec(SQLHDESC desc, SQLSMALLINT rec, SQLSMALLINT type,
                                             SQLSMALLINT subtype, SQLLEN length,
                                             SQLSMALLINT precision, SQLSMALLINT scale,
                                             SQLPOINTER data, SQLLEN* string_length,
                                             SQLLEN* indicator) {
  return guard<Descriptor>("SQLSetDescRec", desc, [&](Descriptor& d) {
    d.set_rec(rec, type, subtype, length, precision, scale, data, string_length, indicator);
  });
}

// Copies one descriptor onto another.
DBSQL_EXPORT SQLRETURN SQL_API SQLCopyDesc(SQLHDESC source, SQLHDESC target) {
  Descriptor* from = Handle::from<Descriptor>(source);
  if (from == nullptr) return SQL_INVALID_HANDLE;
  return guard<Descriptor>("SQLCopyDesc", target, [&](Descriptor& to) {
    if (to.kind() == DescKind::kIrd)
      throw dbsql::Error("HY016", "Cannot modify an implementation row descriptor.");
    to.copy_from(*from);
  });
}
