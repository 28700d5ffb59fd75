#include "util/user_agent.h"

#include <sys/utsname.h>

#include "util/strings.h"

#ifndef DBSQL_VERSION
#define DBSQL_VERSION "0.0.0"
#endif

namespace dbsql::util {
namespace {

std::string platform() {
  utsname names{};
  if (::uname(&names) != 0) return "unknown";
  return std::string(names.sysname) + " " + names.machine;
}

}  // namespace

bool valid_user_agent_entry(std::string_view entry) {
  if (entry.empty() || entry.size() > kMaxUserAgentEntry) return false;
  if (trim(entry).size() != entry.size()) return false;
  for (char c : entry) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

std::string user_agent(std::string_view entry) {
  static const std::string base =
      std::string("dbsql-odbc/") + DBSQL_VERSION + " (" + platform() + ")";
  if (entry.empty()) return base;
  return base + " " + std::string(entry);
}

}  // namespace dbsql::util
