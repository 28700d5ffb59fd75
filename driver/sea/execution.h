#pragma once
// A statement that SUCCEEDED: its manifest, its row count (DML) or its result stream.
// close() (also run by the destructor) stops the stream and, when part of the result was
// never fetched, releases the statement on the server with a best-effort
// DELETE /statements/{id} so it can free the rest. A statement whose every chunk was
// fetched, or that has no result set, is finished on the server already: closing it costs
// no request (small results cost only their submit, and their download).
#include <memory>
#include <optional>
#include <string>

#include "sea/api_client.h"
#include "sea/client.h"
#include "sea/result_stream.h"

namespace dbsql::sea {

class StatementExecution final : public Execution {
 public:
  // `stream` is null for statements without a result set.
  StatementExecution(std::shared_ptr<const ApiClient> api, std::string statement_id,
                     Manifest manifest, std::optional<int64_t> affected_rows,
                     std::unique_ptr<ChunkStream> stream);
  ~StatementExecution() override;

  const std::string& statement_id() const override { return statement_id_; }
  const Manifest& manifest() const override { return manifest_; }
  std::optional<int64_t> affected_rows() const override { return affected_rows_; }
  bool has_result_set() const override { return stream_ != nullptr; }
  ResultStream& results() override;
  void close() noexcept override;

 private:
  std::shared_ptr<const ApiClient> api_;
  std::string statement_id_;
  Manifest manifest_;
  std::optional<int64_t> affected_rows_;
  std::unique_ptr<ChunkStream> stream_;
  EmptyStream empty_;
  bool closed_ = false;
};

// Best-effort DELETE /statements/{id}: one attempt with a short timeout; never throws.
void release_statement(const ApiClient& api, const std::string& statement_id) noexcept;

}  // namespace dbsql::sea
