#pragma once
// Descriptor fields by number, for SQLGetDescField, SQLSetDescField and SQLColAttribute:
// which fields each descriptor kind has, their C widths, and the IRD's values derived
// from the server's column description.
#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>

#include "odbc/descriptor.h"

namespace dbsql::odbc {

struct FieldValue {
  enum class Kind { kSmallInt, kInteger, kLen, kULen, kPointer, kText };
  Kind kind = Kind::kInteger;
  SQLLEN number = 0;
  SQLPOINTER pointer = nullptr;
  std::string text;

  static FieldValue small(SQLLEN v) { return {Kind::kSmallInt, v, nullptr, {}}; }
  static FieldValue integer(SQLLEN v) { return {Kind::kInteger, v, nullptr, {}}; }
  static FieldValue len(SQLLEN v) { return {Kind::kLen, v, nullptr, {}}; }
  static FieldValue ulen(SQLULEN v) { return {Kind::kULen, static_cast<SQLLEN>(v), nullptr, {}}; }
  static FieldValue ptr(const void* p) { return {Kind::kPointer, 0, const_cast<void*>(p), {}}; }
  static FieldValue string(std::string s) { return {Kind::kText, 0, nullptr, std::move(s)}; }
};

// A record field of a descriptor of `kind`; nullopt when that kind has no such field.
std::optional<FieldValue> record_field(DescKind kind, const DescRecord& rec, SQLSMALLINT field);
// A header field; nullopt when unknown.
std::optional<FieldValue> header_field(const Descriptor& desc, SQLSMALLINT field);

// Writes a field value to a GetDescField-style output (value pointer, buffer length in
// bytes for text, string length in bytes).
void write_field(Diagnostics& diag, const FieldValue& value, const FieldArg& out,
                 SQLINTEGER* string_length);

}  // namespace dbsql::odbc
