#pragma once
// What the resolver may read besides the connection string: environment variables and
// the DSN's entries in odbc.ini. Injected so unit tests need neither a real environment
// nor ini files.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/connection_string.h"

namespace dbsql::config {

struct Sources {
  // getenv: the value of an environment variable, or nullopt when unset.
  std::function<std::optional<std::string>(const std::string& name)> env;
  // Every entry of the DSN's section of odbc.ini, in file order; empty when none.
  std::function<std::vector<Attribute>(const std::string& dsn)> dsn_entries;
};

// The process environment (HOME falls back to the password database) and odbc.ini via
// libodbcinst's SQLGetPrivateProfileString (user DSNs, then system DSNs, as the driver
// manager finds them).
Sources system_sources();

std::vector<Attribute> read_dsn_from_odbcinst(const std::string& dsn);

}  // namespace dbsql::config
