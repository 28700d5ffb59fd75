#include "sea/response_parser.h"

#include <simdjson.h>

#include <charconv>
#include <cstring>

#include "sea/iso_time.h"

namespace dbsql::sea {
namespace {

namespace od = simdjson::ondemand;

std::string_view trim_right(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' ||
                            token.back() == '\t'))
    token.remove_suffix(1);
  return token;
}

int64_t to_int(od::value value) {
  if (value.type() == od::json_type::string) {
    // Some gateways write 64-bit integers as strings (proto3 JSON); accept both.
    const std::string_view text = value.get_string();
    int64_t out = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || end != text.data() + text.size())
      throw MalformedResponse("expected an integer, got \"" + std::string(text) + "\"");
    return out;
  }
  return value.get_int64();
}

std::optional<int64_t> to_optional_int(od::value value) {
  if (value.is_null()) return std::nullopt;
  return to_int(value);
}

// Strings as they are; numbers and booleans as their JSON text (error_code may be 401).
std::string to_string(od::value value) {
  switch (value.type()) {
    case od::json_type::string:
      return std::string(std::string_view(value.get_string()));
    case od::json_type::null:
      return {};
    case od::json_type::number:
    case od::json_type::boolean:
      return std::string(trim_right(value.raw_json_token()));
    default:
      throw MalformedResponse("expected a string, got an array or object");
  }
}

// One data_array cell into the batch. Strings stay where they are in the body (the
// arena); an escaped string is unescaped over its own raw text, which is never shorter.
void append_cell(od::value value, RowBatch& batch, const char* arena) {
  const std::string_view token = trim_right(value.raw_json_token());
  if (token.empty()) throw MalformedResponse("empty value in data_array");
  switch (token.front()) {
    case '"': {
      if (token.size() < 2 || token.back() != '"') throw MalformedResponse("unterminated string");
      char* start = const_cast<char*>(token.data() + 1);
      size_t length = token.size() - 2;
      if (std::memchr(start, '\\', length) != nullptr) {
        const std::string_view unescaped = value.get_string();
        std::memmove(start, unescaped.data(), unescaped.size());
        length = unescaped.size();
      }
      batch.append_span(static_cast<size_t>(start - arena), length);
      return;
    }
    case 'n':
      if (!value.is_null()) throw MalformedResponse("invalid literal in data_array");
      batch.append_null();
      return;
    case '[':
    case '{':
      throw MalformedResponse("nested JSON value in data_array (expected strings or null)");
    default:
      // A bare number or boolean: its text is the value.
      batch.append_span(static_cast<size_t>(token.data() - arena), token.size());
  }
}

// data_array rows into `batch`, whose arena is the body being parsed. A known column
// count (from the manifest) is enforced; otherwise the first row sets it.
void append_rows(od::array rows, RowBatch& batch, const char* arena) {
  size_t columns = batch.column_count();
  size_t row = 0;
  for (od::value row_value : rows) {
    const size_t before = batch.cell_count();
    for (od::value cell : row_value.get_array()) append_cell(cell, batch, arena);
    const size_t width = batch.cell_count() - before;
    if (columns == 0 && row == 0) {
      columns = width;
      batch.set_columns(columns);
    }
    if (width != columns)
      throw MalformedResponse("row " + std::to_string(row) + " has " + std::to_string(width) +
                              " values, but the result has " + std::to_string(columns) +
                              " columns");
    ++row;
  }
}

ColumnInfo parse_column(od::object object) {
  ColumnInfo column;
  for (od::field field : object) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "name")
      column.name = to_string(value);
    else if (key == "position")
      column.position = static_cast<int>(to_int(value));
    else if (key == "type_name")
      column.type_name = to_string(value);
    else if (key == "type_text")
      column.type_text = to_string(value);
    else if (key == "type_precision")
      column.precision = static_cast<int>(to_int(value));
    else if (key == "type_scale")
      column.scale = static_cast<int>(to_int(value));
    else if (key == "type_interval_type")
      column.interval_type = to_string(value);
  }
  return column;
}

void parse_schema(od::object object, Manifest& manifest) {
  for (od::field field : object) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "column_count") {
      manifest.column_count = static_cast<int>(to_int(value));
    } else if (key == "columns") {
      for (od::value column : value.get_array()) manifest.columns.push_back(parse_column(column));
    }
  }
}

