// Several chunks downloaded at once: they overlap, are handed over strictly in order
// whatever order they finish in, stay within the memory budget (smaller or larger than a
// chunk), reuse finished chunks' memory, refresh refused links, and a failure, a cancel or
// an abandoned stream behaves as with one download at a time.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "client_fixture.h"
#include "linked_result.h"

namespace dbsql::testing {
namespace {

const std::string kId = "01f0-cccc";
constexpr size_t kColumns = 3;
constexpr int64_t kRows = 4;
// How long a storage handler waits for the others before giving up (a failing test ends
// instead of hanging).
constexpr std::chrono::seconds kPatience{10};

// Counts storage requests in flight; each handler can wait until a condition holds.
class Storage {
 public:
  explicit Storage(FakeHttp& http) : http_(http) {}

  // Serves chunk `n` after `wait_for` holds (or `patience` passed).
  void serve(int n, std::function<bool()> wait_for = nullptr,
             std::chrono::milliseconds patience = kPatience) {
    http_.on("GET", storage_url(kId, n), [this, n, wait_for, patience](const http::Request&,
                                                                       const CancelToken*) {
      std::unique_lock lock(mu_);
      ++in_flight_;
      max_in_flight_ = std::max(max_in_flight_, in_flight_);
      cv_.notify_all();
      if (wait_for) cv_.wait_for(lock, patience, [&] { return wait_for(); });
      --in_flight_;
      finished_.push_back(n);
      cv_.notify_all();
      http::Response r;
      r.status = 200;
      r.body = rows_json(n * kRows, kRows, kColumns);
      return r;
    });
  }
  // Holds chunk `n` until its transfer is cancelled.
  void hang(int n) {
    http_.on("GET", storage_url(kId, n),
             [this](const http::Request&, const CancelToken* token) -> http::Response {
               {
                 std::lock_guard lock(mu_);
                 ++in_flight_;
                 max_in_flight_ = std::max(max_in_flight_, in_flight_);
                 cv_.notify_all();
               }
               while (!(token && token->cancelled()))
                 std::this_thread::sleep_for(std::chrono::milliseconds(1));
               std::lock_guard lock(mu_);
               --in_flight_;
               ++cancelled_;
               throw http::TransportError(http::TransportFailure::kCancelled, "cancelled");
             });
  }

  // Conditions for serve(), read under the storage's lock.
  int in_flight() const { return in_flight_; }
  int max_in_flight() const { return max_in_flight_; }
  bool finished(int n) const {
    return std::find(finished_.begin(), finished_.end(), n) != finished_.end();
  }

  int max_in_flight_seen() {
    std::lock_guard lock(mu_);
    return max_in_flight_;
  }
  std::vector<int> finish_order() {
    std::lock_guard lock(mu_);
    return finished_;
  }
  int cancelled() {
    std::lock_guard lock(mu_);
    return cancelled_;
  }
  void wait_until_in_flight(int n) {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, kPatience, [&] { return in_flight_ >= n; });
  }

