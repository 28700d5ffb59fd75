#pragma once
// How a statement with `?` markers runs: the markers become named :pN parameters, and a
// parameter array (SQL_ATTR_PARAMSET_SIZE > 1) runs either as a few multi-row INSERTs
// (INSERT ... VALUES (?, ...) with many rows: `VALUES (...), (...), ...`) or once per row.
// Row statuses, the processed count and per-row diagnostics follow ODBC's rules; no row is
// sent twice unless the server said its statement failed (so nothing of it was written).
#include <sql.h>
#include <sqlext.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "odbc/diagnostics.h"
#include "odbc/param_binding.h"
#include "sea/client.h"
#include "sql/translate.h"

namespace dbsql::odbc {

// Limits of one multi-row INSERT, in one place. The 16 MiB statement limit is documented;
// the limits on parameter count and request body a workspace enforces are UNCONFIRMED, so
// the budget stays well inside what is known to work.
struct BatchBudget {
  size_t max_statement_bytes = 8u << 20;   // half the documented 16 MiB statement limit
  size_t max_parameters = 10000;           // UNCONFIRMED: no documented limit
  size_t max_request_bytes = 16u << 20;    // UNCONFIRMED: statement + parameter JSON
};

// Values sent with SQLPutData, by (row, parameter index).
using DataAtExecValues = std::map<std::pair<size_t, size_t>, std::optional<std::string>>;

struct ParamRun {
  const sql::Translation& translation;
  const std::vector<ParamSlot>& slots;
  size_t rows = 1;                               // SQL_ATTR_PARAMSET_SIZE
  const SQLUSMALLINT* operations = nullptr;      // SQL_ATTR_PARAM_OPERATION_PTR
  SQLUSMALLINT* statuses = nullptr;              // SQL_ATTR_PARAM_STATUS_PTR
  SQLULEN* processed = nullptr;                  // SQL_ATTR_PARAMS_PROCESSED_PTR
  const DataAtExecValues* data_at_exec = nullptr;
  bool returns_rows = false;
  BatchBudget budget;
  // Executes one statement text with its parameters.
  std::function<std::unique_ptr<sea::Execution>(std::string, std::vector<sea::Parameter>)>
      execute;
};

struct ParamRunResult {
  std::unique_ptr<sea::Execution> last;  // the last execution (its result, statement id)
  int64_t affected_rows = 0;             // summed over every statement
  bool any_affected = false;             // some statement reported a row count
  SQLRETURN rc = SQL_SUCCESS;
};

// Runs every parameter row. A single row's failure throws; in an array, a row that fails
// is reported in `diag` with its row number and status SQL_PARAM_ERROR and the others
// still run; the result is then SQL_ERROR, with the status array telling which rows went
// in. A failure whose outcome is unknown (connection lost, timeout, cancel) stops the array
// and throws.
ParamRunResult run_parameters(const ParamRun& run, Diagnostics& diag);

// The (row, parameter) pairs that take their value from SQLPutData, in the order
// SQLParamData asks for them.
std::vector<std::pair<size_t, size_t>> data_at_exec_requests(const ParamRun& run);

}  // namespace dbsql::odbc
