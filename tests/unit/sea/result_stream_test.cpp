// Results streamed chunk by chunk, both dispositions, with and without the prefetch
// thread: order, link handling, refresh of expired links, and errors instead of short
// results.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "client_fixture.h"
#include "linked_result.h"

namespace dbsql::testing {
namespace {

const std::string kId = "01f0-bbbb";
constexpr size_t kColumns = 3;

// How a stream downloads: its memory budget (0 = on the reading thread) and threads.
struct Downloads {
  size_t budget_bytes;
  size_t threads;
  const char* name;
};

class ResultStream : public ClientFixture, public ::testing::WithParamInterface<Downloads> {
 protected:
  void SetUp() override {
    client(GetParam().budget_bytes, GetParam().threads);
    http.reply("DELETE", statement_url(kId), 200, "{}");
  }

  void serve_file(const std::string& url, int64_t offset, int64_t count, int times = -1) {
    testing::serve_file(http, url, offset, count, kColumns, times);
  }
  void serve_linked_result(int chunks, int64_t rows) {
    testing::serve_linked_result(http, kId, chunks, rows, kColumns);
  }

  int storage_requests() const {
    int n = 0;
    for (const auto& r : http.requests()) n += r.url.starts_with(kStorage);
    return n;
  }
};

TEST_P(ResultStream, InlineChunksFollowTheInternalLinksInOrder) {
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest_json({"a", "b", "c"}, {4, 4, 2}),
                            inline_result(kId, 0, 0, 4, kColumns, true)));
  http.reply("GET", chunk_url(kId, 1), 200, inline_result(kId, 1, 4, 4, kColumns, true));
  http.reply("GET", chunk_url(kId, 2), 200, inline_result(kId, 2, 8, 2, kColumns, false));
  auto execution = run("SELECT * FROM t");
  EXPECT_EQ(read_all(execution->results()), generated_cells(10, kColumns));
  for (const auto& r : http.requests()) {
    if (r.url.find("/result/chunks/") != std::string::npos) {
      EXPECT_EQ(header_of(r, "Authorization"), "Bearer tok-1");
    }
  }
  EXPECT_EQ(http.count("GET", chunk_url(kId, 1)), 1);
  EXPECT_EQ(http.count("GET", chunk_url(kId, 2)), 1);
}

TEST_P(ResultStream, ExternalLinksAreFetchedWithoutAuthorizationAndWithTheirHeaders) {
  serve_linked_result(4, 5);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  EXPECT_EQ(read_all(execution->results()), generated_cells(20, kColumns));
  int downloads = 0;
  for (const auto& r : http.requests()) {
    if (!r.url.starts_with(kStorage)) continue;
    ++downloads;
    EXPECT_FALSE(has_header(r, "Authorization")) << r.url;
    EXPECT_TRUE(r.url_is_secret);
    const std::string n = r.url.substr(r.url.find("/results/" + kId + "/") + 10 + kId.size(), 1);
    EXPECT_EQ(header_of(r, "x-chunk-key"), "k" + n);
  }
  EXPECT_EQ(downloads, 4);
  EXPECT_NE(http.requests().at(0).body.find(R"("disposition":"EXTERNAL_LINKS")"),
            std::string::npos);
}

TEST_P(ResultStream, SeveralLinksInOneAnswerAreAllUsed) {
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest_json({"a", "b", "c"}, {2, 3, 1}),
                            links_result(kId, {{0, 0, 2, true, storage_url(kId, 0)},
                                               {1, 2, 3, true, storage_url(kId, 1)}})));
  serve_file(storage_url(kId, 0), 0, 2);
  serve_file(storage_url(kId, 1), 2, 3);
  http.reply("GET", chunk_url(kId, 2), 200,
             links_result(kId, {{2, 5, 1, false, storage_url(kId, 2)}}));
  serve_file(storage_url(kId, 2), 5, 1);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  EXPECT_EQ(read_all(execution->results()), generated_cells(6, kColumns));
  EXPECT_EQ(http.count("GET", chunk_url(kId, 1)), 0);
  EXPECT_EQ(http.count("GET", chunk_url(kId, 2)), 1);
}

