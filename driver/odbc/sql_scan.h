#pragma once
// A lexical scan of Databricks SQL text that knows where string literals, quoted
// identifiers, backticks and comments are, so `?` parameter markers (and the statement's
// first keyword) are found only in real SQL. The parameters issue extends this into the
// `?` → :p1 rewriter.
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::odbc {

// Byte offsets of the `?` parameter markers in `sql`, in order. Skips '...' and "..."
// literals (backslash escapes, doubled quotes, r'...' raw literals), `...` identifiers,
// $$...$$ bodies, -- line comments and (nested) /* */ comments.
std::vector<size_t> find_parameter_markers(std::string_view sql);

// The first keyword of the statement, upper-cased ("SELECT", "WITH", "INSERT", ...),
// after leading comments, whitespace and opening parentheses; empty if there is none.
std::string first_keyword(std::string_view sql);

}  // namespace dbsql::odbc
