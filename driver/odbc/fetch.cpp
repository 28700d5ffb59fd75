// The rowset engine behind SQLFetch and SQLFetchScroll, and SQLGetData: rows come from the
// result stream batch by batch; each bound cell is written into addresses planned once
// per call, by the binding's fast writer when the value converts cleanly and by
// write_cell (with its diagnostics) otherwise.
#include <algorithm>
#include <utility>

#include "odbc/binding.h"
#include "odbc/busy_scope.h"
#include "odbc/c_types.h"
#include "odbc/statement.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

// Per-cell diagnostics are capped per call: a million truncated cells must not become a
// million records. The row status array still reports every row.
constexpr size_t kMaxCellRecords = 64;

SQLUSMALLINT row_status_of(SQLRETURN worst) {
  switch (worst) {
    case SQL_SUCCESS:
      return SQL_ROW_SUCCESS;
    case SQL_SUCCESS_WITH_INFO:
      return SQL_ROW_SUCCESS_WITH_INFO;
    default:
      return SQL_ROW_ERROR;
  }
}

SQLRETURN worse(SQLRETURN a, SQLRETURN b) {
  auto rank = [](SQLRETURN r) { return r == SQL_ERROR ? 2 : r == SQL_SUCCESS_WITH_INFO ? 1 : 0; };
  return rank(b) > rank(a) ? b : a;
}

}  // namespace

const sea::RowBatch* Statement::next_batch() {
  while (!stream_done_ && (batch_ == nullptr || next_row_ >= batch_->row_count())) {
    // The stream frees the batch it replaces; a later batch may even reuse its address.
    current_batch_ = nullptr;
    batch_ = stream_->next();
    next_row_ = 0;
    if (batch_ == nullptr) stream_done_ = true;
  }
  return stream_done_ ? nullptr : batch_;
}

SQLRETURN Statement::fetch() {
  return fetch_scroll(SQL_FETCH_NEXT, 0);
}

SQLRETURN Statement::fetch_scroll(SQLSMALLINT orientation, SQLLEN /*offset*/) {
  if (state_ == State::kAllocated || state_ == State::kPrepared) {
    if (std::exchange(cursor_cancelled_, false))
      throw Error("HY008",
                  "Operation canceled: SQLCancel closed the result set before this fetch. "
                  "Execute the statement again to read it.");
    throw Error("HY010", "Function sequence error: fetching needs an executed statement.");
  }
  if (state_ != State::kCursorOpen)
    throw Error("24000", "Invalid cursor state: the statement has no result set to fetch.");
  if (orientation != SQL_FETCH_NEXT)
    throw Error("HY106",
                "Fetch type out of range: the cursor is forward-only, so only "
                "SQL_FETCH_NEXT is supported.");
  BusyScope busy(busy_);
  try {
    return fetch_rowset();
  } catch (...) {
    if (cancel_.cancelled()) free_stmt(SQL_CLOSE);  // as the driver manager has (cancel())
    throw;
  }
}

SQLRETURN Statement::fetch_rowset() {
  const SQLULEN rowset_size = ard_->header.array_size;
  SQLUSMALLINT* status = ird_.header.array_status_ptr;
  SQLULEN* fetched = ird_.header.rows_processed_ptr;
  if (retrieve_data_ == SQL_RD_ON) {
    plan_bindings(*ard_, ird_, plan_);
  } else {
    plan_.clear();
  }
  std::fill(pieces_.begin(), pieces_.end(), convert::PieceState{});
  rows_before_rowset_ += rowset_rows_;
  rowset_rows_ = 0;
  current_batch_ = nullptr;

  size_t error_rows = 0;
  size_t cell_records = 0;
  SQLULEN row = 0;
  for (; row < rowset_size; ++row) {
    const sea::RowBatch* batch = next_batch();
    if (batch == nullptr) break;
    const size_t r = next_row_++;
    if (row == 0) {
      current_batch_ = batch;
      current_row_ = r;
    }
    SQLRETURN row_rc = SQL_SUCCESS;
    for (const ColumnBinding& b : plan_) {
      const std::optional<std::string_view> cell = batch->value(r, b.column);
      const convert::Target target = b.element(row);
      if (cell ? b.fast != nullptr && b.fast(*cell, target) : convert::write_null_fast(target))
        continue;
      const convert::Status st = convert::write_cell(*b.info, cell, target);
      if (st.rc == SQL_SUCCESS) continue;
      row_rc = worse(row_rc, st.rc);
      if (cell_records++ < kMaxCellRecords)
        diag().add(st.sqlstate, st.message, 0, static_cast<SQLLEN>(row + 1),
                   static_cast<SQLINTEGER>(b.column + 1), statement_id_);
    }
    if (row_rc == SQL_ERROR) ++error_rows;
    if (status) status[row] = row_status_of(row_rc);
  }
  rowset_rows_ = row;
  if (fetched) *fetched = row;
  if (status)
    for (SQLULEN i = row; i < rowset_size; ++i) status[i] = SQL_ROW_NOROW;
  if (row == 0) return SQL_NO_DATA;
  if (error_rows == row) return SQL_ERROR;
  if (error_rows > 0) return SQL_SUCCESS_WITH_INFO;
  return SQL_SUCCESS;  // the guard upgrades to SQL_SUCCESS_WITH_INFO for warnings
}

