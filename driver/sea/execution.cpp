#include "sea/execution.h"

namespace dbsql::sea {
namespace {

constexpr std::chrono::milliseconds kReleaseTimeout{10'000};

}  // namespace

void release_statement(const ApiClient& api, const std::string& statement_id) noexcept {
  try {
    api.call(ApiCall{.method = "DELETE",
                     .path = "/api/2.0/sql/statements/" + statement_id,
                     .op = Operation::kPoll,
                     .timeout = kReleaseTimeout,
                     .retry = false});
  } catch (...) {
    // The server drops results an hour after success anyway.
  }
}

StatementExecution::StatementExecution(std::shared_ptr<const ApiClient> api,
                                       std::string statement_id, Manifest manifest,
                                       std::optional<int64_t> affected_rows,
                                       std::unique_ptr<ChunkStream> stream)
    : api_(std::move(api)),
      statement_id_(std::move(statement_id)),
      manifest_(std::move(manifest)),
      affected_rows_(affected_rows),
      stream_(std::move(stream)) {}

StatementExecution::~StatementExecution() {
  close();
}

ResultStream& StatementExecution::results() {
  if (stream_) return *stream_;
  return empty_;
}

void StatementExecution::close() noexcept {
  if (closed_) return;
  closed_ = true;
  if (!stream_) return;
  stream_->stop();
  if (!stream_->every_chunk_fetched()) release_statement(*api_, statement_id_);
}

}  // namespace dbsql::sea
