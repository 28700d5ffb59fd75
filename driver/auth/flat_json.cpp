#include "auth/flat_json.h"

#include <charconv>
#include <cstdio>

namespace dbsql::auth {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

// Recursive descent over the text; depth is bounded so hostile input cannot exhaust the stack.
class FlatJsonParser {
 public:
  explicit FlatJsonParser(std::string_view text) : s_(text) {}

  std::optional<FlatJson> object() {
    FlatJson result;
    skip_ws();
    if (!eat('{')) return std::nullopt;
    skip_ws();
    if (eat('}')) return finish(std::move(result));
    while (true) {
      skip_ws();
      std::string key;
      if (!string(key)) return std::nullopt;
      skip_ws();
      if (!eat(':')) return std::nullopt;
      skip_ws();
      FlatJson::Value value;
      if (!member_value(value)) return std::nullopt;
      result.members_.insert_or_assign(std::move(key), std::move(value));
      skip_ws();
      if (eat('}')) return finish(std::move(result));
      if (!eat(',')) return std::nullopt;
    }
  }

 private:
  static constexpr int kMaxDepth = 64;

  std::optional<FlatJson> finish(FlatJson result) {
    skip_ws();
    if (pos_ != s_.size()) return std::nullopt;
    return result;
  }

  bool member_value(FlatJson::Value& value) {
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_];
    if (c == '"') {
      value.kind = FlatJson::Kind::kString;
      return string(value.text);
    }
    if (c == '{' || c == '[') {
      value.kind = FlatJson::Kind::kNested;
      return skip_value(0);
    }
    for (const char* word : {"true", "false"}) {
      if (literal(word)) {
        value.kind = FlatJson::Kind::kBool;
        value.text = word;
        return true;
      }
    }
    if (literal("null")) {
      value.kind = FlatJson::Kind::kNull;
      return true;
    }
    value.kind = FlatJson::Kind::kNumber;
    return number(value.text);
  }

  bool skip_value(int depth) {
    if (depth > kMaxDepth || pos_ >= s_.size()) return false;
    std::string ignored;
    char c = s_[pos_];
    if (c == '"') return string(ignored);
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++pos_;
      skip_ws();
      if (eat(close)) return true;
      while (true) {
        skip_ws();
        if (close == '}') {
          if (!string(ignored)) return false;
          skip_ws();
          if (!eat(':')) return false;
          skip_ws();
        }
        if (!skip_value(depth + 1)) return false;
        skip_ws();
        if (eat(close)) return true;
        if (!eat(',')) return false;
      }
    }
    if (literal("true") || literal("false") || literal("null")) return true;
    return number(ignored);
  }

  bool number(std::string& out) {
    size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    size_t digits = pos_;
    while (pos_ < s_.size() && isdigit(s_[pos_])) ++pos_;
    if (pos_ == digits) return false;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      size_t frac = pos_;
      while (pos_ < s_.size() && isdigit(s_[pos_])) ++pos_;
      if (pos_ == frac) return false;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      size_t exp = pos_;
      while (pos_ < s_.size() && isdigit(s_[pos_])) ++pos_;
      if (pos_ == exp) return false;
    }
    out.assign(s_.substr(start, pos_ - start));
    return true;
  }

  bool string(std::string& out) {
    if (!eat('"')) return false;
    out.clear();
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) return false;
      char e = s_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          if (!unicode_escape(out)) return false;
          break;
        default:
          return false;
      }
    }
    return false;
  }

  bool unicode_escape(std::string& out) {
    std::uint32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return false;
    }
    append_utf8(out, cp);
    return true;
  }

  bool hex4(std::uint32_t& out) {
    if (s_.size() - pos_ < 4) return false;
    auto r = std::from_chars(s_.data() + pos_, s_.data() + pos_ + 4, out, 16);
    if (r.ec != std::errc() || r.ptr != s_.data() + pos_ + 4) return false;
    pos_ += 4;
    return true;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool eat(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void skip_ws() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }

  static bool isdigit(char c) { return c >= '0' && c <= '9'; }

  std::string_view s_;
  size_t pos_ = 0;
};

std::optional<FlatJson> FlatJson::parse(std::string_view text) {
  return FlatJsonParser(text).object();
}

std::optional<std::string> FlatJson::string(std::string_view key) const {
  auto it = members_.find(key);
  if (it == members_.end() || it->second.kind != Kind::kString) return std::nullopt;
  return it->second.text;
}

std::optional<std::int64_t> FlatJson::integer(std::string_view key) const {
  auto it = members_.find(key);
  if (it == members_.end()) return std::nullopt;
  const Value& v = it->second;
  if (v.kind != Kind::kNumber && v.kind != Kind::kString) return std::nullopt;
  std::int64_t out = 0;
  const char* begin = v.text.data();
  const char* end = begin + v.text.size();
  auto r = std::from_chars(begin, end, out);
  if (r.ec != std::errc() || r.ptr == begin) return std::nullopt;
  // A string must be all digits; a number may go on with a fraction or exponent.
  if (v.kind == Kind::kString && r.ptr != end) return std::nullopt;
  if (v.kind == Kind::kNumber && r.ptr != end && *r.ptr != '.') return std::nullopt;
  return out;
}

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace dbsql::auth
