#pragma once
// Putting converted values into application buffers: statuses, lengths, fixed-size
// values, and the piecewise writers for character and binary output (01004).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "convert/base64.h"
#include "convert/convert.h"

namespace dbsql::convert {

inline Status success() {
  return Status{};
}
Status warning(const char* sqlstate, std::string message);
Status failure(const char* sqlstate, std::string message);

// Sets the length: octet_length gets `length`, a separate indicator gets 0 (ODBC: both
// pointers are written when they differ).
inline void report_length(const Target& t, SQLLEN length) {
  if (t.octet_length != nullptr) *t.octet_length = length;
  if (t.indicator != nullptr && t.indicator != t.octet_length) *t.indicator = 0;
}

// Fixed-size C types: ODBC ignores BufferLength for them and never truncates.
template <typename T>
void store_fixed(const Target& t, const T& value) {
  if (t.data != nullptr) std::memcpy(t.data, &value, sizeof(T));
  report_length(t, static_cast<SQLLEN>(sizeof(T)));
}
template <typename T>
Status put_fixed(const Target& t, const T& value, Status status = success()) {
  store_fixed(t, value);
  return status;
}

// Bytes to output: raw text, or a base64 value decoded on the fly.
struct ByteSource {
  std::string_view raw;
  const Base64View* base64 = nullptr;
  size_t size() const { return base64 ? base64->size() : raw.size(); }
  void copy(size_t offset, uint8_t* dst, size_t n) const;
};

// SQL_C_CHAR / SQL_C_WCHAR of UTF-8 text, continuing at piece->offset.
Status put_text(std::string_view utf8, const Target& t, PieceState* piece);
Status put_wide_text(std::string_view utf8, const Target& t, PieceState* piece);
// SQL_C_BINARY, continuing at piece->offset.
Status put_bytes(const ByteSource& bytes, const Target& t, PieceState* piece);
// Bytes as hexadecimal characters (binary → SQL_C_CHAR / SQL_C_WCHAR): two per byte,
// whole bytes per piece.
Status put_hex(const ByteSource& bytes, const Target& t, PieceState* piece, bool wide);

// The message of a 07006.
Status not_allowed(const SqlTypeInfo& column, SQLSMALLINT c_type);

}  // namespace dbsql::convert
