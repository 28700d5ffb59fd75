#pragma once
// Which sign-in method a connection uses and with which credentials (see resolve.h for
// the order in which the sources decide it).
#include <optional>

#include "config/layers.h"
#include "config/settings.h"

namespace dbsql::config {

// Sets settings.auth, settings.token and checks the OAuth client settings the chosen flow
// needs. `auth_type` is the auth_type of the profile or environment in use, if any.
// Throws Error 08001 naming the missing or wrong key.
void resolve_auth(const MergedKeys& keys, const std::optional<Entry>& auth_type,
                  Settings& settings);

}  // namespace dbsql::config