SQLRETURN Statement::get_data(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data,
                              SQLLEN buffer_length, SQLLEN* indicator) {
  if (state_ != State::kCursorOpen)
    throw Error(state_ == State::kExecuted ? "24000" : "HY010",
                "SQLGetData needs a fetched row of an open result set.");
  if (rowset_rows_ == 0)
    throw Error("24000",
                "Invalid cursor state: SQLGetData was called before SQLFetch "
                "positioned the cursor on a row, or after the last row.");
  if (column == 0)
    throw Error("07009", "Invalid descriptor index 0: bookmark columns are not supported.");
  const DescRecord& col = ird_record(column, "SQLGetData");
  if (current_batch_ == nullptr)
    throw Error("HY109",
                "Invalid cursor position: the rowset's first row is no longer held "
                "(the rowset spans result chunks). Use SQL_ATTR_ROW_ARRAY_SIZE 1 "
                "with SQLGetData.");
  if (buffer_length < 0)
    throw Error("HY090", "Invalid buffer length " + std::to_string(buffer_length) + ".");

  // SQL_ARD_TYPE: the C type, precision and scale bound for the column in the ARD.
  const DescRecord* ard_rec =
      c_type == SQL_ARD_TYPE ? ard_->find(static_cast<SQLSMALLINT>(column)) : nullptr;
  static const DescRecord kNoRecord;
  const DescRecord& app = ard_rec ? *ard_rec : kNoRecord;
  const SQLSMALLINT type =
      resolve_c_type(c_type == SQL_ARD_TYPE ? app.concise_type : c_type, col.column);
  // A pair with a fast writer is a valid C type ODBC allows: only the others are checked.
  const convert::FastWriter fast = convert::fast_writer_for(col.column, type);
  if (fast == nullptr) {
    if (!is_valid_c_type(type))
      throw Error("HY003", "Invalid application buffer type " + std::to_string(c_type) + ".");
    if (!convert::conversion_allowed(col.column, type))
      throw Error("07006", "Restricted data type attribute violation: column " +
                               std::to_string(column) + " (" + col.column.type_name +
                               ") cannot be converted to " + convert::c_type_name(type) + ".");
  }
  const convert::Target target =
      make_target(app, type, data, buffer_length, indicator, indicator);
  convert::PieceState& piece = pieces_[column - 1];
  const std::optional<std::string_view> cell = current_batch_->value(current_row_, column - 1);
  if (!piece.started) {  // a first read, whole: the fast writer's case
    if (cell ? fast != nullptr && fast(*cell, target) : convert::write_null_fast(target)) {
      piece.started = piece.finished = true;
      return SQL_SUCCESS;
    }
  }
  const convert::Status st = convert::write_cell(col.column, cell, target, &piece);
  if (st.rc == SQL_NO_DATA) return SQL_NO_DATA;
  if (st.rc != SQL_SUCCESS)
    diag().add(st.sqlstate, st.message, 0, 1, static_cast<SQLINTEGER>(column), statement_id_);
  return st.rc;
}

}  // namespace dbsql::odbc
