#include "odbc/param_run.h"

#include <string_view>

#include "util/error.h"

namespace dbsql::odbc {
namespace {

// A parameter value that cannot be sent: the error, and the parameter it is about.
struct ValueError {
  Error error;
  SQLINTEGER parameter;  // 1-based
};

struct RenderedRow {
  size_t row = 0;
  std::vector<params::WireValue> values;
  size_t value_bytes = 0;
  SQLINTEGER truncated_parameter = 0;  // 1-based: a numeric value that lost fraction digits
};

bool ignored(const ParamRun& run, size_t row) {
  return run.operations != nullptr && run.operations[row] == SQL_PARAM_IGNORE;
}

void set_status(const ParamRun& run, size_t row, SQLUSMALLINT status) {
  if (run.statuses) run.statuses[row] = status;
}

params::WireValue render_value(const ParamRun& run, size_t row, size_t index) {
  const ParamSlot& slot = run.slots[index];
  const SQLLEN length = slot.length_at(row);
  if (!is_data_at_exec(length)) return params::render(slot.type, slot.data_at(row), length);
  const auto it = run.data_at_exec ? run.data_at_exec->find({row, index})
                                   : DataAtExecValues::const_iterator{};
  if (run.data_at_exec == nullptr || it == run.data_at_exec->end() || !it->second)
    return params::render(slot.type, nullptr, SQL_NULL_DATA);
  const std::string& bytes = *it->second;
  return params::render(slot.type, bytes.data(), static_cast<SQLLEN>(bytes.size()));
}

// Every value of one row; throws ValueError naming the parameter.
RenderedRow render_row(const ParamRun& run, size_t row) {
  RenderedRow r;
  r.row = row;
  r.values.reserve(run.slots.size());
  for (size_t i = 0; i < run.slots.size(); ++i) {
    try {
      r.values.push_back(render_value(run, row, i));
    } catch (const Error& e) {
      throw ValueError{Error(e.sqlstate(), "Parameter " + std::to_string(i + 1) + ": " + e.what(),
                             e.native_error()),
                       static_cast<SQLINTEGER>(i + 1)};
    }
    const params::WireValue& v = r.values.back();
    r.value_bytes += (v.value ? v.value->size() : 0) + v.type.size() + 32;
    if (v.fraction_truncated && r.truncated_parameter == 0)
      r.truncated_parameter = static_cast<SQLINTEGER>(i + 1);
  }
  return r;
}

// Appends `part` of the translated text with its markers bound to new wire parameters
// holding `row`'s values (moved out of it): one parameter per ODBC parameter, named after
// its place in `out`, so a marker a translation repeats reuses its name.
void append_bound(std::string& sql, std::vector<sea::Parameter>& out, const sql::Translation& t,
                  std::string_view part, RenderedRow& row) {
  const size_t base = out.size();
  std::vector<bool> hex(row.values.size());
  for (size_t j = 0; j < row.values.size(); ++j) {
    params::WireValue& v = row.values[j];
    hex[j] = v.hex_binary;
    sea::Parameter p;
    p.name = "p" + std::to_string(base + j + 1);
    p.type = std::move(v.type);
    p.value = std::move(v.value);
    out.push_back(std::move(p));
  }
  sql::append_bound(sql, t, part, [&](size_t j) {
    const std::string& name = out[base + j].name;
    return hex[j] ? "unhex(:" + name + ")" : ":" + name;
  });
}

// Server-side failures of the statement itself (bad value, constraint, syntax): the
// statement wrote nothing, so its rows can be retried one by one. Anything else (lost
// connection, timeout, cancel, internal error) leaves the outcome unknown.
bool statement_rejected(const Error& e) {
  const std::string cls = e.sqlstate().substr(0, 2);
  return cls == "21" || cls == "22" || cls == "23" || cls == "42" || cls == "0A";
}

class Runner {
 public:
  Runner(const ParamRun& run, Diagnostics& diag) : run_(run), diag_(diag) {}

  ParamRunResult run_single() {
    RenderedRow row;
    count_processed();  // ODBC counts a set that fails as processed
    try {
      row = render_row(run_, 0);
      warn_truncation(row);
      execute_whole(row);
    } catch (ValueError& v) {
      set_status(run_, 0, SQL_PARAM_ERROR);
      throw std::move(v.error);
    } catch (const Error&) {
      set_status(run_, 0, SQL_PARAM_ERROR);
      throw;
    }
    succeeded(row);
    return std::move(result_);
  }

