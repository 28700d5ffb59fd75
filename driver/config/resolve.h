#pragma once
// Connection string + DSN + ~/.databrickscfg profile + DATABRICKS_* environment + defaults
// → one validated Settings, with that precedence (DESIGN.md), key by key.
//
// Rules the precedence alone does not settle:
//   - An empty value counts as not given, so "PWD=" does not hide the DSN's token.
//   - A profile or the environment contributes only when it names no host or the same
//     host as the connection: credentials meant for one workspace are never sent to
//     another. An explicitly named profile for another host is an error.
//   - The sign-in method is AuthMech (+ Auth_Flow) when given; otherwise it follows the
//     credentials the connection string or DSN carries (Auth_AccessToken → pass-through,
//     PWD/Token → PAT, Auth_Client_Secret → M2M), then the profile's or environment's
//     auth_type (pat, oauth-m2m, external-browser), then the credentials they carry.
#include <string>

#include "config/connection_string.h"
#include "config/settings.h"
#include "config/sources.h"

namespace dbsql::config {

// Throws dbsql::Error 08001 naming the key, the accepted values and where the bad value
// came from. Registers every secret it finds with util::register_secret so the log never
// shows it. Unknown keys end in Settings::unknown_keys, vendor keys in ignored_keys.
Settings resolve_settings(const ConnectionString& connection, const Sources& sources);

// One log line describing `settings`, secrets shown as "*****".
std::string describe(const Settings& settings);

}  // namespace dbsql::config
