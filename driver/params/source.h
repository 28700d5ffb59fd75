#pragma once
// The application's C value, read out of its buffer once (C type → reader table) and
// checked for what does not depend on the target: UTF-8 / UTF-16 validity, date and time
// field ranges, interval field ranges. The renderers of each SQL class read this.
#include <sql.h>
#include <sqlext.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "convert/datetime_text.h"
#include "convert/interval_text.h"
#include "convert/number_text.h"
#include "params/types.h"

namespace dbsql::params {

struct Source {
  CClass cls = CClass::kUnknown;
  SQLSMALLINT c_type = 0;
  std::string text;        // kChar, kWChar: UTF-8
  std::string_view bytes;  // kBinary: a view of the application's buffer
  bool bit = false;        // kBit
  // kInteger, kNumeric: ±magnitude × 10^-scale (scale may be negative for SQL_C_NUMERIC).
  bool negative = false;
  convert::Uint128 magnitude = 0;
  int scale = 0;
  // kFloating.
  double real = 0;
  bool is_float = false;  // SQL_C_FLOAT: rendered with float's shortest digits
  // kDate, kTime, kTimestamp (fields validated; `fraction` is empty, `nanos` holds it).
  convert::DateTimeValue datetime;
  // kInterval*: the total with its sign; interval_code is the C type's qualifier.
  convert::IntervalValue interval;
  int interval_code = 0;
  SQLGUID guid{};  // kGuid
};

// Reads `data` as `c_type` (already resolved and validated). Throws HY090 / 22018 /
// 22008 / 22015 as params.h describes.
Source read_source(const ParamType& type, SQLSMALLINT c_type, const void* data,
                   SQLLEN octet_length);

// Well-formed UTF-8 (a U+FFFD written as EF BF BD is fine).
bool valid_utf8(std::string_view text);

// Field checks shared with character input (22008 when false).
bool valid_date(int year, int month, int day);
bool valid_time(int hour, int minute, int second);

// Exact decimal text of an exact source (kInteger, kNumeric, kBit), e.g. "-123.45",
// "12300" for a negative scale: the form a character SQL type receives.
std::string exact_text(const Source& s);

// Shortest round-trip text of a kFloating source ("0.1", "1e+300"); NaN and infinities
// as Spark spells them: "NaN", "Infinity", "-Infinity".
std::string floating_text(const Source& s);
std::string double_text(double v);
std::string float_text(float v);

}  // namespace dbsql::params
