#pragma once
// A sea::Client over a FakeHttp and a FakeClock, plus helpers to run a statement and read
// every row of its result.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/token_source.h"
#include "fake_http.h"
#include "http/fake_clock.h"
#include "sea/client.h"
#include "sea_json.h"

namespace dbsql::testing {

class ClientFixture : public ::testing::Test {
 protected:
  // `budget_bytes` 0: chunks are fetched on the reading thread.
  sea::ClientOptions options(size_t budget_bytes = 0, size_t download_threads = 1) {
    sea::ClientOptions o;
    o.base_url = kBase;
    o.warehouse_id = kWarehouse;
    o.user_agent = "dbsql-odbc-test/1";
    o.result_budget_bytes = budget_bytes;
    o.download_threads = download_threads;
    o.clock = &clock;
    return o;
  }
  sea::Client& client(size_t budget_bytes = 0, size_t download_threads = 1) {
    if (!client_)
      client_ = std::make_unique<sea::Client>(http, tokens,
                                              options(budget_bytes, download_threads));
    return *client_;
  }
  std::unique_ptr<sea::Execution> run(const std::string& sql,
                                      sea::Disposition disposition = sea::Disposition::kInline) {
    sea::ExecuteRequest request;
    request.statement = sql;
    request.disposition = disposition;
    return client().execute(request, cancel);
  }
  // The Error that `call` throws (a test failure when it throws none).
  template <typename Call>
  Error error_of(Call&& call) {
    try {
      call();
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "expected an Error";
    return Error("", "");
  }

  FakeHttp http;
  FakeClock clock;
  auth::StaticTokenSource tokens{"tok-1"};
  CancelToken cancel;

 private:
  std::unique_ptr<sea::Client> client_;
};

// Every cell of the stream, row by row, checking that batches follow each other.
inline std::vector<std::string> read_all(sea::ResultStream& stream) {
  std::vector<std::string> cells;
  int64_t expected_offset = 0;
  while (const sea::RowBatch* batch = stream.next()) {
    EXPECT_EQ(batch->row_offset(), expected_offset);
    EXPECT_GT(batch->row_count(), 0u);
    for (size_t r = 0; r < batch->row_count(); ++r)
      for (size_t c = 0; c < batch->column_count(); ++c)
        cells.push_back(batch->is_null(r, c) ? "<null>" : std::string(batch->text(r, c)));
    expected_offset += static_cast<int64_t>(batch->row_count());
  }
  return cells;
}

inline std::vector<std::string> generated_cells(int64_t rows, size_t columns) {
  std::vector<std::string> cells;
  for (int64_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < columns; ++c) cells.push_back(cell(r, c));
  return cells;
}

}  // namespace dbsql::testing
