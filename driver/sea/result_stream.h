#pragma once
// ResultStream over a ChunkSource. With a prefetch window, a background thread (one per
// stream, started at the first next()) downloads and parses chunks ahead while the
// application reads the current one; it holds at most `window_bytes` of parsed chunks
// beyond the current batch (or one chunk, when a single chunk is larger), stops promptly
// on stop()/destruction and is joined there. Without a window every chunk is fetched on
// the reading thread. Chunks with no rows are skipped.
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "sea/chunk_source.h"
#include "sea/client.h"

namespace dbsql::sea {

class ChunkStream final : public ResultStream {
 public:
  // `statement_cancel` is the execute call's token: when it fires while next() waits, the
  // downloads stop and next() throws HY008.
  ChunkStream(std::unique_ptr<ChunkSource> source, size_t window_bytes,
              CancelToken statement_cancel);
  ~ChunkStream() override;

  const RowBatch* next() override;
  // Stops downloading and joins the prefetch thread; next() then returns nullptr.
  void stop() noexcept;

 private:
  const RowBatch* next_inline();
  const RowBatch* next_prefetched();
  void produce();

  std::unique_ptr<ChunkSource> source_;
  BatchRecycler recycler_;
  const size_t window_bytes_;
  CancelToken statement_cancel_;
  CancelToken stop_token_;  // aborts the prefetch thread's transfers
  std::unique_ptr<RowBatch> current_;
  std::exception_ptr failure_;  // what next() threw; thrown again by every later call
  bool started_ = false;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<RowBatch>> queue_;
  size_t queued_bytes_ = 0;
  bool finished_ = false;  // the producer will add nothing more
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

// The result of a statement without a result set.
class EmptyStream final : public ResultStream {
 public:
  const RowBatch* next() override { return nullptr; }
};

}  // namespace dbsql::sea
