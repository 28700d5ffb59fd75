#include "config/values.h"

#include <charconv>

#include "config/connection_string.h"
#include "util/error.h"
#include "util/strings.h"

namespace dbsql::config {
namespace {

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool is_host_char(char c) {
  return is_id_char(c) || c == '.';
}

std::string_view strip_scheme(std::string_view text) {
  for (std::string_view scheme : {std::string_view("https://"), std::string_view("http://")}) {
    if (util::istarts_with(text, scheme)) return text.substr(scheme.size());
  }
  return text;
}

}  // namespace

void bad_value(const KeyValue& v, std::string_view requirement) {
  std::string message = std::string(v.key) + " must be " + std::string(requirement);
  if (is_secret_key(v.key)) {
    message += " (the value given is not shown: it is a secret";
  } else {
    message += " (got '" + std::string(v.value) + "'";
  }
  if (!v.origin.empty()) message += " in " + std::string(v.origin);
  message += ")";
  throw Error("08001", message);
}

bool parse_bool(const KeyValue& v) {
  for (std::string_view yes : {"1", "true", "yes", "on"}) {
    if (util::iequals(v.value, yes)) return true;
  }
  for (std::string_view no : {"0", "false", "no", "off"}) {
    if (util::iequals(v.value, no)) return false;
  }
  bad_value(v, "0 or 1");
}

int parse_int(const KeyValue& v, int min, int max) {
  int out = 0;
  const char* end = v.value.data() + v.value.size();
  const auto [ptr, ec] = std::from_chars(v.value.data(), end, out);
  if (ec != std::errc() || ptr != end || out < min || out > max) {
    bad_value(v, "a number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return out;
}

HostAndPort parse_host(const KeyValue& v) {
  constexpr std::string_view kRequirement =
      "the workspace host name, e.g. adb-1234567890123456.7.azuredatabricks.net (put the "
      "warehouse path in HTTPPath)";
  std::string_view text = strip_scheme(v.value);
  while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  HostAndPort out;
  std::string_view port;
  bool has_port = false;
  if (!text.empty() && text.front() == '[') {  // IPv6 literal
    const size_t close = text.find(']');
    if (close == std::string_view::npos) bad_value(v, kRequirement);
    out.host = std::string(text.substr(0, close + 1));
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') bad_value(v, kRequirement);
      has_port = true;
      port = rest.substr(1);
    }
  } else {
    const size_t colon = text.rfind(':');
    out.host = std::string(text.substr(0, colon));
    if (colon != std::string_view::npos) {
      has_port = true;
      port = text.substr(colon + 1);
    }
    if (out.host.empty()) bad_value(v, kRequirement);
    for (char c : out.host) {
      if (!is_host_char(c)) bad_value(v, kRequirement);
    }
  }
  if (has_port) {
    int number = 0;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (port.empty() || ec != std::errc() || ptr != port.data() + port.size() || number < 1 ||
        number > 65535) {
      bad_value(v, "a host name, optionally followed by :<port from 1 to 65535>");
    }
    out.port = number;
  }
  return out;
}

std::string parse_warehouse_id(const KeyValue& v) {
  for (char c : v.value) {
    if (!is_id_char(c)) bad_value(v, "a warehouse id (letters, digits, '-' and '_')");
  }
  return std::string(v.value);
}

std::string warehouse_id_from_http_path(const KeyValue& v) {
  std::string_view path = v.value.substr(0, v.value.find_first_of("?&"));
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const std::string normalized = "/" + std::string(path.substr(path.starts_with('/') ? 1 : 0));
  for (std::string_view marker : {"/warehouses/", "/endpoints/"}) {
    const size_t at = normalized.rfind(marker);
    if (at == std::string::npos) continue;
    const std::string id = normalized.substr(at + marker.size());
    if (id.empty() || id.find('/') != std::string::npos) break;
    for (char c : id) {
      if (!is_id_char(c)) bad_value(v, "/sql/1.0/warehouses/<warehouse id>");
    }
    return id;
  }
  if (normalized.find("/protocolv1/") != std::string::npos) {
    throw Error("08001",
                "Only SQL warehouses are supported: " + std::string(v.key) +
                    " must be /sql/1.0/warehouses/<id> (got the cluster path '" +
                    std::string(v.value) +
                    "'). Copy the HTTP path from the Connection details of a SQL warehouse.");
  }
  bad_value(v, "/sql/1.0/warehouses/<warehouse id>, from the warehouse's Connection details");
}

std::string parse_url(const KeyValue& v, bool loopback_only) {
  const std::string_view text = v.value;
  const bool https = util::istarts_with(text, "https://");
  const bool http = util::istarts_with(text, "http://");
  std::string_view rest = strip_scheme(text);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (loopback_only) {
    const std::string_view host = authority.substr(
        0, authority.starts_with('[') ? authority.find(']') + 1 : authority.find(':'));
    const bool loopback =
        util::iequals(host, "127.0.0.1") || util::iequals(host, "localhost") || host == "[::1]";
    if (!http || !loopback) {
      bad_value(v, "an http:// URL on 127.0.0.1 or localhost, e.g. http://127.0.0.1:8020/callback");
    }
    return std::string(text);
  }
  if ((!https && !http) || authority.empty()) bad_value(v, "an https:// URL");
  return std::string(text);
}

}  // namespace dbsql::config
