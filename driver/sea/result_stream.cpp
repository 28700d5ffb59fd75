#include "sea/result_stream.h"

#include <chrono>

namespace dbsql::sea {
namespace {

// How often a reader waiting for the prefetch thread checks the statement's cancel flag.
constexpr std::chrono::milliseconds kCancelCheck{50};

}  // namespace

ChunkStream::ChunkStream(std::unique_ptr<ChunkSource> source, size_t window_bytes,
                         CancelToken statement_cancel)
    : source_(std::move(source)),
      window_bytes_(window_bytes),
      statement_cancel_(std::move(statement_cancel)) {
  source_->set_recycler(&recycler_);
}

ChunkStream::~ChunkStream() {
  stop();
}

void ChunkStream::stop() noexcept {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  stop_token_.cancel();
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mu_);
  queue_.clear();
  queued_bytes_ = 0;
}

const RowBatch* ChunkStream::next() {
  // The finished batch lends its memory to the next download at once, but its (emptied)
  // object lives until the next batch is allocated: a caller that remembers batch
  // addresses never meets a new batch at the old one's address.
  std::unique_ptr<RowBatch> previous = std::move(current_);
  if (previous) recycler_.give(std::move(*previous));
  // A failure is final: reading on must never look like the end of a shorter result.
  if (failure_) std::rethrow_exception(failure_);
  {
    std::lock_guard lock(mu_);
    if (stopping_) return nullptr;
  }
  try {
    return window_bytes_ == 0 ? next_inline() : next_prefetched();
  } catch (...) {
    failure_ = std::current_exception();
    throw;
  }
}

const RowBatch* ChunkStream::next_inline() {
  while (!source_->done()) {
    auto batch = std::make_unique<RowBatch>(source_->next(&statement_cancel_));
    if (batch->row_count() > 0) {
      current_ = std::move(batch);
      return current_.get();
    }
  }
  return nullptr;
}

const RowBatch* ChunkStream::next_prefetched() {
  if (!started_) {
    started_ = true;
    // A chunk already in memory (chunk 0 of an INLINE result) is served at once; the
    // thread only starts when there is something left to download.
    std::unique_ptr<RowBatch> ready;
    if (source_->next_is_ready()) ready = std::make_unique<RowBatch>(source_->next(nullptr));
    if (source_->done()) {
      finished_ = true;
    } else {
      thread_ = std::thread([this] { produce(); });
    }
    if (ready && ready->row_count() > 0) {
      current_ = std::move(ready);
      return current_.get();
    }
  }
  std::unique_lock lock(mu_);
  for (;;) {
    if (!queue_.empty()) {
      current_ = std::move(queue_.front());
      queue_.pop_front();
      queued_bytes_ -= current_->memory_bytes();
      cv_.notify_all();
      return current_.get();
    }
    if (error_) std::rethrow_exception(error_);
    if (finished_) return nullptr;
    if (statement_cancel_.cancelled()) {
      lock.unlock();
      stop();
      throw Error("HY008", "Operation canceled while fetching the result of statement " +
                               source_->statement_id() + ".");
    }
    cv_.wait_for(lock, kCancelCheck);
  }
}

void ChunkStream::produce() {
  for (;;) {
    const size_t estimate = source_->next_chunk_bytes();
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] {
        return stopping_ || queue_.empty() || queued_bytes_ + estimate <= window_bytes_;
      });
      if (stopping_) return;
    }
    std::unique_ptr<RowBatch> batch;
    try {
      if (!source_->done()) batch = std::make_unique<RowBatch>(source_->next(&stop_token_));
    } catch (...) {
      std::lock_guard lock(mu_);
      if (!stopping_) error_ = std::current_exception();
      finished_ = true;
      cv_.notify_all();
      return;
    }
    std::lock_guard lock(mu_);
    if (!batch) {
      finished_ = true;
      cv_.notify_all();
      return;
    }
    if (batch->row_count() == 0) continue;
    queued_bytes_ += batch->memory_bytes();
    queue_.push_back(std::move(batch));
    cv_.notify_all();
  }
}

}  // namespace dbsql::sea