 private:
  FakeHttp& http_;
  std::mutex mu_;
  std::condition_variable cv_;
  int in_flight_ = 0;
  int max_in_flight_ = 0;
  int cancelled_ = 0;
  std::vector<int> finished_;
};

class ParallelDownload : public ClientFixture {
 protected:
  void SetUp() override { http.reply("DELETE", statement_url(kId), 200, "{}"); }
  std::unique_ptr<sea::Execution> run_linked(int chunks) {
    serve_linked_result(http, kId, chunks, kRows, kColumns);
    return run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  }
  Storage storage{http};
};

TEST_F(ParallelDownload, UpToTheThreadCountDownloadAtOnce) {
  client(64 << 20, 4);
  for (int n = 0; n < 6; ++n) storage.serve(n, [this] { return storage.max_in_flight() >= 4; });
  auto execution = run_linked(6);
  EXPECT_EQ(read_all(execution->results()), generated_cells(6 * kRows, kColumns));
  EXPECT_EQ(storage.max_in_flight_seen(), 4);
}

TEST_F(ParallelDownload, ChunksFinishingOutOfOrderAreDeliveredInOrder) {
  client(64 << 20, 4);
  storage.serve(0);
  storage.serve(1, [this] { return storage.finished(3); });
  storage.serve(2, [this] { return storage.finished(3); });
  storage.serve(3);
  auto execution = run_linked(4);
  EXPECT_EQ(read_all(execution->results()), generated_cells(4 * kRows, kColumns));
  const std::vector<int> order = storage.finish_order();
  ASSERT_EQ(order.size(), 4u);
  EXPECT_LT(std::find(order.begin(), order.end(), 3), std::find(order.begin(), order.end(), 1))
      << "chunk 3 was meant to finish before chunk 1";
}

TEST_F(ParallelDownload, ABudgetSmallerThanAChunkAllowsOneDownloadAhead) {
  client(1, 4);
  for (int n = 0; n < 6; ++n) storage.serve(n);
  auto execution = run_linked(6);
  EXPECT_EQ(read_all(execution->results()), generated_cells(6 * kRows, kColumns));
  EXPECT_EQ(storage.max_in_flight_seen(), 1);
}

TEST_F(ParallelDownload, DownloadThreadsReuseTheMemoryOfFinishedChunks) {
  // A budget of a few of these small chunks: downloads wait for the reader, whose finished
  // batches are kept and lent to the next downloads instead of fresh buffers.
  client(2000, 4);
  std::mutex mu;
  int reused = 0;
  for (int n = 0; n < 12; ++n)
    http.on("GET", storage_url(kId, n), [&, n](const http::Request& r, const CancelToken*) {
      http::Response response;
      response.status = 200;
      response.body = rows_json(n * kRows, kRows, kColumns);
      std::lock_guard lock(mu);
      reused += r.response_storage && r.response_storage->capacity() >= response.body.size();
      return response;
    });
  auto execution = run_linked(12);
  EXPECT_EQ(read_all(execution->results()), generated_cells(12 * kRows, kColumns));
  std::lock_guard lock(mu);
  EXPECT_GE(reused, 1);
}

TEST_F(ParallelDownload, ABudgetOfTwoChunksKeepsTwoDownloadsInFlight) {
  // Each link announces 100 bytes; a parsed chunk of 4 rows x 3 cells is announced as
  // 100 + 12 x 8 = 196 bytes. Two fit in 442 bytes, a third does not.
  client(2 * 196 + 50, 4);
  // Each download waits a little for a third to start, which the budget must prevent.
  for (int n = 0; n < 8; ++n)
    storage.serve(n, [this] { return storage.max_in_flight() >= 3; },
                  std::chrono::milliseconds(100));
  auto execution = run_linked(8);
  EXPECT_EQ(read_all(execution->results()), generated_cells(8 * kRows, kColumns));
  EXPECT_EQ(storage.max_in_flight_seen(), 2);
}

TEST_F(ParallelDownload, ALinkRefusedByStorageIsRefreshedWhileOthersDownload) {
  client(64 << 20, 4);
  const std::string stale = storage_url(kId, 2, "old");
  const std::string fresh = storage_url(kId, 2, "new");
  http.reply("GET", chunk_url(kId, 2), 200,
             links_result(kId, {{2, 2 * kRows, kRows, true, stale}}), 1);
  http.reply("GET", chunk_url(kId, 2), 200,
             links_result(kId, {{2, 2 * kRows, kRows, true, fresh}}), 1);
  http.reply("GET", stale, 403,
             "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
  serve_file(http, fresh, 2 * kRows, kRows, kColumns);
  auto execution = run_linked(6);
  EXPECT_EQ(read_all(execution->results()), generated_cells(6 * kRows, kColumns));
  EXPECT_EQ(http.count("GET", stale), 1);
  EXPECT_EQ(http.count("GET", fresh), 1);
  EXPECT_EQ(http.count("GET", chunk_url(kId, 2)), 2);
}

TEST_F(ParallelDownload, AFailedChunkComesAfterTheRowsBeforeItAndIsFinal) {
  client(64 << 20, 4);
  const std::string full = rows_json(2 * kRows, kRows, kColumns);
  http.on("GET", storage_url(kId, 2), [full](const http::Request&, const CancelToken*) {
    http::Response r;
    r.status = 200;
    r.body = full.substr(0, full.size() / 2);
    return r;
  });
  auto execution = run_linked(6);
  sea::ResultStream& stream = execution->results();
  for (int n = 0; n < 2; ++n) {
    const sea::RowBatch* batch = stream.next();
    ASSERT_NE(batch, nullptr);
    EXPECT_EQ(batch->row_offset(), n * kRows);
    EXPECT_EQ(batch->text(0, 0), cell(n * kRows, 0));
  }
  Error e = error_of([&] { stream.next(); });
  EXPECT_EQ(e.sqlstate(), "08S01");
  EXPECT_NE(std::string(e.what()).find("result chunk 2 of statement " + kId), std::string::npos);
  EXPECT_EQ(std::string(e.what()).find("SECRET"), std::string::npos);
  EXPECT_EQ(error_of([&] { stream.next(); }).sqlstate(), "08S01");
}

TEST_F(ParallelDownload, CancelStopsEveryTransfer) {
  client(64 << 20, 4);
  storage.serve(0);
  for (int n = 1; n < 6; ++n) storage.hang(n);
  auto execution = run_linked(6);
  sea::ResultStream& stream = execution->results();
  ASSERT_NE(stream.next(), nullptr);
  storage.wait_until_in_flight(3);
  std::thread canceller([&] { cancel.cancel(); });
  EXPECT_EQ(error_of([&] { stream.next(); }).sqlstate(), "HY008");
  canceller.join();
  EXPECT_EQ(storage.cancelled(), storage.max_in_flight_seen());
  EXPECT_GE(storage.cancelled(), 3);
}

TEST_F(ParallelDownload, AbandoningTheStreamStopsAndJoinsEveryDownload) {
  client(64 << 20, 4);
  storage.serve(0);
  for (int n = 1; n < 6; ++n) storage.hang(n);
  auto execution = run_linked(6);
  ASSERT_NE(execution->results().next(), nullptr);
  storage.wait_until_in_flight(3);
  execution.reset();  // returns only once every transfer was stopped and its thread joined
  EXPECT_GE(storage.cancelled(), 3);
  EXPECT_EQ(http.calls().back(), "DELETE " + statement_url(kId));
}

}  // namespace
}  // namespace dbsql::testing
