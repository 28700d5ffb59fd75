#pragma once
// SQLGetInfo bitmasks that describe the SQL this driver accepts: the scalar-function masks
// are derived from the translation table (sql/scalar_functions.h), the others state what
// the escape translator and Databricks SQL do. config/odbc_info answers from these.
#include <cstdint>

namespace dbsql::sql {

uint32_t string_functions();         // SQL_STRING_FUNCTIONS
uint32_t numeric_functions();        // SQL_NUMERIC_FUNCTIONS
uint32_t timedate_functions();       // SQL_TIMEDATE_FUNCTIONS
uint32_t system_functions();         // SQL_SYSTEM_FUNCTIONS
uint32_t convert_functions();        // SQL_CONVERT_FUNCTIONS: {fn CONVERT} and CAST
uint32_t timedate_add_intervals();   // SQL_TIMEDATE_ADD_INTERVALS
uint32_t timedate_diff_intervals();  // SQL_TIMEDATE_DIFF_INTERVALS
uint32_t convert_targets_mask();     // SQL_CVT_* bits {fn CONVERT} can produce

uint32_t datetime_literals();              // SQL_DATETIME_LITERALS
uint32_t oj_capabilities();                // SQL_OJ_CAPABILITIES
uint32_t sql92_string_functions();         // SQL_SQL92_STRING_FUNCTIONS
uint32_t sql92_numeric_value_functions();  // SQL_SQL92_NUMERIC_VALUE_FUNCTIONS
uint32_t sql92_datetime_functions();       // SQL_SQL92_DATETIME_FUNCTIONS
uint32_t sql92_value_expressions();        // SQL_SQL92_VALUE_EXPRESSIONS

}  // namespace dbsql::sql
