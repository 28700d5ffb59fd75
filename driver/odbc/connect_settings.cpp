#include "odbc/connect_settings.h"

#include "config/connection_string.h"
#include "config/resolve.h"
#include "config/sources.h"
#include "util/error.h"

namespace dbsql::odbc {

ResolvedConnection resolve_connection(const std::string& connection_string) {
  const config::ConnectionString parsed = config::ConnectionString::parse(connection_string);
  ResolvedConnection resolved;
  resolved.settings = config::resolve_settings(parsed, config::system_sources());
  resolved.completed = parsed.to_string(/*mask_secrets=*/true);
  if (const std::string* dsn = parsed.find("DSN")) resolved.dsn = *dsn;
  return resolved;
}

std::string dsn_connection_string(const std::string& dsn, const std::string& user,
                                  const std::string& password) {
  config::ConnectionString cs;
  if (!dsn.empty()) cs.add("DSN", dsn);
  if (!user.empty()) cs.add("UID", user);
  if (!password.empty()) cs.add("PWD", password);
  return cs.to_string(/*mask_secrets=*/false);
}

std::string token_from_credentials(const std::string& connection_string) {
  config::ConnectionString cs;
  try {
    cs = config::ConnectionString::parse(connection_string);
  } catch (const Error& e) {
    throw Error("HY024",
                std::string("Invalid attribute value for SQL_ATTR_CREDENTIALS: ") + e.what());
  }
  for (const char* key : {"Auth_AccessToken", "Token", "PWD"})
    if (const std::string* token = cs.find(key); token != nullptr && !token->empty()) return *token;
  throw Error("HY024", "Invalid attribute value: the credentials hold no Auth_AccessToken.");
}

}  // namespace dbsql::odbc
