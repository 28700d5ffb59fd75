#pragma once
// A wire-free Backend for the ODBC layer's tests: statements return canned results (text
// cells in batches), record the requests they got, and can be made to fail or to block
// until cancelled.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "odbc/backend.h"
#include "util/error.h"

namespace dbsql::odbc::testing {

using Cell = std::optional<std::string>;
using Row = std::vector<Cell>;

struct CannedResult {
  std::vector<sea::ColumnInfo> columns;
  std::vector<std::vector<Row>> batches;  // each inner vector is one chunk
  std::optional<int64_t> affected_rows;   // set: DML without a result set
  std::string statement_id = "01ef-fake";
  std::optional<Error> error;  // thrown by execute()
  bool block_until_cancelled = false;
  std::optional<Error> fetch_error;  // thrown by the stream after the first batch
};

inline sea::ColumnInfo column(std::string name, std::string type_name, std::string type_text = {},
                              int precision = -1, int scale = -1) {
  sea::ColumnInfo c;
  c.name = std::move(name);
  c.type_name = type_name;
  c.type_text = type_text.empty() ? type_name : type_text;
  c.precision = precision;
  c.scale = scale;
  return c;
}

class FakeStream : public sea::ResultStream {
 public:
  FakeStream(const CannedResult& result, size_t columns) : result_(result), columns_(columns) {}
  const sea::RowBatch* next() override {
    if (index_ > 0 && result_.fetch_error) throw *result_.fetch_error;
    if (index_ >= result_.batches.size()) {
      current_.reset();
      return nullptr;
    }
    current_ = std::make_unique<sea::RowBatch>(columns_, offset_);
    for (const Row& row : result_.batches[index_]) {
      for (const Cell& cell : row) {
        if (cell) {
          current_->append(*cell);
        } else {
          current_->append_null();
        }
      }
      ++offset_;
    }
    ++index_;
    ++batches_served;
    return current_.get();
  }
  size_t batches_served = 0;

 private:
  const CannedResult& result_;
  size_t columns_;
  size_t index_ = 0;
  int64_t offset_ = 0;
  std::unique_ptr<sea::RowBatch> current_;
};

class FakeExecution : public sea::Execution {
 public:
  FakeExecution(CannedResult result, std::atomic<int>* closed)
      : result_(std::move(result)), stream_(result_, result_.columns.size()), closed_(closed) {
    manifest_.columns = result_.columns;
    manifest_.column_count = static_cast<int>(result_.columns.size());
    for (const auto& b : result_.batches)
      manifest_.total_row_count =
          manifest_.total_row_count.value_or(0) + static_cast<int64_t>(b.size());
  }
  const std::string& statement_id() const override { return result_.statement_id; }
  const sea::Manifest& manifest() const override { return manifest_; }
  std::optional<int64_t> affected_rows() const override { return result_.affected_rows; }
  bool has_result_set() const override {
    return !result_.affected_rows && !result_.columns.empty();
  }
  sea::ResultStream& results() override { return stream_; }
  void close() noexcept override { ++*closed_; }

 private:
  CannedResult result_;
  sea::Manifest manifest_;
  FakeStream stream_;
  std::atomic<int>* closed_;
};

class FakeBackend : public Backend {
 public:
  void validate(const CancelToken*) override {
    ++validations;
    if (validate_error) throw *validate_error;
  }
  std::unique_ptr<sea::Execution> execute(const sea::ExecuteRequest& request,
                                          const CancelToken& cancel) override {
    CannedResult result;
    {
      std::lock_guard lock(mu);
      requests.push_back(request);
      result = next_results.empty() ? default_result : next_results.front();
      if (!next_results.empty()) next_results.erase(next_results.begin());
    }
    if (result.block_until_cancelled) {
      executing = true;
      while (!cancel.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      throw Error("HY008", "Operation canceled.");
    }
    if (result.error) throw *result.error;
    return std::make_unique<FakeExecution>(std::move(result), &closed);
  }
  void replace_token(const std::string& token) override { tokens.push_back(token); }

  std::mutex mu;
  std::vector<sea::ExecuteRequest> requests;
  std::vector<CannedResult> next_results;
  CannedResult default_result;
  std::vector<std::string> tokens;
  std::optional<Error> validate_error;
  std::atomic<int> validations{0};
  std::atomic<int> closed{0};
  std::atomic<bool> executing{false};
};

}  // namespace dbsql::odbc::testing
