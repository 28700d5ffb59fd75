#pragma once
// Statement Execution API responses as plain values (internal to sea/): what the parser
// produces and the lifecycle and result stream consume.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sea/row_batch.h"
#include "sea/types.h"

namespace dbsql::sea {

enum class StatementState { kPending, kRunning, kSucceeded, kFailed, kCanceled, kClosed, kUnknown };

StatementState parse_state(std::string_view text);
bool is_terminal(StatementState state);

struct StatementStatus {
  StatementState state = StatementState::kUnknown;
  std::string state_text;  // as sent, for messages about unknown states
  std::string error_code;  // status.error.error_code (a number is kept as its digits)
  std::string message;     // status.error.message
  std::string sql_state;   // status.sql_state, when the server sent it
};

struct ExternalLink {
  int64_t chunk_index = 0;
  int64_t row_offset = 0;
  int64_t row_count = 0;
  std::optional<int64_t> byte_count;
  std::string url;  // presigned: a secret, never logged
  std::optional<std::chrono::system_clock::time_point> expiration;
  std::vector<std::pair<std::string, std::string>> http_headers;  // values are secrets
  std::optional<int64_t> next_chunk_index;
  std::string next_chunk_internal_link;
};

// A `result` object: the first chunk inside a statement response, or the whole body of
// GET .../result/chunks/{n}.
struct ResultData {
  std::optional<int64_t> chunk_index;
  std::optional<int64_t> row_offset;
  std::optional<int64_t> row_count;
  std::optional<RowBatch> rows;  // INLINE: the parsed data_array
  std::vector<ExternalLink> links;
  std::optional<int64_t> next_chunk_index;
  std::string next_chunk_internal_link;
  bool has_attachment = false;  // Arrow bytes (hybrid disposition): not readable here
};

struct StatementResponse {
  std::string statement_id;
  StatementStatus status;
  std::optional<Manifest> manifest;
  std::optional<ResultData> result;
};

// An error body: {"error_code": "..." | 401, "message": "..."}.
struct ApiError {
  std::string error_code;
  std::string message;
};

}  // namespace dbsql::sea
