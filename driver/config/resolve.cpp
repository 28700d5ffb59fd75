#include "config/resolve.h"

#include <filesystem>

#include "config/auth_choice.h"
#include "config/databrickscfg.h"
#include "config/layers.h"
#include "util/error.h"
#include "util/secrets.h"
#include "util/strings.h"

namespace dbsql::config {
namespace {

[[noreturn]] void fail(const std::string& message) {
  throw Error("08001", message);
}

std::string env_or_empty(const Sources& sources, const char* name) {
  return std::string(util::trim(sources.env(name).value_or("")));
}

// The configuration file: DATABRICKS_CONFIG_FILE (with ~ expanded) or ~/.databrickscfg.
std::string config_file(const Sources& sources) {
  const std::string home = env_or_empty(sources, "HOME");
  std::string file = env_or_empty(sources, "DATABRICKS_CONFIG_FILE");
  if (file.empty()) return home.empty() ? std::string() : home + "/.databrickscfg";
  if (file == "~" || file.starts_with("~/")) file = home + file.substr(1);
  return file;
}

std::string host_of(const Entry& entry) {
  return parse_host({entry.key, entry.value, entry.origin}).host;
}

// A profile or the environment joins only when it names no host or the connection's own.
bool same_workspace(const std::optional<std::string>& host, const SharedConfig& shared) {
  return !host || !shared.host || util::iequals(*host, host_of(*shared.host));
}

std::optional<std::string> host_so_far(const MergedKeys& keys) {
  const Found* f = keys.find("Host");
  if (f == nullptr) return std::nullopt;
  return parse_host(f->kv()).host;
}

// Adds the profile (and returns its auth_type) when it belongs to this workspace.
std::optional<Entry> add_profile(const Sources& sources, MergedKeys& keys, Settings& s) {
  const Found* key = keys.find("Profile");
  const std::string name = key ? key->value : env_or_empty(sources, "DATABRICKS_CONFIG_PROFILE");
  const std::string file = config_file(sources);
  if (file.empty()) {
    if (name.empty()) return std::nullopt;
    fail("Profile '" + name +
         "' was asked for but there is no configuration file to read it "
         "from: HOME is not set; set DATABRICKS_CONFIG_FILE to the file's path");
  }
  const std::optional<Profile> profile = load_profile(file, name);
  if (!profile) return std::nullopt;
  const SharedConfig shared = from_profile(*profile);
  const std::optional<std::string> host = host_so_far(keys);
  if (!same_workspace(host, shared)) {
    // DATABRICKS_CONFIG_PROFILE may be set for the CLI while this connection goes to
    // another workspace; only a Profile key of the connection itself makes that an error.
    if (key == nullptr) return std::nullopt;
    fail("Profile '" + profile->name + "' of " + profile->file + " is for host " +
         host_of(*shared.host) + " but the connection is for host " + *host +
         ": remove one of them, or use a profile for " + *host);
  }
  keys.add(Layer::kProfile, shared.entries, s);
  s.profile = profile->name + " (" + profile->file + ")";
  return shared.auth_type;
}

std::optional<Entry> add_environment(const Sources& sources, MergedKeys& keys, Settings& s) {
  const SharedConfig shared = from_environment(sources);
  if (!same_workspace(host_so_far(keys), shared)) return std::nullopt;
  keys.add(Layer::kEnvironment, shared.entries, s);
  return shared.auth_type;
}

void resolve_host(const MergedKeys& keys, Settings& s) {
  const Found* f = keys.find("Host");
  if (f == nullptr) {
    fail(
        "Host is missing: set Host=<workspace host> (e.g. "
        "adb-1234567890123456.7.azuredatabricks.net) "
        "in the connection string or DSN");
  }
  const HostAndPort host = parse_host(f->kv());
  s.host = host.host;
  // A port written into Host counts as a Port key of the same source; an explicit Port
  // of that source or a higher one wins.
  const Found* port = keys.find("Port");
  if (host.port && (port == nullptr || port->layer > f->layer)) s.port = *host.port;
}

void resolve_warehouse(const MergedKeys& keys, Settings& s) {
  const Found* path = keys.find("HTTPPath");
  const Found* id = keys.find("WarehouseId");
  if (path == nullptr && id == nullptr) {
    fail(
        "The SQL warehouse is missing: set HTTPPath=/sql/1.0/warehouses/<id> (from the "
        "warehouse's Connection details) or WarehouseId=<id>");
  }
  const std::string from_path = path ? warehouse_id_from_http_path(path->kv()) : std::string();
  const std::string from_id = id ? parse_warehouse_id(id->kv()) : std::string();
  if (path && id && path->layer == id->layer && from_path != from_id) {
    fail("HTTPPath names warehouse " + from_path + " but WarehouseId is " + from_id +
         ": set only one of them");
  }
  const bool use_path = path && (!id || path->layer <= id->layer);
  s.warehouse_id = use_path ? from_path : from_id;
  s.http_path = use_path ? path->value : "/sql/1.0/warehouses/" + from_id;
}

void check_files_and_proxy(const Settings& s) {
  std::error_code ec;
  if (!s.ca_file.empty() && !std::filesystem::is_regular_file(s.ca_file, ec)) {
    fail("TrustedCerts file '" + s.ca_file +
         "' does not exist: set TrustedCerts (or CAFile) to a PEM file of trusted CA certificates");
  }
  if (s.proxy.enabled && (s.proxy.host.empty() || s.proxy.port == 0)) {
    fail("UseProxy=1 needs ProxyHost=<proxy host> and ProxyPort=<proxy port>");
  }
}

void register_secrets(const Settings& s) {
  for (const std::string* secret : {&s.token, &s.oauth.client_secret, &s.proxy.password}) {
    if (!secret->empty()) util::register_secret(*secret);
  }
}

std::string secret_state(const std::string& secret) {
  return secret.empty() ? "(none)" : std::string(util::kMasked);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return "[" + out + "]";
}

std::string auth_name(AuthKind kind) {
  switch (kind) {
    case AuthKind::kPat:
      return "pat";
    case AuthKind::kAccessToken:
      return "access-token";
    case AuthKind::kClientCredentials:
      return "oauth-m2m";
    case AuthKind::kBrowser:
      return "oauth-u2m";
  }
  return "?";
}

}  // namespace

Settings resolve_settings(const ConnectionString& connection, const Sources& sources) {
  Settings s;
  MergedKeys keys;
  keys.add(Layer::kConnection, entries_of(connection.attributes(), ""), s);
  if (const Found* dsn = keys.find("DSN")) {
    s.dsn = dsn->value;
    keys.add(Layer::kDsn, entries_of(sources.dsn_entries(s.dsn), "DSN '" + s.dsn + "'"), s);
  }
  std::optional<Entry> auth_type = add_profile(sources, keys, s);
  std::optional<Entry> env_auth_type = add_environment(sources, keys, s);
  if (!auth_type) auth_type = env_auth_type;

  for (const Found& f : keys.all()) {
    if (f.spec->kind == KeyKind::kSetting) f.spec->apply(s, f.kv());
  }
  // Secrets are registered before any check can fail, so no later log line shows them.
  register_secrets(s);
  resolve_host(keys, s);
  resolve_warehouse(keys, s);
  resolve_auth(keys, auth_type, s);
  register_secrets(s);
  check_files_and_proxy(s);
  return s;
}

std::string describe(const Settings& s) {
  std::string out =
      "host=" + s.host + " port=" + std::to_string(s.port) + " ssl=" + (s.ssl ? "1" : "0") +
      " warehouse=" + s.warehouse_id + " http_path=" + s.http_path + " auth=" + auth_name(s.auth) +
      " token=" + secret_state(s.token) + " client_id=" + s.oauth.client_id +
      " client_secret=" + secret_state(s.oauth.client_secret) + " catalog=" + s.catalog +
      " schema=" + s.schema +
      " disposition=" + (s.disposition == Disposition::kInline ? "inline" : "external_links") +
      " proxy=" + (s.proxy.enabled ? s.proxy.host + ":" + std::to_string(s.proxy.port) : "off") +
      " ca_file=" + s.ca_file + " allow_self_signed=" + (s.allow_self_signed ? "1" : "0") +
      " log_level=" + std::to_string(s.log_level) + " dsn=" + s.dsn + " profile=" + s.profile +
      " ignored_keys=" + joined(s.ignored_keys) + " unknown_keys=" + joined(s.unknown_keys) +
      " unknown_dsn_keys=" + joined(s.unknown_dsn_keys);
  // Settings hold no secret outside the fields masked above, but the registry is the net.
  return util::mask_secrets(out);
}

}  // namespace dbsql::config
