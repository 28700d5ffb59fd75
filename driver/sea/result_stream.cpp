#include "sea/result_stream.h"

#include <algorithm>
#include <chrono>

namespace dbsql::sea {
namespace {

// How often a reader waiting for the download threads checks the statement's cancel flag.
constexpr std::chrono::milliseconds kCancelCheck{50};

}  // namespace

ChunkStream::ChunkStream(std::unique_ptr<ChunkSource> source, size_t budget_bytes,
                         size_t download_threads, CancelToken statement_cancel,
                         std::chrono::steady_clock::duration wait_limit)
    : source_(std::move(source)),
      budget_bytes_(budget_bytes),
      download_threads_(std::max<size_t>(download_threads, 1)),
      statement_cancel_(std::move(statement_cancel)),
      wait_limit_(wait_limit) {
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
  for (std::thread& thread : threads_)
    if (thread.joinable()) thread.join();
  std::lock_guard lock(mu_);
  for (const auto& [seq, slot] : slots_) abandoned_ = abandoned_ || !slot.ready || slot.error;
  slots_.clear();
  slot_bytes_ = 0;
}

bool ChunkStream::every_chunk_fetched() const {
  {
    std::lock_guard lock(mu_);
    if (abandoned_) return false;
  }
  std::lock_guard lock(claim_mu_);
  return !failure_ && source_->done();
}

const RowBatch* ChunkStream::next() {
  // The finished batch lends its memory to the next download at once, but its (emptied)
  // object lives until the next batch is allocated: a caller that remembers batch
  // addresses never meets a new batch at the old one's address.
  std::unique_ptr<RowBatch> previous = std::move(current_);
  if (previous) recycle(std::move(*previous));
  // A failure is final: reading on must never look like the end of a shorter result.
  if (failure_) std::rethrow_exception(failure_);
  {
    std::lock_guard lock(mu_);
    if (stopping_) return nullptr;
  }
  try {
    return budget_bytes_ == 0 ? next_inline() : next_prefetched();
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

void ChunkStream::start() {
  started_ = true;
  const std::optional<int64_t> left = source_->chunks_left();
  if (left && *left == 0) {
    std::lock_guard lock(mu_);
    claims_over_ = true;
    return;
  }
  size_t count = download_threads_;
  if (left) count = std::min(count, static_cast<size_t>(*left));
  for (size_t i = 0; i < count; ++i) threads_.emplace_back([this] { download_loop(); });
}

const RowBatch* ChunkStream::next_prefetched() {
  if (!started_) {
    // A chunk already in memory (chunk 0 of an INLINE result) is served at once; threads
    // only start when there is something left to download.
    std::unique_ptr<RowBatch> ready;
    if (source_->next_is_ready()) ready = std::make_unique<RowBatch>(source_->next(nullptr));
    start();
    if (ready && ready->row_count() > 0) {
      std::lock_guard lock(mu_);
      current_bytes_ = ready->memory_bytes();
      current_ = std::move(ready);
      return current_.get();
    }
  }
  const auto waiting_since = std::chrono::steady_clock::now();
  std::unique_lock lock(mu_);
  for (;;) {
    auto it = slots_.find(delivered_);
    if (it != slots_.end() && it->second.ready) {
      Slot slot = std::move(it->second);
      slots_.erase(it);
      ++delivered_;
      slot_bytes_ -= slot.bytes;
      cv_.notify_all();
      if (slot.error) std::rethrow_exception(slot.error);
      current_bytes_ = slot.bytes;
      lock.unlock();
      *slot.batch = source_->accept(slot.job, std::move(*slot.batch));
      if (slot.batch->row_count() > 0) {
        current_ = std::move(slot.batch);
        return current_.get();
      }
      recycle(std::move(*slot.batch));
      lock.lock();
      continue;
    }
    if (claims_over_ && delivered_ == claimed_) return nullptr;
    if (statement_cancel_.cancelled()) {
      lock.unlock();
      stop();
      throw Error("HY008", "Operation canceled while fetching the result of statement " +
                               source_->statement_id() + ".");
    }
    if (wait_limit_.count() > 0 && std::chrono::steady_clock::now() - waiting_since >= wait_limit_) {
      lock.unlock();
      stop();
      throw Error("HYT00",
                  "Query timeout expired: the next chunk of the result of statement " +
                      source_->statement_id() + " did not arrive within " +
                      std::to_string(std::chrono::ceil<std::chrono::seconds>(wait_limit_).count()) +
                      " s (SQL_ATTR_QUERY_TIMEOUT). Cloud storage or the network may be slow: "
                      "raise the query timeout or run the statement again.");
    }
    cv_.wait_for(lock, kCancelCheck);
  }
}

void ChunkStream::recycle(RowBatch&& batch) {
  bool keep = false;
  {
    std::lock_guard lock(mu_);
    current_bytes_ = 0;
    // Without a budget (chunks fetched by the reader) one spare is all that is ever used.
    keep = budget_bytes_ == 0
               ? recycler_.empty()
               : held_bytes() + batch.memory_bytes() <= budget_bytes_;
    cv_.notify_all();
  }
  if (keep) recycler_.give(std::move(batch));
}

size_t ChunkStream::held_bytes() const {
  return current_bytes_ + slot_bytes_ + recycler_.held_bytes();
}

bool ChunkStream::fits(size_t estimate) const {
  if (slots_.empty()) return true;  // nothing else ahead: always make progress
  // The download reuses a kept batch: its memory is already counted.
  const size_t spare = recycler_.next_bytes();
  return held_bytes() - spare + std::max(estimate, spare) <= budget_bytes_;
}

void ChunkStream::download_loop() {
  for (;;) {
    std::unique_lock claim_lock(claim_mu_);
    int64_t seq = 0;
    std::optional<RowBatch> spare;
    {
      std::unique_lock lock(mu_);
      if (stopping_ || claims_over_) return;
      if (source_->done()) {
        claims_over_ = true;
        cv_.notify_all();
        return;
      }
      const size_t estimate = source_->next_chunk_bytes();
      cv_.wait(lock, [&] { return stopping_ || fits(estimate); });
      if (stopping_) return;
      seq = claimed_++;
      spare = recycler_.take();
      const size_t bytes = std::max(estimate, spare ? spare->memory_bytes() : 0);
      slots_[seq].bytes = bytes;
      slot_bytes_ += bytes;
    }
    ChunkJob job;
    try {
      job = source_->claim(&stop_token_);
      job.spare = std::move(spare);
    } catch (...) {
      finish(seq, ChunkJob(), nullptr, std::current_exception());
      return;
    }
    claim_lock.unlock();
    std::unique_ptr<RowBatch> batch;
    std::exception_ptr error;
    try {
      batch = std::make_unique<RowBatch>(source_->download(job, &stop_token_));
    } catch (...) {
      error = std::current_exception();
    }
    finish(seq, std::move(job), std::move(batch), error);
    if (error) return;
  }
}

void ChunkStream::finish(int64_t seq, ChunkJob job, std::unique_ptr<RowBatch> batch,
                         std::exception_ptr error) {
  std::lock_guard lock(mu_);
  auto it = slots_.find(seq);
  if (it == slots_.end()) return;  // stopped meanwhile
  Slot& slot = it->second;
  slot_bytes_ -= slot.bytes;
  slot.bytes = batch ? batch->memory_bytes() : 0;
  slot_bytes_ += slot.bytes;
  slot.job = std::move(job);
  slot.batch = std::move(batch);
  slot.error = error;
  slot.ready = true;
  // After a failure nothing more is claimed: the reader stops at the failed chunk.
  if (error) claims_over_ = true;
  cv_.notify_all();
}

}  // namespace dbsql::sea
