#pragma once
// Keeps the memory of one finished RowBatch for the next chunk of the same result: its
// arena receives the next download and its cell table the next parse, so streaming a large
// result does not fault in fresh pages for every chunk. Thread-safe (the reader gives,
// the prefetch thread takes). Holds at most one batch.
#include <mutex>
#include <optional>

#include "sea/row_batch.h"

namespace dbsql::sea {

class BatchRecycler {
 public:
  void give(RowBatch&& batch) {
    std::lock_guard lock(mu_);
    if (!kept_) kept_.emplace(std::move(batch));
  }
  // Memory of the kept batch (counted in the result's memory budget).
  size_t held_bytes() const {
    std::lock_guard lock(mu_);
    return kept_ ? kept_->memory_bytes() : 0;
  }
  // The kept batch, or an empty new one.
  RowBatch take() {
    std::lock_guard lock(mu_);
    if (!kept_) return RowBatch();
    RowBatch batch = std::move(*kept_);
    kept_.reset();
    return batch;
  }

 private:
  mutable std::mutex mu_;
  std::optional<RowBatch> kept_;
};

}  // namespace dbsql::sea
