#include "odbc/text_out.h"

#include "convert/wide.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

SQLLEN put_ansi(std::string_view utf8, const TextOut& out, bool* truncated) {
  *truncated = false;
  if (out.buffer != nullptr)
    *truncated = convert::copy_to_narrow(utf8, static_cast<SQLCHAR*>(out.buffer),
                                         static_cast<size_t>(out.capacity))
                     .truncated;
  return static_cast<SQLLEN>(utf8.size());
}

SQLLEN put_wide(std::string_view utf8, const TextOut& out, bool* truncated) {
  const bool in_bytes = out.units == TextUnits::kWideBytes;
  const size_t room = in_bytes ? static_cast<size_t>(out.capacity) / sizeof(SQLWCHAR)
                               : static_cast<size_t>(out.capacity);
  *truncated = false;
  if (out.buffer != nullptr)
    *truncated = convert::copy_to_wide(utf8, static_cast<SQLWCHAR*>(out.buffer), room).truncated;
  const size_t units = convert::wide_length(utf8);
  return static_cast<SQLLEN>(in_bytes ? units * sizeof(SQLWCHAR) : units);
}

}  // namespace

SQLLEN write_text(std::string_view utf8, const TextOut& out, bool* truncated) {
  if (out.capacity < 0) throw Error("HY090", "Invalid string or buffer length: it is negative.");
  if (out.units == TextUnits::kAnsi) return put_ansi(utf8, out, truncated);
  return put_wide(utf8, out, truncated);
}

SQLLEN put_text(Diagnostics& diag, std::string_view utf8, const TextOut& out) {
  bool truncated = false;
  const SQLLEN length = write_text(utf8, out, &truncated);
  const SQLLEN terminator =
      out.units == TextUnits::kWideBytes ? static_cast<SQLLEN>(sizeof(SQLWCHAR)) : 1;
  if (truncated)
    diag.add("01004", "String data, right truncated: the value needs " +
                          std::to_string(length + terminator) +
                          (out.units == TextUnits::kWideChars ? " characters" : " bytes") +
                          " with its terminator; the buffer holds " + std::to_string(out.capacity) +
                          ".");
  return length;
}

}  // namespace dbsql::odbc
