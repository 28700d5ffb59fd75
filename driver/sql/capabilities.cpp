#include "sql/capabilities.h"

#include <sql.h>
#include <sqlext.h>

#include "sql/scalar_functions.h"

namespace dbsql::sql {
namespace {

uint32_t bits_of(FunctionCategory category) {
  uint32_t bits = 0;
  for (const ScalarFunction& f : scalar_functions()) {
    if (f.category == category) bits |= f.bits;
  }
  return bits;
}

// SQL_TSI_FRAC_SECOND (billionths of a second) is not in the unit table: Databricks
// timestamps stop at microseconds.
uint32_t interval_bits() {
  uint32_t bits = 0;
  for (const IntervalUnit& u : interval_units()) bits |= u.tsi_bit;
  return bits;
}

}  // namespace

uint32_t string_functions() {
  return bits_of(FunctionCategory::kString);
}
uint32_t numeric_functions() {
  return bits_of(FunctionCategory::kNumeric);
}
uint32_t timedate_functions() {
  return bits_of(FunctionCategory::kTimeDate);
}
uint32_t system_functions() {
  return bits_of(FunctionCategory::kSystem);
}
// CAST is Databricks SQL's own syntax and passes through untouched.
uint32_t convert_functions() {
  return bits_of(FunctionCategory::kConvert) | SQL_FN_CVT_CAST;
}
uint32_t timedate_add_intervals() {
  return interval_bits();
}
uint32_t timedate_diff_intervals() {
  return interval_bits();
}

uint32_t convert_targets_mask() {
  uint32_t bits = 0;
  for (const ConvertTarget& t : convert_targets()) bits |= t.cvt_bit;
  return bits;
}

// {d} and {ts} become DATE'...' and TIMESTAMP'...'; {INTERVAL ...} passes to Databricks'
// ANSI interval literals, which have every SQL-92 qualifier. {t} is not advertised: there
// is no TIME type to hold it.
uint32_t datetime_literals() {
  return SQL_DL_SQL92_DATE | SQL_DL_SQL92_TIMESTAMP | SQL_DL_SQL92_INTERVAL_YEAR |
         SQL_DL_SQL92_INTERVAL_MONTH | SQL_DL_SQL92_INTERVAL_DAY | SQL_DL_SQL92_INTERVAL_HOUR |
         SQL_DL_SQL92_INTERVAL_MINUTE | SQL_DL_SQL92_INTERVAL_SECOND |
         SQL_DL_SQL92_INTERVAL_YEAR_TO_MONTH | SQL_DL_SQL92_INTERVAL_DAY_TO_HOUR |
         SQL_DL_SQL92_INTERVAL_DAY_TO_MINUTE | SQL_DL_SQL92_INTERVAL_DAY_TO_SECOND |
         SQL_DL_SQL92_INTERVAL_HOUR_TO_MINUTE | SQL_DL_SQL92_INTERVAL_HOUR_TO_SECOND |
         SQL_DL_SQL92_INTERVAL_MINUTE_TO_SECOND;
}

// {oj ...} passes its join through; Spark SQL joins do all of these.
uint32_t oj_capabilities() {
  return SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_FULL | SQL_OJ_NESTED | SQL_OJ_NOT_ORDERED |
         SQL_OJ_INNER | SQL_OJ_ALL_COMPARISON_OPS;
}

// The SQL-92 forms Spark parses natively. Not CONVERT(... USING) or TRANSLATE(... USING):
// Databricks' translate() is a different, three-argument function.
uint32_t sql92_string_functions() {
  return SQL_SSF_LOWER | SQL_SSF_UPPER | SQL_SSF_SUBSTRING | SQL_SSF_TRIM_BOTH |
         SQL_SSF_TRIM_LEADING | SQL_SSF_TRIM_TRAILING;
}
uint32_t sql92_numeric_value_functions() {
  return SQL_SNVF_BIT_LENGTH | SQL_SNVF_CHAR_LENGTH | SQL_SNVF_CHARACTER_LENGTH | SQL_SNVF_EXTRACT |
         SQL_SNVF_OCTET_LENGTH | SQL_SNVF_POSITION;
}
uint32_t sql92_datetime_functions() {
  return SQL_SDF_CURRENT_DATE | SQL_SDF_CURRENT_TIMESTAMP;
}
uint32_t sql92_value_expressions() {
  return SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE | SQL_SVE_NULLIF;
}

}  // namespace dbsql::sql
