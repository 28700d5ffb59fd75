#include "sql/translate.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "sql/fragment.h"
#include "sql/function_escape.h"
#include "sql/scan.h"
#include "util/error.h"

namespace dbsql::sql {
namespace {

// Deeper nesting than any tool writes; the limit keeps the recursion off the stack's end.
constexpr int kMaxEscapeDepth = 64;
// How much of an escape an error message quotes.
constexpr size_t kSnippetBytes = 40;

// Where copy() stops: at the end of the text (top level), at the '}' closing an escape's
// body, or at the ',' or ')' ending a {fn} argument.
enum class Stop { kEnd, kBrace, kArgument };

// The characters copy() has to look at; every other byte is copied as it is.
constexpr auto kSpecial = [] {
  std::array<bool, 256> special{};
  for (char c : std::string_view("'\"`-/$?{}:()[],")) special[static_cast<unsigned char>(c)] = true;
  return special;
}();

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Translator {
 public:
  Translator(std::string_view sql, TranslateOptions options) : s_(sql), options_(options) {}

  Translation run() {
    Fragment top;
    top.text.reserve(s_.size());
    copy(0, top, Stop::kEnd, 0);
    Translation t;
    t.text = std::move(top.text);
    t.markers = std::move(top.markers);
    t.marker_parameters = std::move(top.parameters);
    t.parameter_count = next_parameter_;
    t.named_markers = named_markers_;
    return t;
  }

 private:
  // Copies code from `i` into `out`, translating escapes and recording markers, up to the
  // stop; returns the index of the stop character (not consumed), or s_.size().
  size_t copy(size_t i, Fragment& out, Stop stop, int depth) {
    size_t run = i;   // start of the source not yet appended
    int nesting = 0;  // parentheses and brackets opened since `i`
    auto flush = [&](size_t end) { out.text.append(s_.substr(run, end - run)); };
    while (i < s_.size()) {
      if (!kSpecial[static_cast<unsigned char>(s_[i])]) {
        ++i;
        continue;
      }
      const char c = s_[i];
      if (c == '"' && options_.ansi_quoted_identifiers && !raw_literal_at(i)) {
        if (const auto end = quoted_identifier_end(i)) {
          flush(i);
          append_as_backticked(i, *end, out);
          run = i = *end;
          continue;
        }
      }
      const size_t past = skip_non_code(s_, i);
      if (past != i) {
        if (c == '-') out.keep = out.text.size() + (past - run);
        i = past;
        continue;
      }
      if (c == '?') {
        flush(i);
        out.add_marker(next_parameter_++);
        run = ++i;
        continue;
      }
      if (c == '{' && options_.escapes) {
        flush(i);
        i = escape(i, out, depth + 1);
        run = i;
        continue;
      }
      if (c == ':' && is_named_marker(s_, i)) named_markers_ = true;
      const bool at_top = nesting == 0;
      if ((c == '}' && stop != Stop::kEnd) ||
          (stop == Stop::kArgument && at_top && (c == ',' || c == ')'))) {
        flush(i);
        return i;
      }
      if (c == '(' || c == '[') ++nesting;
      if ((c == ')' || c == ']') && !at_top) --nesting;
      ++i;
    }
    flush(s_.size());
    return s_.size();
  }

  // Translates the escape whose '{' is at `open` into `out`; returns the index past '}'.
  size_t escape(size_t open, Fragment& out, int depth) {
    const EscapeSite site{s_, open};
    if (depth > kMaxEscapeDepth) site.syntax_error("escape sequences are nested too deeply");
    const size_t start = skip_space_and_comments(s_, open + 1);
    if (start >= s_.size()) site.syntax_error("the text ends before the escape's closing '}'");
    if (s_[start] == '?') procedure_with_result(start, site);
    size_t word_end = start;
    while (word_end < s_.size() && is_word_char(s_[word_end])) ++word_end;
    const std::string keyword = lower(s_.substr(start, word_end - start));

    Fragment result;
    size_t close;
    if (keyword == "d") {
      close = literal(word_end, "DATE", "a date", "SQL_TYPE_DATE", result, site);
    } else if (keyword == "ts") {
      close = literal(word_end, "TIMESTAMP", "a timestamp", "SQL_TYPE_TIMESTAMP", result, site);
    } else if (keyword == "t") {
      close = literal(word_end, "TIME", "a time", "SQL_TYPE_TIME", result, site);
    } else if (keyword == "guid") {
      close = literal(word_end, "", "a GUID", "SQL_GUID", result, site);
    } else if (keyword == "fn") {
      close = function(word_end, result, depth, site);
    } else if (keyword == "oj" || keyword == "interval") {
      close = body(word_end, keyword == "oj" ? "" : "INTERVAL ", result, depth, site);
    } else if (keyword == "escape") {
      close = escape_clause(word_end, result, depth, site);
    } else if (keyword == "call") {
      close = call(word_end, result, depth, site);
    } else {
      site.syntax_error(
          "'{' starts an ODBC escape sequence, but what follows is none of d, t, "
          "ts, guid, interval, fn, oj, escape or call");
    }
    splice(out, result, close + 1);
    return close + 1;
  }

  // Appends an escape's translation, with a space where it would otherwise fuse with a word
  // before or after it (SELECT{fn PI()} → SELECT pi()).
  void splice(Fragment& out, const Fragment& result, size_t after) {
    if (result.text.empty()) return;
    if (!out.text.empty() && is_word_char(out.text.back()) && is_word_char(result.text.front()))
      out.text.push_back(' ');
    out.append(result);
    if (is_word_char(result.text.back()) && after < s_.size() && is_word_char(s_[after]))
      out.text.push_back(' ');
  }

  // The '}' expected after a complete escape, at or after `i` past whitespace.
  size_t closing_brace(size_t i, const EscapeSite& site, std::string_view what,
                       std::string_view name = {}) {
    const size_t close = skip_space_and_comments(s_, i);
    if (close >= s_.size() || s_[close] != '}') {
      site.syntax_error("expected '}' after " + std::string(what) + std::string(name) +
                        (name.empty() ? "" : "(...)"));
    }
    return close;
  }

  // {d '...'}, {t '...'}, {ts '...'}, {guid '...'}: the prefix and the literal as written.
  size_t literal(size_t i, std::string_view prefix, std::string_view kind,
                 std::string_view sql_type, Fragment& result, const EscapeSite& site) {
    const size_t quote = skip_space_and_comments(s_, i);
    if (quote < s_.size() && s_[quote] == '?') {
      site.syntax_error(std::string(kind) +
                        " escape takes a quoted literal, not a parameter marker; "
                        "bind the parameter as " +
                        std::string(sql_type) + " and write ? without the escape");
    }
    if (quote >= s_.size() || (s_[quote] != '\'' && s_[quote] != '"'))
      site.syntax_error(std::string(kind) + " escape needs a quoted literal");
    const auto end = literal_end(s_, quote);
    if (!end) site.syntax_error("the literal is not closed");
    result.append(prefix);
    result.append(s_.substr(quote, *end - quote));
    return closing_brace(*end, site, "the literal");
  }

  // {oj ...}, {escape ...}, {interval ...}: the prefix and the translated body.
  size_t body(size_t i, std::string_view prefix, Fragment& result, int depth,
              const EscapeSite& site) {
    Fragment inner;
    const size_t close = copy(i, inner, Stop::kBrace, depth);
    if (close >= s_.size()) site.syntax_error("the text ends before the escape's closing '}'");
    inner.trim();
    if (inner.text.empty()) site.syntax_error("the escape is empty");
    result.append(prefix);
    result.append(inner);
    return close;
  }

  // {escape 'c'} → ESCAPE 'c'. ODBC literals know no backslash escapes and Databricks'
  // do, so the usual {escape '\'} (the SQL_SEARCH_PATTERN_ESCAPE character), which would
  // be an unclosed literal there, is written '\\'.
  size_t escape_clause(size_t i, Fragment& result, int depth, const EscapeSite& site) {
    const size_t quote = skip_space_and_comments(s_, i);
    if (s_.substr(quote, 3) == "'\\'") {
      const size_t close = skip_space_and_comments(s_, quote + 3);
      if (close < s_.size() && s_[close] == '}') {
        result.append("ESCAPE '\\\\'");
        return close;
      }
    }
    return body(i, "ESCAPE ", result, depth, site);
  }

  // {call p(args)} → CALL p(args); {call p} → CALL p().
  size_t call(size_t i, Fragment& result, int depth, const EscapeSite& site) {
    const size_t close = body(i, "CALL ", result, depth, site);
    size_t end = result.text.size();
    while (end > 0 && is_space(result.text[end - 1])) --end;
    if (result.text[end - 1] != ')') result.append("()");
    return close;
  }

  [[noreturn]] void procedure_with_result(size_t question, const EscapeSite& site) {
    const size_t eq = skip_space_and_comments(s_, question + 1);
    if (eq < s_.size() && s_[eq] == '=') {
      site.unsupported(
          "{? = call ...} is not supported: Databricks SQL procedures return no "
          "value; for a function's result use SELECT f(...), for a procedure "
          "{call p(...)}");
    }
    site.syntax_error("a '?' after '{' must begin {? = call ...}");
  }

  // {fn NAME(args)}.
  size_t function(size_t i, Fragment& result, int depth, const EscapeSite& site) {
    const size_t name_start = skip_space_and_comments(s_, i);
    size_t name_end = name_start;
    while (name_end < s_.size() && is_word_char(s_[name_end])) ++name_end;
    if (name_end == name_start) site.syntax_error("{fn ...} needs a function name");
    const std::string_view name = s_.substr(name_start, name_end - name_start);

    std::vector<Fragment> args;
    size_t j = skip_space_and_comments(s_, name_end);
    const bool has_parens = j < s_.size() && s_[j] == '(';
    if (has_parens) j = arguments(j + 1, args, depth, site);
    const size_t close = closing_brace(j, site, "{fn ", name);
    result = translate_function(name, args, has_parens, site);
    return close;
  }

  // The arguments after '(' up to the matching ')'; returns the index past it.
  size_t arguments(size_t i, std::vector<Fragment>& args, int depth, const EscapeSite& site) {
    for (;;) {
      Fragment arg;
      const size_t stop = copy(i, arg, Stop::kArgument, depth);
      if (stop >= s_.size() || s_[stop] == '}')
        site.syntax_error("the function's argument list has no closing ')'");
      arg.trim();
      args.push_back(std::move(arg));
      if (s_[stop] == ')') {
        if (args.size() == 1 && args[0].text.empty()) args.clear();
        return stop + 1;
      }
      i = stop + 1;
    }
  }

  // Whether the quote at s_[i] opens an r"..." raw literal (a lone r or R before it).
  bool raw_literal_at(size_t i) const {
    if (i == 0 || (s_[i - 1] != 'r' && s_[i - 1] != 'R')) return false;
    return i == 1 || !is_word_char(s_[i - 2]);
  }

  // For the "..." identifier opening at `open`: the index past its closing quote ("" inside
  // it stands for one "), or nullopt when the text ends inside it (left for the server to
  // report, as every unclosed run is).
  std::optional<size_t> quoted_identifier_end(size_t open) const {
    for (size_t i = open + 1; i < s_.size(); ++i) {
      if (s_[i] != '"') continue;
      if (i + 1 < s_.size() && s_[i + 1] == '"') {
        ++i;
        continue;
      }
      return i + 1;
    }
    return std::nullopt;
  }

  // "a""b`c" → `a"b``c`.
  void append_as_backticked(size_t open, size_t end, Fragment& out) const {
    out.text.push_back('`');
    for (size_t i = open + 1; i + 1 < end; ++i) {
      if (s_[i] == '"') ++i;  // the first of a doubled quote
      if (s_[i] == '`') out.text.push_back('`');
      out.text.push_back(s_[i]);
    }
    out.text.push_back('`');
  }

  std::string_view s_;
  TranslateOptions options_;
  size_t next_parameter_ = 0;
  bool named_markers_ = false;
};

std::string escape_error_message(std::string_view sql, size_t offset, std::string_view what) {
  std::string_view snippet = sql.substr(offset, kSnippetBytes);
  const bool cut = snippet.size() < sql.size() - offset;
  // Never end in the middle of a UTF-8 character.
  while (cut && !snippet.empty() &&
         (static_cast<unsigned char>(sql[offset + snippet.size()]) & 0xC0) == 0x80) {
    snippet.remove_suffix(1);
  }
  return "Syntax error or access violation: ODBC escape sequence at offset " +
         std::to_string(offset) + " (" + std::string(snippet) + (cut ? "..." : "") +
         "): " + std::string(what);
}

}  // namespace

void EscapeSite::syntax_error(std::string_view what) const {
  throw Error("42000", escape_error_message(sql, offset, what));
}

void EscapeSite::unsupported(std::string_view what) const {
  throw Error("HYC00", escape_error_message(sql, offset, what));
}

Translation translate(std::string_view sql, TranslateOptions options) {
  return Translator(sql, options).run();
}

void append_bound(std::string& out, const Translation& t, std::string_view part,
                  const MarkerText& marker_text) {
  const size_t begin = static_cast<size_t>(part.data() - t.text.data());
  const size_t end = begin + part.size();
  auto k = static_cast<size_t>(std::lower_bound(t.markers.begin(), t.markers.end(), begin) -
                               t.markers.begin());
  size_t run = begin;
  for (; k < t.markers.size() && t.markers[k] < end; ++k) {
    out.append(t.text, run, t.markers[k] - run);
    out.append(marker_text(t.marker_parameters[k]));
    run = t.markers[k] + 1;
  }
  out.append(t.text, run, end - run);
}

std::string bind_markers(const Translation& t, const MarkerText& marker_text) {
  std::string out;
  out.reserve(t.text.size() + 4 * t.markers.size());
  append_bound(out, t, t.text, marker_text);
  return out;
}

}  // namespace dbsql::sql
