#include "odbc/statement.h"

#include <chrono>
#include <cstdio>

#include "odbc/busy_scope.h"
#include "odbc/c_types.h"
#include "odbc/connection.h"
#include "odbc/statement_kind.h"
#include "metadata/ddl.h"
#include "util/error.h"
#include "util/log.h"

namespace dbsql::odbc {
namespace {

sea::Disposition wire_disposition(config::Disposition d) {
  return d == config::Disposition::kInline ? sea::Disposition::kInline
                                           : sea::Disposition::kExternalLinks;
}

}  // namespace

convert::DescribeOptions describe_options(const config::TypeReporting& types) {
  convert::DescribeOptions options;
  options.unicode_strings = types.unicode_strings;
  options.string_column_length = static_cast<SQLULEN>(types.string_column_length);
  options.intervals_as_text = types.intervals_as_text;
  return options;
}

Statement::Statement(Connection& connection)
    : Handle(HandleType::kStmt),
      connection_(connection),
      implicit_ard_(DescKind::kArd, this),
      implicit_apd_(DescKind::kApd, this),
      ird_(DescKind::kIrd, this),
      ipd_(DescKind::kIpd, this),
      ard_(&implicit_ard_),
      apd_(&implicit_apd_) {
  // ODBC wants a driver-made cursor name until the application sets one.
  char name[32];
  std::snprintf(name, sizeof name, "SQL_CUR%08zx", reinterpret_cast<size_t>(this) & 0xffffffffu);
  cursor_name_ = name;
  if (!connection.settings().escape_processing) noscan_ = SQL_NOSCAN_ON;
}

Statement::~Statement() {
  release_result();
}

std::string Statement::diag_statement_id() const {
  return statement_id_;
}

void Statement::require_no_cursor(const char* function) const {
  if (state_ == State::kCursorOpen)
    throw Error("24000", std::string("Invalid cursor state: ") + function +
                             " was called while a result set is open. Fetch it to the end, "
                             "or call SQLCloseCursor first.");
}

void Statement::require_executed(const char* function) const {
  if (state_ == State::kAllocated)
    throw Error("HY010", std::string("Function sequence error: ") + function +
                             " needs a prepared or executed statement.");
}

void Statement::set_text(std::string sql) {
  end_data_at_exec();
  cursor_cancelled_ = false;
  sql_ = std::move(sql);
  described_params_.reset();
  translation_ = sql::translate(
      sql_, {.escapes = noscan_ == SQL_NOSCAN_OFF,
             .ansi_quoted_identifiers = connection_.settings().ansi_quoted_identifiers});
}

SQLRETURN Statement::exec_direct(std::string sql) {
  require_no_cursor("SQLExecDirect");
  release_result();
  prepared_ = false;
  state_ = State::kAllocated;
  set_text(std::move(sql));
  return run();
}

void Statement::prepare(std::string sql) {
  require_no_cursor("SQLPrepare");
  release_result();
  prepared_ = false;
  state_ = State::kAllocated;
  set_text(std::move(sql));
  prepared_ = true;
  state_ = State::kPrepared;
  set_dynamic_function(diag(), sql_);
}

SQLRETURN Statement::execute() {
  if (!prepared_)
    throw Error("HY010", "Function sequence error: SQLExecute needs SQLPrepare first.");
  require_no_cursor("SQLExecute");
  if (described_ahead_) {
    // The query already ran to describe its columns: its result is this execution's.
    described_ahead_ = false;
    state_ = execution_ && execution_->has_result_set() ? State::kCursorOpen : State::kExecuted;
    set_dynamic_function(diag(), sql_);
    return SQL_SUCCESS;
  }
  release_result();
  return run();
}

sea::ExecuteRequest Statement::build_request(std::string text) const {
  const config::Settings settings = connection_.settings();
  sea::ExecuteRequest request;
  request.statement = std::move(text);
  request.catalog = connection_.current_catalog();
  request.schema = settings.schema;
  request.disposition = wire_disposition(settings.disposition);
  if (max_rows_ > 0) request.row_limit = static_cast<int64_t>(max_rows_);
  if (query_timeout_ > 0) {
    request.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(query_timeout_);
    request.fetch_wait_limit = std::chrono::seconds(query_timeout_);
  }
  // SQL_ATTR_CONNECTION_TIMEOUT bounds the requests that are not the execution itself (the
  // submit and polls carry the server's wait_timeout, and answer to the query timeout):
  // chunk requests, when it is shorter than SocketTimeout.
  const std::chrono::seconds connection_timeout = connection_.connection_timeout();
  if (connection_timeout.count() > 0 &&
      (settings.socket_timeout.count() == 0 || connection_timeout < settings.socket_timeout))
    request.chunk_request_timeout = connection_timeout;
  return request;
}

SQLRETURN Statement::run() {
  set_dynamic_function(diag(), sql_);
  if (translation_.parameter_count > 0) return run_with_parameters();
  BusyScope busy(busy_);
  cancel_.reset();
  // After the statement, not before: a catalog call meanwhile could cache stale rows. A
  // failed DDL statement may still have changed something.
  try {
    adopt(submit(translation_.text, {}));
  } catch (...) {
    if (metadata::changes_metadata(sql_)) connection_.metadata_changed();
    throw;
  }
  if (metadata::changes_metadata(sql_)) connection_.metadata_changed();
  return SQL_SUCCESS;
}

std::unique_ptr<sea::Execution> Statement::submit(std::string text,
                                                  std::vector<sea::Parameter> parameters) {
  std::shared_ptr<Backend> backend = connection_.backend();
  DBSQL_LOG(kDebug, "odbc") << "execute: " << std::string_view(text).substr(0, 4096)
                            << (text.size() > 4096 ? "..." : "") << " (" << parameters.size()
                            << " parameters)";
  sea::ExecuteRequest request = build_request(std::move(text));
  request.parameters = std::move(parameters);
  statement_id_.clear();  // the id of an earlier statement must not describe this one
  try {
    return backend->execute(request, cancel_);
  } catch (const Error& e) {
    statement_id_ = e.statement_id();
    throw;
  }
}

void Statement::exec_catalog(const char* function, const ExecutionProducer& produce) {
  require_no_cursor(function);
  release_result();
  sql_.clear();
  translation_ = {};
  prepared_ = false;
  state_ = State::kAllocated;
  end_data_at_exec();
  std::shared_ptr<Backend> backend = connection_.backend();
  BusyScope busy(busy_);
  cancel_.reset();
  statement_id_.clear();
  adopt(produce(*backend, cancel_));
}

void Statement::adopt(std::unique_ptr<sea::Execution> execution) {
  cursor_cancelled_ = false;
  execution_ = std::move(execution);
  statement_id_ = execution_->statement_id();
  stream_done_ = false;
  batch_ = current_batch_ = nullptr;
  next_row_ = current_row_ = 0;
  rows_before_rowset_ = rowset_rows_ = 0;
  ird_.clear_records();
  if (execution_->has_result_set()) {
    const sea::Manifest& manifest = execution_->manifest();
    const convert::DescribeOptions describe = describe_options(connection_.settings().types);
    for (size_t i = 0; i < manifest.columns.size(); ++i) {
      const sea::ColumnInfo& col = manifest.columns[i];
      DescRecord& rec = ird_.record(static_cast<SQLSMALLINT>(i + 1));
      rec.column = convert::describe_type(col.type_name, col.type_text, col.precision, col.scale,
                                          col.interval_type, describe);
      rec.name = col.name;
      rec.unnamed = col.name.empty() ? SQL_UNNAMED : SQL_NAMED;
      // A server manifest says nothing about nullability (any query column may hold NULL);
      // catalog results built by the driver know it.
      rec.nullable = !col.nullable ? SQL_NULLABLE : *col.nullable ? SQL_NULLABLE : SQL_NO_NULLS;
      rec.set_concise_type(rec.column.sql_type);
    }
    stream_ = &execution_->results();
    row_count_ = -1;
    diag().cursor_row_count = static_cast<SQLLEN>(manifest.total_row_count.value_or(-1));
    state_ = State::kCursorOpen;
  } else {
    stream_ = nullptr;
    row_count_ =
        execution_->affected_rows() ? static_cast<SQLLEN>(*execution_->affected_rows()) : -1;
    state_ = State::kExecuted;
  }
  diag().row_count = row_count_;
  pieces_.assign(ird_.count(), convert::PieceState{});
}

void Statement::describe_ahead() {
  if (state_ != State::kPrepared || described_ahead_ || ird_.count() > 0) return;
  if (!returns_rows(sql_)) return;
  if (translation_.parameter_count > 0) {
    // The values may not be bound yet, and the result of this run is not the execution's.
    describe_with_null_parameters();
    state_ = State::kPrepared;
    return;
  }
  run();
  described_ahead_ = true;
  state_ = State::kPrepared;
}

void Statement::release_result() noexcept {
  if (execution_) execution_->close();
  execution_.reset();
  stream_ = nullptr;
  batch_ = current_batch_ = nullptr;
  described_ahead_ = false;
  ird_.clear_records();
  pieces_.clear();
}

// unixODBC and iODBC take a SQLCancel that succeeds outside data at execution as
// SQLFreeStmt(SQL_CLOSE), as ODBC 2 did (ODBC 3 says an idle cancel does nothing): an open
// cursor is closed in their state machines, whether a call was running or not. So the
// driver closes it too; otherwise the driver manager would pass the next SQLExecDirect and
// the driver would refuse it with 24000.
void Statement::cancel() {
  // SQLCancel between SQL_NEED_DATA and the last SQLParamData ends the data-at-execution
  // sequence (it comes from the thread that runs it).
  if (need_data_.exchange(false)) return;
  std::unique_lock idle(call_mutex(), std::try_to_lock);
  if (!idle.owns_lock()) {
    // A call is running on another thread: it stops with HY008 (a fetch also closes the
    // cursor, in fetch_scroll).
    if (busy_.load()) cancel_.cancel();
    return;
  }
  if (state_ == State::kCursorOpen) {
    free_stmt(SQL_CLOSE);
    cursor_cancelled_ = true;
  }
}

SQLRETURN Statement::close_cursor() {
  if (state_ != State::kCursorOpen)
    throw Error("24000",
                "Invalid cursor state: SQLCloseCursor was called without an open "
                "result set.");
  free_stmt(SQL_CLOSE);
  return SQL_SUCCESS;
}

void Statement::free_stmt(SQLUSMALLINT option) {
  switch (option) {
    case SQL_CLOSE:
      end_data_at_exec();
      release_result();
      if (prepared_) {
        state_ = State::kPrepared;
      } else {
        state_ = State::kAllocated;
      }
      return;
    case SQL_UNBIND:
      ard_->set_count(0);
      return;
    case SQL_RESET_PARAMS:
      apd_->set_count(0);
      ipd_.set_count(0);
      return;
    default:
      throw Error("HY092", "Invalid option " + std::to_string(option) +
                               " for SQLFreeStmt: use SQL_CLOSE, SQL_UNBIND, SQL_RESET_PARAMS "
                               "or SQL_DROP.");
  }
}

SQLLEN Statement::row_count() const {
  if (state_ != State::kExecuted && state_ != State::kCursorOpen)
    throw Error("HY010", "Function sequence error: SQLRowCount needs an executed statement.");
  return row_count_;
}

SQLRETURN Statement::more_results() {
  if (state_ == State::kAllocated || state_ == State::kPrepared) return SQL_NO_DATA;
  // A Databricks statement yields one result: moving past it closes the cursor.
  free_stmt(SQL_CLOSE);
  return SQL_NO_DATA;
}

SQLSMALLINT Statement::num_params() const {
  require_executed("SQLNumParams");
  return static_cast<SQLSMALLINT>(translation_.parameter_count);
}

SQLSMALLINT Statement::num_result_cols() {
  require_executed("SQLNumResultCols");
  describe_ahead();
  return ird_.count();
}

const DescRecord& Statement::ird_record(SQLUSMALLINT column, const char* function) const {
  const DescRecord* rec = ird_.find(static_cast<SQLSMALLINT>(column));
  if (rec == nullptr)
    throw Error("07009", std::string("Invalid descriptor index: ") + function +
                             " was given column " + std::to_string(column) + ", the result has " +
                             std::to_string(ird_.count()) + " column(s), numbered from 1.");
  return *rec;
}

void Statement::describe_col(SQLUSMALLINT column, const TextOut& name, SQLSMALLINT* name_length,
                             SQLSMALLINT* data_type, SQLULEN* column_size,
                             SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable) {
  require_executed("SQLDescribeCol");
  describe_ahead();
  const DescRecord& rec = ird_record(column, "SQLDescribeCol");
  put_length(name_length, put_text(diag(), rec.name, name));
  if (data_type) *data_type = rec.column.sql_type;
  if (column_size) *column_size = rec.column.column_size;
  if (decimal_digits) *decimal_digits = rec.column.decimal_digits;
  if (nullable) *nullable = rec.nullable;
}

void Statement::bind_col(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data,
                         SQLLEN buffer_length, SQLLEN* indicator) {
  if (column == 0)
    throw Error("07009", "Invalid descriptor index 0: bookmark columns are not supported.");
  if ((data != nullptr || indicator != nullptr) && !is_valid_c_type(c_type))
    throw Error("HY003", "Invalid application buffer type " + std::to_string(c_type) +
                             " for column " + std::to_string(column) + ".");
  if (state_ == State::kCursorOpen && column > static_cast<SQLUSMALLINT>(ird_.count()))
    throw Error("07009", "Invalid descriptor index: column " + std::to_string(column) +
                             " does not exist; the result has " + std::to_string(ird_.count()) +
                             " column(s).");
  bind_column(*ard_, column, c_type, data, buffer_length, indicator);
}

void Statement::forget_descriptor(const Descriptor* desc) {
  if (ard_ == desc) ard_ = &implicit_ard_;
  if (apd_ == desc) apd_ = &implicit_apd_;
}

}  // namespace dbsql::odbc
