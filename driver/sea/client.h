#pragma once
// The Statement Execution API as the ODBC layer sees it: validate a warehouse, execute a
// statement (submit, poll with backoff, cancel, timeout), stream its result chunk by
// chunk, close it. Implementation details (request JSON, simdjson parsing, link refresh,
// retry of 429/503) stay inside sea/ and http/.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/token_source.h"
#include "http/http_client.h"
#include "http/retry.h"
#include "sea/row_batch.h"
#include "sea/types.h"
#include "util/cancel.h"

namespace dbsql::sea {

struct ClientOptions {
  std::string base_url;  // https://host[:port], no trailing slash
  std::string warehouse_id;
  std::string user_agent;  // full User-Agent value
  // Memory a result being read may hold: the current chunk, chunks downloaded ahead and
  // downloads in flight (a chunk is its JSON body plus 8 bytes per cell). A chunk larger
  // than this still streams, one ahead at most. 0 = no background download: chunks are
  // fetched inside next().
  size_t result_budget_bytes = 64 << 20;
  // Chunks downloaded at once, within that budget.
  size_t download_threads = 4;
  // How long 429/503 answers are retried (with backoff, honouring Retry-After).
  std::chrono::seconds retry_budget{120};
  // Time source for backoff, deadlines and link expiry; null = the system clock. Tests
  // inject a fake so nothing sleeps.
  http::Clock* clock = nullptr;
  // Polling after submit starts at poll_initial and doubles up to poll_max.
  std::chrono::milliseconds poll_initial{50};
  std::chrono::milliseconds poll_max{1000};
  // An external link this close to its expiration is refreshed before it is used.
  std::chrono::seconds link_expiry_margin{30};
  // After a cancel (or deadline), how long to poll for the server to confirm it.
  std::chrono::seconds cancel_wait{30};
};

struct WarehouseInfo {
  std::string id;
  std::string name;
  std::string state;
};

struct ExecuteRequest {
  std::string statement;
  std::string catalog;  // empty = server default
  std::string schema;
  std::vector<Parameter> parameters;
  Disposition disposition = Disposition::kExternalLinks;
  std::optional<int64_t> row_limit;  // SQL_ATTR_MAX_ROWS
  // SQL_ATTR_QUERY_TIMEOUT as a wall-clock deadline: on expiry the statement is cancelled
  // on the server and execute() throws Error HYT00.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // SQL_ATTR_QUERY_TIMEOUT again, for fetching: how long one call may wait for the next
  // chunk to arrive (0 = no limit). Per call, not for the whole result: an application
  // that reads slowly is never timed out for its own pace, one stuck on a download is.
  std::chrono::seconds fetch_wait_limit{0};
  // SQL_ATTR_CONNECTION_TIMEOUT: the longest one chunk request (chunk endpoint or storage
  // download) may take, shorter than SocketTimeout (0 = SocketTimeout). A request past it
  // fails with HYT01 (a transport timeout, which is not retried).
  std::chrono::seconds chunk_request_timeout{0};
  std::vector<std::pair<std::string, std::string>> query_tags;
};

// Chunks of one result, in order, each parsed once, within the memory of
// ClientOptions::result_budget_bytes.
class ResultStream {
 public:
  virtual ~ResultStream() = default;
  // The next batch (never empty), or nullptr after the last one. The previous batch is
  // released. Throws Error when a chunk cannot be downloaded or parsed, or contradicts the
  // manifest (row counts, total rows): never a short result. After an error every later
  // call throws it again; after close() it returns nullptr.
  virtual const RowBatch* next() = 0;
};

class Execution {
 public:
  virtual ~Execution() = default;
  virtual const std::string& statement_id() const = 0;
  virtual const Manifest& manifest() const = 0;
  // For DML (INSERT/UPDATE/DELETE/MERGE answered with num_affected_rows...): the server's
  // num_affected_rows. The statement then has no result set. nullopt otherwise.
  virtual std::optional<int64_t> affected_rows() const = 0;
  virtual bool has_result_set() const = 0;
  virtual ResultStream& results() = 0;
  // Stops the stream's downloads and sends a best-effort DELETE /statements/{id}; never
  // throws. The destructor closes too.
  virtual void close() noexcept = 0;
};

class Client {
 public:
  Client(http::HttpClient& http, auth::TokenSource& tokens, ClientOptions options);
  ~Client();

  // GET /api/2.0/sql/warehouses/{id}: proves host, token and warehouse without running SQL.
  // Throws Error 28000 (401/403), 08001 (unknown warehouse, unreachable, TLS).
  WarehouseInfo get_warehouse(const CancelToken* cancel = nullptr);

  // Submits and waits for a terminal state. Throws Error: the statement's SQLSTATE when it
  // FAILED, HY008 when `cancel` fired (after POST .../cancel), HYT00 past the deadline.
  // The submit itself is never aborted (that would orphan the query): a cancel arriving
  // during it takes effect when it returns, at most wait_timeout (10 s) later. `cancel`
  // stays watched by the returned Execution's stream: firing it while a fetch waits for
  // a chunk stops the download and that next() throws HY008. Executions may outlive this
  // Client, not the HttpClient and TokenSource.
  std::unique_ptr<Execution> execute(const ExecuteRequest& request, const CancelToken& cancel);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dbsql::sea
