#include "odbc/sql_scan.h"

#include <cctype>

namespace dbsql::odbc {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Index just past a quoted run starting at `i` (the opening quote). Raw literals take
// backslashes literally; the others use them as escapes. A doubled quote is an escaped one.
size_t skip_quoted(std::string_view s, size_t i, bool raw) {
  const char quote = s[i];
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == '\\' && !raw && quote != '`') {
      ++j;
    } else if (s[j] == quote) {
      if (j + 1 < s.size() && s[j + 1] == quote) {
        ++j;
      } else {
        return j + 1;
      }
    }
  }
  return s.size();
}

size_t skip_block_comment(std::string_view s, size_t i) {
  int depth = 0;
  for (size_t j = i; j + 1 < s.size(); ++j) {
    if (s[j] == '/' && s[j + 1] == '*') {
      ++depth;
      ++j;
    } else if (s[j] == '*' && s[j + 1] == '/') {
      ++j;
      if (--depth == 0) return j + 1;
    }
  }
  return s.size();
}

size_t skip_line_comment(std::string_view s, size_t i) {
  size_t end = s.find('\n', i);
  return end == std::string_view::npos ? s.size() : end + 1;
}

size_t skip_dollar_body(std::string_view s, size_t i) {
  size_t end = s.find("$$", i + 2);
  return end == std::string_view::npos ? s.size() : end + 2;
}

// If a non-SQL run (literal, identifier, comment, body) starts at `i`, the index past it;
// otherwise `i`.
size_t skip_non_code(std::string_view s, size_t i) {
  const char c = s[i];
  const char next = i + 1 < s.size() ? s[i + 1] : '\0';
  if (c == '\'' || c == '"') {
    const bool raw =
        i > 0 && (s[i - 1] == 'r' || s[i - 1] == 'R') && (i < 2 || !is_word_char(s[i - 2]));
    return skip_quoted(s, i, raw);
  }
  if (c == '`') return skip_quoted(s, i, true);
  if (c == '-' && next == '-') return skip_line_comment(s, i);
  if (c == '/' && next == '*') return skip_block_comment(s, i);
  if (c == '$' && next == '$') return skip_dollar_body(s, i);
  return i;
}

}  // namespace

std::vector<size_t> find_parameter_markers(std::string_view sql) {
  std::vector<size_t> markers;
  size_t i = 0;
  while (i < sql.size()) {
    size_t past = skip_non_code(sql, i);
    if (past != i) {
      i = past;
      continue;
    }
    if (sql[i] == '?') markers.push_back(i);
    ++i;
  }
  return markers;
}

std::string first_keyword(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(') {
      ++i;
      continue;
    }
    size_t past = skip_non_code(sql, i);
    if (past == i) break;
    i = past;
  }
  std::string word;
  while (i < sql.size() && is_word_char(sql[i]))
    word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++]))));
  return word;
}

}  // namespace dbsql::odbc
