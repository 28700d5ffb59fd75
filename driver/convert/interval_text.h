#pragma once
// INTERVAL text ⇄ values. The JSON_ARRAY rendering of intervals was never recorded, so
// the parser accepts every form Spark produces: the Hive form ("1-2",
// "3 04:30:20.123000000", always all fields), the ANSI body of the column's qualifier
// ("04:30" for HOUR TO MINUTE, "45.789" for SECOND) and the full ANSI literal
// ("INTERVAL '-1-2' YEAR TO MONTH").
#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dbsql::convert {

struct IntervalValue {
  bool negative = false;
  bool year_month = false;
  uint64_t months = 0;   // year-month intervals: the total in months
  uint64_t seconds = 0;  // day-time intervals: the total in whole seconds
  uint32_t nanos = 0;
  std::string_view fraction;  // the seconds fraction digits as written
};

// SQL_CODE_YEAR .. SQL_CODE_MINUTE_TO_SECOND.
bool is_interval_code(int code);
bool is_year_month_code(int code);
bool is_single_field_code(int code);
// "YEAR TO MONTH", "DAY", ... → code; 0 if not a qualifier. Case-insensitive.
int interval_code_from_qualifier(std::string_view qualifier);
// "DAY TO SECOND", ...
std::string_view interval_qualifier_name(int code);

// `code` is the qualifier the text is expected to have (the column's, or the C type's
// for character data); a literal's own qualifier takes precedence.
bool parse_interval(std::string_view text, int code, IntervalValue* out);

// The ANSI body for `code`, e.g. "-3 04:30:20.123"; `out` must hold 64 bytes.
size_t format_interval(const IntervalValue& v, int code, char* out);

enum class IntervalFit { kOk, kTruncated, kLeadingOverflow };
// Expresses `v` in the fields of `code` (the leading field takes everything above it;
// lower fields that do not fit are dropped: kTruncated). `leading_precision` 0 = only
// the struct's limit; `seconds_precision` is the number of fraction digits kept.
IntervalFit to_interval_struct(const IntervalValue& v, int code, int leading_precision,
                               int seconds_precision, SQL_INTERVAL_STRUCT* out);

}  // namespace dbsql::convert