  ParamRunResult run_rows() {
    for (size_t row = 0; row < run_.rows; ++row) {
      if (ignored(run_, row)) continue;
      count_processed();
      std::optional<RenderedRow> r = render_or_report(row);
      if (!r) continue;
      try_row(*r);
    }
    return finish();
  }

  ParamRunResult run_batches(const sql::InsertValues& shape) {
    shape_ = &shape;
    for (size_t row = 0; row < run_.rows; ++row) {
      if (ignored(run_, row)) continue;
      count_processed();
      std::optional<RenderedRow> r = render_or_report(row);
      if (!r) continue;
      if (!batch_.empty() && !fits(*r)) flush();
      add(std::move(*r));
    }
    flush();
    return finish();
  }

 private:
  void count_processed() {
    ++processed_;
    if (run_.processed) *run_.processed = processed_;
  }

  // ODBC's 01S07: the value was sent, but digits below the target's scale were dropped.
  void warn_truncation(const RenderedRow& r) {
    if (r.truncated_parameter == 0) return;
    diag_.add("01S07",
              "Fractional truncation: parameter " + std::to_string(r.truncated_parameter) +
                  (run_.rows > 1 ? " of row " + std::to_string(r.row + 1) : std::string()) +
                  " lost digits below the scale of its SQL type.",
              0, run_.rows > 1 ? static_cast<SQLLEN>(r.row + 1) : SQL_NO_ROW_NUMBER,
              r.truncated_parameter);
  }

  std::optional<RenderedRow> render_or_report(size_t row) {
    try {
      RenderedRow r = render_row(run_, row);
      warn_truncation(r);
      return r;
    } catch (ValueError& v) {
      report(row, v.error, v.parameter);
      return std::nullopt;
    }
  }

  void report(size_t row, const Error& e, SQLINTEGER parameter = SQL_NO_COLUMN_NUMBER) {
    ++errors_;
    set_status(run_, row, SQL_PARAM_ERROR);
    diag_.add(e.sqlstate(), "Parameter row " + std::to_string(row + 1) + ": " + e.what(),
              e.native_error(), static_cast<SQLLEN>(row + 1), parameter, e.statement_id());
  }

  void succeeded(const RenderedRow& r) {
    ++successes_;
    set_status(run_, r.row, r.truncated_parameter ? SQL_PARAM_SUCCESS_WITH_INFO : SQL_PARAM_SUCCESS);
  }

  void adopt(std::unique_ptr<sea::Execution> execution) {
    if (auto n = execution->affected_rows()) {
      result_.affected_rows += *n;
      result_.any_affected = true;
    }
    result_.last = std::move(execution);
  }

  // The whole statement with one row's values.
  void execute_whole(RenderedRow& row) {
    std::string sql;
    std::vector<sea::Parameter> parameters;
    const sql::Translation& t = run_.translation;
    sql.reserve(t.text.size() + 8 * t.markers.size());
    append_bound(sql, parameters, t, t.text, row);
    adopt(run_.execute(std::move(sql), std::move(parameters)));
  }

  // One row of an array: its failure is the row's, unless the outcome is unknown.
  void try_row(RenderedRow& row) {
    const size_t index = row.row;
    try {
      execute_whole(row);
      succeeded(row);
    } catch (const Error& e) {
      if (!statement_rejected(e)) {
        set_status(run_, index, SQL_PARAM_ERROR);
        throw;
      }
      report(index, e);
    }
  }

  size_t tuple_bytes(const RenderedRow& row) const {
    // Each marker grows from `?` to `:pNNNNN` (or unhex(...)).
    size_t n = shape_->tuple.size() + 2;
    for (const params::WireValue& v : row.values) n += (v.hex_binary ? 9 : 0) + 8;
    return n;
  }

  bool fits(const RenderedRow& row) const {
    const BatchBudget& b = run_.budget;
    return batch_statement_bytes_ + tuple_bytes(row) <= b.max_statement_bytes &&
           batch_parameters_ + row.values.size() <= b.max_parameters &&
           batch_statement_bytes_ + batch_value_bytes_ + tuple_bytes(row) + row.value_bytes <=
               b.max_request_bytes;
  }

