#include "odbc/text_in.h"

#include <cstring>

#include "convert/wide.h"
#include "util/error.h"

namespace dbsql::odbc {

std::string ansi_text(const SQLCHAR* text, SQLLEN length) {
  if (text == nullptr) return {};
  const char* chars = reinterpret_cast<const char*>(text);
  if (length == SQL_NTS) return std::string(chars);
  if (length < 0)
    throw Error("HY090", "Invalid string or buffer length " + std::to_string(length) + ".");
  return std::string(chars, static_cast<size_t>(length));
}

std::string wide_text(const SQLWCHAR* text, SQLLEN length) {
  if (text == nullptr) return {};
  if (length != SQL_NTS && length < 0)
    throw Error("HY090", "Invalid string or buffer length " + std::to_string(length) + ".");
  return convert::wide_to_utf8(text, length);
}

std::string pointer_text(SQLPOINTER text, SQLINTEGER length_in_bytes, TextUnits units) {
  if (units == TextUnits::kAnsi)
    return ansi_text(static_cast<const SQLCHAR*>(text), length_in_bytes);
  SQLLEN chars = length_in_bytes;
  if (length_in_bytes >= 0) chars = length_in_bytes / static_cast<SQLLEN>(sizeof(SQLWCHAR));
  return wide_text(static_cast<const SQLWCHAR*>(text), chars);
}

}  // namespace dbsql::odbc
