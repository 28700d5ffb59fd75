#pragma once
// Keeps the memory of finished RowBatches for the next chunks of the same result: an
// arena receives the next download and a cell table the next parse. Reusing them, rather
// than freeing and allocating, keeps a streamed result's memory at what it holds at once:
// allocator memory freed by one download thread is not returned to the system, so fresh
// buffers on several threads would add up. The stream decides what to keep (within its
// budget). Thread-safe (the reader gives, download threads take).
#include <mutex>
#include <optional>
#include <vector>

#include "sea/row_batch.h"

namespace dbsql::sea {

class BatchRecycler {
 public:
  void give(RowBatch&& batch) {
    std::lock_guard lock(mu_);
    held_bytes_ += batch.memory_bytes();
    kept_.push_back(std::move(batch));
  }
  // The most recently kept batch, if any.
  std::optional<RowBatch> take() {
    std::lock_guard lock(mu_);
    if (kept_.empty()) return std::nullopt;
    std::optional<RowBatch> batch = std::move(kept_.back());
    kept_.pop_back();
    held_bytes_ -= batch->memory_bytes();
    return batch;
  }
  bool empty() const {
    std::lock_guard lock(mu_);
    return kept_.empty();
  }
  // Memory of every kept batch, and of the one take() would return.
  size_t held_bytes() const {
    std::lock_guard lock(mu_);
    return held_bytes_;
  }
  size_t next_bytes() const {
    std::lock_guard lock(mu_);
    return kept_.empty() ? 0 : kept_.back().memory_bytes();
  }

 private:
  mutable std::mutex mu_;
  std::vector<RowBatch> kept_;
  size_t held_bytes_ = 0;
};

}  // namespace dbsql::sea
