#pragma once
// The ODBC layer's one door into config/: a connection string (with DSN, profile and
// environment merged by config/) becomes Settings plus the completed connection string.
#include <string>

#include "config/settings.h"

namespace dbsql::odbc {

struct ResolvedConnection {
  config::Settings settings;
  std::string completed;  // for SQLDriverConnect's output: secrets masked
  std::string dsn;        // the data source name, if one was given
};

// Throws Error 08001 / HY000 naming the key for missing or bad values.
ResolvedConnection resolve_connection(const std::string& connection_string);

// "DSN=<dsn>;UID=<user>;PWD=<password>" for SQLConnect, braced where needed, empty parts left out.
std::string dsn_connection_string(const std::string& dsn, const std::string& user,
                                  const std::string& password);

// The access token carried by a connection string given to SQL_ATTR_CREDENTIALS
// (Auth_AccessToken, or its aliases); Error HY024 when there is none.
std::string token_from_credentials(const std::string& connection_string);

}  // namespace dbsql::odbc
