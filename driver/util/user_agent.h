#pragma once
// The User-Agent every request carries: "dbsql-odbc/<version> (<os> <arch>)", followed by
// the application's UserAgentEntry (e.g. "Tableau/2024.1") so Databricks can attribute
// usage per partner tool.
#include <string>
#include <string_view>

namespace dbsql::util {

inline constexpr size_t kMaxUserAgentEntry = 128;

// True when `entry` can be appended to the User-Agent header: 1 to kMaxUserAgentEntry
// printable ASCII characters. Spaces are allowed (a User-Agent is a list of products
// separated by spaces); control characters would allow header injection, and non-ASCII
// is not valid in a header.
bool valid_user_agent_entry(std::string_view entry);

// The full User-Agent; `entry` must be empty or valid.
std::string user_agent(std::string_view entry);

}  // namespace dbsql::util
