#pragma once
// The one table of ODBC scalar functions ({fn NAME(args)}) this driver translates to
// Databricks SQL, with the SQLGetInfo bit each one earns. A function is advertised exactly
// when it is in the table, so the bitmasks (sql/capabilities.h) and the translator cannot
// disagree (BI tools emit every {fn} the masks promise).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace dbsql::sql {

// The SQLGetInfo type whose bitmask holds the function's bit.
enum class FunctionCategory {
  kString,    // SQL_STRING_FUNCTIONS, SQL_FN_STR_*
  kNumeric,   // SQL_NUMERIC_FUNCTIONS, SQL_FN_NUM_*
  kTimeDate,  // SQL_TIMEDATE_FUNCTIONS, SQL_FN_TD_*
  kSystem,    // SQL_SYSTEM_FUNCTIONS, SQL_FN_SYS_*
  kConvert,   // SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_*
};

// An argument that is a keyword of the ODBC grammar rather than an expression.
enum class SpecialArgument : uint8_t {
  kNone,
  kInterval,  // argument 1 is SQL_TSI_<unit> (TIMESTAMPADD, TIMESTAMPDIFF)
  kSqlType,   // argument 2 is SQL_<type> (CONVERT)
};

struct ScalarFunction {
  std::string_view name;  // ODBC name, upper case
  FunctionCategory category;
  uint32_t bits;  // SQL_FN_* bit(s) this entry earns
  uint8_t min_args;
  uint8_t max_args;
  // Databricks SQL text: $1..$9 stand for an argument (which may be placed anywhere,
  // repeated or left out), $* for all the arguments given, separated by ", ".
  std::string_view translation;
  SpecialArgument special = SpecialArgument::kNone;
};

std::span<const ScalarFunction> scalar_functions();

// The entry for an ODBC function name (any case), or nullptr: the caller passes the call
// through as written and the server reports an unknown function.
const ScalarFunction* find_scalar_function(std::string_view name);

// A CONVERT target: the ODBC type keyword without its SQL_ prefix, the Databricks type
// CAST takes, and its SQL_CVT_* bit.
struct ConvertTarget {
  std::string_view odbc;
  std::string_view databricks;
  uint32_t cvt_bit;
};

std::span<const ConvertTarget> convert_targets();

// SQL_INTEGER, sql_integer, INTEGER (the SQL_ prefix is optional) ... or nullptr.
const ConvertTarget* find_convert_target(std::string_view keyword);

// A TIMESTAMPADD / TIMESTAMPDIFF unit: SQL_TSI_<odbc> → Databricks unit, SQL_FN_TSI_* bit.
struct IntervalUnit {
  std::string_view odbc;
  std::string_view databricks;
  uint32_t tsi_bit;
};

std::span<const IntervalUnit> interval_units();

// The unit for SQL_TSI_DAY (any case, SQL_TSI_ required), or nullptr.
const IntervalUnit* find_interval_unit(std::string_view keyword);

}  // namespace dbsql::sql
