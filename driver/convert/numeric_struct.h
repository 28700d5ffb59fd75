#pragma once
// Exact decimal text → SQL_NUMERIC_STRUCT (128-bit little-endian unscaled value).
#include <sql.h>
#include <sqlext.h>

#include "convert/number_text.h"

namespace dbsql::convert {

enum class NumericFit { kOk, kTruncated, kOverflow };

// Precision 1..38, scale -precision..precision (values outside are clamped). Digits
// below the scale are truncated toward zero (ODBC: "fractional truncation", 01S07);
// more than `precision` digits, NaN or Infinity overflow (22003).
NumericFit to_numeric_struct(const NumberText& n, int precision, int scale,
                             SQL_NUMERIC_STRUCT* out);

// A scale that keeps every digit of `n` within 38 digits (for columns without a
// declared scale: DOUBLE, FLOAT, STRING).
int natural_scale(const NumberText& n);

}  // namespace dbsql::convert
