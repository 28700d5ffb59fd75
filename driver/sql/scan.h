#pragma once
// A lexical scan of Databricks SQL text that knows where string literals, quoted
// identifiers, backticks, comments and bodies are, so `?` and `:name` parameter markers,
// ODBC escapes and the statement's first keyword are found only in real SQL.
//
// What counts as "not code": '...' and "..." string literals (in Databricks SQL "..." is a
// string, not an identifier) with backslash escapes and doubled quotes, r'...' / r"..." raw
// literals (backslashes taken literally), `...` identifiers (doubled backtick escapes one),
// $$...$$ function bodies, ${...} variable references, -- line comments and nested /* */
// comments. A run left open at the end of the text ends there: the server reports it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::sql {

// Letters, digits, '_' and any byte of a multi-byte UTF-8 character (Spark identifiers may
// hold non-ASCII letters).
bool is_word_char(char c);
bool is_space(char c);

// For the '...' or "..." literal starting at `i` (the opening quote; raw when preceded by a
// lone r/R): the index just past its closing quote, or nullopt when the text ends inside it.
std::optional<size_t> literal_end(std::string_view s, size_t i);

// If a run that is not code starts at `i`, the index just past it (s.size() when it is
// never closed); otherwise `i`.
size_t skip_non_code(std::string_view s, size_t i);

// The first index at or after `i` that is neither whitespace nor inside a comment.
size_t skip_space_and_comments(std::string_view s, size_t i);

// Whether the ':' at s[i] starts a :name parameter marker. Not when it is part of a `::`
// cast, and not when it directly follows an identifier, a closing bracket or a quote with
// no space between: that is a JSON path (`raw:owner`, `col[0]:id`, `` `c`:a ``).
bool is_named_marker(std::string_view s, size_t i);

// Byte offsets of the `?` parameter markers in `sql`, in order.
std::vector<size_t> find_parameter_markers(std::string_view sql);

// The first keyword of the statement, upper-cased ("SELECT", "WITH", "INSERT", ...),
// after leading comments, whitespace and opening parentheses; empty if there is none.
std::string first_keyword(std::string_view sql);

}  // namespace dbsql::sql
