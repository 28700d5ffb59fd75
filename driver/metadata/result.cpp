#include "metadata/result.h"

namespace dbsql::metadata {
namespace {

class NoRows : public RowSource {
 public:
  const sea::RowBatch* next() override { return nullptr; }
};

class LocalRows : public RowSource {
 public:
  explicit LocalRows(sea::RowBatch rows) : rows_(std::move(rows)) {}
  const sea::RowBatch* next() override {
    if (done_ || rows_.row_count() == 0) return nullptr;
    done_ = true;
    return &rows_;
  }

 private:
  sea::RowBatch rows_;
  bool done_ = false;
};

class ServerRows : public RowSource {
 public:
  explicit ServerRows(std::unique_ptr<sea::Execution> execution)
      : execution_(std::move(execution)) {}
  ~ServerRows() override {
    if (execution_) execution_->close();
  }
  const sea::RowBatch* next() override {
    if (!execution_ || !execution_->has_result_set()) return nullptr;
    return execution_->results().next();
  }

 private:
  std::unique_ptr<sea::Execution> execution_;
};

class HeldRows : public RowSource {
 public:
  HeldRows(std::shared_ptr<const CachedRows> rows, std::unique_ptr<sea::Execution> rest)
      : rows_(std::move(rows)), rest_(std::move(rest)) {}
  const sea::RowBatch* next() override {
    if (rows_ && index_ < rows_->batches.size()) return &rows_->batches[index_++];
    rows_.reset();  // the prefix of a streamed result is not kept once read
    return rest_.next();
  }

 private:
  std::shared_ptr<const CachedRows> rows_;
  size_t index_ = 0;
  ServerRows rest_;
};

class CatalogStream : public sea::ResultStream {
 public:
  CatalogStream(size_t columns, std::unique_ptr<RowSource> source, Reshape reshape)
      : columns_(columns), source_(std::move(source)), reshape_(std::move(reshape)) {}

  const sea::RowBatch* next() override {
    if (!source_) return nullptr;
    while (const sea::RowBatch* in = source_->next()) {
      if (!reshape_) {
        rows_ += static_cast<int64_t>(in->row_count());
        return in;
      }
      out_ = sea::RowBatch(columns_, rows_);
      for (size_t r = 0; r < in->row_count(); ++r) reshape_(*in, r, out_);
      if (out_.row_count() > 0) {
        rows_ += static_cast<int64_t>(out_.row_count());
        return &out_;
      }
    }
    source_.reset();
    return nullptr;
  }
  void close() { source_.reset(); }

 private:
  size_t columns_;
  std::unique_ptr<RowSource> source_;
  Reshape reshape_;
  sea::RowBatch out_;
  int64_t rows_ = 0;
};

class CatalogExecution : public sea::Execution {
 public:
  CatalogExecution(Layout layout, std::unique_ptr<RowSource> source, Reshape reshape)
      : stream_(layout_columns(layout).size(), std::move(source), std::move(reshape)) {
    manifest_.format = "JSON_ARRAY";
    manifest_.columns = manifest_columns(layout);
    manifest_.column_count = static_cast<int>(manifest_.columns.size());
    // total_row_count stays unknown: the rows are counted only as they are reshaped.
  }
  const std::string& statement_id() const override { return id_; }
  const sea::Manifest& manifest() const override { return manifest_; }
  std::optional<int64_t> affected_rows() const override { return std::nullopt; }
  bool has_result_set() const override { return true; }
  sea::ResultStream& results() override { return stream_; }
  void close() noexcept override { stream_.close(); }

 private:
  std::string id_;
  sea::Manifest manifest_;
  CatalogStream stream_;
};

}  // namespace

std::unique_ptr<RowSource> no_rows() {
  return std::make_unique<NoRows>();
}

std::unique_ptr<RowSource> local_rows(sea::RowBatch rows) {
  return std::make_unique<LocalRows>(std::move(rows));
}

std::unique_ptr<RowSource> held_rows(std::shared_ptr<const CachedRows> rows,
                                     std::unique_ptr<sea::Execution> rest) {
  return std::make_unique<HeldRows>(std::move(rows), std::move(rest));
}

std::unique_ptr<RowSource> server_rows(std::unique_ptr<sea::Execution> execution) {
  return std::make_unique<ServerRows>(std::move(execution));
}

std::string cache_key(const sea::ExecuteRequest& request) {
  return request.catalog + '\x1f' + request.schema + '\x1f' + request.statement;
}

std::unique_ptr<RowSource> fetch_rows(const Runner& run, Cache* cache,
                                      const sea::ExecuteRequest& request) {
  const bool caching = cache && cache->enabled();
  const std::string key = cache_key(request);
  if (caching)
    if (auto hit = cache->find(key)) return held_rows(std::move(hit));
  const uint64_t generation = caching ? cache->generation() : 0;
  std::unique_ptr<sea::Execution> execution = run(request);
  if (!caching || !execution->has_result_set()) return server_rows(std::move(execution));
  auto rows = std::make_shared<CachedRows>();
  sea::ResultStream& stream = execution->results();
  while (rows->bytes <= cache->max_bytes()) {
    const sea::RowBatch* batch = stream.next();
    if (!batch) {
      execution->close();
      cache->store(key, rows, generation);
      return held_rows(std::move(rows));
    }
    append_compact(*rows, *batch);
  }
  cache->mark_too_large(key);
  return held_rows(std::move(rows), std::move(execution));
}

std::unique_ptr<sea::Execution> make_result(Layout layout, std::unique_ptr<RowSource> source,
                                            Reshape reshape) {
  return std::make_unique<CatalogExecution>(layout, std::move(source), std::move(reshape));
}

void put_text(sea::RowBatch& out, std::string_view text) {
  out.append(text);
}

void put_optional(sea::RowBatch& out, const std::optional<std::string_view>& text) {
  if (text)
    out.append(*text);
  else
    out.append_null();
}

void put_int(sea::RowBatch& out, long long value) {
  out.append(std::to_string(value));
}

void put_null(sea::RowBatch& out) {
  out.append_null();
}

}  // namespace dbsql::metadata
