#pragma once
// A minimal reader for the flat JSON objects the OAuth endpoints return (discovery documents,
// token responses) and the token cache stores. Top-level members with string, number and
// boolean values are kept; nested arrays and objects are validated and skipped, because the
// auth layer never needs them and does not link simdjson.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dbsql::auth {

class FlatJson {
 public:
  // Parses one JSON object. Returns nullopt when the text is not a well-formed object
  // (an HTML error page from a proxy, a truncated body).
  static std::optional<FlatJson> parse(std::string_view text);

  // The member's value when it is a string.
  std::optional<std::string> string(std::string_view key) const;
  // The member's value when it is a number (integral part; fractions are dropped) or a
  // string holding only digits, as some servers send expires_in.
  std::optional<std::int64_t> integer(std::string_view key) const;
  bool has(std::string_view key) const { return members_.count(std::string(key)) != 0; }

 private:
  enum class Kind { kString, kNumber, kBool, kNull, kNested };
  struct Value {
    Kind kind;
    std::string text;  // unescaped string, number literal, "true"/"false"
  };
  friend class FlatJsonParser;
  std::map<std::string, Value, std::less<>> members_;
};

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace dbsql::auth
