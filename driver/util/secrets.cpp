#include "util/secrets.h"

#include <algorithm>
#include <array>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <utility>
#include <vector>

#include "util/strings.h"

namespace dbsql::util {
namespace {

using Range = std::pair<size_t, size_t>;  // [begin, end) of the original text to hide

constexpr size_t kMaxRegistered = 256;

// Field names whose values are secrets, in JSON bodies ("name":"value"), form bodies and
// query strings (name=value) and connection strings (name=value or name={value}).
constexpr std::array<std::string_view, 27> kSecretFields = {
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "code",
    "code_verifier",
    "device_code",
    "password",
    "pwd",
    "token",
    "auth_accesstoken",
    "auth_client_secret",
    "auth_refreshtoken",
    "proxypwd",
    "tokencachepassphrase",
    "passphrase",
    "assertion",
    "client_assertion",
    "subject_token",
    "secret",
    "sig",
    "signature",
    "x-amz-signature",
    "x-amz-security-token",
    "x-amz-credential",
    "x-goog-signature",
    "x-goog-credential",
};

struct Registry {
  std::shared_mutex mu;
  std::deque<std::string> secrets;  // oldest first
};

Registry& registry() {
  static Registry r;
  return r;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Characters that end an unquoted value in a form body, query string, header or log text.
bool ends_value(char c) {
  return is_space(c) || c == '&' || c == ';' || c == '"' || c == '\'' || c == '<' || c == '>' ||
         c == ',';
}

bool ends_url(char c) {
  return is_space(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
}

size_t skip_spaces(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

void add_registered(std::string_view text, std::vector<Range>& out) {
  auto& reg = registry();
  std::shared_lock lock(reg.mu);
  for (const std::string& secret : reg.secrets) {
    for (size_t at = text.find(secret); at != std::string_view::npos;
         at = text.find(secret, at + secret.size())) {
      out.emplace_back(at, at + secret.size());
    }
  }
}

// The user:password part and the query string of the URL at [begin, end).
void add_url_parts(std::string_view text, size_t begin, size_t end, std::vector<Range>& out) {
  const size_t authority = text.find("//", begin);
  if (authority == std::string_view::npos || authority >= end) return;
  size_t host_end = authority + 2;
  while (host_end < end && text[host_end] != '/' && text[host_end] != '?' && text[host_end] != '#')
    ++host_end;
  const size_t at = text.substr(0, host_end).rfind('@');
  if (at != std::string_view::npos && at > authority) out.emplace_back(authority + 2, at);
  for (size_t i = host_end; i < end; ++i) {
    if (text[i] == '?' || text[i] == '#') {
      if (i + 1 < end) out.emplace_back(i + 1, end);
      return;
    }
  }
}

void add_urls(std::string_view text, std::string_view lower, std::vector<Range>& out) {
  for (size_t at = lower.find("://"); at != std::string_view::npos;
       at = lower.find("://", at + 3)) {
    size_t begin = at;
    while (begin > 0 &&
           ((lower[begin - 1] >= 'a' && lower[begin - 1] <= 'z') || lower[begin - 1] == '+' ||
            lower[begin - 1] == '.' || lower[begin - 1] == '-'))
      --begin;
    if (begin == at) continue;  // no scheme
    size_t end = at + 3;
    while (end < text.size() && !ends_url(text[end])) ++end;
    add_url_parts(text, begin, end, out);
  }
}

// Headers whose whole value is a credential, up to the end of the line.
constexpr std::array<std::string_view, 5> kSecretHeaders = {
    "authorization:", "proxy-authorization:", "cookie:", "set-cookie:",
    "x-databricks-azure-sp-management-token:"};

void add_secret_headers(std::string_view lower, std::vector<Range>& out) {
  for (std::string_view header : kSecretHeaders) {
    for (size_t at = lower.find(header); at != std::string_view::npos;
         at = lower.find(header, at + header.size())) {
      if (at > 0 && is_name_char(lower[at - 1])) continue;
      const size_t begin = skip_spaces(lower, at + header.size());
      size_t end = begin;
      while (end < lower.size() && lower[end] != '\r' && lower[end] != '\n') ++end;
      if (end > begin) out.emplace_back(begin, end);
    }
  }
}

// "Bearer <credential>" and "Basic <credential>" wherever they appear.
void add_scheme_credentials(std::string_view lower, std::vector<Range>& out) {
  for (std::string_view scheme : {std::string_view("bearer"), std::string_view("basic")}) {
    for (size_t at = lower.find(scheme); at != std::string_view::npos;
         at = lower.find(scheme, at + scheme.size())) {
      if (at > 0 && is_name_char(lower[at - 1])) continue;
      const size_t after = at + scheme.size();
      if (after >= lower.size() || (lower[after] != ' ' && lower[after] != '\t')) continue;
      const size_t begin = skip_spaces(lower, after);
      size_t end = begin;
      while (end < lower.size() && !ends_value(lower[end])) ++end;
      if (end > begin) out.emplace_back(begin, end);
    }
  }
}

// "field": "value" in JSON, with backslash escapes inside the value.
void add_json_field(std::string_view lower, std::string_view field, std::vector<Range>& out) {
  const std::string quoted = "\"" + std::string(field) + "\"";
  for (size_t at = lower.find(quoted); at != std::string_view::npos;
       at = lower.find(quoted, at + quoted.size())) {
    size_t i = skip_spaces(lower, at + quoted.size());
    if (i >= lower.size() || lower[i] != ':') continue;
    i = skip_spaces(lower, i + 1);
    if (i >= lower.size() || lower[i] != '"') continue;
    const size_t begin = i + 1;
    size_t end = begin;
    while (end < lower.size() && lower[end] != '"') end += (lower[end] == '\\') ? 2 : 1;
    end = std::min(end, lower.size());
    if (end > begin) out.emplace_back(begin, end);
  }
}

// field=value (forms, query strings, connection strings) and field={value with ;}.
void add_assignment(std::string_view lower, std::string_view field, std::vector<Range>& out) {
  for (size_t at = lower.find(field); at != std::string_view::npos;
       at = lower.find(field, at + field.size())) {
    if (at > 0 && is_name_char(lower[at - 1])) continue;
    size_t i = skip_spaces(lower, at + field.size());
    if (i >= lower.size() || lower[i] != '=') continue;
    i = skip_spaces(lower, i + 1);
    size_t end = i;
    if (i < lower.size() && lower[i] == '{') {
      for (end = i + 1; end < lower.size(); ++end) {
        if (lower[end] != '}') continue;
        if (end + 1 < lower.size() && lower[end + 1] == '}') {
          ++end;
          continue;
        }
        ++end;
        break;
      }
    } else {
      while (end < lower.size() && !ends_value(lower[end])) ++end;
    }
    if (end > i) out.emplace_back(i, end);
  }
}

std::string apply_ranges(std::string_view text, std::vector<Range>& ranges) {
  if (ranges.empty()) return std::string(text);
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (size_t i = 0; i < ranges.size();) {
    const size_t begin = std::max(ranges[i].first, pos);
    size_t end = ranges[i].second;
    for (++i; i < ranges.size() && ranges[i].first <= end; ++i)
      end = std::max(end, ranges[i].second);
    if (end <= begin) continue;
    out.append(text.substr(pos, begin - pos));
    out.append(kMasked);
    pos = end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

void register_secret(std::string_view secret) {
  if (secret.size() < kMinRegisteredSecret) return;
  auto& reg = registry();
  std::unique_lock lock(reg.mu);
  if (std::find(reg.secrets.begin(), reg.secrets.end(), secret) != reg.secrets.end()) return;
  if (reg.secrets.size() >= kMaxRegistered) reg.secrets.pop_front();
  reg.secrets.emplace_back(secret);
}

void clear_registered_secrets() {
  auto& reg = registry();
  std::unique_lock lock(reg.mu);
  reg.secrets.clear();
}

std::string mask_secrets(std::string_view text) {
  // Every pattern looks at the original text; overlapping finds merge into one mask.
  const std::string lower = to_lower(text);
  std::vector<Range> ranges;
  add_registered(text, ranges);
  add_urls(text, lower, ranges);
  add_secret_headers(lower, ranges);
  add_scheme_credentials(lower, ranges);
  for (std::string_view field : kSecretFields) {
    add_json_field(lower, field, ranges);
    add_assignment(lower, field, ranges);
  }
  return apply_ranges(text, ranges);
}

std::string redact_url(std::string_view url) {
  std::vector<Range> ranges;
  add_url_parts(url, 0, url.size(), ranges);
  return apply_ranges(url, ranges);
}

}  // namespace dbsql::util
