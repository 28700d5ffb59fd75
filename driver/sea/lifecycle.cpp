#include "sea/lifecycle.h"

#include <algorithm>

#include "sea/dml.h"
#include "sea/execution.h"
#include "sea/request_json.h"
#include "sea/result_stream.h"
#include "util/log.h"

namespace dbsql::sea {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kCancelRequestTimeout{10'000};
// Polls for the manifest of a statement answered SUCCEEDED without one.
constexpr int kManifestPolls = 10;

// Statement ids go into request paths: only the characters of ids Databricks issues.
bool plausible_statement_id(std::string_view id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '_' || c == '.';
  });
}

}  // namespace

std::string wait_timeout_for(std::optional<std::chrono::steady_clock::time_point> deadline,
                             std::chrono::steady_clock::time_point now) {
  if (!deadline) return "10s";
  const auto left = *deadline - now;
  // The API accepts 0 (return at once) or 5..50 seconds.
  if (left >= std::chrono::seconds(10)) return "10s";
  if (left >= std::chrono::seconds(5)) return "5s";
  return "0s";
}

StatementLifecycle::StatementLifecycle(std::shared_ptr<const ApiClient> api,
                                       const ExecuteRequest& request, const CancelToken& cancel)
    : api_(std::move(api)), request_(request), cancel_(cancel), clock_(api_->clock()) {}

std::unique_ptr<Execution> StatementLifecycle::run() {
  if (cancel_.cancelled())
    throw Error("HY008", "Operation canceled before the statement was submitted.");
  if (past_deadline())
    throw Error("HYT00", "Query timeout expired before the statement was submitted.");
  StatementResponse response = submit();
  wait_until_terminal(response);
  if (response.status.state != StatementState::kSucceeded) unsuccessful(response);
  return succeeded(std::move(response));
}

StatementResponse StatementLifecycle::submit() {
  // The submit is never aborted by a cancel: cutting the POST short would lose the
  // statement id and leave the query running unseen. A cancel that arrives meanwhile is
  // acted on as soon as the POST returns, at most wait_timeout later.
  http::Response response =
      api_->call(ApiCall{.method = "POST",
                         .path = "/api/2.0/sql/statements",
                         .body = execute_body(request_, api_->options().warehouse_id,
                                              wait_timeout_for(request_.deadline, clock_.now())),
                         .op = Operation::kSubmit,
                         .replay = http::Replay::kOnlyIfRefused});
  if (response.status != 200)
    throw http_error(response, Operation::kSubmit, "statement submission", api_->origin());
  StatementResponse statement = parse(std::move(response), Operation::kSubmit);
  if (!plausible_statement_id(statement.statement_id))
    throw Error("08S01",
                "The server answered the statement submission without a valid "
                "statement id.");
  statement_id_ = statement.statement_id;
  DBSQL_LOG(kDebug, "sea") << "statement " << statement_id_
                           << " submitted: " << statement.status.state_text;
  return statement;
}

StatementResponse StatementLifecycle::poll(const CancelToken* cancel) {
  for (int reread = 0;; ++reread) {
    http::Response response =
        api_->call(ApiCall{.method = "GET",
                           .path = "/api/2.0/sql/statements/" + statement_id_,
                           .op = Operation::kPoll,
                           .cancel = cancel});
    if (response.status != 200)
      throw http_error(response, Operation::kPoll, statement_id_, api_->origin());
    try {
      StatementResponse statement = parser_.statement(std::move(response.body));
      DBSQL_LOG(kTrace, "sea") << "statement " << statement_id_ << ": "
                               << statement.status.state_text;
      return statement;
    } catch (const MalformedResponse& e) {
      if (reread >= kMalformedRereads) throw malformed(Operation::kPoll, e);
      DBSQL_LOG(kInfo, "sea") << "the answer about statement " << statement_id_
                              << " did not parse (" << e.what() << "); asking again";
    }
  }
}

StatementResponse StatementLifecycle::parse(http::Response response, Operation op) {
  try {
    return parser_.statement(std::move(response.body));
  } catch (const MalformedResponse& e) {
    throw malformed(op, e);
  }
}

Error StatementLifecycle::malformed(Operation op, const MalformedResponse& e) const {
  const std::string about =
      op == Operation::kSubmit ? "the statement submission" : "statement " + statement_id_;
  return Error("08S01", "The server's answer about " + about + " was incomplete or malformed (" +
                            e.what() + ")." +
                            (op == Operation::kSubmit ? kSubmitMayHaveRun : " Run it again."));
}

bool StatementLifecycle::past_deadline() const {
  return request_.deadline && clock_.now() >= *request_.deadline;
}

