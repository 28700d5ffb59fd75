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
                         Manifest manifest, std::optional<ResultData> first,
                         std::chrono::milliseconds request_timeout)
    : api_(std::move(api)),
      request_timeout_(request_timeout),
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
  if (manifest_.total_chunk_count && next_index_ < *manifest_.total_chunk_count) return false;
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

std::optional<int64_t> ChunkSource::chunks_left() const {
  if (done()) return 0;
  if (!manifest_.total_chunk_count || *manifest_.total_chunk_count <= next_index_)
    return std::nullopt;
  return *manifest_.total_chunk_count - next_index_;
}

size_t ChunkSource::next_chunk_bytes() const {
  if (next_is_ready()) return 0;
  if (const ChunkInfo* info = find_chunk(manifest_, next_index_); info && info->byte_count)
    return static_cast<size_t>(*info->byte_count) + info->row_count * columns_ * kCellBytes;
  if (auto it = links_.find(next_index_); it != links_.end() && it->second.byte_count)
    return announced_bytes(it->second);
  // Not announced yet (its link comes with the chunk endpoint's answer): like the last.
  return std::max<size_t>(last_bytes_, last_announced_bytes_);
}

size_t ChunkSource::announced_bytes(const ExternalLink& link) const {
  return static_cast<size_t>(link.byte_count.value_or(0)) +
         static_cast<size_t>(link.row_count) * columns_ * kCellBytes;
}

RowBatch ChunkSource::fetch(const CancelToken* cancel) {
  ChunkJob job = claim(cancel);
  return accept(job, download(job, cancel));
}

ChunkJob ChunkSource::claim(const CancelToken* cancel) {
  ChunkJob job;
  job.index = next_index_;
  if (pending_ && pending_->chunk_index.value_or(0) == next_index_) {
    take_rows(job, *pending_);
    pending_.reset();
  } else if (auto link = links_.find(job.index); link != links_.end()) {
    take_link(job, link);
  } else {
    const std::string path = next_path_.starts_with("/api/") ? next_path_ : chunk_path(job.index);
    ResultData data = fetch_chunk(job.index, path, cancel, inline_chunks_ ? spare() : RowBatch());
    if (data.rows) {
      take_rows(job, data);
    } else {
      remember(data);
      link = links_.find(job.index);
      if (link == links_.end())
        throw Error("HY000", "The server's answer for " + chunk_name(job.index) +
                                 " held neither rows nor a link to them. Run the statement again.");
      take_link(job, link);
    }
  }
  ++next_index_;
  job.last = done();
  return job;
}

void ChunkSource::take_rows(ChunkJob& job, ResultData& data) {
  inline_chunks_ = true;
  if (data.chunk_index && *data.chunk_index != job.index)
    throw Error("HY000", "The server sent chunk " + std::to_string(*data.chunk_index) + " where " +
                             chunk_name(job.index) + " was expected.");
  job.row_offset = data.row_offset;
  job.row_count = data.row_count;
  follow(data.next_chunk_index, data.next_chunk_internal_link);
  job.rows = std::move(*data.rows);
}

void ChunkSource::take_link(ChunkJob& job, std::map<int64_t, ExternalLink>::iterator link) {
  job.link = std::move(link->second);
  links_.erase(link);
  if (job.link->byte_count) last_announced_bytes_ = announced_bytes(*job.link);
  job.row_offset = job.link->row_offset;
  job.row_count = job.link->row_count;
  follow(job.link->next_chunk_index, job.link->next_chunk_internal_link);
}

RowBatch ChunkSource::download(ChunkJob& job, const CancelToken* cancel) const {
  if (job.rows) return std::move(*job.rows);
  ExternalLink& link = *job.link;
  auto refresh = [&] {
    ResultData data = fetch_chunk(job.index, chunk_path(job.index), cancel);
    for (ExternalLink& fresh : data.links) {
      if (fresh.chunk_index != job.index) continue;
      link = std::move(fresh);
      return;
    }
    throw Error("HY000", "The server gave no fresh link for " + chunk_name(job.index) +
                             ". Run the statement again.");
  };
  if (expiring(link)) refresh();
  RowBatch reused = job.spare ? std::move(*job.spare) : spare();
  for (int reread = 0;; ++reread) {
    std::string storage = reused.release_arena();
    http::Response response = api_->download(link, cancel, &storage, request_timeout_);
    // Storage refuses an expired (or otherwise stale) link with 400/403/404 depending on
    // the cloud; fresh links from the chunk endpoint settle whether it was only that.
    for (int attempt = 0; attempt < kLinkRefreshes && refused_link(response.status); ++attempt) {
      DBSQL_LOG(kInfo, "sea") << "storage refused the link of " << chunk_name(job.index)
                              << " (HTTP " << response.status << "); fetching a fresh one";
      refresh();
      response = api_->download(link, cancel, &storage, request_timeout_);
    }
    if (response.status != 200)
      throw http_error(response, Operation::kDownload, chunk_name(job.index),
                       origin_of(link.url));
    try {
      return parser_.with([&](ResponseParser& parser) {
        return parser.rows(std::move(response.body), columns_, link.row_offset, link.row_count,
                           std::move(reused));
      });
    } catch (const MalformedResponse& e) {
      if (reread >= kMalformedRereads)
        throw Error("08S01", "The download of " + chunk_name(job.index) +
                                 " arrived incomplete or malformed (" + e.what() +
                                 "); the connection was probably cut. Run the statement again.");
      DBSQL_LOG(kInfo, "sea") << "the download of " << chunk_name(job.index)
                              << " did not parse (" << e.what() << "); downloading it again";
      reused = RowBatch();
    }
  }
}