  void add(RenderedRow row) {
    batch_statement_bytes_ += tuple_bytes(row);
    batch_value_bytes_ += row.value_bytes;
    batch_parameters_ += row.values.size();
    batch_.push_back(std::move(row));
  }

  std::string batch_text(std::vector<sea::Parameter>& parameters, std::vector<RenderedRow>& rows) {
    const sql::Translation& t = run_.translation;
    std::string sql;
    sql.reserve(shape_->head.size() + batch_statement_bytes_ + shape_->tail.size());
    sql.append(shape_->head);
    for (size_t i = 0; i < rows.size(); ++i) {
      if (i) sql += ',';
      append_bound(sql, parameters, t, shape_->tuple, rows[i]);
    }
    sql.append(shape_->tail);
    return sql;
  }

  void flush() {
    if (batch_.empty()) return;
    std::vector<RenderedRow> rows = std::move(batch_);
    batch_.clear();
    batch_statement_bytes_ = batch_value_bytes_ = batch_parameters_ = 0;
    if (rows.size() == 1) {
      try_row(rows.front());
      return;
    }
    // The values move into the request: keep a copy only to retry the rows one by one.
    std::vector<RenderedRow> retry = rows;
    std::vector<sea::Parameter> parameters;
    std::string sql = batch_text(parameters, rows);
    try {
      adopt(run_.execute(std::move(sql), std::move(parameters)));
      for (const RenderedRow& r : retry) succeeded(r);
    } catch (const Error& e) {
      if (!statement_rejected(e)) {
        for (const RenderedRow& r : retry) set_status(run_, r.row, SQL_PARAM_ERROR);
        throw Error(e.sqlstate(),
                    std::string(e.what()) + " Parameter rows " + std::to_string(retry.front().row + 1) +
                        " to " + std::to_string(retry.back().row + 1) +
                        " may or may not have been written; check the table before running "
                        "them again. Later rows were not sent.",
                    e.native_error())
            .for_statement(e.statement_id());
      }
      // The server refused the batch as a whole and wrote none of it: find its bad rows.
      for (RenderedRow& r : retry) try_row(r);
    }
  }

  // Any failed row makes the call SQL_ERROR, as ODBC allows once every set has been tried
  // (the status array then holds each row's outcome): an application that checks only the
  // return code, as pyodbc's fast_executemany does, cannot miss a row that did not go in.
  ParamRunResult finish() {
    if (errors_ > 0) result_.rc = SQL_ERROR;
    return std::move(result_);
  }

  const ParamRun& run_;
  Diagnostics& diag_;
  const sql::InsertValues* shape_ = nullptr;
  std::vector<RenderedRow> batch_;
  size_t batch_statement_bytes_ = 0;
  size_t batch_value_bytes_ = 0;
  size_t batch_parameters_ = 0;
  size_t processed_ = 0;
  size_t successes_ = 0;
  size_t errors_ = 0;
  ParamRunResult result_;
};

}  // namespace

ParamRunResult run_parameters(const ParamRun& run, Diagnostics& diag) {
  for (size_t row = 0; run.statuses && row < run.rows; ++row) run.statuses[row] = SQL_PARAM_UNUSED;
  if (run.processed) *run.processed = 0;
  Runner runner(run, diag);
  if (run.rows == 1 && !ignored(run, 0)) return runner.run_single();
  if (run.rows > 1 && run.returns_rows)
    throw Error("HYC00",
                "Parameter arrays (SQL_ATTR_PARAMSET_SIZE > 1) are supported for statements "
                "that return no rows (INSERT, UPDATE, DELETE, MERGE); run a query once per "
                "parameter set instead.");
  if (auto shape = sql::find_insert_values(run.translation)) return runner.run_batches(*shape);
  return runner.run_rows();
}

std::vector<std::pair<size_t, size_t>> data_at_exec_requests(const ParamRun& run) {
  std::vector<std::pair<size_t, size_t>> requests;
  for (size_t row = 0; row < run.rows; ++row) {
    if (ignored(run, row)) continue;
    for (size_t i = 0; i < run.slots.size(); ++i)
      if (is_data_at_exec(run.slots[i].length_at(row))) requests.emplace_back(row, i);
  }
  return requests;
}

}  // namespace dbsql::odbc
