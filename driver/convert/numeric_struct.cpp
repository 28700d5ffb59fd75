#include "convert/numeric_struct.h"

#include <algorithm>
#include <cstring>

namespace dbsql::convert {
namespace {

constexpr int kMaxPrecision = 38;

}  // namespace

NumericFit to_numeric_struct(const NumberText& n, int precision, int scale,
                             SQL_NUMERIC_STRUCT* out) {
  precision = std::clamp(precision, 1, kMaxPrecision);
  scale = std::clamp(scale, -precision, precision);
  std::memset(out, 0, sizeof(*out));
  out->precision = static_cast<SQLCHAR>(precision);
  out->scale = static_cast<SQLSCHAR>(scale);
  out->sign = 1;
  if (n.special != NumberText::Special::kFinite) return NumericFit::kOverflow;
  const Scaled s = scale_number(n, scale, ~Uint128{0});
  if (s.overflow || digit_count(s.value) > precision) return NumericFit::kOverflow;
  out->sign = (n.negative && s.value != 0) ? 0 : 1;
  Uint128 v = s.value;
  for (int i = 0; i < SQL_MAX_NUMERIC_LEN; ++i) {
    out->val[i] = static_cast<SQLCHAR>(v & 0xFF);
    v >>= 8;
  }
  return s.truncated ? NumericFit::kTruncated : NumericFit::kOk;
}

int natural_scale(const NumberText& n) {
  // Significant digits before the point decide how many after it still fit.
  long whole = static_cast<long>(n.int_digits.size()) + n.exponent;
  size_t lead = 0;
  while (lead < n.int_digits.size() && n.int_digits[lead] == '0') ++lead;
  if (lead == n.int_digits.size())
    whole = 0;
  else
    whole -= static_cast<long>(lead);
  const long frac = static_cast<long>(n.frac_digits.size()) - n.exponent;
  const long room = kMaxPrecision - std::max(whole, 0L);
  return static_cast<int>(std::clamp(frac, 0L, std::max(room, 0L)));
}

}  // namespace dbsql::convert
