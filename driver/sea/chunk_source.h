#pragma once
// The chunks of one result, in order, each fetched and parsed once and checked against
// the manifest. INLINE chunks come with the statement response (chunk 0) or from the
// chunk endpoint (next_chunk_internal_link); EXTERNAL_LINKS chunks are downloaded from
// their presigned links, which are refreshed through the chunk endpoint when they are
// about to expire or the storage refuses them.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "sea/api_client.h"
#include "sea/batch_recycler.h"
#include "sea/response.h"
#include "sea/response_parser.h"

namespace dbsql::sea {

// One chunk to deliver, as claimed in order: its rows when they are already here (INLINE),
// or the link to download them from.
struct ChunkJob {
  int64_t index = 0;
  std::optional<RowBatch> rows;
  std::optional<ExternalLink> link;
  // Where the server placed the rows, to check them on delivery.
  std::optional<int64_t> row_offset;
  std::optional<int64_t> row_count;
  bool last = false;  // no chunk follows this one
  std::optional<RowBatch> spare;  // memory lent to the download (else it asks the recycler)
};

// Sequential use: done() / next(). Parallel use (ChunkStream): claim() in order under one
// lock, download() on any thread at once, accept() in order on the reading thread.
class ChunkSource {
 public:
  // `first` is the statement response's `result` (may hold chunk 0 or its links).
  // `request_timeout` bounds each chunk request (0: the transport's default).
  ChunkSource(std::shared_ptr<const ApiClient> api, std::string statement_id, Manifest manifest,
              std::optional<ResultData> first,
              std::chrono::milliseconds request_timeout = std::chrono::milliseconds(0));

  // True once every chunk has been claimed.
  bool done() const;
  // True when the next chunk is already in memory (no request needed).
  bool next_is_ready() const;
  // The next chunk, possibly with zero rows. Throws Error: 08S01 when a chunk cannot be
  // downloaded or is malformed, HY000 when it contradicts the manifest (never a short
  // result), HY008 once `cancel` fired.
  RowBatch next(const CancelToken* cancel);
  // The next chunk without consuming it (for reading a DML counter row).
  const RowBatch& peek(const CancelToken* cancel);
  // Chunks not yet claimed, when the manifest counts them; nullopt when only the chain of
  // next_chunk_index tells.
  std::optional<int64_t> chunks_left() const;
  // Expected memory of the next chunk once parsed (0 when unknown): sizes the prefetch.
  size_t next_chunk_bytes() const;

  // The next chunk's job (call only while !done()). May ask the chunk endpoint for the
  // chunk's link (or, INLINE, its rows). Not thread-safe: one caller at a time, in order.
  ChunkJob claim(const CancelToken* cancel);
  // The rows of a claimed chunk: downloads and parses them unless they came with the job.
  // Thread-safe (for different jobs).
  RowBatch download(ChunkJob& job, const CancelToken* cancel) const;
  // Checks a chunk's rows against the manifest and what came before, in claim order.
  RowBatch accept(const ChunkJob& job, RowBatch batch);

  const std::string& statement_id() const { return statement_id_; }
  // Where finished batches wait to lend their memory to the next chunk (may be null).
  void set_recycler(BatchRecycler* recycler) { recycler_ = recycler; }

 private:
  RowBatch fetch(const CancelToken* cancel);
  // One parser for every thread, taken in turn: parsing is quick next to a download, and a
  // simdjson parser keeps index memory in proportion to the largest document it has read,
  // so a parser per download would multiply that memory.
  class SharedParser {
   public:
    template <typename Parse>
    auto with(Parse&& parse) {
      std::lock_guard lock(mu_);
      return parse(parser_);
    }

   private:
    std::mutex mu_;
    ResponseParser parser_;
  };

  ResultData fetch_chunk(int64_t index, const std::string& path, const CancelToken* cancel,
                         RowBatch spare = RowBatch()) const;
  void take_rows(ChunkJob& job, ResultData& data);
  void take_link(ChunkJob& job, std::map<int64_t, ExternalLink>::iterator link);
  std::string chunk_path(int64_t index) const;
  size_t announced_bytes(const ExternalLink& link) const;
  RowBatch spare() const;
  void remember(ResultData& data);
  void follow(const std::optional<int64_t>& next_index, const std::string& next_path);
  bool expiring(const ExternalLink& link) const;
  void check(const RowBatch& batch, const ChunkJob& job) const;
  std::string chunk_name(int64_t index) const;

  std::shared_ptr<const ApiClient> api_;
  std::chrono::milliseconds request_timeout_;
  std::string statement_id_;
  Manifest manifest_;
  size_t columns_;
  mutable SharedParser parser_;
  std::optional<ResultData> pending_;  // a result object not yet consumed (chunk 0)
  std::optional<RowBatch> ready_;      // a chunk fetched by peek()
  std::map<int64_t, ExternalLink> links_;
  int64_t next_index_ = 0;
  int64_t rows_returned_ = 0;  // rows accepted so far
  bool chain_has_next_ = false;
  std::string next_path_;  // next_chunk_internal_link of the previous chunk
  std::atomic<size_t> last_bytes_{0};  // memory of the last accepted chunk
  size_t last_announced_bytes_ = 0;    // expected memory of the last claimed link
  bool inline_chunks_ = false;  // chunks so far came with rows (the chunk endpoint sends rows)
  BatchRecycler* recycler_ = nullptr;
};

}  // namespace dbsql::sea
