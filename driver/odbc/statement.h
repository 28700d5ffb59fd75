#pragma once
// One ODBC statement: its SQL text, attributes, implicit descriptors, the server execution
// and the forward-only cursor over its streamed result. Calls on it are serialised by the
// handle lock, except cancel(), which only raises the flag the running call watches.
#include <sql.h>
#include <sqlext.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "convert/convert.h"
#include "odbc/backend.h"
#include "odbc/binding.h"
#include "odbc/descriptor.h"
#include "odbc/handle.h"
#include "odbc/text_out.h"
#include "sea/client.h"
#include "util/cancel.h"

namespace dbsql::odbc {

class Connection;

class Statement : public Handle {
 public:
  static constexpr HandleType kType = HandleType::kStmt;

  explicit Statement(Connection& connection);
  ~Statement() override;

  Connection& connection() { return connection_; }
  std::string diag_statement_id() const override;

  // Execution.
  void exec_direct(std::string sql);
  void prepare(std::string sql);
  void execute();
  // A catalog function (metadata/): `produce` runs on this statement's backend and
  // cancel token, and its execution becomes this statement's result, read like any other.
  using ExecutionProducer =
      std::function<std::unique_ptr<sea::Execution>(Backend&, const CancelToken&)>;
  void exec_catalog(const char* function, const ExecutionProducer& produce);
  // From any thread, without the handle lock: the running execute/fetch returns HY008.
  void cancel();
  SQLRETURN close_cursor();  // SQLCloseCursor: 24000 without an open cursor
  void free_stmt(SQLUSMALLINT option);
  SQLLEN row_count() const;
  SQLRETURN more_results();
  SQLSMALLINT num_params() const;

  // Result description.
  SQLSMALLINT num_result_cols();
  void describe_col(SQLUSMALLINT column, const TextOut& name, SQLSMALLINT* name_length,
                    SQLSMALLINT* data_type, SQLULEN* column_size, SQLSMALLINT* decimal_digits,
                    SQLSMALLINT* nullable);
  void col_attribute(SQLUSMALLINT column, SQLUSMALLINT field, const TextOut& text,
                     SQLSMALLINT* string_length, SQLLEN* numeric);

  // Results.
  void bind_col(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN buffer_length,
                SQLLEN* indicator);
  SQLRETURN fetch();
  SQLRETURN fetch_scroll(SQLSMALLINT orientation, SQLLEN offset);
  SQLRETURN get_data(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN buffer_length,
                     SQLLEN* indicator);

  // Attributes (statement_attrs.cpp). `units` says how string values are encoded.
  void set_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length, TextUnits units);
  void get_attr(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                SQLINTEGER* string_length, TextUnits units);
  void set_cursor_name(std::string name);
  const std::string& cursor_name() const { return cursor_name_; }

  // Descriptors in use (the application may substitute its own ARD/APD).
  Descriptor& ard() { return *ard_; }
  Descriptor& apd() { return *apd_; }
  Descriptor& ird() { return ird_; }
  Descriptor& ipd() { return ipd_; }
  // An explicit descriptor is being freed: fall back to the implicit one.
  void forget_descriptor(const Descriptor* desc);

 private:
  enum class State { kAllocated, kPrepared, kExecuted, kCursorOpen };

  void require_no_cursor(const char* function) const;
  void require_executed(const char* function) const;
  void run();
  void adopt(std::unique_ptr<sea::Execution> execution);
  void describe_ahead();
  void release_result() noexcept;
  const sea::RowBatch* next_batch();
  SQLRETURN fetch_rowset();
  const DescRecord& ird_record(SQLUSMALLINT column, const char* function) const;
  sea::ExecuteRequest build_request() const;

  Connection& connection_;
  Descriptor implicit_ard_;
  Descriptor implicit_apd_;
  Descriptor ird_;
  Descriptor ipd_;
  Descriptor* ard_;
  Descriptor* apd_;

  // Attributes.
  SQLULEN query_timeout_ = 0;
  SQLULEN max_rows_ = 0;
  SQLULEN max_length_ = 0;
  SQLULEN retrieve_data_ = SQL_RD_ON;
  SQLULEN noscan_ = SQL_NOSCAN_OFF;
  SQLULEN metadata_id_ = SQL_FALSE;
  SQLULEN cursor_type_ = SQL_CURSOR_FORWARD_ONLY;
  std::string cursor_name_;

  // The statement and its execution.
  State state_ = State::kAllocated;
  std::string sql_;
  bool prepared_ = false;
  bool described_ahead_ = false;  // prepared query run early to describe its columns
  std::string statement_id_;
  std::unique_ptr<sea::Execution> execution_;
  sea::ResultStream* stream_ = nullptr;
  bool stream_done_ = false;
  SQLLEN row_count_ = -1;
  CancelToken cancel_;
  std::atomic<bool> busy_{false};

  // Cursor position: the batch holding the next unread row, and the current row (the first
  // row of the last rowset) for SQLGetData; current_batch_ is null once the stream has moved
  // past that batch (the rowset spans batches) and the batch is gone.
  const sea::RowBatch* batch_ = nullptr;
  size_t next_row_ = 0;
  const sea::RowBatch* current_batch_ = nullptr;
  size_t current_row_ = 0;
  SQLULEN rows_before_rowset_ = 0;  // rows fetched before the current rowset
  SQLULEN rowset_rows_ = 0;
  std::vector<convert::PieceState> pieces_;
  std::vector<ColumnBinding> plan_;  // reused by every fetch: no allocation per call
};

}  // namespace dbsql::odbc
