#pragma once
// Secret masking for everything that leaves the driver as text: log lines and diagnostic
// messages. Two nets: a registry of the exact secrets this process was given (tokens,
// client secrets, proxy passwords), and patterns that recognise secrets by their shape
// (Authorization headers, Bearer credentials, token fields in JSON and form bodies,
// connection-string passwords, URL query strings such as presigned-URL signatures).
#include <string>
#include <string_view>

namespace dbsql::util {

// What every hidden secret is replaced with.
inline constexpr std::string_view kMasked = "*****";

// Secrets shorter than this are not registered: hiding every occurrence of a short string
// would garble the log. Patterns still hide them wherever they appear as key=value.
inline constexpr size_t kMinRegisteredSecret = 6;

// Remembers a secret (a token, client secret, password) so that every later call of
// mask_secrets() hides it wherever it appears. Thread-safe; keeps the most recent few
// hundred secrets, so a long-running process refreshing tokens stays bounded.
void register_secret(std::string_view secret);

// `text` with every registered secret and every secret-shaped pattern replaced by kMasked.
std::string mask_secrets(std::string_view text);

// `url` with its query string and fragment (presigned-URL signatures, OAuth codes) and any
// user:password part replaced by kMasked: "https://host/path?*****".
std::string redact_url(std::string_view url);

// Forgets all registered secrets (unit tests only).
void clear_registered_secrets();

}  // namespace dbsql::util