RowBatch ChunkSource::accept(const ChunkJob& job, RowBatch batch) {
  check(batch, job);
  batch.set_row_offset(rows_returned_);
  if (batch.row_count() == 0) batch.set_columns(columns_);
  DBSQL_LOG(kDebug, "sea") << chunk_name(job.index) << ": " << batch.row_count() << " rows, "
                           << batch.memory_bytes() << " bytes";
  rows_returned_ += static_cast<int64_t>(batch.row_count());
  last_bytes_ = batch.memory_bytes();
  if (job.last && manifest_.total_row_count && rows_returned_ != *manifest_.total_row_count)
    throw Error("HY000", "The result of statement " + statement_id_ + " ended after " +
                             std::to_string(rows_returned_) + " rows, but the server announced " +
                             std::to_string(*manifest_.total_row_count) +
                             ": the result is incomplete. Run the statement again.");
  return batch;
}

RowBatch ChunkSource::spare() const {
  if (recycler_ == nullptr) return RowBatch();
  return recycler_->take().value_or(RowBatch());
}

std::string ChunkSource::chunk_path(int64_t index) const {
  return "/api/2.0/sql/statements/" + statement_id_ + "/result/chunks/" + std::to_string(index);
}

ResultData ChunkSource::fetch_chunk(int64_t index, const std::string& path,
                                    const CancelToken* cancel, RowBatch spare) const {
  for (int reread = 0;; ++reread) {
    std::string storage = spare.release_arena();
    http::Response response = api_->call(ApiCall{.method = "GET",
                                                 .path = path,
                                                 .op = Operation::kFetchChunk,
                                                 .cancel = cancel,
                                                 .timeout = request_timeout_,
                                                 .response_storage = &storage});
    if (response.status != 200)
      throw http_error(response, Operation::kFetchChunk, statement_id_, api_->origin());
    try {
      return parser_.with([&](ResponseParser& parser) {
        return parser.result(std::move(response.body), columns_, std::move(spare));
      });
    } catch (const MalformedResponse& e) {
      if (reread >= kMalformedRereads)
        throw Error("08S01", "The answer for " + chunk_name(index) +
                                 " arrived incomplete or malformed (" + e.what() +
                                 "). Run the statement again.");
      DBSQL_LOG(kInfo, "sea") << "the answer for " << chunk_name(index) << " did not parse ("
                              << e.what() << "); asking again";
      spare = RowBatch();
    }
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

void ChunkSource::check(const RowBatch& batch, const ChunkJob& job) const {
  const int64_t rows = static_cast<int64_t>(batch.row_count());
  if (rows > 0 && batch.column_count() != columns_)
    throw Error("HY000", "The rows of " + chunk_name(job.index) + " have " +
                             std::to_string(batch.column_count()) + " values, but the result has " +
                             std::to_string(columns_) + " columns.");
  const ChunkInfo* info = find_chunk(manifest_, job.index);
  auto mismatch = [&](int64_t expected) {
    return Error("HY000", "Received " + std::to_string(rows) + " rows for " +
                              chunk_name(job.index) + ", but the server announced " +
                              std::to_string(expected) +
                              ": the result would be incomplete. Run the statement again.");
  };
  if (job.row_count && *job.row_count != rows) throw mismatch(*job.row_count);
  if (info && info->row_count != rows) throw mismatch(info->row_count);
  std::optional<int64_t> offset = job.row_offset;
  if (!offset && info) offset = info->row_offset;
  if (offset && *offset != rows_returned_)
    throw Error("HY000", "The server placed " + chunk_name(job.index) + " at row " +
                             std::to_string(*offset) + ", but " + std::to_string(rows_returned_) +
                             " rows came before it. Run the statement again.");
}

std::string ChunkSource::chunk_name(int64_t index) const {
  return "result chunk " + std::to_string(index) + " of statement " + statement_id_;
}

}  // namespace dbsql::sea
