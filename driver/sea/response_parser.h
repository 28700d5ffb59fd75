#pragma once
// simdjson parsing of everything the Statement Execution API sends: statement responses
// (status, manifest, first result), chunk responses, the JSON_ARRAY chunk files behind
// external links, error bodies and warehouse descriptions. This is the only place that
// includes simdjson.
//
// Bodies are taken by value and consumed: a body holding rows becomes the arena of its
// RowBatch (see row_batch.h), so rows are never copied.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sea/client.h"
#include "sea/response.h"

namespace dbsql::sea {

// A body that is not the JSON the API promises (truncated, cut off, wrong shape).
class MalformedResponse : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A GET whose 200 answer does not parse (cut short by a proxy, or a transfer that ended
// early yet looked complete) is asked again this many times before it is an error. Nothing
// of such an answer has been delivered, so asking again is harmless; a POST is never re-sent.
constexpr int kMalformedRereads = 1;

// Keeps one simdjson parser (and its buffers) for a series of bodies, e.g. all chunks of
// one result. Not thread-safe: one parser per thread.
class ResponseParser {
 public:
  ResponseParser();
  ~ResponseParser();
  ResponseParser(const ResponseParser&) = delete;
  ResponseParser& operator=(const ResponseParser&) = delete;

  // A statement response (POST /statements, GET /statements/{id}). Throws MalformedResponse.
  StatementResponse statement(std::string body);
  // A chunk response (GET .../result/chunks/{n}): the `result` object itself. `columns` is
  // the manifest's column count, checked against every row of an INLINE chunk.
  // `recycled` lends its cell-table memory to the rows (see BatchRecycler).
  ResultData result(std::string body, size_t columns, RowBatch recycled = RowBatch());
  // A chunk file downloaded from an external link: [[...],[...]]. `expected_rows` only
  // sizes the cell table up front.
  RowBatch rows(std::string body, size_t columns, int64_t row_offset, int64_t expected_rows,
                RowBatch recycled = RowBatch());

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// {"error_code": ..., "message": ...}; nullopt when the body is not such an object.
std::optional<ApiError> parse_api_error(std::string_view body);

// GET /api/2.0/sql/warehouses/{id}. Throws MalformedResponse.
WarehouseInfo parse_warehouse(std::string_view body);

}  // namespace dbsql::sea
