#pragma once
// Catalog-function arguments as ODBC defines them: a null pointer, an empty string, a
// search pattern (% any run, _ any character, \ escapes the next character, as
// SQL_SEARCH_PATTERN_ESCAPE says) or, with SQL_ATTR_METADATA_ID, an identifier. And the
// quoting that turns a name or pattern into Databricks SQL text, so no argument ever
// reaches the server unescaped.
#include <optional>
#include <string>
#include <string_view>

namespace dbsql::metadata {

// A catalog-function string argument; nullopt is a null pointer.
using Arg = std::optional<std::string>;

// A name filter. Matching is case-insensitive (ASCII): Unity Catalog and the Hive
// metastore store names in lower case and resolve identifiers case-insensitively, so
// "MyTable" names the table `mytable`.
class Pattern {
 public:
  Pattern() = default;  // matches everything
  static Pattern any() { return Pattern(); }
  static Pattern from_pattern(std::string text);       // ODBC search-pattern syntax
  static Pattern from_literal(std::string_view name);  // the exact name

  bool is_any() const { return any_; }
  // The exact name this pattern denotes (escapes removed), when it has no wildcard.
  std::optional<std::string> literal() const;
  // True without a `%`: only names of one length match (a literal, or `_` wildcards, as in
  // an unescaped "wide_schema" that pyodbc and most tools pass).
  bool is_bounded() const;
  bool matches(std::string_view name) const;
  // The pattern in ODBC/SQL LIKE syntax with `\` as the escape character.
  const std::string& like_text() const { return text_; }

 private:
  bool any_ = true;
  std::string text_;
};

// A pattern-value argument (SQLTables' names, SQLColumns' schema/table/column):
// NULL, "" and "%" match everything ("" as Power BI means it; ODBC would match only an
// empty name, which Databricks never has). With metadata_id the argument is an identifier.
Pattern pattern_argument(const Arg& arg, bool metadata_id);

// An ordinary argument (SQLPrimaryKeys' names, ...): the exact name; NULL and "" match
// everything. With metadata_id, quotes are removed and trailing blanks trimmed.
Pattern name_argument(const Arg& arg, bool metadata_id);

// SQL_ATTR_METADATA_ID identifier: `x` or "x" loses its quotes (a doubled quote is one),
// unquoted text loses trailing blanks.
std::string identifier_text(std::string_view arg);

// Databricks SQL text for a string literal: '…' with \ and ' escaped by a backslash
// (Spark SQL unescapes string literals, so both must be escaped).
std::string string_literal(std::string_view value);
// A backtick-quoted identifier; a backtick inside is doubled.
std::string quote_identifier(std::string_view name);

// ASCII lower case, as Unity Catalog stores names.
std::string lower_ascii(std::string_view text);

}  // namespace dbsql::metadata