void StatementLifecycle::wait_until_terminal(StatementResponse& response) {
  const ClientOptions& options = api_->options();
  milliseconds backoff = options.poll_initial;
  int polls_without_manifest = 0;
  // A cold warehouse may first answer SUCCEEDED without the manifest that describes the
  // result; taken as it is, that would read as a statement without a result set. It comes
  // with a later poll.
  auto waiting = [&] {
    if (!is_terminal(response.status.state)) return true;
    if (response.status.state != StatementState::kSucceeded || response.manifest) return false;
    if (++polls_without_manifest > kManifestPolls)
      throw Error("HY000", "The server reported statement " + statement_id_ +
                               " as succeeded but never described its result (no manifest "
                               "after " + std::to_string(kManifestPolls) +
                               " polls). Run the statement again.")
          .for_statement(statement_id_);
    DBSQL_LOG(kInfo, "sea") << "statement " << statement_id_
                            << " succeeded without a manifest; polling for it";
    return true;
  };
  while (waiting()) {
    if (cancel_.cancelled())
      cancel_on_server("HY008", "Operation canceled: the statement was cancelled on the server");
    if (past_deadline())
      cancel_on_server("HYT00",
                       "Query timeout expired: the statement ran longer than the query timeout "
                       "(SQL_ATTR_QUERY_TIMEOUT) and was cancelled on the server");
    milliseconds pause = backoff;
    if (request_.deadline)
      pause = std::clamp(std::chrono::ceil<milliseconds>(*request_.deadline - clock_.now()),
                         milliseconds(0), pause);
    clock_.sleep_for(pause, &cancel_);
    backoff = std::min(backoff * 2, options.poll_max);
    if (cancel_.cancelled() || past_deadline()) continue;
    try {
      response = poll(&cancel_);
    } catch (const Error& e) {
      if (cancel_.cancelled()) continue;  // the poll was cut short by the cancel
      // A statement the driver can no longer follow should not run on unseen.
      if (e.native_error() != 404) post_cancel();
      throw;
    }
  }
}

void StatementLifecycle::post_cancel() noexcept {
  try {
    api_->call(ApiCall{.method = "POST",
                       .path = "/api/2.0/sql/statements/" + statement_id_ + "/cancel",
                       .op = Operation::kCancel,
                       .timeout = kCancelRequestTimeout,
                       .retry = false});
  } catch (...) {
    // Best effort: polling (or nothing, when the server is unreachable) tells the rest.
  }
}

void StatementLifecycle::cancel_on_server(const std::string& sqlstate, const std::string& message) {
  const ClientOptions& options = api_->options();
  DBSQL_LOG(kInfo, "sea") << "cancelling statement " << statement_id_ << " (" << sqlstate << ")";
  post_cancel();
  // "Cancelation might silently fail": poll until the server reports a terminal state.
  const auto give_up = clock_.now() + options.cancel_wait;
  milliseconds backoff = options.poll_initial;
  for (;;) {
    StatementResponse response;
    try {
      response = poll(nullptr);
    } catch (const Error&) {
      break;
    }
    if (is_terminal(response.status.state)) {
      // It finished before the cancel reached it: the result is not wanted any more.
      if (response.status.state == StatementState::kSucceeded)
        release_statement(*api_, statement_id_);
      break;
    }
    if (clock_.now() + backoff > give_up) break;
    clock_.sleep_for(backoff, nullptr);
    backoff = std::min(backoff * 2, options.poll_max);
  }
  throw Error(sqlstate, message + " (statement id " + statement_id_ + ").")
      .for_statement(statement_id_);
}

std::unique_ptr<Execution> StatementLifecycle::succeeded(StatementResponse response) {
  try {
    return take_result(std::move(response));
  } catch (...) {
    // Nobody will read this result: free it on the server now rather than after its hour.
    release_statement(*api_, statement_id_);
    throw;
  }
}

std::unique_ptr<Execution> StatementLifecycle::take_result(StatementResponse response) {
  Manifest manifest = response.manifest.value_or(Manifest{});
  const bool has_columns = manifest.column_count > 0;
  const bool foreign_format =
      has_columns && !manifest.format.empty() && manifest.format != "JSON_ARRAY";
  if (foreign_format || (response.result && response.result->has_attachment))
    throw Error("HY000", "The server sent the result of statement " + statement_id_ + " as " +
                             (manifest.format.empty() ? "an attachment" : manifest.format) +
                             ", but this driver reads JSON_ARRAY results only.");
  DBSQL_LOG(kDebug, "sea") << "statement " << statement_id_
                           << " succeeded: " << manifest.column_count << " columns, "
                           << manifest.total_row_count.value_or(-1) << " rows in "
                           << manifest.total_chunk_count.value_or(-1)
                           << " chunks";
  auto source = std::make_unique<ChunkSource>(api_, statement_id_, manifest,
                                              std::move(response.result),
                                              request_.chunk_request_timeout);
  std::optional<int64_t> affected;
  if (has_columns && is_dml_statement(request_.statement) && is_dml_counter_manifest(manifest))
    affected = affected_rows_of(source->peek(&cancel_));
  std::unique_ptr<ChunkStream> stream;
  if (has_columns && !affected)
    stream = std::make_unique<ChunkStream>(std::move(source), api_->options().result_budget_bytes,
                                           api_->options().download_threads, cancel_,
                                           request_.fetch_wait_limit);
  return std::make_unique<StatementExecution>(api_, statement_id_, std::move(manifest), affected,
                                              std::move(stream));
}

void StatementLifecycle::unsuccessful(const StatementResponse& response) {
  const std::string id = " (statement id " + statement_id_ + ")";
  DBSQL_LOG(kDebug, "sea") << "statement " << statement_id_ << " ended "
                           << response.status.state_text;
  switch (response.status.state) {
    case StatementState::kFailed:
      throw statement_failed(response.status, statement_id_);
    case StatementState::kCanceled:
      throw Error("HY008",
                  "The statement was canceled on the server before it finished (by "
                  "another session, an administrator or the warehouse's statement "
                  "timeout)" +
                      id + ". Run it again if needed.")
          .for_statement(statement_id_);
    case StatementState::kClosed:
      throw Error("HY000",
                  "The statement was closed on the server before its result could be "
                  "read" +
                      id + ". Run it again.")
          .for_statement(statement_id_);
    default:
      throw Error("HY000", "The server reported the unknown statement state \"" +
                               response.status.state_text + "\"" + id + ".")
          .for_statement(statement_id_);
  }
}

}  // namespace dbsql::sea
