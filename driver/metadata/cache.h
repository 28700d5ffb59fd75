#pragma once
// A connection's metadata cache: the server rows of recent metadata statements, keyed by
// statement text, so a tool calling SQLColumns once per table of a schema costs one
// statement for the schema. Bounded in bytes (least recently used entries go first),
// entries expire after a time to live, and DDL through the connection drops everything.
// Thread-safe: statements of one connection run on several threads.
#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sea/row_batch.h"

namespace dbsql::metadata {

// Rows as the server sent them, compacted (only cell text is kept). Shared: an open
// cursor keeps reading an entry the cache has since dropped.
struct CachedRows {
  std::vector<sea::RowBatch> batches;
  size_t bytes = 0;
};

class Cache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // ttl 0 or max_bytes 0 turns the cache off.
  Cache(std::chrono::seconds ttl, size_t max_bytes, Clock clock = {});

  bool enabled() const { return ttl_.count() > 0 && max_bytes_ > 0; }
  size_t max_bytes() const { return max_bytes_; }

  std::shared_ptr<const CachedRows> find(const std::string& key);
  // The generation a fetch starts in; store() ignores entries fetched before a clear(),
  // so rows read while DDL ran are never kept.
  uint64_t generation() const;
  void store(const std::string& key, std::shared_ptr<const CachedRows> rows, uint64_t generation);
  // The connection ran DDL (or the catalog in use changed): forget everything.
  void clear();
  // Statements whose result did not fit the budget, so callers can ask a narrower one
  // instead of reading (and dropping) the same large result again and again.
  void mark_too_large(const std::string& key);
  bool too_large(const std::string& key) const;

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedRows> rows;
    std::chrono::steady_clock::time_point expires;
  };
  void erase(std::list<Entry>::iterator it);

  const std::chrono::seconds ttl_;
  const size_t max_bytes_;
  Clock clock_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  uint64_t generation_ = 0;
  std::unordered_set<std::string> too_large_;  // bounded: see kMaxTooLarge
};

// Appends a compact copy of `batch` (its cells' text only, not the downloaded chunk body
// the cells point into) to `rows`.
void append_compact(CachedRows& rows, const sea::RowBatch& batch);

}  // namespace dbsql::metadata
