#pragma once
// ODBC connection strings: `key=value;key={value with ; or }} inside};...`.
//   - keys are case-insensitive and trimmed; a key may not be empty or contain braces;
//   - unbraced values are trimmed and end at the next ';';
//   - a value starting with '{' ends at the matching '}' ("}}" stands for one '}') and
//     keeps its inner text as is; only spaces may follow it before ';';
//   - empty segments (";;") are skipped;
//   - when a key repeats, the first occurrence wins (ODBC rule for SQLDriverConnect).
// Malformed text gives Error 08001 naming the position and key, never the value (a
// malformed password must not be echoed into a diagnostic).
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::config {

struct Attribute {
  std::string key;  // as the application spelled it
  std::string value;
};

class ConnectionString {
 public:
  ConnectionString() = default;

  // Throws dbsql::Error (08001) on malformed text.
  static ConnectionString parse(std::string_view text);

  // Adds key=value unless the key (case-insensitively) is already there; returns whether
  // it was added. Used to build the attributes of SQLConnect(DSN, UID, PWD).
  bool add(std::string key, std::string value);

  // The value of `key` (case-insensitive), or nullptr.
  const std::string* find(std::string_view key) const;

  const std::vector<Attribute>& attributes() const { return attributes_; }
  bool empty() const { return attributes_.empty(); }

  // "key=value;key={v;alue}" in the original order and spelling, braces where the value
  // needs them. With mask_secrets, the values of secret keys (is_secret_key), and of
  // unknown keys named like credentials (Password, ApiKey, ...), are "*****":
  // the completed connection string of SQLDriverConnect is shown, logged and saved by
  // applications, so it never carries a secret.
  std::string to_string(bool mask_secrets = true) const;

 private:
  std::vector<Attribute> attributes_;
};

// Keys whose values are secrets: PWD, Token, Auth_AccessToken, Auth_Client_Secret,
// Auth_RefreshToken, ProxyPWD, TokenCachePassPhrase (case-insensitive).
bool is_secret_key(std::string_view key);

}  // namespace dbsql::config
