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
#include "odbc/param_run.h"
#include "odbc/text_out.h"
#include "sea/client.h"
#include "sql/translate.h"
#include "util/cancel.h"

namespace dbsql::odbc {

class Connection;

// How server column types are reported, from the connection's settings.
convert::DescribeOptions describe_options(const config::TypeReporting& types);

class Statement : public Handle {
 public:
  static constexpr HandleType kType = HandleType::kStmt;

  explicit Statement(Connection& connection);
  ~Statement() override;

  Connection& connection() { return connection_; }
  std::string diag_statement_id() const override;

  // Execution.
  // SQL_NEED_DATA when a parameter takes its value from SQLPutData.
  SQLRETURN exec_direct(std::string sql);
  void prepare(std::string sql);
  SQLRETURN execute();
  // A catalog function (metadata/): `produce` runs on this statement's backend and
  // cancel token, and its execution becomes this statement's result, read like any other.
  using ExecutionProducer =
      std::function<std::unique_ptr<sea::Execution>(Backend&, const CancelToken&)>;
  void exec_catalog(const char* function, const ExecutionProducer& produce);
  // For catalog functions (statement_catalog.cpp): SQL_ATTR_METADATA_ID, and the request
  // a metadata statement starts from (catalog, disposition, query timeout).
  bool metadata_id() const { return metadata_id_ == SQL_TRUE; }
  sea::ExecuteRequest metadata_request() const { return build_request({}); }
  // From any thread, without the handle lock: the running execute/fetch returns HY008,
  // and a cursor left open is closed (see statement.cpp).
  void cancel();
  SQLRETURN close_cursor();  // SQLCloseCursor: 24000 without an open cursor
  void free_stmt(SQLUSMALLINT option);
  SQLLEN row_count() const;
  SQLRETURN more_results();
  SQLSMALLINT num_params() const;

  // Parameters (statement_params.cpp).
  void bind_parameter(SQLUSMALLINT number, SQLSMALLINT io_type, SQLSMALLINT c_type,
                      SQLSMALLINT sql_type, SQLULEN column_size, SQLSMALLINT decimal_digits,
                      SQLPOINTER data, SQLLEN buffer_length, SQLLEN* indicator);
  void describe_param(SQLUSMALLINT number, SQLSMALLINT* data_type, SQLULEN* column_size,
                      SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable);
  SQLRETURN param_data(SQLPOINTER* token);
  void put_data(SQLPOINTER data, SQLLEN length);

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
  void set_text(std::string sql);
  SQLRETURN run();
  std::unique_ptr<sea::Execution> submit(std::string text, std::vector<sea::Parameter> parameters);
  SQLRETURN run_with_parameters();
  SQLRETURN execute_parameters();
  ParamRun parameter_run();
  void describe_with_null_parameters();
  void end_data_at_exec() noexcept;
  void adopt(std::unique_ptr<sea::Execution> execution);
  void describe_ahead();
  void release_result() noexcept;
  const sea::RowBatch* next_batch();
  SQLRETURN fetch_rowset();
  const DescRecord& ird_record(SQLUSMALLINT column, const char* function) const;
  sea::ExecuteRequest build_request(std::string text) const;

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
  sql::Translation translation_;  // sql_ with escapes translated and its markers found
  bool prepared_ = false;
  bool described_ahead_ = false;  // prepared query run early to describe its columns
  std::string statement_id_;
  std::unique_ptr<sea::Execution> execution_;
  sea::ResultStream* stream_ = nullptr;
  bool stream_done_ = false;
  SQLLEN row_count_ = -1;
  CancelToken cancel_;
  std::atomic<bool> busy_{false};
  // SQLCancel closed the open result set between two fetches: the next fetch reports the
  // cancel (HY008), as a fetch it interrupted would, not a sequence error.
  bool cursor_cancelled_ = false;

  // Parameters of the running execution; data at execution between SQL_NEED_DATA and the
  // SQLParamData that runs the statement.
  std::vector<ParamSlot> slots_;
  std::atomic<bool> need_data_{false};
  std::vector<std::pair<size_t, size_t>> data_requests_;  // (row, parameter) in order
  size_t next_data_request_ = 0;
  std::optional<std::pair<size_t, size_t>> putting_;      // the one SQLPutData fills
  DataAtExecValues data_values_;
  // SQLDescribeParam answers for an INSERT's markers, looked up once per prepare.
  std::optional<std::vector<std::optional<convert::SqlTypeInfo>>> described_params_;

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
