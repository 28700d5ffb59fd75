// find_insert_values (declared in sql/translate.h): recognises the one INSERT shape whose
// parameter array can be sent as a single multi-row statement with the same effect as one
// statement per row.
#include <cctype>

#include "sql/scan.h"
#include "sql/translate.h"

namespace dbsql::sql {
namespace {

// Words that start a query (FROM t SELECT ... still has SELECT; a bare FROM is no sign:
// extract(YEAR FROM x)): a tuple holding one could see the target table differently in one
// statement than in one statement per row.
constexpr std::string_view kQueryWords[] = {"SELECT", "WITH", "VALUES", "TABLE"};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// A cursor over the statement that steps over whitespace and comments between tokens.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) { skip(); }

  size_t pos() const { return i_; }
  bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
  bool at_end() const { return i_ >= s_.size(); }

  std::string_view peek_word() const {
    size_t end = i_;
    while (end < s_.size() && is_word_char(s_[end])) ++end;
    return s_.substr(i_, end - i_);
  }

  // Consumes the keyword `word` (any case) if it is next.
  bool word(std::string_view word) {
    if (!iequals(peek_word(), word)) return false;
    i_ += word.size();
    skip();
    return true;
  }

  void advance(size_t to) {
    i_ = to;
    skip();
  }

  // A table name: identifiers or `quoted identifiers` joined by dots.
  bool name() {
    for (;;) {
      if (at('`')) {
        advance(skip_non_code(s_, i_));
      } else {
        const std::string_view w = peek_word();
        if (w.empty()) return false;
        advance(i_ + w.size());
      }
      if (!at('.')) return true;
      advance(i_ + 1);
    }
  }

  // Steps over the balanced (...) group at the cursor, minding literals and comments;
  // returns the index just past its ')'. Fails (0) if it is not closed, or if `allow_query`
  // is false and it holds a query word.
  size_t group(bool allow_query) {
    if (!at('(')) return 0;
    int depth = 0;
    size_t j = i_;
    while (j < s_.size()) {
      const size_t past = skip_non_code(s_, j);
      if (past != j) {
        j = past;
        continue;
      }
      const char c = s_[j];
      if (is_word_char(c)) {
        size_t end = j;
        while (end < s_.size() && is_word_char(s_[end])) ++end;
        if (!allow_query && is_query_word(s_.substr(j, end - j))) return 0;
        j = end;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) {
        advance(j + 1);
        return j + 1;
      }
      ++j;
    }
    return 0;
  }

 private:
  static bool is_query_word(std::string_view w) {
    for (std::string_view q : kQueryWords) {
      if (iequals(w, q)) return true;
    }
    return false;
  }

  void skip() { i_ = skip_space_and_comments(s_, i_); }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

std::optional<InsertValues> find_insert_values(const Translation& t) {
  const std::string_view s = t.text;
  Cursor c(s);
  // INSERT OVERWRITE and INSERT INTO ... REPLACE WHERE fail below: each row's statement
  // would replace what the previous rows inserted.
  if (!c.word("INSERT") || !c.word("INTO")) return std::nullopt;
  c.word("TABLE");
  if (!c.name()) return std::nullopt;
  if (c.word("PARTITION") && c.group(true) == 0) return std::nullopt;
  if (c.at('(') && c.group(true) == 0) return std::nullopt;  // the column list
  if (!c.word("VALUES")) return std::nullopt;
  const size_t tuple_start = c.pos();
  const size_t tuple_end = c.group(false);
  if (tuple_end == 0) return std::nullopt;
  if (c.at(';')) c.advance(c.pos() + 1);
  if (!c.at_end()) return std::nullopt;
  if (!t.markers.empty() && (t.markers.front() < tuple_start || t.markers.back() >= tuple_end))
    return std::nullopt;
  return InsertValues{s.substr(0, tuple_start), s.substr(tuple_start, tuple_end - tuple_start),
                      s.substr(tuple_end)};
}

}  // namespace dbsql::sql
