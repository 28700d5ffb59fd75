#pragma once
// The chunks of one result, in order, each fetched and parsed once and checked against
// the manifest. INLINE chunks come with the statement response (chunk 0) or from the
// chunk endpoint (next_chunk_internal_link); EXTERNAL_LINKS chunks are downloaded from
// their presigned links, which are refreshed through the chunk endpoint when they are
// about to expire or the storage refuses them. Used by one thread at a time.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "sea/api_client.h"
#include "sea/batch_recycler.h"
#include "sea/response.h"
#include "sea/response_parser.h"

namespace dbsql::sea {

class ChunkSource {
 public:
  // `first` is the statement response's `result` (may hold chunk 0 or its links).
  ChunkSource(std::shared_ptr<const ApiClient> api, std::string statement_id, Manifest manifest,
              std::optional<ResultData> first);

  // True once every chunk has been returned.
  bool done() const;
  // True when the next chunk is already in memory (no request needed).
  bool next_is_ready() const;
  // The next chunk, possibly with zero rows. Throws Error: 08S01 when a chunk cannot be
  // downloaded or is malformed, HY000 when it contradicts the manifest (never a short
  // result), HY008 once `cancel` fired.
  RowBatch next(const CancelToken* cancel);
  // The next chunk without consuming it (for reading a DML counter row).
  const RowBatch& peek(const CancelToken* cancel);
  // Expected memory of the next chunk once parsed (0 when unknown): sizes the prefetch.
  size_t next_chunk_bytes() const;

  const std::string& statement_id() const { return statement_id_; }
  // Where finished batches wait to lend their memory to the next chunk (may be null).
  void set_recycler(BatchRecycler* recycler) { recycler_ = recycler; }

 private:
  // Where the rows of a chunk came from, to check them.
  struct Announced {
    std::optional<int64_t> row_offset;
    std::optional<int64_t> row_count;
  };

  RowBatch fetch(const CancelToken* cancel);
  RowBatch take_inline(ResultData& data, Announced& announced);
  RowBatch download(int64_t index, const CancelToken* cancel, Announced& announced);
  ResultData fetch_chunk(int64_t index, const std::string& path, const CancelToken* cancel,
                         RowBatch spare = RowBatch());
  RowBatch spare();
  void remember(ResultData& data);
  void follow(const std::optional<int64_t>& next_index, const std::string& next_path);
  bool expiring(const ExternalLink& link) const;
  void check(const RowBatch& batch, int64_t index, const Announced& announced) const;
  std::string chunk_name(int64_t index) const;

  std::shared_ptr<const ApiClient> api_;
  std::string statement_id_;
  Manifest manifest_;
  size_t columns_;
  ResponseParser parser_;
  std::optional<ResultData> pending_;  // a result object not yet consumed (chunk 0)
  std::optional<RowBatch> ready_;      // a chunk fetched by peek()
  std::map<int64_t, ExternalLink> links_;
  int64_t next_index_ = 0;
  int64_t rows_returned_ = 0;
  bool chain_has_next_ = false;
  std::string next_path_;  // next_chunk_internal_link of the previous chunk
  size_t last_bytes_ = 0;
  bool inline_chunks_ = false;  // chunks so far came with rows (the chunk endpoint sends rows)
  BatchRecycler* recycler_ = nullptr;
};

}  // namespace dbsql::sea
