#include "config/layers.h"

#include <algorithm>
#include <array>
#include <utility>

#include "util/strings.h"

namespace dbsql::config {
namespace {

// (profile key, environment variable, connection key); auth_type has no connection key.
struct SharedKey {
  std::string_view profile_key;
  std::string_view env_var;
  std::string_view key;
};
constexpr std::array<SharedKey, 6> kSharedKeys = {{
    {"host", "DATABRICKS_HOST", "Host"},
    {"token", "DATABRICKS_TOKEN", "Token"},
    {"client_id", "DATABRICKS_CLIENT_ID", "Auth_Client_ID"},
    {"client_secret", "DATABRICKS_CLIENT_SECRET", "Auth_Client_Secret"},
    {"warehouse_id", "DATABRICKS_WAREHOUSE_ID", "WarehouseId"},
    {"auth_type", "DATABRICKS_AUTH_TYPE", ""},
}};

void note_key(std::vector<std::string>& list, const std::string& key) {
  const bool listed = std::any_of(list.begin(), list.end(),
                                  [&](const std::string& k) { return util::iequals(k, key); });
  if (!listed) list.push_back(key);
}

// The CLI and SDKs use only scheme://host[:port] of a configured host URL, so a pasted
// workspace URL such as https://adb-1.azuredatabricks.net/?o=1 works there and here.
std::string authority_of(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  return std::string(url.substr(0, url.find_first_of("/?#")));
}

void add_shared(SharedConfig& out, std::string_view key, std::string value, std::string origin) {
  if (key == "Host") value = authority_of(value);
  if (value.empty()) return;
  Entry entry{key.empty() ? "auth_type" : std::string(key), std::move(value), std::move(origin)};
  if (key.empty()) {
    out.auth_type = entry;
    return;
  }
  if (key == "Host") out.host = entry;
  out.entries.push_back(std::move(entry));
}

}  // namespace

void MergedKeys::add(Layer layer, const std::vector<Entry>& entries, Settings& settings) {
  const bool application = layer == Layer::kConnection || layer == Layer::kDsn;
  for (const Entry& e : entries) {
    const KeySpec* spec = find_key(e.key);
    if (spec == nullptr) {
      if (layer == Layer::kConnection) note_key(settings.unknown_keys, e.key);
      if (layer == Layer::kDsn) note_key(settings.unknown_dsn_keys, e.key);
      continue;
    }
    if (spec->kind == KeyKind::kIgnored) {
      if (application) note_key(settings.ignored_keys, e.key);
      continue;
    }
    const std::string value(util::trim(e.value));
    if (value.empty() || find(spec->name) != nullptr) continue;
    found_.push_back({spec, e.key, value, layer, e.origin});
  }
}

const Found* MergedKeys::find(std::string_view canonical_name) const {
  for (const Found& f : found_) {
    if (f.spec->name == canonical_name) return &f;
  }
  return nullptr;
}

std::vector<Entry> entries_of(const std::vector<Attribute>& attributes, const std::string& origin) {
  std::vector<Entry> out;
  out.reserve(attributes.size());
  for (const Attribute& a : attributes) out.push_back({a.key, a.value, origin});
  return out;
}

SharedConfig from_profile(const Profile& profile) {
  SharedConfig out;
  const std::string origin = "profile '" + profile.name + "' of " + profile.file;
  for (const SharedKey& k : kSharedKeys) {
    if (const std::string* value = profile.find(k.profile_key)) {
      add_shared(out, k.key, std::string(util::trim(*value)), origin);
    }
  }
  return out;
}

SharedConfig from_environment(const Sources& sources) {
  SharedConfig out;
  for (const SharedKey& k : kSharedKeys) {
    if (std::optional<std::string> value = sources.env(std::string(k.env_var))) {
      add_shared(out, k.key, std::string(util::trim(*value)),
                 "environment variable " + std::string(k.env_var));
    }
  }
  return out;
}

}  // namespace dbsql::config
