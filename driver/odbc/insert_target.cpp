#include "odbc/insert_target.h"

#include <cctype>
#include <string_view>

#include "util/error.h"
#include "util/log.h"

namespace dbsql::odbc {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool starts_with_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(s[i])) != word[i]) return false;
  return s.size() == word.size() ||
         !(std::isalnum(static_cast<unsigned char>(s[word.size()])) || s[word.size()] == '_');
}

bool ends_with_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  return starts_with_word(s.substr(s.size() - word.size()), word) &&
         (s.size() == word.size() ||
          !(std::isalnum(static_cast<unsigned char>(s[s.size() - word.size() - 1])) ||
            s[s.size() - word.size() - 1] == '_'));
}

// Index of the first top-level `open` outside backticks and quotes, or npos.
size_t find_top_level(std::string_view s, char wanted) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '`' || c == '\'' || c == '"') {
      quote = c;
    } else if (c == wanted) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Top-level items of "(a, b, c)" as [begin, end) offsets into `tuple`.
std::vector<std::pair<size_t, size_t>> tuple_items(std::string_view tuple) {
  std::vector<std::pair<size_t, size_t>> items;
  int depth = 0;
  char quote = 0;
  size_t start = 1;
  for (size_t i = 0; i < tuple.size(); ++i) {
    const char c = tuple[i];
    if (quote) {
      if (c == '\\' && quote != '`') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '`' || c == '\'' || c == '"') quote = c;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth == 0) items.emplace_back(start, i);
    else if (c == ',' && depth == 1) {
      items.emplace_back(start, i);
      start = i + 1;
    }
  }
  return items;
}

}  // namespace

std::optional<InsertTarget> insert_target(const sql::Translation& t) {
  const auto shape = sql::find_insert_values(t);
  if (!shape) return std::nullopt;
  // head: INSERT INTO [TABLE] <name> [(<columns>)] VALUES
  std::string_view head = trim(shape->head);
  if (!ends_with_word(head, "VALUES")) return std::nullopt;
  head = trim(head.substr(0, head.size() - 6));
  if (!starts_with_word(head, "INSERT")) return std::nullopt;
  head = trim(head.substr(6));
  if (!starts_with_word(head, "INTO")) return std::nullopt;
  head = trim(head.substr(4));
  if (starts_with_word(head, "TABLE")) head = trim(head.substr(5));
  std::string_view name = head;
  std::string_view columns = "*";
  const size_t paren = find_top_level(head, '(');
  if (paren != std::string_view::npos) {
    name = trim(head.substr(0, paren));
    if (head.back() != ')') return std::nullopt;
    columns = head.substr(paren + 1, head.size() - paren - 2);
  }
  // A PARTITION clause takes some columns from it, not from the tuple.
  if (name.empty() || find_top_level(name, ' ') != std::string_view::npos) return std::nullopt;

  InsertTarget target;
  target.probe_sql =
      "SELECT " + std::string(columns) + " FROM " + std::string(name) + " LIMIT 0";
  target.column_of_parameter.assign(t.parameter_count, std::nullopt);
  const size_t tuple_base = static_cast<size_t>(shape->tuple.data() - t.text.data());
  const auto items = tuple_items(shape->tuple);
  for (size_t column = 0; column < items.size(); ++column) {
    const auto [begin, end] = items[column];
    if (trim(shape->tuple.substr(begin, end - begin)) != "?") continue;
    for (size_t m = 0; m < t.markers.size(); ++m) {
      const size_t at = t.markers[m] - tuple_base;
      if (at >= begin && at < end) target.column_of_parameter[t.marker_parameters[m]] = column;
    }
  }
  return target;
}

std::vector<std::optional<convert::SqlTypeInfo>> describe_insert_markers(
    const sql::Translation& t, const convert::DescribeOptions& options,
    const std::function<std::unique_ptr<sea::Execution>(std::string)>& run) {
  std::vector<std::optional<convert::SqlTypeInfo>> types(t.parameter_count);
  const auto target = insert_target(t);
  if (!target) return types;
  try {
    std::unique_ptr<sea::Execution> probe = run(target->probe_sql);
    if (!probe->has_result_set()) return types;
    const auto& columns = probe->manifest().columns;
    for (size_t p = 0; p < types.size(); ++p) {
      const auto column = target->column_of_parameter[p];
      if (!column || *column >= columns.size()) continue;
      const sea::ColumnInfo& c = columns[*column];
      types[p] = convert::describe_type(c.type_name, c.type_text, c.precision, c.scale,
                                        c.interval_type, options);
    }
    probe->close();
  } catch (const Error& e) {
    DBSQL_LOG(kDebug, "odbc") << "SQLDescribeParam: the table's columns could not be read ("
                              << e.sqlstate() << "); parameters stay undescribed";
  }
  return types;
}

}  // namespace dbsql::odbc
