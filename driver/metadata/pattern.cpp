#include "metadata/pattern.h"

#include <vector>

namespace dbsql::metadata {
namespace {

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// One element of a parsed pattern: a literal character, or a wildcard.
struct Token {
  enum Kind { kChar, kOne, kAny } kind;
  char c;
};

std::vector<Token> tokens(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      out.push_back({Token::kChar, text[++i]});
    } else if (c == '%') {
      if (out.empty() || out.back().kind != Token::kAny) out.push_back({Token::kAny, 0});
    } else if (c == '_') {
      out.push_back({Token::kOne, 0});
    } else {
      out.push_back({Token::kChar, c});
    }
  }
  return out;
}

// Iterative wildcard match with one backtrack point: linear in practice, never
// exponential whatever the pattern.
bool match(const std::vector<Token>& p, std::string_view s) {
  size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi].kind == Token::kAny) {
      star = pi++;
      mark = si;
    } else if (pi < p.size() && (p[pi].kind == Token::kOne || fold(p[pi].c) == fold(s[si]))) {
      ++pi;
      ++si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi].kind == Token::kAny) ++pi;
  return pi == p.size();
}

std::string escape_pattern(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Pattern Pattern::from_pattern(std::string text) {
  Pattern p;
  bool only_any = !text.empty();
  for (char c : text) only_any = only_any && c == '%';
  p.any_ = text.empty() || only_any;
  p.text_ = std::move(text);
  return p;
}

Pattern Pattern::from_literal(std::string_view name) {
  Pattern p;
  p.any_ = false;
  p.text_ = escape_pattern(name);
  return p;
}

std::optional<std::string> Pattern::literal() const {
  if (any_) return std::nullopt;
  std::string out;
  for (const Token& t : tokens(text_)) {
    if (t.kind != Token::kChar) return std::nullopt;
    out += t.c;
  }
  return out;
}

bool Pattern::is_bounded() const {
  if (any_) return false;
  for (const Token& t : tokens(text_))
    if (t.kind == Token::kAny) return false;
  return true;
}

bool Pattern::matches(std::string_view name) const {
  return any_ || match(tokens(text_), name);
}

std::string identifier_text(std::string_view arg) {
  if (arg.size() >= 2 && (arg.front() == '"' || arg.front() == '`') && arg.back() == arg.front()) {
    const char q = arg.front();
    std::string out;
    for (size_t i = 1; i + 1 < arg.size(); ++i) {
      out += arg[i];
      if (arg[i] == q && i + 2 < arg.size() && arg[i + 1] == q) ++i;
    }
    return out;
  }
  while (!arg.empty() && arg.back() == ' ') arg.remove_suffix(1);
  return std::string(arg);
}

Pattern pattern_argument(const Arg& arg, bool metadata_id) {
  if (!arg || arg->empty()) return Pattern::any();
  if (metadata_id) return Pattern::from_literal(identifier_text(*arg));
  return Pattern::from_pattern(*arg);
}

Pattern name_argument(const Arg& arg, bool metadata_id) {
  if (!arg || arg->empty()) return Pattern::any();
  return Pattern::from_literal(metadata_id ? identifier_text(*arg) : *arg);
}

std::string string_literal(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string quote_identifier(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = fold(c);
  return out;
}

}  // namespace dbsql::metadata
