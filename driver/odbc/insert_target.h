#pragma once
// SQLDescribeParam for `INSERT INTO t [(cols)] VALUES (?, ...)`: Databricks does not
// describe parameters, but the table describes its columns. One `SELECT cols FROM t
// LIMIT 0` gives the SQL type of each marker that stands alone in the tuple, so
// applications that bind by the described type (pyodbc's fast_executemany) send INT
// columns as INT, not as strings.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "convert/sql_types.h"
#include "sea/client.h"
#include "sql/translate.h"

namespace dbsql::odbc {

// The probe query for `t`'s INSERT, and for each ODBC parameter the 0-based column of the
// probe it fills (nullopt when the marker is inside an expression). nullopt when `t` is
// not a single-tuple INSERT ... VALUES.
struct InsertTarget {
  std::string probe_sql;
  std::vector<std::optional<size_t>> column_of_parameter;
};
std::optional<InsertTarget> insert_target(const sql::Translation& t);

// Runs the probe through `run` and returns each parameter's column type (nullopt where
// unknown). Never throws for a failed probe: the parameters are then simply unknown.
std::vector<std::optional<convert::SqlTypeInfo>> describe_insert_markers(
    const sql::Translation& t, const convert::DescribeOptions& options,
    const std::function<std::unique_ptr<sea::Execution>(std::string)>& run);

}  // namespace dbsql::odbc
