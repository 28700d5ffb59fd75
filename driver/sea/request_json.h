#pragma once
// Request bodies for the Statement Execution API, written directly as JSON text.
#include <string>
#include <string_view>

#include "sea/client.h"

namespace dbsql::sea {

// Appends `text` as a JSON string literal: quotes, backslashes and control characters
// escaped; UTF-8 passed through unchanged.
void append_json_string(std::string& out, std::string_view text);

// POST /api/2.0/sql/statements: the statement with its session defaults and parameters,
// JSON_ARRAY format, the request's disposition, `wait_timeout` (e.g. "10s") with
// on_wait_timeout CONTINUE.
std::string execute_body(const ExecuteRequest& request, std::string_view warehouse_id,
                         std::string_view wait_timeout);

}  // namespace dbsql::sea
