#pragma once
// ResultStream over a ChunkSource. With a memory budget, background threads (started at
// the first next()) download and parse up to `download_threads` chunks at once while the
// application reads the current one, and hand them over strictly in order. Everything
// held counts against the budget: the current batch, the chunks parsed and waiting, the
// downloads in flight (by their announced size) and finished batches kept for reuse. A
// download starts only when it fits, or when nothing else is waiting or in flight, so a
// chunk larger than the budget still streams. The threads stop promptly on stop(), a
// cancel or destruction, and are joined there. Without a budget every chunk is fetched on
// the reading thread. Chunks with no rows are skipped.
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "sea/chunk_source.h"
#include "sea/client.h"

namespace dbsql::sea {

class ChunkStream final : public ResultStream {
 public:
  // `statement_cancel` is the execute call's token: when it fires while next() waits, the
  // downloads stop and next() throws HY008. With `wait_limit` (SQL_ATTR_QUERY_TIMEOUT), a
  // next() that waits that long for the next chunk stops the downloads and throws HYT00.
  ChunkStream(std::unique_ptr<ChunkSource> source, size_t budget_bytes, size_t download_threads,
              CancelToken statement_cancel,
              std::chrono::steady_clock::duration wait_limit = {});
  ~ChunkStream() override;

  const RowBatch* next() override;
  // Stops downloading and joins the download threads; next() then returns nullptr.
  void stop() noexcept;
  // True when no chunk is left to ask the server for (after stop(), or at the end).
  bool every_chunk_fetched() const;

 private:
  // A claimed chunk: downloading, then ready with its rows or the error that stopped them.
  struct Slot {
    ChunkJob job;
    size_t bytes = 0;  // the announced size while downloading, then the batch's memory
    bool ready = false;
    std::unique_ptr<RowBatch> batch;
    std::exception_ptr error;
  };

  const RowBatch* next_inline();
  const RowBatch* next_prefetched();
  void start();
  void download_loop();
  void finish(int64_t seq, ChunkJob job, std::unique_ptr<RowBatch> batch,
              std::exception_ptr error);
  // Keeps a finished batch for reuse while everything held stays within the budget.
  void recycle(RowBatch&& batch);
  size_t held_bytes() const;          // under mu_
  bool fits(size_t estimate) const;  // under mu_

  std::unique_ptr<ChunkSource> source_;
  BatchRecycler recycler_;
  const size_t budget_bytes_;
  const size_t download_threads_;
  CancelToken statement_cancel_;
  std::chrono::steady_clock::duration wait_limit_;  // zero: none
  CancelToken stop_token_;  // aborts the download threads' transfers
  std::unique_ptr<RowBatch> current_;
  std::exception_ptr failure_;  // what next() threw; thrown again by every later call
  bool started_ = false;

  mutable std::mutex claim_mu_;  // chunks are claimed one at a time, in order
  mutable std::mutex mu_;        // everything below
  std::condition_variable cv_;
  std::map<int64_t, Slot> slots_;  // by claim order
  int64_t claimed_ = 0;            // slots created
  int64_t delivered_ = 0;          // slots handed to the reader
  size_t slot_bytes_ = 0;          // sum of the slots' bytes
  size_t current_bytes_ = 0;       // memory of the batch the application reads
  bool claims_over_ = false;       // every chunk is claimed, or a claim failed
  bool stopping_ = false;
  bool abandoned_ = false;  // stop() dropped a download unfinished or failed
  std::vector<std::thread> threads_;
};

// The result of a statement without a result set.
class EmptyStream final : public ResultStream {
 public:
  const RowBatch* next() override { return nullptr; }
};

}  // namespace dbsql::sea
