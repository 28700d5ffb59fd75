#pragma once
// UTF-8 inside, SQLWCHAR at the W entry points. SQLWCHAR is 2 bytes (UTF-16) for
// unixODBC and 4 bytes (UTF-32) for iODBC: DBSQL_SQLWCHAR_BYTES picks, one compile-time choice.
#include <sql.h>
#include <sqlucode.h>

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

// `length_in_chars` may be SQL_NTS. Invalid sequences become U+FFFD.
std::string wide_to_utf8(const SQLWCHAR* text, SQLLEN length_in_chars);
std::basic_string<WideUnit> utf8_to_wide(std::string_view utf8);

}  // namespace dbsql::convert