TEST_P(ResultStream, ExpiredLinkIsRefreshedThroughTheChunkEndpoint) {
  const std::string stale = storage_url(kId, 0, "old");
  const std::string fresh = storage_url(kId, 0, "new");
  http.reply(
      "POST", statements_url(), 200,
      succeeded_json(kId, manifest_json({"a", "b", "c"}, {3}),
                     links_result(kId, {{0, 0, 3, false, stale, "2024-11-08T15:20:17.922Z"}})));
  http.reply("GET", chunk_url(kId, 0), 200, links_result(kId, {{0, 0, 3, false, fresh}}));
  serve_file(fresh, 0, 3);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  EXPECT_EQ(read_all(execution->results()), generated_cells(3, kColumns));
  EXPECT_EQ(http.count("GET", stale), 0);
  EXPECT_EQ(http.count("GET", fresh), 1);
}

TEST_P(ResultStream, LinksRefusedByStorageAreRefreshed) {
  const std::string first = storage_url(kId, 0, "a");
  const std::string second = storage_url(kId, 0, "b");
  const std::string third = storage_url(kId, 0, "c");
  const std::string expired =
      "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest_json({"a", "b", "c"}, {2}),
                            links_result(kId, {{0, 0, 2, false, first}})));
  http.reply("GET", first, 403, expired);
  http.reply("GET", second, 403, expired);
  http.reply("GET", chunk_url(kId, 0), 200, links_result(kId, {{0, 0, 2, false, second}}), 1);
  http.reply("GET", chunk_url(kId, 0), 200, links_result(kId, {{0, 0, 2, false, third}}), 1);
  serve_file(third, 0, 2);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  EXPECT_EQ(read_all(execution->results()), generated_cells(2, kColumns));
  EXPECT_EQ(http.count("GET", first), 1);
  EXPECT_EQ(http.count("GET", second), 1);
  EXPECT_EQ(http.count("GET", third), 1);
}

TEST_P(ResultStream, LinkRefusedThreeTimesIsAnErrorThatNamesTheChunk) {
  const std::string link = storage_url(kId, 0);
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest_json({"a", "b", "c"}, {2}),
                            links_result(kId, {{0, 0, 2, false, link}})));
  http.reply("GET", link, 403,
             "<Error><Code>AccessDenied</Code><SignatureProvided>SIG</SignatureProvided></Error>");
  http.reply("GET", chunk_url(kId, 0), 200, links_result(kId, {{0, 0, 2, false, link}}));
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  Error e = error_of([&] { read_all(execution->results()); });
  EXPECT_EQ(http.count("GET", link), 3);
  EXPECT_EQ(http.count("GET", chunk_url(kId, 0)), 2);
  EXPECT_NE(e.sqlstate(), "28000");
  EXPECT_NE(std::string(e.what()).find("result chunk 0 of statement " + kId), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("AccessDenied"), std::string::npos);
  EXPECT_EQ(std::string(e.what()).find("SECRET"), std::string::npos);
  EXPECT_EQ(std::string(e.what()).find("SIG"), std::string::npos);
}

TEST_P(ResultStream, TruncatedChunkIsAnErrorNeverAShortResult) {
  // Routes are matched in order: the truncating one must come before serve_file's.
  const std::string full = rows_json(4, 4, kColumns);
  http.on("GET", storage_url(kId, 1), [full](const http::Request&, const CancelToken*) {
    http::Response r;
    r.status = 200;
    r.body = full.substr(0, full.size() / 2);
    return r;
  });
  serve_linked_result(3, 4);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  sea::ResultStream& stream = execution->results();
  const sea::RowBatch* first = stream.next();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->row_count(), 4u);
  Error e = error_of([&] { stream.next(); });
  EXPECT_TRUE(e.sqlstate() == "08S01" || e.sqlstate() == "HY000") << e.sqlstate();
  EXPECT_NE(std::string(e.what()).find("chunk 1"), std::string::npos);
  // Reading on repeats the error instead of ending the result early.
  EXPECT_EQ(error_of([&] { stream.next(); }).sqlstate(), e.sqlstate());
}

TEST_P(ResultStream, ChunkWithTheWrongRowCountIsAnError) {
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest_json({"a", "b", "c"}, {5}),
                            links_result(kId, {{0, 0, 5, false, storage_url(kId, 0)}})));
  serve_file(storage_url(kId, 0), 0, 4);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  Error e = error_of([&] { read_all(execution->results()); });
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("Received 4 rows"), std::string::npos);
}

