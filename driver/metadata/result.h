#pragma once
// A catalog function's result: an in-memory sea::Execution whose manifest is the ODBC
// layout and whose stream reshapes server rows batch by batch (never more than one
// server batch and its reshaped rows at a time, unless the rows come from the cache).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "metadata/cache.h"
#include "metadata/layouts.h"
#include "sea/client.h"

namespace dbsql::metadata {

// Where rows come from: batches in order, nullptr at the end.
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual const sea::RowBatch* next() = 0;
};

// Appends zero or one output row (all of the layout's cells) for input row `row`.
using Reshape = std::function<void(const sea::RowBatch& in, size_t row, sea::RowBatch& out)>;

std::unique_ptr<RowSource> no_rows();
// Rows built by the driver (type info, table types).
std::unique_ptr<RowSource> local_rows(sea::RowBatch rows);
// Cached rows, then (when the cache could not hold the whole result) the rest of `rest`.
std::unique_ptr<RowSource> held_rows(std::shared_ptr<const CachedRows> rows,
                                     std::unique_ptr<sea::Execution> rest = nullptr);
// A server statement's result, streamed.
std::unique_ptr<RowSource> server_rows(std::unique_ptr<sea::Execution> execution);

// Runs a metadata statement for the rows of a catalog function.
using Runner = std::function<std::unique_ptr<sea::Execution>(const sea::ExecuteRequest&)>;

// The cache key of a metadata statement: the catalog and schema it runs in are part of it.
std::string cache_key(const sea::ExecuteRequest& request);

// The rows of `request`: from `cache` when it holds them; else from the server, read
// ahead into the cache up to its byte budget (a result larger than that streams).
std::unique_ptr<RowSource> fetch_rows(const Runner& run, Cache* cache,
                                      const sea::ExecuteRequest& request);

// The catalog function's result set: `layout`'s columns, rows = reshape(source).
// Without `reshape` the source rows already have the layout's cells.
std::unique_ptr<sea::Execution> make_result(Layout layout, std::unique_ptr<RowSource> source,
                                            Reshape reshape = {});

// Cell helpers for reshapers.
void put_text(sea::RowBatch& out, std::string_view text);
void put_optional(sea::RowBatch& out, const std::optional<std::string_view>& text);
void put_int(sea::RowBatch& out, long long value);
void put_null(sea::RowBatch& out);

}  // namespace dbsql::metadata
