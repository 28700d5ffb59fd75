#pragma once
// ~/.databrickscfg, the configuration file shared with the Databricks CLI and SDKs: an
// ini file whose sections are profiles. The profile used is, in order: the one named
// explicitly (Profile= key or DATABRICKS_CONFIG_PROFILE), `default_profile` in the
// reserved [__settings__] section, then [DEFAULT] when it has entries. As in the Go SDK
// and the CLI, [DEFAULT] is not merged into other profiles.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/connection_string.h"

namespace dbsql::config {

struct IniSection {
  std::string name;
  std::vector<Attribute> entries;  // keys lower-cased, values trimmed
};

// Lenient parse: '#' and ';' comment lines, "key = value" or "key: value" entries;
// lines that are neither are skipped (the file belongs to other tools too).
std::vector<IniSection> parse_ini(std::string_view text);

struct Profile {
  std::string name;
  std::string file;
  std::vector<Attribute> entries;  // lower-case keys: host, token, client_id, ...
  bool named_explicitly = false;   // chosen by Profile= / DATABRICKS_CONFIG_PROFILE

  const std::string* find(std::string_view key) const;
};

// Loads the profile to use from `file`. `explicit_name` (may be empty) comes from the
// Profile key or DATABRICKS_CONFIG_PROFILE. Without an explicit name, a missing file or a
// file without a usable profile gives nullopt. Throws Error 08001 when an explicitly
// named profile (or the default_profile of [__settings__]) does not exist, listing the
// profiles that do.
std::optional<Profile> load_profile(const std::string& file, const std::string& explicit_name);

}  // namespace dbsql::config
