#include "sql/scan.h"

#include <cctype>

namespace dbsql::sql {
namespace {

// Index just past the quoted run starting at `i` (the opening quote), or nullopt when the
// text ends first. Raw literals and backticks take backslashes literally; a doubled quote
// is an escaped one.
std::optional<size_t> quoted_end(std::string_view s, size_t i, bool backslash_escapes) {
  const char quote = s[i];
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == '\\' && backslash_escapes) {
      ++j;
    } else if (s[j] == quote) {
      if (j + 1 < s.size() && s[j + 1] == quote) {
        ++j;
      } else {
        return j + 1;
      }
    }
  }
  return std::nullopt;
}

bool is_raw_prefix(std::string_view s, size_t quote) {
  return quote > 0 && (s[quote - 1] == 'r' || s[quote - 1] == 'R') &&
         (quote < 2 || !is_word_char(s[quote - 2]));
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

size_t skip_through(std::string_view s, size_t from, std::string_view closing) {
  const size_t end = s.find(closing, from);
  return end == std::string_view::npos ? s.size() : end + closing.size();
}

}  // namespace

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || c == '_' || u >= 0x80;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::optional<size_t> literal_end(std::string_view s, size_t i) {
  return quoted_end(s, i, !is_raw_prefix(s, i));
}

size_t skip_non_code(std::string_view s, size_t i) {
  const char c = s[i];
  const char next = i + 1 < s.size() ? s[i + 1] : '\0';
  switch (c) {
    case '\'':
    case '"':
      return literal_end(s, i).value_or(s.size());
    case '`':
      return quoted_end(s, i, false).value_or(s.size());
    case '-':
      return next == '-' ? skip_through(s, i + 2, "\n") : i;
    case '/':
      return next == '*' ? skip_block_comment(s, i) : i;
    case '$':
      if (next == '$') return skip_through(s, i + 2, "$$");
      // Spark substitutes ${var} in the text before parsing it; its name is not SQL.
      if (next == '{') return skip_through(s, i + 2, "}");
      return i;
    default:
      return i;
  }
}

size_t skip_space_and_comments(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if ((s[i] == '-' || s[i] == '/') && skip_non_code(s, i) != i) {
      i = skip_non_code(s, i);
    } else {
      break;
    }
  }
  return i;
}

bool is_named_marker(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return false;
  const char next = s[i + 1];
  if (!(is_word_char(next) && std::isdigit(static_cast<unsigned char>(next)) == 0) && next != '`') {
    return false;
  }
  if (i == 0) return true;
  const char prev = s[i - 1];
  return prev != ':' && !is_word_char(prev) && prev != ')' && prev != ']' && prev != '`' &&
         prev != '\'' && prev != '"' && prev != '}';
}

std::vector<size_t> find_parameter_markers(std::string_view sql) {
  std::vector<size_t> markers;
  size_t i = 0;
  while (i < sql.size()) {
    const size_t past = skip_non_code(sql, i);
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
    if (is_space(c) || c == '(') {
      ++i;
      continue;
    }
    const size_t past = skip_non_code(sql, i);
    if (past == i) break;
    i = past;
  }
  std::string word;
  while (i < sql.size() && is_word_char(sql[i]))
    word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++]))));
  return word;
}

}  // namespace dbsql::sql