TEST_P(ResultStream, ResultShorterThanTheManifestTotalIsAnError) {
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest_json({"a", "b", "c"}, {2}, 100),
                            inline_result(kId, 0, 0, 2, kColumns, false)));
  auto execution = run("SELECT * FROM t");
  Error e = error_of([&] { read_all(execution->results()); });
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("announced 100"), std::string::npos);
}

TEST_P(ResultStream, ChunkChainEndingEarlyIsAnError) {
  // The manifest promises 3 chunks; the chunk endpoint fails for the missing one.
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest_json({"a", "b", "c"}, {2, 2, 2}),
                            inline_result(kId, 0, 0, 2, kColumns, true)));
  http.reply("GET", chunk_url(kId, 1), 200, inline_result(kId, 1, 2, 2, kColumns, false));
  http.reply(
      "GET", chunk_url(kId, 2), 400,
      R"({"error_code":"INVALID_PARAMETER_VALUE","message":"chunk_index 2 is out of range"})");
  auto execution = run("SELECT * FROM t");
  EXPECT_EQ(error_of([&] { read_all(execution->results()); }).sqlstate(), "HY000");
}

TEST_P(ResultStream, ManifestWithoutTotalsStreamsEveryChunkByNextChunkIndex) {
  // The "bounded" result API: no total_chunk_count (nor chunk list), no total_row_count.
  std::string manifest = manifest_json({"a", "b", "c"}, {});
  for (const std::string field : {R"("total_chunk_count":0,)", R"("total_row_count":0,)"})
    manifest.erase(manifest.find(field), field.size());
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest,
                            links_result(kId, {{0, 0, 3, true, storage_url(kId, 0)}})));
  serve_file(storage_url(kId, 0), 0, 3);
  for (int n = 1; n < 5; ++n) {
    http.reply("GET", chunk_url(kId, n), 200,
               links_result(kId, {{n, n * 3, 3, n < 4, storage_url(kId, n)}}));
    serve_file(storage_url(kId, n), n * 3, 3);
  }
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  EXPECT_EQ(read_all(execution->results()), generated_cells(15, kColumns));
  EXPECT_EQ(http.count("GET", chunk_url(kId, 5)), 0);
}

TEST_P(ResultStream, EmptyResultNeedsNoRequests) {
  http.reply(
      "POST", statements_url(), 200,
      succeeded_json(
          kId,
          R"({"format":"JSON_ARRAY","schema":{"column_count":3,"columns":[{"name":"a","type_name":"INT","type_text":"INT","position":0},{"name":"b","type_name":"INT","type_text":"INT","position":1},{"name":"c","type_name":"INT","type_text":"INT","position":2}]},"total_chunk_count":0,"total_row_count":0})",
          "{}"));
  auto execution = run("SELECT * FROM t WHERE false", sea::Disposition::kExternalLinks);
  EXPECT_TRUE(execution->has_result_set());
  EXPECT_EQ(execution->results().next(), nullptr);
  EXPECT_EQ(execution->results().next(), nullptr);
  EXPECT_EQ(http.requests().size(), 1u);
}

// Storage that holds chunk 1 until the request is cancelled.
void hang_until_cancelled(FakeHttp& http, const std::string& url, std::atomic<bool>& arrived) {
  http.on("GET", url, [&arrived](const http::Request&, const CancelToken* token) -> http::Response {
    arrived = true;
    while (!(token && token->cancelled()))
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    throw http::TransportError(http::TransportFailure::kCancelled, "cancelled");
  });
}

TEST_P(ResultStream, CancelWhileFetchingStopsTheDownloadAndThrowsHY008) {
  std::atomic<bool> arrived{false};
  hang_until_cancelled(http, storage_url(kId, 1), arrived);
  serve_linked_result(3, 2);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  sea::ResultStream& stream = execution->results();
  ASSERT_NE(stream.next(), nullptr);
  std::thread canceller([&] {
    while (!arrived) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    cancel.cancel();
  });
  Error e = error_of([&] { stream.next(); });
  canceller.join();
  EXPECT_EQ(e.sqlstate(), "HY008");
}

