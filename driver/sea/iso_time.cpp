#include "sea/iso_time.h"

#include <charconv>

namespace dbsql::sea {
namespace {

// Reads exactly `digits` decimal digits at `pos` (no sign), advancing it.
bool read_number(std::string_view text, size_t& pos, size_t digits, int& out) {
  if (pos + digits > text.size()) return false;
  for (size_t i = pos; i < pos + digits; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + digits, out);
  if (ec != std::errc() || end != text.data() + pos + digits) return false;
  pos += digits;
  return true;
}

constexpr int kEarliestYear = 1970;
constexpr int kLatestYear = 2200;

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text) {
  using namespace std::chrono;
  size_t pos = 0;
  int y, mo, d, h, mi, s;
  if (!read_number(text, pos, 4, y) || !expect(text, pos, '-') || !read_number(text, pos, 2, mo) ||
      !expect(text, pos, '-') || !read_number(text, pos, 2, d) ||
      !(expect(text, pos, 'T') || expect(text, pos, ' ')) || !read_number(text, pos, 2, h) ||
      !expect(text, pos, ':') || !read_number(text, pos, 2, mi) || !expect(text, pos, ':') ||
      !read_number(text, pos, 2, s))
    return std::nullopt;
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  // system_clock counts nanoseconds: years far from now (a link expiring in 5025) would
  // overflow it. Expiry times are near the present; anything else is not a time we use.
  if (!date.ok() || y < kEarliestYear || y > kLatestYear || h > 23 || mi > 59 || s > 60)
    return std::nullopt;
  microseconds fraction{0};
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    long long scale = 100000;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, scale /= 10)
      fraction += microseconds((text[pos] - '0') * scale);
  }
  seconds offset{0};
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos++] == '-' ? -1 : 1;
    int oh, om;
    if (!read_number(text, pos, 2, oh) || !expect(text, pos, ':') || !read_number(text, pos, 2, om))
      return std::nullopt;
    offset = sign * (hours(oh) + minutes(om));
  } else if (!expect(text, pos, 'Z')) {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return system_clock::time_point(sys_days(date) + hours(h) + minutes(mi) + seconds(s) + fraction -
                                  offset);
}

}  // namespace dbsql::sea
