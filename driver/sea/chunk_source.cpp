#include "sea/chunk_source.h"

#include "util/log.h"

namespace dbsql::sea {
namespace {

// Bytes of cell table per cell (RowBatch keeps an offset and a length).
constexpr size_t kCellBytes = 8;
// Fresh links tried for one chunk after storage refused one; more refusals are an error.
constexpr int kLinkRefreshes = 2;

bool refused_link(long status) {
  return status == 400 || status == 403 || status == 404;
}

const ChunkInfo* find_chunk(const Manifest& manifest, int64_t index) {
  const auto& chunks = manifest.chunks;
  if (index >= 0 && static_cast<size_t>(index) < chunks.size() &&
      chunks[index].chunk_index == index)
    return &chunks[index];
  for (const ChunkInfo& chunk : chunks)
    if (chunk.chunk_index == index) return &chunk;
  return nullptr;
}

}  // namespace

ChunkSource::ChunkSource(std::shared_ptr<const ApiClient> api, std::string statement_id,
                         Manifest manifest, std::optional<ResultData> first)
    : api_(std::move(api)),
      statement_id_(std::move(statement_id)),
      manifest_(std::move(manifest)),
      columns_(static_cast<size_t>(std::max(manifest_.column_count, 0))) {
  if (!first) return;
  remember(*first);
  if (first->rows) {
    pending_ = std::move(first);
  } else if (first->next_chunk_index) {
    follow(first->next_chunk_index, first->next_chunk_internal_link);
  }
}

bool ChunkSource::next_is_ready() const {
  return ready_ || (pending_ && pending_->chunk_index.value_or(0) == next_index_);
}

bool ChunkSource::done() const {
  if (next_is_ready() || links_.count(next_index_)) return false;
  if (next_index_ < manifest_.total_chunk_count) return false;
  return !chain_has_next_;
}

RowBatch ChunkSource::next(const CancelToken* cancel) {
  if (ready_) {
    RowBatch batch = std::move(*ready_);
    ready_.reset();
    return batch;
  }
  return fetch(cancel);
}

const RowBatch& ChunkSource::peek(const CancelToken* cancel) {
  if (!ready_) ready_ = fetch(cancel);
  return *ready_;
}

size_t ChunkSource::next_chunk_bytes() const {
  if (next_is_ready()) return 0;
  if (const ChunkInfo* info = find_chunk(manifest_, next_index_); info && info->byte_count)
    return static_cast<size_t>(*info->byte_count) + info->row_count * columns_ * kCellBytes;
  if (auto it = links_.find(next_index_); it != links_.end() && it->second.byte_count)
    return static_cast<size_t>(*it->second.byte_count) +
           it->second.row_count * columns_ * kCellBytes;
  return last_bytes_;
}

RowBatch ChunkSource::fetch(const CancelToken* cancel) {
  const int64_t index = next_index_;
  Announced announced;
  RowBatch batch;
  if (next_is_ready()) {
    batch = take_inline(*pending_, announced);
    pending_.reset();
  } else if (links_.count(index)) {
    batch = download(index, cancel, announced);
  } else {
    const std::string path = next_path_.starts_with("/api/")
                                 ? next_path_
                                 : "/api/2.0/sql/statements/" + statement_id_ + "/result/chunks/" +
                                       std::to_string(index);
    ResultData data = fetch_chunk(index, path, cancel, inline_chunks_ ? spare() : RowBatch());
    if (data.rows) {
      batch = take_inline(data, announced);
    } else {
      remember(data);
      if (!links_.count(index))
        throw Error("HY000", "The server's answer for " + chunk_name(index) +
                                 " held neither rows nor a link to them. Run the statement again.");
      batch = download(index, cancel, announced);
    }
  }
  check(batch, index, announced);
  batch.set_row_offset(rows_returned_);
  if (batch.row_count() == 0) batch.set_columns(columns_);
  DBSQL_LOG(kDebug, "sea") << chunk_name(index) << ": " << batch.row_count() << " rows, "
                           << batch.memory_bytes() << " bytes";
  rows_returned_ += static_cast<int64_t>(batch.row_count());
  ++next_index_;
  last_bytes_ = batch.memory_bytes();
  if (done() && rows_returned_ != manifest_.total_row_count)
    throw Error("HY000", "The result of statement " + statement_id_ + " ended after " +
                             std::to_string(rows_returned_) + " rows, but the server announced " +
                             std::to_string(manifest_.total_row_count) +
                             ": the result is incomplete. Run the statement again.");
  return batch;
}

RowBatch ChunkSource::spare() {
  return recycler_ ? recycler_->take() : RowBatch();
}

RowBatch ChunkSource::take_inline(ResultData& data, Announced& announced) {
  inline_chunks_ = true;
  announced = {data.row_offset, data.row_count};
  if (data.chunk_index && *data.chunk_index != next_index_)
    throw Error("HY000", "The server sent chunk " + std::to_string(*data.chunk_index) + " where " +
                             chunk_name(next_index_) + " was expected.");
  follow(data.next_chunk_index, data.next_chunk_internal_link);
  return std::move(*data.rows);
}

RowBatch ChunkSource::download(int64_t index, const CancelToken* cancel, Announced& announced) {
  const std::string path =
      "/api/2.0/sql/statements/" + statement_id_ + "/result/chunks/" + std::to_string(index);
  auto refresh = [&] {
    ResultData data = fetch_chunk(index, path, cancel);
    remember(data);
    if (!links_.count(index))
      throw Error("HY000", "The server gave no fresh link for " + chunk_name(index) +
                               ". Run the statement again.");
  };
  if (expiring(links_.at(index))) refresh();
  RowBatch reused = spare();
  std::string storage = reused.release_arena();
  http::Response response = api_->download(links_.at(index), cancel, &storage);
  // Storage refuses an expired (or otherwise stale) link with 400/403/404 depending on
  // the cloud; fresh links from the chunk endpoint settle whether it was only that.
  for (int attempt = 0; attempt < kLinkRefreshes && refused_link(response.status); ++attempt) {
    DBSQL_LOG(kInfo, "sea") << "storage refused the link of " << chunk_name(index) << " (HTTP "
                            << response.status << "); fetching a fresh one";
    refresh();
    response = api_->download(links_.at(index), cancel, &storage);
  }
  ExternalLink link = std::move(links_.at(index));
  links_.erase(index);
  if (response.status != 200)
    throw http_error(response, Operation::kDownload, chunk_name(index), origin_of(link.url));
  announced = {link.row_offset, link.row_count};
  follow(link.next_chunk_index, link.next_chunk_internal_link);
  try {
    return parser_.rows(std::move(response.body), columns_, link.row_offset, link.row_count,
                        std::move(reused));
  } catch (const MalformedResponse& e) {
    throw Error("08S01", "The download of " + chunk_name(index) +
                             " arrived incomplete or malformed (" + e.what() +
                             "); the connection was probably cut. Run the statement again.");
  }
}

ResultData ChunkSource::fetch_chunk(int64_t index, const std::string& path,
                                    const CancelToken* cancel, RowBatch spare) {
  std::string storage = spare.release_arena();
  http::Response response = api_->call(ApiCall{.method = "GET",
                                               .path = path,
                                               .op = Operation::kFetchChunk,
                                               .cancel = cancel,
                                               .response_storage = &storage});
  if (response.status != 200)
    throw http_error(response, Operation::kFetchChunk, statement_id_, api_->origin());
  try {
    return parser_.result(std::move(response.body), columns_, std::move(spare));
  } catch (const MalformedResponse& e) {
    throw Error("08S01", "The answer for " + chunk_name(index) +
                             " arrived incomplete or malformed (" + e.what() +
                             "). Run the statement again.");
  }
}

void ChunkSource::remember(ResultData& data) {
  for (ExternalLink& link : data.links) links_[link.chunk_index] = std::move(link);
  data.links.clear();
}

void ChunkSource::follow(const std::optional<int64_t>& next_index, const std::string& next_path) {
  chain_has_next_ = next_index.has_value();
  next_path_ = chain_has_next_ ? next_path : std::string();
}

bool ChunkSource::expiring(const ExternalLink& link) const {
  return link.expiration &&
         *link.expiration <= api_->clock().wall_now() + api_->options().link_expiry_margin;
}

void ChunkSource::check(const RowBatch& batch, int64_t index, const Announced& announced) const {
  const int64_t rows = static_cast<int64_t>(batch.row_count());
  if (rows > 0 && batch.column_count() != columns_)
    throw Error("HY000", "The rows of " + chunk_name(index) + " have " +
                             std::to_string(batch.column_count()) + " values, but the result has " +
                             std::to_string(columns_) + " columns.");
  const ChunkInfo* info = find_chunk(manifest_, index);
  auto mismatch = [&](int64_t expected) {
    return Error("HY000", "Received " + std::to_string(rows) + " rows for " + chunk_name(index) +
                              ", but the server announced " + std::to_string(expected) +
                              ": the result would be incomplete. Run the statement again.");
  };
  if (announced.row_count && *announced.row_count != rows) throw mismatch(*announced.row_count);
  if (info && info->row_count != rows) throw mismatch(info->row_count);
  std::optional<int64_t> offset = announced.row_offset;
  if (!offset && info) offset = info->row_offset;
  if (offset && *offset != rows_returned_)
    throw Error("HY000", "The server placed " + chunk_name(index) + " at row " +
                             std::to_string(*offset) + ", but " + std::to_string(rows_returned_) +
                             " rows came before it. Run the statement again.");
}

std::string ChunkSource::chunk_name(int64_t index) const {
  return "result chunk " + std::to_string(index) + " of statement " + statement_id_;
}

}  // namespace dbsql::sea
