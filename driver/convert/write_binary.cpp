// Columns → SQL_C_BINARY. Character data gives its UTF-8 bytes (JSON text for complex
// types: applications that ask for bytes show text, not symbols); BINARY gives the
// decoded bytes; other types give their C struct or number, as ODBC says, with 22003
// when it does not fit the buffer.
#include "convert/output.h"
#include "convert/writers.h"

namespace dbsql::convert {
namespace {

struct Natural {
  SQLSMALLINT c_type;
  size_t size;
  Writer writer;
};

Natural natural_form(ValueKind kind) {
  switch (kind) {
    case ValueKind::kBoolean:
      return {SQL_C_BIT, sizeof(SQLCHAR), write_bit};
    case ValueKind::kTinyInt:
      return {SQL_C_STINYINT, sizeof(SQLSCHAR), write_integer};
    case ValueKind::kSmallInt:
      return {SQL_C_SSHORT, sizeof(SQLSMALLINT), write_integer};
    case ValueKind::kInt:
      return {SQL_C_SLONG, sizeof(SQLINTEGER), write_integer};
    case ValueKind::kBigInt:
      return {SQL_C_SBIGINT, sizeof(SQLBIGINT), write_integer};
    case ValueKind::kFloat:
      return {SQL_C_FLOAT, sizeof(SQLREAL), write_floating};
    case ValueKind::kDouble:
      return {SQL_C_DOUBLE, sizeof(SQLDOUBLE), write_floating};
    case ValueKind::kDecimal:
      return {SQL_C_NUMERIC, sizeof(SQL_NUMERIC_STRUCT), write_numeric};
    case ValueKind::kDate:
      return {SQL_C_TYPE_DATE, sizeof(SQL_DATE_STRUCT), write_datetime};
    case ValueKind::kTimestamp:
    case ValueKind::kTimestampNtz:
      return {SQL_C_TYPE_TIMESTAMP, sizeof(SQL_TIMESTAMP_STRUCT), write_datetime};
    default:
      return {SQL_C_BINARY, 0, nullptr};
  }
}

}  // namespace

Status write_binary(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                    PieceState* piece) {
  if (column.kind == ValueKind::kBinary) {
    Base64View b64;
    const bool first = piece == nullptr || piece->offset == 0;  // nothing returned yet
    if (!Base64View::parse(cell, &b64, first))
      return invalid_cast(column, t.c_type, "base64 text (how BINARY values arrive)");
    return put_bytes(ByteSource{{}, &b64}, t, piece);
  }
  const Natural natural = natural_form(column.kind);
  if (natural.writer == nullptr) return put_bytes(ByteSource{cell, nullptr}, t, piece);
  if (t.data != nullptr && t.buffer_length < static_cast<SQLLEN>(natural.size)) {
    return failure("22003", "Numeric value out of range: the " + column.type_name +
                                " value takes " + std::to_string(natural.size) +
                                " bytes as SQL_C_BINARY but the "
                                "buffer holds " +
                                std::to_string(t.buffer_length) + ".");
  }
  Target inner = t;
  inner.c_type = natural.c_type;
  inner.numeric_precision = 0;  // a DECIMAL's bytes use the column's precision and scale
  return natural.writer(column, cell, inner, piece);
}

}  // namespace dbsql::convert
