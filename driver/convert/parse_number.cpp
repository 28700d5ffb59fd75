#include <charconv>
#include <cmath>
#include <limits>

#include "convert/number_text.h"

namespace dbsql::convert {
namespace {

constexpr int kExponentLimit = 100000;  // beyond any representable value; keeps ints safe

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// NaN / Infinity / Inf after an optional sign.
bool parse_special(std::string_view body, NumberText* out) {
  if (equals_lowercase(body, "nan")) {
    out->special = NumberText::Special::kNaN;
    return true;
  }
  if (equals_lowercase(body, "infinity") || equals_lowercase(body, "inf")) {
    out->special = NumberText::Special::kInfinity;
    return true;
  }
  return false;
}

// The position of the first nonzero digit relative to the point (0 = units digit,
// negative = below 1); false for zero.
bool leading_position(const NumberText& n, long* pos) {
  const long total = static_cast<long>(n.int_digits.size() + n.frac_digits.size());
  for (long i = 0; i < total; ++i) {
    const char d = i < static_cast<long>(n.int_digits.size())
                       ? n.int_digits[i]
                       : n.frac_digits[i - n.int_digits.size()];
    if (d != '0') {
      *pos = static_cast<long>(n.int_digits.size()) + n.exponent - 1 - i;
      return true;
    }
  }
  return false;
}

template <typename T>
FloatParse parse_floating(std::string_view text, T* out) {
  // The server's own text ("12.5", "1.0E10") parses in one from_chars; everything else
  // (spaces, '+', NaN, Infinity, overflow) takes the careful path below.
  {
    T v{};
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(v)) {
      *out = v;
      return FloatParse::kOk;
    }
  }
  NumberText n;
  if (!parse_number(text, &n)) return FloatParse::kInvalid;
  if (n.special != NumberText::Special::kFinite) {
    const T v = n.special == NumberText::Special::kNaN ? std::numeric_limits<T>::quiet_NaN()
                                                       : std::numeric_limits<T>::infinity();
    *out = n.negative ? -v : v;
    return FloatParse::kOk;
  }
  std::string_view t = trim_spaces(text);
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  T v{};
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc::result_out_of_range) {
    long pos = 0;
    if (leading_position(n, &pos) && pos >= 0) return FloatParse::kOutOfRange;
    *out = n.negative ? -T{0} : T{0};  // underflow: the nearest value is zero
    return FloatParse::kOk;
  }
  if (ec != std::errc() || ptr != t.data() + t.size()) return FloatParse::kInvalid;
  *out = v;
  return FloatParse::kOk;
}

}  // namespace

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool equals_lowercase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool parse_number(std::string_view text, NumberText* out) {
  *out = NumberText{};
  std::string_view t = trim_spaces(text);
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) {
    out->negative = t.front() == '-';
    t.remove_prefix(1);
  }
  if (parse_special(t, out)) return true;
  size_t i = 0;
  while (i < t.size() && is_digit(t[i])) ++i;
  out->int_digits = t.substr(0, i);
  if (i < t.size() && t[i] == '.') {
    const size_t start = ++i;
    while (i < t.size() && is_digit(t[i])) ++i;
    out->frac_digits = t.substr(start, i - start);
  }
  if (out->int_digits.empty() && out->frac_digits.empty()) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) exp_negative = t[i++] == '-';
    const size_t start = i;
    long exp = 0;
    for (; i < t.size() && is_digit(t[i]); ++i) {
      if (exp < kExponentLimit) exp = exp * 10 + (t[i] - '0');
    }
    if (i == start) return false;
    out->exponent = static_cast<int>(exp_negative ? -exp : exp);
  }
  return i == t.size();
}

Scaled scale_number(const NumberText& n, int scale, Uint128 limit) {
  Scaled r;
  const long int_len = static_cast<long>(n.int_digits.size());
  const long total = int_len + static_cast<long>(n.frac_digits.size());
  const long keep = int_len + n.exponent + scale;  // digits [0, keep) form the value
  auto digit = [&](long i) -> unsigned {
    return static_cast<unsigned>((i < int_len ? n.int_digits[i] : n.frac_digits[i - int_len]) -
                                 '0');
  };
  for (long i = 0; i < keep; ++i) {
    if (i >= total && r.value == 0) break;  // only zeros remain
    const unsigned d = i < total ? digit(i) : 0;
    if (d > limit || r.value > (limit - d) / 10) {
      r.overflow = true;
      return r;
    }
    r.value = r.value * 10 + d;
  }
  for (long i = keep < 0 ? 0 : keep; i < total; ++i) {
    if (digit(i) != 0) {
      r.truncated = true;
      break;
    }
  }
  return r;
}

int digit_count(Uint128 v) {
  int count = 1;
  while (v >= 10) {
    v /= 10;
    ++count;
  }
  return count;
}

FloatParse parse_double(std::string_view text, double* out) {
  return parse_floating(text, out);
}
FloatParse parse_float(std::string_view text, float* out) {
  return parse_floating(text, out);
}

}  // namespace dbsql::convert
