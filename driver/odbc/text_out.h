#pragma once
// Character output arguments: UTF-8 inside, written to the application as ANSI bytes or
// SQLWCHAR units, NUL-terminated, truncated with 01004 and the full length reported, as
// every ODBC function with a string output does.
#include <sql.h>

#include <string_view>

#include "odbc/diagnostics.h"

namespace dbsql::odbc {

// How the application sized its buffer, and in which unit the length comes back.
enum class TextUnits {
  kAnsi,       // bytes
  kWideChars,  // SQLWCHAR count (SQLDescribeColW, SQLGetDiagRecW, ...)
  kWideBytes,  // SQLWCHAR, but sized and measured in bytes (SQLGetInfoW, SQLColAttributeW, ...)
};

struct TextOut {
  SQLPOINTER buffer = nullptr;
  SQLLEN capacity = 0;  // in the unit of `units`
  TextUnits units = TextUnits::kAnsi;
};

// Writes `utf8` to `out` and returns its full length in out's unit. Truncation adds a 01004
// warning to `diag`; a negative capacity raises HY090.
SQLLEN put_text(Diagnostics& diag, std::string_view utf8, const TextOut& out);

// The same without a diagnostic record (SQLGetDiagRec/Field must not post any): sets
// `*truncated` instead.
SQLLEN write_text(std::string_view utf8, const TextOut& out, bool* truncated);

// Stores a length into an optional length argument of any integer width, saturating.
template <class Len>
void put_length(Len* target, SQLLEN value) {
  if (target == nullptr) return;
  if constexpr (sizeof(Len) < sizeof(SQLLEN)) {
    const SQLLEN max = (SQLLEN{1} << (8 * sizeof(Len) - 1)) - 1;
    *target = static_cast<Len>(value > max ? max : value);
  } else {
    *target = static_cast<Len>(value);
  }
}

}  // namespace dbsql::odbc
