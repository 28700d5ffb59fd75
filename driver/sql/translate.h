#pragma once
// One pass over an application's ODBC SQL text: ODBC escape sequences become Databricks
// SQL, and the `?` parameter markers are found (outside literals, identifiers and
// comments, see sql/scan.h) so they can be bound as named parameters afterwards.
//
// Escapes (ODBC 3.8 appendix C), matched case-insensitively, whitespace tolerant, nested
// to any reasonable depth, never looked for inside literals or comments:
//   {d 'yyyy-mm-dd'}          → DATE'yyyy-mm-dd'
//   {ts '... hh:mm:ss[.f]'}   → TIMESTAMP'...'
//   {t 'hh:mm:ss'}            → TIME'hh:mm:ss' (not advertised; the server decides: it has
//                               no TIME type and says so)
//   {guid '...'}              → '...' (a GUID is a string in Databricks SQL)
//   {interval ...}            → INTERVAL ... (Databricks' ANSI interval literals)
//   {oj <join>}               → <join>
//   {escape 'c'}              → ESCAPE 'c'
//   {call p(args)} / {call p} → CALL p(args) / CALL p()
//   {fn NAME(args)}           → the table in sql/scalar_functions.h; a name not in it is
//                               passed through as NAME(args)
// A literal escape takes a quoted literal, never a marker ({d ?} is refused: bind the
// parameter as SQL_TYPE_DATE instead). ${var} references are left to the server.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::sql {

struct Translation {
  std::string text;  // escapes translated; `?` markers kept as `?`
  // Byte offsets of the `?` markers in `text`, ascending.
  std::vector<size_t> markers;
  // For each marker, the 0-based ODBC parameter it stands for (its rank among the `?` of
  // the application's text). Usually 0, 1, 2, ...; a {fn} translation that reorders its
  // arguments reorders them (INSERT → overlay), one that repeats an argument repeats them
  // (TRUNCATE).
  std::vector<size_t> marker_parameters;
  // The `?` in the application's text: what SQLNumParams reports. Every parameter below it
  // appears at least once in `markers`.
  size_t parameter_count = 0;
  // The text has a :name marker outside literals and comments (`WHERE a = :x`); a `::`
  // cast is not one, nor is a JSON path written without a space (`raw:owner`, `c[0]:id`).
  bool named_markers = false;
};

struct TranslateOptions {
  // false for SQL_ATTR_NOSCAN=SQL_NOSCAN_ON: escapes are kept as written; markers are
  // still found.
  bool escapes = true;
  // UseNativeQuery=0: "..." is an ANSI quoted identifier, not a Databricks string literal,
  // and becomes `...` ("" inside it a ", a backtick inside it doubled). Independent of
  // `escapes`: SQL_ATTR_NOSCAN names escape sequences only. r"..." stays a raw literal.
  bool ansi_quoted_identifiers = false;
};

// Throws Error 42000 for a malformed escape (unclosed '{', unknown
// escape keyword, {fn} without a name, {d} without a literal, a known function with the
// wrong number of arguments ...) and HYC00 for a well-formed one Databricks SQL cannot do
// ({? = call ...}, SQL_TSI_FRAC_SECOND).
Translation translate(std::string_view sql, TranslateOptions options = {});

// The text a marker becomes, given its 0-based ODBC parameter: ":p1", "unhex(:p3)" ...
using MarkerText = std::function<std::string(size_t parameter)>;

// t.text with every marker replaced by marker_text(its parameter).
std::string bind_markers(const Translation& t, const MarkerText& marker_text);

// Appends `part` (a view into t.text, e.g. InsertValues::tuple) to `out`, with the markers
// inside it replaced by marker_text(parameter). For building one multi-row statement from
// a parameter array without copying the text more than once.
void append_bound(std::string& out, const Translation& t, std::string_view part,
                  const MarkerText& marker_text);

// For a parameter array sent as one multi-row INSERT: when t.text is
//   INSERT INTO [TABLE] <name> [PARTITION (...)] [(<columns>)] VALUES (<tuple>) [;]
// followed only by whitespace and comments, with every marker inside the one tuple and no
// subquery in it, then text == head + tuple + tail, with tuple = "(...)"; rows are built
// as head + tuple_1 + ", " + tuple_2 ... + tail. Otherwise nullopt: INSERT ... SELECT,
// several tuples, anything after the tuple, and INSERT OVERWRITE / REPLACE WHERE (one
// statement holding every row is not the same as one statement per row there).
struct InsertValues {
  std::string_view head, tuple, tail;
};
std::optional<InsertValues> find_insert_values(const Translation& t);

}  // namespace dbsql::sql
