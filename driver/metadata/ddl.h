#pragma once
// Which statements change what the catalog functions report, so a connection drops its
// metadata cache after running one (Connection::metadata_changed).
#include <string_view>

namespace dbsql::metadata {

// True for DDL and the other statements that create, drop, rename or describe objects
// (CREATE, DROP, ALTER, RENAME, COMMENT ON, GRANT, REVOKE, UNDROP, MSCK, REFRESH, SYNC),
// judged by the first keyword after leading blanks, comments and parentheses.
bool changes_metadata(std::string_view sql);

}  // namespace dbsql::metadata
