#pragma once
// Plain values parsed from Statement Execution API responses. No JSON types leak out
// of sea/: the layers above see only these and RowBatch.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dbsql::sea {

// One manifest.schema.columns[] entry, as the server sent it.
struct ColumnInfo {
  std::string name;
  int position = 0;
  std::string type_name;      // open set: LONG, STRING, TIMESTAMP_NTZ, VARIANT, NULL, ...
  std::string type_text;      // e.g. DECIMAL(10,2), ARRAY<INT>, VOID
  int precision = -1;         // type_precision (DECIMAL only), -1 when absent
  int scale = -1;             // type_scale (DECIMAL only), -1 when absent
  std::string interval_type;  // type_interval_type (INTERVAL only), e.g. "DAY TO SECOND"
  // Not in server manifests; known for result sets the driver builds (catalog functions).
  std::optional<bool> nullable;
};

struct ChunkInfo {
  int64_t chunk_index = 0;
  int64_t row_offset = 0;
  int64_t row_count = 0;
  std::optional<int64_t> byte_count;
};

struct Manifest {
  std::string format;  // JSON_ARRAY
  int column_count = 0;
  std::vector<ColumnInfo> columns;
  // Absent from some answers: the "bounded" result API drops total_chunk_count (chunks are
  // then found by next_chunk_index alone), and the row count is not always sent.
  std::optional<int64_t> total_row_count;
  std::optional<int64_t> total_chunk_count;
  std::optional<int64_t> total_byte_count;
  std::vector<ChunkInfo> chunks;
  bool truncated = false;
};

enum class Disposition { kInline, kExternalLinks };

// A named parameter on the wire: ODBC `?` markers are rewritten to :p1, :p2, ...
struct Parameter {
  std::string name;
  std::optional<std::string> value;  // nullopt = SQL NULL
  std::string type;                  // INT, STRING, DECIMAL(10,2), ...
};

}  // namespace dbsql::sea
