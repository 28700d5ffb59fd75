#include "metadata/ddl.h"

#include <string>

namespace dbsql::metadata {
namespace {

constexpr std::string_view kChanging[] = {"CREATE",  "DROP",    "ALTER",  "RENAME",
                                          "COMMENT", "GRANT",   "REVOKE", "UNDROP",
                                          "MSCK",    "REFRESH", "SYNC",   "REPLACE"};

// Skips blanks, -- and /* */ comments and opening parentheses.
size_t skip_noise(std::string_view sql, size_t i) {
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(') {
      ++i;
    } else if (sql.substr(i, 2) == "--") {
      const size_t end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.substr(i, 2) == "/*") {
      const size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

bool changes_metadata(std::string_view sql) {
  size_t i = skip_noise(sql, 0);
  std::string word;
  while (i < sql.size() && ((sql[i] >= 'a' && sql[i] <= 'z') || (sql[i] >= 'A' && sql[i] <= 'Z')))
    word += static_cast<char>(sql[i++] & ~0x20);
  for (std::string_view k : kChanging)
    if (word == k) return true;
  return false;
}

}  // namespace dbsql::metadata
