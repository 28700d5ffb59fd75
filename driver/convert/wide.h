#pragma once
// UTF-8 inside, SQLWCHAR at the W entry points. SQLWCHAR is 2 bytes (UTF-16) for
// unixODBC and 4 bytes (UTF-32) for iODBC: DBSQL_SQLWCHAR_BYTES picks, one compile-time choice.
#include <sql.h>
#include <sqlucode.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace dbsql::convert {

#if DBSQL_SQLWCHAR_BYTES == 4
using WideUnit = char32_t;
#else
using WideUnit = char16_t;
#endif
static_assert(sizeof(WideUnit) == sizeof(SQLWCHAR) || DBSQL_SQLWCHAR_BYTES == 4,
              "SQLWCHAR width differs from DBSQL_SQLWCHAR_BYTES");

// `length_in_chars` may be SQL_NTS. Invalid sequences (unpaired surrogates) become U+FFFD.
std::string wide_to_utf8(const SQLWCHAR* text, SQLLEN length_in_chars);
// Invalid UTF-8 (bad bytes, overlong forms, surrogates, > U+10FFFF) becomes U+FFFD.
std::basic_string<WideUnit> utf8_to_wide(std::string_view utf8);

// Decodes one code point at `pos` (which must be < utf8.size()) and advances `pos`
// past it; an invalid sequence yields U+FFFD and advances past its longest valid prefix
// (at least one byte).
char32_t decode_utf8(std::string_view utf8, size_t& pos);

// Wide units needed for `utf8` (no terminator), without converting it.
size_t wide_length(std::string_view utf8);

// Result of copying text into a fixed application buffer.
struct CopyResult {
  size_t consumed = 0;  // source bytes copied (whole code points only)
  size_t written = 0;   // units written, without the terminator
  bool truncated = false;
};

// Copies as many whole code points of `utf8` as fit into `buffer` (`capacity` units,
// including the terminating NUL, which is always written when capacity > 0). Never
// splits a UTF-16 surrogate pair. Wide lengths reported to the application are the full
// wide_length(), in units or bytes as the function requires.
CopyResult copy_to_wide(std::string_view utf8, SQLWCHAR* buffer, size_t capacity);
// The same for narrow (UTF-8) output: never splits a multi-byte sequence.
CopyResult copy_to_narrow(std::string_view utf8, SQLCHAR* buffer, size_t capacity);

}  // namespace dbsql::convert
