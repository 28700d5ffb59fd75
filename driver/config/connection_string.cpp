#include "config/connection_string.h"

#include <array>

#include "config/keys.h"
#include "util/error.h"
#include "util/secrets.h"
#include "util/strings.h"

namespace dbsql::config {
namespace {

constexpr std::array<std::string_view, 7> kSecretKeys = {"PWD",
                                                         "Token",
                                                         "Auth_AccessToken",
                                                         "Auth_Client_Secret",
                                                         "Auth_RefreshToken",
                                                         "ProxyPWD",
                                                         "TokenCachePassPhrase"};

[[noreturn]] void malformed(const std::string& what) {
  throw Error("08001", "Invalid connection string: " + what +
                           ". Write key=value pairs separated by ';' and enclose values "
                           "containing ';' or '}' in braces, e.g. PWD={a;b}");
}

std::string position(size_t index) {
  return "position " + std::to_string(index + 1);
}

// Parses the value starting at `i` (just after '=') and returns the index after it.
size_t parse_value(std::string_view text, size_t i, const std::string& key, std::string& value) {
  size_t start = i;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  if (start >= text.size() || text[start] != '{') {
    const size_t end = std::min(text.find(';', i), text.size());
    value = std::string(util::trim(text.substr(i, end - i)));
    return end;
  }
  for (size_t j = start + 1; j < text.size(); ++j) {
    if (text[j] != '}') {
      value += text[j];
      continue;
    }
    if (j + 1 < text.size() && text[j + 1] == '}') {
      value += '}';
      ++j;
      continue;
    }
    size_t k = j + 1;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k < text.size() && text[k] != ';') {
      malformed("unexpected text at " + position(k) + " after the closing '}' of the value of " +
                key + " (a braced value must be followed by ';'; write '}}' for a '}' inside it)");
    }
    return k;
  }
  malformed("the value of " + key + " opens a '{' at " + position(start) + " that is never closed");
}

// A key the driver does not know, named like a credential (Password=, ApiKey=, a misspelt
// Auth_Client_Secret=): it has no effect, but its value is as secret as a real one's.
bool unknown_and_secret_looking(std::string_view key) {
  if (find_key(key) != nullptr) return false;
  const std::string lower = util::to_lower(key);
  for (std::string_view word :
       {"pwd", "password", "secret", "token", "passphrase", "credential", "key", "auth"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

bool needs_braces(std::string_view value) {
  if (value.empty()) return false;
  if (util::trim(value).size() != value.size()) return true;
  return value.find_first_of(";{}") != std::string_view::npos;
}

}  // namespace

ConnectionString ConnectionString::parse(std::string_view text) {
  ConnectionString out;
  std::string previous_key;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ';') {
      ++i;
      continue;
    }
    const size_t eq = text.find('=', i);
    const size_t semi = text.find(';', i);
    if (eq == std::string_view::npos || (semi != std::string_view::npos && semi < eq)) {
      const size_t end = std::min(semi, text.size());
      if (util::trim(text.substr(i, end - i)).empty()) {
        i = end;
        continue;
      }
      // The stray text may be the tail of an unbraced password: name its place, not it.
      malformed("text without '=' at " + position(i) +
                (previous_key.empty() ? std::string()
                                      : " (after the value of " + previous_key +
                                            ": a value containing ';' must be in braces)"));
    }
    const std::string key(util::trim(text.substr(i, eq - i)));
    if (key.empty()) malformed("a key is missing before the '=' at " + position(eq));
    if (key.find_first_of("{}") != std::string::npos) {
      malformed("the key at " + position(i) + " contains a brace");
    }
    std::string value;
    i = parse_value(text, eq + 1, key, value);
    out.add(key, std::move(value));
    previous_key = key;
  }
  return out;
}

bool ConnectionString::add(std::string key, std::string value) {
  if (find(key) != nullptr) return false;
  attributes_.push_back({std::move(key), std::move(value)});
  return true;
}

const std::string* ConnectionString::find(std::string_view key) const {
  for (const Attribute& a : attributes_) {
    if (util::iequals(a.key, key)) return &a.value;
  }
  return nullptr;
}

std::string ConnectionString::to_string(bool mask_secrets) const {
  std::string out;
  for (const Attribute& a : attributes_) {
    if (!out.empty()) out += ';';
    out += a.key;
    out += '=';
    if (mask_secrets && (is_secret_key(a.key) || unknown_and_secret_looking(a.key)) &&
        !a.value.empty()) {
      out += util::kMasked;
    } else if (needs_braces(a.value)) {
      out += '{';
      for (char c : a.value) {
        out += c;
        if (c == '}') out += '}';
      }
      out += '}';
    } else {
      out += a.value;
    }
  }
  return out;
}

bool is_secret_key(std::string_view key) {
  for (std::string_view secret : kSecretKeys) {
    if (util::iequals(key, secret)) return true;
  }
  return false;
}

}  // namespace dbsql::config