ChunkInfo parse_chunk_info(od::object object) {
  ChunkInfo chunk;
  for (od::field field : object) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "chunk_index")
      chunk.chunk_index = to_int(value);
    else if (key == "row_offset")
      chunk.row_offset = to_int(value);
    else if (key == "row_count")
      chunk.row_count = to_int(value);
    else if (key == "byte_count")
      chunk.byte_count = to_optional_int(value);
  }
  return chunk;
}

Manifest parse_manifest(od::object object) {
  Manifest manifest;
  for (od::field field : object) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "format")
      manifest.format = to_string(value);
    else if (key == "schema")
      parse_schema(value, manifest);
    else if (key == "total_row_count")
      manifest.total_row_count = to_int(value);
    else if (key == "total_chunk_count")
      manifest.total_chunk_count = to_int(value);
    else if (key == "total_byte_count")
      manifest.total_byte_count = to_optional_int(value);
    else if (key == "truncated")
      manifest.truncated = value.get_bool();
    else if (key == "chunks")
      for (od::value chunk : value.get_array()) manifest.chunks.push_back(parse_chunk_info(chunk));
  }
  if (!manifest.columns.empty()) manifest.column_count = static_cast<int>(manifest.columns.size());
  return manifest;
}

StatementStatus parse_status(od::object object) {
  StatementStatus status;
  for (od::field field : object) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "state") {
      status.state_text = to_string(value);
      status.state = parse_state(status.state_text);
    } else if (key == "sql_state") {
      status.sql_state = to_string(value);
    } else if (key == "error" && value.type() == od::json_type::object) {
      for (od::field error : value.get_object()) {
        const std::string_view name = error.unescaped_key();
        if (name == "error_code")
          status.error_code = to_string(error.value());
        else if (name == "message")
          status.message = to_string(error.value());
      }
    }
  }
  return status;
}

ExternalLink parse_link(od::object object) {
  ExternalLink link;
  for (od::field field : object) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "chunk_index")
      link.chunk_index = to_int(value);
    else if (key == "row_offset")
      link.row_offset = to_int(value);
    else if (key == "row_count")
      link.row_count = to_int(value);
    else if (key == "byte_count")
      link.byte_count = to_optional_int(value);
    else if (key == "external_link")
      link.url = to_string(value);
    else if (key == "expiration")
      link.expiration = parse_iso8601(to_string(value));
    else if (key == "next_chunk_index")
      link.next_chunk_index = to_optional_int(value);
    else if (key == "next_chunk_internal_link")
      link.next_chunk_internal_link = to_string(value);
    else if (key == "http_headers" && value.type() == od::json_type::object)
      for (od::field header : value.get_object()) {
        std::string name(std::string_view(header.unescaped_key()));
        link.http_headers.emplace_back(std::move(name), to_string(header.value()));
      }
  }
  return link;
}

// A `result` object. Rows land in `arena_owner`, the batch that owns the body.
ResultData parse_result(od::object object, RowBatch& arena_owner, const char* arena) {
  ResultData result;
  for (od::field field : object) {
    const std::string_view key = field.unescaped_key();
    od::value value = field.value();
    if (key == "chunk_index")
      result.chunk_index = to_optional_int(value);
    else if (key == "row_offset")
      result.row_offset = to_optional_int(value);
    else if (key == "row_count")
      result.row_count = to_optional_int(value);
    else if (key == "next_chunk_index")
      result.next_chunk_index = to_optional_int(value);
    else if (key == "next_chunk_internal_link")
      result.next_chunk_internal_link = to_string(value);
    else if (key == "attachment")
      result.has_attachment = !value.is_null();
    else if (key == "external_links")
      for (od::value link : value.get_array()) result.links.push_back(parse_link(link));
    else if (key == "data_array" && value.type() == od::json_type::array) {
      append_rows(value.get_array(), arena_owner, arena);
      result.rows.emplace();  // marks "rows present"; filled by the caller
    }
  }
  return result;
}

template <typename Parse>
auto guarded(Parse&& parse) {
  try {
    return parse();
  } catch (const simdjson::simdjson_error& e) {
    throw MalformedResponse(std::string("invalid JSON: ") + e.what());
  }
}