// SQL_ATTR_QUERY_TIMEOUT bounds each fetch's wait for the next chunk. Downloads on the
// reading thread (no budget) are bounded by each request's SocketTimeout instead.
TEST_P(ResultStream, WaitingPastTheQueryTimeoutForAChunkIsHYT00) {
  if (GetParam().budget_bytes == 0) GTEST_SKIP() << "no background download to wait for";
  std::atomic<bool> arrived{false};
  hang_until_cancelled(http, storage_url(kId, 1), arrived);
  serve_linked_result(3, 2);
  sea::ExecuteRequest request;
  request.statement = "SELECT * FROM t";
  request.disposition = sea::Disposition::kExternalLinks;
  request.fetch_wait_limit = std::chrono::seconds(1);
  auto execution = client().execute(request, cancel);
  sea::ResultStream& stream = execution->results();
  ASSERT_NE(stream.next(), nullptr);
  Error e = error_of([&] { stream.next(); });
  EXPECT_EQ(e.sqlstate(), "HYT00");
  EXPECT_NE(std::string(e.what()).find("SQL_ATTR_QUERY_TIMEOUT"), std::string::npos);
  EXPECT_TRUE(arrived);
  // The failure is final: reading on never looks like the end of a shorter result.
  EXPECT_EQ(error_of([&] { stream.next(); }).sqlstate(), "HYT00");
}

TEST_P(ResultStream, CloseStopsAPendingDownload) {
  std::atomic<bool> arrived{false};
  hang_until_cancelled(http, storage_url(kId, 1), arrived);
  serve_linked_result(3, 2);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  ASSERT_NE(execution->results().next(), nullptr);
  if (GetParam().budget_bytes > 0) {
    while (!arrived) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  execution.reset();  // joins the prefetch thread: returns only if the download was stopped
  EXPECT_EQ(http.calls().back(), "DELETE " + statement_url(kId));
}

TEST_P(ResultStream, DownloadsAheadStayWithinTheBudget) {
  serve_linked_result(8, 3);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  sea::ResultStream& stream = execution->results();
  int chunks = 0;
  while (stream.next()) {
    ++chunks;
    // A budget smaller than a chunk lets one chunk be downloaded ahead, whatever the
    // number of threads.
    if (GetParam().budget_bytes == 1) {
      EXPECT_LE(storage_requests(), chunks + 1);
    } else if (GetParam().budget_bytes == 0) {
      EXPECT_EQ(storage_requests(), chunks);
    }
  }
  EXPECT_EQ(chunks, 8);
}

TEST_P(ResultStream, FinishedChunksLendTheirMemoryToTheNextDownload) {
  std::vector<size_t> storage_capacity;
  for (int n = 0; n < 4; ++n)
    http.on("GET", storage_url(kId, n), [&, n](const http::Request& r, const CancelToken*) {
      storage_capacity.push_back(r.response_storage ? r.response_storage->capacity() : 0);
      http::Response response;
      response.status = 200;
      response.body = rows_json(n * 50, 50, kColumns);
      return response;
    });
  serve_linked_result(4, 50);
  auto execution = run("SELECT * FROM t", sea::Disposition::kExternalLinks);
  sea::ResultStream& stream = execution->results();
  const sea::RowBatch* previous = nullptr;
  int chunks = 0;
  while (const sea::RowBatch* batch = stream.next()) {
    EXPECT_NE(batch, previous) << "a new batch at the address of the one before";
    previous = batch;
    ++chunks;
  }
  EXPECT_EQ(chunks, 4);
  ASSERT_EQ(storage_capacity.size(), 4u);
  if (GetParam().budget_bytes == 0) {
    // Read synchronously, every chunk after the first reuses the one before.
    for (size_t i = 1; i < storage_capacity.size(); ++i)
      EXPECT_GE(storage_capacity[i], rows_json(0, 50, kColumns).size()) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Downloads, ResultStream,
                         ::testing::Values(Downloads{0, 1, "Synchronous"},
                                           Downloads{1, 1, "OneByteBudget"},
                                           Downloads{64 << 20, 1, "OneThread"},
                                           Downloads{1, 4, "OneByteBudgetFourThreads"},
                                           Downloads{64 << 20, 4, "FourThreads"}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace dbsql::testing
