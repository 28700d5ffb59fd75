#pragma once
// ISO-8601 timestamps as the API writes them (link expirations: "2024-11-08T15:20:17.922Z").
#include <chrono>
#include <optional>
#include <string_view>

namespace dbsql::sea {

// "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)" → UTC time point; nullopt when malformed.
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

}  // namespace dbsql::sea