// Moves the rows parsed into `arena_owner` into the result (they share its arena).
void attach_rows(std::optional<ResultData>& result, RowBatch& arena_owner) {
  if (!result || !result->rows) return;
  arena_owner.set_row_offset(result->row_offset.value_or(0));
  result->rows = std::move(arena_owner);
}

}  // namespace

StatementState parse_state(std::string_view text) {
  if (text == "PENDING") return StatementState::kPending;
  if (text == "RUNNING") return StatementState::kRunning;
  if (text == "SUCCEEDED") return StatementState::kSucceeded;
  if (text == "FAILED") return StatementState::kFailed;
  if (text == "CANCELED") return StatementState::kCanceled;
  if (text == "CLOSED") return StatementState::kClosed;
  return StatementState::kUnknown;
}

bool is_terminal(StatementState state) {
  return state != StatementState::kPending && state != StatementState::kRunning;
}

struct ResponseParser::Impl {
  od::parser parser;

  // Makes `body` the arena of `owner` and starts parsing it in place.
  od::document iterate(std::string&& body, RowBatch& owner, const char*& arena) {
    const size_t size = body.size();
    arena = owner.adopt_arena(std::move(body), simdjson::SIMDJSON_PADDING);
    return parser.iterate(arena, size, size + simdjson::SIMDJSON_PADDING);
  }
};

ResponseParser::ResponseParser() : impl_(std::make_unique<Impl>()) {}
ResponseParser::~ResponseParser() = default;

StatementResponse ResponseParser::statement(std::string body) {
  return guarded([&] {
    StatementResponse response;
    RowBatch owner;
    const char* arena = nullptr;
    od::document doc = impl_->iterate(std::move(body), owner, arena);
    for (od::field field : doc.get_object()) {
      const std::string_view key = field.unescaped_key();
      od::value value = field.value();
      if (key == "statement_id") {
        response.statement_id = to_string(value);
      } else if (key == "status") {
        response.status = parse_status(value);
      } else if (key == "manifest") {
        response.manifest = parse_manifest(value);
      } else if (key == "result" && value.type() == od::json_type::object) {
        owner.set_columns(response.manifest ? response.manifest->column_count : 0);
        response.result = parse_result(value, owner, arena);
      }
    }
    attach_rows(response.result, owner);
    return response;
  });
}

ResultData ResponseParser::result(std::string body, size_t columns, RowBatch recycled) {
  return guarded([&] {
    RowBatch owner = std::move(recycled);
    owner.release_arena();
    owner.set_columns(columns);
    const char* arena = nullptr;
    od::document doc = impl_->iterate(std::move(body), owner, arena);
    std::optional<ResultData> result = parse_result(doc.get_object(), owner, arena);
    attach_rows(result, owner);
    return std::move(*result);
  });
}

RowBatch ResponseParser::rows(std::string body, size_t columns, int64_t row_offset,
                              int64_t expected_rows, RowBatch recycled) {
  return guarded([&] {
    RowBatch batch = std::move(recycled);
    batch.release_arena();
    batch.set_columns(columns);
    batch.set_row_offset(row_offset);
    if (expected_rows > 0) batch.reserve(static_cast<size_t>(expected_rows) * columns, 0);
    const char* arena = nullptr;
    od::document doc = impl_->iterate(std::move(body), batch, arena);
    append_rows(doc.get_array(), batch, arena);
    return batch;
  });
}

std::optional<ApiError> parse_api_error(std::string_view body) {
  try {
    od::parser parser;
    simdjson::padded_string padded(body);
    od::document doc = parser.iterate(padded);
    ApiError error;
    bool found = false;
    for (od::field field : doc.get_object()) {
      const std::string_view key = field.unescaped_key();
      if (key == "error_code") {
        error.error_code = to_string(field.value());
        found = true;
      } else if (key == "message") {
        error.message = to_string(field.value());
        found = true;
      }
    }
    if (!found) return std::nullopt;
    return error;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

WarehouseInfo parse_warehouse(std::string_view body) {
  return guarded([&] {
    od::parser parser;
    simdjson::padded_string padded(body);
    od::document doc = parser.iterate(padded);
    WarehouseInfo info;
    for (od::field field : doc.get_object()) {
      const std::string_view key = field.unescaped_key();
      if (key == "id")
        info.id = to_string(field.value());
      else if (key == "name")
        info.name = to_string(field.value());
      else if (key == "state")
        info.state = to_string(field.value());
    }
    return info;
  });
}

}  // namespace dbsql::sea
