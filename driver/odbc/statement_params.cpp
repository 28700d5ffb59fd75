// The statement's parameters: SQLBindParameter, SQLDescribeParam, running a statement
// with bound values (one row or an array, see param_run.h), and data at execution
// (SQL_NEED_DATA, SQLParamData, SQLPutData).
#include <cstring>

#include "odbc/busy_scope.h"
#include "odbc/c_types.h"
#include "odbc/connection.h"
#include "odbc/insert_target.h"
#include "odbc/statement.h"
#include "odbc/statement_kind.h"
#include "util/error.h"

namespace dbsql::odbc {

void Statement::bind_parameter(SQLUSMALLINT number, SQLSMALLINT io_type, SQLSMALLINT c_type,
                               SQLSMALLINT sql_type, SQLULEN column_size,
                               SQLSMALLINT decimal_digits, SQLPOINTER data, SQLLEN buffer_length,
                               SQLLEN* indicator) {
  if (need_data_)
    throw Error("HY010",
                "Function sequence error: SQLBindParameter was called while the statement "
                "waits for data at execution (SQLParamData / SQLPutData).");
  odbc::bind_parameter(*apd_, ipd_, number, io_type, c_type, sql_type, column_size,
                       decimal_digits, data, buffer_length, indicator);
}

ParamRun Statement::parameter_run() {
  ParamRun run{translation_, slots_, 1, nullptr, nullptr, nullptr, nullptr, false, {}, {}};
  run.rows = apd_->header.array_size;
  run.operations = apd_->header.array_status_ptr;
  run.statuses = ipd_.header.array_status_ptr;
  run.processed = ipd_.header.rows_processed_ptr;
  run.data_at_exec = &data_values_;
  run.returns_rows = returns_rows(sql_);
  run.execute = [this](std::string text, std::vector<sea::Parameter> parameters) {
    return submit(std::move(text), std::move(parameters));
  };
  return run;
}

SQLRETURN Statement::run_with_parameters() {
  slots_ = plan_parameters(*apd_, ipd_, translation_.parameter_count);
  const ParamRun run = parameter_run();
  data_requests_ = data_at_exec_requests(run);
  if (!data_requests_.empty()) {
    next_data_request_ = 0;
    putting_.reset();
    data_values_.clear();
    need_data_ = true;
    return SQL_NEED_DATA;
  }
  return execute_parameters();
}

SQLRETURN Statement::execute_parameters() {
  const ParamRun run = parameter_run();
  BusyScope busy(busy_);
  cancel_.reset();
  ParamRunResult result = run_parameters(run, diag());
  data_values_.clear();
  const bool ran = result.last != nullptr;
  if (ran) {
    adopt(std::move(result.last));
  } else {
    state_ = prepared_ ? State::kPrepared : State::kAllocated;
  }
  if (result.any_affected) {
    row_count_ = static_cast<SQLLEN>(result.affected_rows);
    diag().row_count = row_count_;
  }
  if (result.rc != SQL_ERROR && !ran) {
    // Every row was ignored: nothing ran, and nothing changed.
    state_ = State::kExecuted;
    row_count_ = 0;
    diag().row_count = 0;
  }
  return result.rc;
}

void Statement::end_data_at_exec() noexcept {
  need_data_ = false;
  putting_.reset();
  data_requests_.clear();
  data_values_.clear();
}

SQLRETURN Statement::param_data(SQLPOINTER* token) {
  if (!need_data_)
    throw Error("HY010",
                "Function sequence error: SQLParamData is called after SQLExecute or "
                "SQLExecDirect returned SQL_NEED_DATA.");
  if (next_data_request_ < data_requests_.size()) {
    const auto request = data_requests_[next_data_request_++];
    putting_ = request;
    data_values_[request] = std::string();  // no SQLPutData call means an empty value
    if (token) *token = const_cast<void*>(slots_[request.second].data_at(request.first));
    return SQL_NEED_DATA;
  }
  need_data_ = false;
  putting_.reset();
  try {
    return execute_parameters();
  } catch (...) {
    data_values_.clear();
    throw;
  }
}

void Statement::put_data(SQLPOINTER data, SQLLEN length) {
  if (!need_data_ || !putting_)
    throw Error("HY010",
                "Function sequence error: SQLPutData is called after SQLParamData returned "
                "SQL_NEED_DATA for a parameter.");
  std::optional<std::string>& value = data_values_[*putting_];
  if (length == SQL_NULL_DATA) {
    value.reset();
    return;
  }
  if (!value)
    throw Error("HY020",
                "Attempt to concatenate a null value: SQLPutData sent SQL_NULL_DATA for this "
                "parameter, so it takes no further pieces.");
  if (data == nullptr && length != 0)
    throw Error("HY009", "Invalid use of null pointer: DataPtr is null.");
  const SQLSMALLINT c_type = slots_[putting_->second].type.c_type;
  const size_t fixed = fixed_c_type_size(c_type);
  if (fixed != 0) {
    if (!value->empty())
      throw Error("HY019",
                  "Non-character and non-binary data sent in pieces: parameter " +
                      std::to_string(putting_->second + 1) +
                      " is not character or binary data and takes one SQLPutData call.");
    value->assign(static_cast<const char*>(data), fixed);
    return;
  }
  size_t bytes = 0;
  if (length == SQL_NTS) {
    if (c_type == SQL_C_BINARY)
      throw Error("HY090", "Invalid string or buffer length: SQL_NTS is not a length for binary "
                           "data; pass the number of bytes.");
    if (c_type == SQL_C_WCHAR) {
      const auto* w = static_cast<const SQLWCHAR*>(data);
      while (w[bytes / sizeof(SQLWCHAR)] != 0) bytes += sizeof(SQLWCHAR);
    } else {
      bytes = std::strlen(static_cast<const char*>(data));
    }
  } else if (length < 0) {
    throw Error("HY090", "Invalid string or buffer length: StrLen_or_Ind is " +
                             std::to_string(length) + ".");
  } else {
    bytes = static_cast<size_t>(length);
  }
  value->append(static_cast<const char*>(data), bytes);
}

void Statement::describe_with_null_parameters() {
  std::vector<sea::Parameter> nulls;
  const std::string text = sql::bind_markers(translation_, [&](size_t parameter) {
    return ":p" + std::to_string(parameter + 1);
  });
  for (size_t i = 0; i < translation_.parameter_count; ++i)
    nulls.push_back(sea::Parameter{"p" + std::to_string(i + 1), std::nullopt, "STRING"});
  BusyScope busy(busy_);
  cancel_.reset();
  adopt(submit(text, std::move(nulls)));
  // Only the columns are wanted: the rows belong to no execution.
  if (execution_) execution_->close();
  execution_.reset();
  stream_ = nullptr;
}

void Statement::describe_param(SQLUSMALLINT number, SQLSMALLINT* data_type,
                               SQLULEN* column_size, SQLSMALLINT* decimal_digits,
                               SQLSMALLINT* nullable) {
  require_executed("SQLDescribeParam");
  if (number == 0 || number > translation_.parameter_count)
    throw Error("07009", "Invalid descriptor index: SQLDescribeParam was given parameter " +
                             std::to_string(number) + "; the statement has " +
                             std::to_string(translation_.parameter_count) +
                             " parameter marker(s), numbered from 1.");
  const DescRecord* bound = ipd_.find(static_cast<SQLSMALLINT>(number));
  if (bound && bound->concise_type != SQL_C_DEFAULT) {
    const DescRecord* app = apd_->find(static_cast<SQLSMALLINT>(number));
    const params::ParamType t = declared_type(app ? *app : *bound, *bound);
    if (data_type) *data_type = t.sql_type;
    if (column_size) *column_size = t.column_size;
    if (decimal_digits) *decimal_digits = t.decimal_digits;
    if (nullable) *nullable = SQL_NULLABLE_UNKNOWN;
    return;
  }
  if (!described_params_) {
    described_params_ = describe_insert_markers(
        translation_, describe_options(connection_.settings().types), [this](std::string probe) {
          BusyScope busy(busy_);
          cancel_.reset();
          return submit(std::move(probe), {});
        });
  }
  const auto& known = (*described_params_)[number - 1];
  if (known) {
    if (data_type) *data_type = known->sql_type;
    if (column_size) *column_size = known->column_size;
    if (decimal_digits) *decimal_digits = known->decimal_digits;
  } else {
    // Databricks does not describe parameters: a string is what every value can be sent as.
    if (data_type) *data_type = SQL_VARCHAR;
    if (column_size) *column_size = 0;
    if (decimal_digits) *decimal_digits = 0;
  }
  if (nullable) *nullable = SQL_NULLABLE_UNKNOWN;
}

}  // namespace dbsql::odbc
