#pragma once
// Parsing and validation of single connection-key values. Every failure throws
// dbsql::Error 08001 whose message names the key as the user wrote it, what it accepts,
// the value given (never for a secret key) and where it came from when not from the
// connection string, e.g. "Port must be a number from 1 to 65535 (got 'abc')".
#include <optional>
#include <string>
#include <string_view>

namespace dbsql::config {

// One value as the resolver found it.
struct KeyValue {
  std::string_view key;     // spelling the user used
  std::string_view value;   // trimmed, non-empty
  std::string_view origin;  // empty for the connection string, else e.g. "DSN 'prod'"
};

// Throws Error 08001: "<key> must be <requirement> (got '<value>'[ in <origin>])".
[[noreturn]] void bad_value(const KeyValue& v, std::string_view requirement);

// 1/0, true/false, yes/no, on/off (any case).
bool parse_bool(const KeyValue& v);
// A decimal integer in [min, max].
int parse_int(const KeyValue& v, int min, int max);

struct HostAndPort {
  std::string host;         // no scheme, no path, no port
  std::optional<int> port;  // from a "host:port" form
};
// Accepts "host", "host:port", "https://host/", "[::1]:8443"; refuses paths and spaces.
HostAndPort parse_host(const KeyValue& v);

// The warehouse id in an HTTPPath: /sql/1.0/warehouses/<id> or /sql/1.0/endpoints/<id>,
// with or without the leading '/', ending at '?' or '&' (e.g. "?o=123"). A cluster path
// (sql/protocolv1/o/<org>/<cluster>) is refused: only SQL warehouses speak this API.
std::string warehouse_id_from_http_path(const KeyValue& v);
// A bare warehouse id: letters, digits, '-' and '_' (it becomes part of request URLs).
std::string parse_warehouse_id(const KeyValue& v);

// An absolute http(s) URL. With loopback_only, an http:// URL on 127.0.0.1, localhost or
// [::1] (the U2M redirect the driver itself listens on).
std::string parse_url(const KeyValue& v, bool loopback_only);

}  // namespace dbsql::config
