#pragma once
// Builders for Statement Execution API bodies, shaped like the recorded ones
// (../shared/recorded), so tests can script any state, manifest and chunk layout.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dbsql::testing {

inline const std::string kBase = "https://ws.example";
inline const std::string kWarehouse = "wh-1234";
inline const std::string kStorage = "https://storage.example";

inline std::string statements_url() {
  return kBase + "/api/2.0/sql/statements";
}
inline std::string statement_url(const std::string& id) {
  return statements_url() + "/" + id;
}
inline std::string chunk_path(const std::string& id, int64_t n) {
  return "/api/2.0/sql/statements/" + id + "/result/chunks/" + std::to_string(n);
}
inline std::string chunk_url(const std::string& id, int64_t n) {
  return kBase + chunk_path(id, n);
}
inline std::string storage_url(const std::string& id, int64_t n, const std::string& version = "1") {
  return kStorage + "/results/" + id + "/" + std::to_string(n) + "?sig=SECRET" + version;
}

inline std::string state_json(const std::string& id, const std::string& state) {
  return R"({"statement_id":")" + id + R"(","status":{"state":")" + state + R"("}})";
}

// Cell text of row r, column c in generated results.
inline std::string cell(int64_t r, size_t c) {
  return "r" + std::to_string(r) + "c" + std::to_string(c);
}

// {"format":"JSON_ARRAY","schema":{...},"total_chunk_count":..,"chunks":[...],"total_row_count":..}
inline std::string manifest_json(const std::vector<std::string>& names,
                                 const std::vector<int64_t>& chunk_rows,
                                 std::optional<int64_t> total_rows = std::nullopt,
                                 const std::string& type_name = "STRING") {
  std::string columns;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) columns += ',';
    const std::string text = type_name == "LONG" ? "BIGINT" : type_name;
    columns += R"({"name":")" + names[i] + R"(","type_text":")" + text + R"(","type_name":")" +
               type_name + R"(","position":)" + std::to_string(i) + "}";
  }
  std::string chunks;
  int64_t offset = 0;
  for (size_t i = 0; i < chunk_rows.size(); ++i) {
    if (i) chunks += ',';
    chunks += R"({"chunk_index":)" + std::to_string(i) + R"(,"row_offset":)" +
              std::to_string(offset) + R"(,"row_count":)" + std::to_string(chunk_rows[i]) + "}";
    offset += chunk_rows[i];
  }
  return R"({"format":"JSON_ARRAY","schema":{"column_count":)" + std::to_string(names.size()) +
         R"(,"columns":[)" + columns + R"(]},"total_chunk_count":)" +
         std::to_string(chunk_rows.size()) + R"(,"chunks":[)" + chunks + R"(],"total_row_count":)" +
         std::to_string(total_rows.value_or(offset)) + R"(,"truncated":false})";
}

// [["r<o>c0",...],...]: `count` generated rows starting at row `offset`.
inline std::string rows_json(int64_t offset, int64_t count, size_t columns) {
  std::string out = "[";
  for (int64_t r = offset; r < offset + count; ++r) {
    if (r != offset) out += ',';
    out += '[';
    for (size_t c = 0; c < columns; ++c) {
      if (c) out += ',';
      out += '"' + cell(r, c) + '"';
    }
    out += ']';
  }
  return out + "]";
}

// An INLINE result object for chunk `index`; `has_next` adds the next-chunk fields.
inline std::string inline_result(const std::string& id, int64_t index, int64_t offset,
                                 int64_t count, size_t columns, bool has_next) {
  std::string out = R"({"chunk_index":)" + std::to_string(index) + R"(,"row_offset":)" +
                    std::to_string(offset) + R"(,"row_count":)" + std::to_string(count);
  if (has_next)
    out += R"(,"next_chunk_index":)" + std::to_string(index + 1) +
           R"(,"next_chunk_internal_link":")" + chunk_path(id, index + 1) + '"';
  return out + R"(,"data_array":)" + rows_json(offset, count, columns) + "}";
}

struct LinkSpec {
  int64_t index;
  int64_t offset;
  int64_t count;
  bool has_next;
  std::string url;
  std::string expiration = "2099-01-01T00:00:00.000Z";
  std::string http_headers_json{};  // e.g. {"x-key":"v"}; empty = none
};

inline std::string link_json(const std::string& id, const LinkSpec& l) {
  std::string out = R"({"chunk_index":)" + std::to_string(l.index) + R"(,"row_offset":)" +
                    std::to_string(l.offset) + R"(,"row_count":)" + std::to_string(l.count) +
                    R"(,"byte_count":100)";
  if (l.has_next)
    out += R"(,"next_chunk_index":)" + std::to_string(l.index + 1) +
           R"(,"next_chunk_internal_link":")" + chunk_path(id, l.index + 1) + '"';
  out += R"(,"external_link":")" + l.url + R"(","expiration":")" + l.expiration + '"';
  if (!l.http_headers_json.empty()) out += R"(,"http_headers":)" + l.http_headers_json;
  return out + "}";
}

inline std::string links_result(const std::string& id, const std::vector<LinkSpec>& links) {
  std::string out = R"({"external_links":[)";
  for (size_t i = 0; i < links.size(); ++i) out += (i ? "," : "") + link_json(id, links[i]);
  return out + "]}";
}

inline std::string succeeded_json(const std::string& id, const std::string& manifest,
                                  const std::string& result) {
  return R"({"statement_id":")" + id + R"(","status":{"state":"SUCCEEDED"},"manifest":)" +
         manifest + R"(,"result":)" + result + "}";
}

}  // namespace dbsql::testing
