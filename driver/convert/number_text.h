#pragma once
// Exact decimal reading of number text ("-123.45", "1.0E10", "NaN"): the digits stay
// views into the cell, so integer and SQL_NUMERIC_STRUCT conversions never go through
// double and never allocate.
#include <cstdint>
#include <string_view>

namespace dbsql::convert {

using Uint128 = unsigned __int128;

struct NumberText {
  enum class Special { kFinite, kNaN, kInfinity };
  Special special = Special::kFinite;
  bool negative = false;
  std::string_view int_digits;   // digits before the point (may be empty)
  std::string_view frac_digits;  // digits after the point (may be empty)
  int exponent = 0;              // the value is int.frac × 10^exponent
};

// Leading and trailing ASCII whitespace removed (ODBC ignores it in character data
// converted to numbers and datetimes).
std::string_view trim_spaces(std::string_view text);

// Case-insensitive comparison with a lowercase ASCII word.
bool equals_lowercase(std::string_view text, std::string_view lower);

// [+-]digits[.digits][(e|E)[+-]digits], or NaN / Infinity / Inf (any case, signed), with
// surrounding spaces. False for anything else (22018).
bool parse_number(std::string_view text, NumberText* out);

// |value| × 10^scale, with the digits below 10^0 dropped (truncation toward zero).
struct Scaled {
  Uint128 value = 0;
  bool overflow = false;   // value > limit
  bool truncated = false;  // nonzero digits were dropped
};
Scaled scale_number(const NumberText& n, int scale, Uint128 limit);

// Decimal digits of v (1 for 0).
int digit_count(Uint128 v);

// Parses the whole of `text` as a double / float (spaces, '+', NaN and Infinity
// allowed). out_of_range is set for overflow; tiny values round to zero without it.
enum class FloatParse { kOk, kInvalid, kOutOfRange };
FloatParse parse_double(std::string_view text, double* out);
FloatParse parse_float(std::string_view text, float* out);

}  // namespace dbsql::convert
