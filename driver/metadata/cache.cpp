#include "metadata/cache.h"

namespace dbsql::metadata {

Cache::Cache(std::chrono::seconds ttl, size_t max_bytes, Clock clock)
    : ttl_(ttl), max_bytes_(max_bytes), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

std::shared_ptr<const CachedRows> Cache::find(const std::string& key) {
  if (!enabled()) return nullptr;
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) return nullptr;
  if (clock_() >= found->second->expires) {
    erase(found->second);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, found->second);
  return found->second->rows;
}

uint64_t Cache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void Cache::store(const std::string& key, std::shared_ptr<const CachedRows> rows,
                  uint64_t generation) {
  if (!enabled() || !rows) return;
  const size_t size = rows->bytes + key.size();
  if (size > max_bytes_) return;
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  if (auto found = index_.find(key); found != index_.end()) erase(found->second);
  while (!lru_.empty() && bytes_ + size > max_bytes_) erase(std::prev(lru_.end()));
  lru_.push_front(Entry{key, std::move(rows), clock_() + ttl_});
  index_[key] = lru_.begin();
  bytes_ += size;
}

void Cache::clear() {
  std::lock_guard lock(mutex_);
  ++generation_;
  too_large_.clear();
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

void Cache::mark_too_large(const std::string& key) {
  constexpr size_t kMaxTooLarge = 1024;
  std::lock_guard lock(mutex_);
  if (too_large_.size() >= kMaxTooLarge) too_large_.clear();
  too_large_.insert(key);
}

bool Cache::too_large(const std::string& key) const {
  std::lock_guard lock(mutex_);
  return too_large_.count(key) > 0;
}

size_t Cache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

size_t Cache::entries() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

void Cache::erase(std::list<Entry>::iterator it) {
  bytes_ -= it->rows->bytes + it->key.size();
  index_.erase(it->key);
  lru_.erase(it);
}

void append_compact(CachedRows& rows, const sea::RowBatch& batch) {
  sea::RowBatch copy(batch.column_count(), batch.row_offset());
  size_t text = 0;
  for (size_t r = 0; r < batch.row_count(); ++r)
    for (size_t c = 0; c < batch.column_count(); ++c) text += batch.text(r, c).size();
  copy.reserve(batch.cell_count(), text);
  for (size_t r = 0; r < batch.row_count(); ++r)
    for (size_t c = 0; c < batch.column_count(); ++c) {
      if (batch.is_null(r, c))
        copy.append_null();
      else
        copy.append(batch.text(r, c));
    }
  rows.bytes += copy.memory_bytes();
  rows.batches.push_back(std::move(copy));
}

}  // namespace dbsql::metadata
