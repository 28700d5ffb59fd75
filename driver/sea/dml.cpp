#include "sea/dml.h"

#include <cctype>
#include <charconv>

namespace dbsql::sea {
namespace {

// Skips whitespace, "(", "-- ..." and "/* ... */" from `pos`.
size_t skip_noise(std::string_view sql, size_t pos) {
  while (pos < sql.size()) {
    const char c = sql[pos];
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(') {
      ++pos;
    } else if (sql.substr(pos, 2) == "--") {
      const size_t end = sql.find('\n', pos);
      pos = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.substr(pos, 2) == "/*") {
      const size_t end = sql.find("*/", pos + 2);
      pos = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  return pos;
}

bool is_counter_column(const ColumnInfo& column) {
  const std::string_view name = column.name;
  const bool bigint = column.type_name == "LONG" || column.type_text == "BIGINT";
  return bigint && name.starts_with("num_") && name.ends_with("_rows");
}

}  // namespace

std::string first_keyword(std::string_view sql) {
  size_t pos = skip_noise(sql, 0);
  std::string word;
  while (pos < sql.size() && std::isalpha(static_cast<unsigned char>(sql[pos])))
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[pos++])));
  return word;
}

bool is_dml_statement(std::string_view sql) {
  const std::string keyword = first_keyword(sql);
  return keyword == "INSERT" || keyword == "UPDATE" || keyword == "DELETE" || keyword == "MERGE";
}

bool is_dml_counter_manifest(const Manifest& manifest) {
  if (manifest.columns.empty() || manifest.columns.front().name != "num_affected_rows")
    return false;
  for (const ColumnInfo& column : manifest.columns)
    if (!is_counter_column(column)) return false;
  return true;
}

std::optional<int64_t> affected_rows_of(const RowBatch& batch) {
  if (batch.row_count() != 1 || batch.column_count() == 0 || batch.is_null(0, 0))
    return std::nullopt;
  const std::string_view text = batch.text(0, 0);
  int64_t count = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return count;
}

}  // namespace dbsql::sea
