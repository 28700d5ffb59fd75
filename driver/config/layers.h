#pragma once
// The resolver's view of the connection keys: every source reduced to canonical keys,
// merged so that each key holds the value of the highest-precedence source that gave one.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/databrickscfg.h"
#include "config/keys.h"
#include "config/settings.h"
#include "config/sources.h"

namespace dbsql::config {

// In precedence order.
enum class Layer { kConnection, kDsn, kProfile, kEnvironment };

struct Entry {
  std::string key;  // as written (profile and environment entries use canonical names)
  std::string value;
  std::string origin;  // empty for the connection string, else e.g. "DSN 'prod'"
};

struct Found {
  const KeySpec* spec;
  std::string key;
  std::string value;  // trimmed, non-empty
  Layer layer;
  std::string origin;

  KeyValue kv() const { return {key, value, origin}; }
  // Given by the application (connection string or its DSN), not by shared configuration.
  bool from_application() const { return layer == Layer::kConnection || layer == Layer::kDsn; }
};

class MergedKeys {
 public:
  // Adds the entries of the next source, of lower precedence than all added before.
  // Unknown and ignored keys of the connection string and DSN are listed in `settings`.
  void add(Layer layer, const std::vector<Entry>& entries, Settings& settings);
  const Found* find(std::string_view canonical_name) const;
  const std::vector<Found>& all() const { return found_; }

 private:
  std::vector<Found> found_;
};

std::vector<Entry> entries_of(const std::vector<Attribute>& attributes, const std::string& origin);

// A ~/.databrickscfg profile or the DATABRICKS_* variables as connection keys (host →
// Host, token → Token, client_id → Auth_Client_ID, ...). Their auth_type, which has no
// connection key, is returned separately.
struct SharedConfig {
  std::vector<Entry> entries;
  std::optional<Entry> auth_type;
  std::optional<Entry> host;  // the Host entry, if any
};
SharedConfig from_profile(const Profile& profile);
SharedConfig from_environment(const Sources& sources);

}  // namespace dbsql::config
