#include "convert/base64.h"

#include <array>

namespace dbsql::convert {
namespace {

constexpr uint8_t kInvalid = 0xFF;

constexpr std::array<uint8_t, 256> make_table() {
  std::array<uint8_t, 256> t{};
  for (auto& v : t) v = kInvalid;
  constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (uint8_t i = 0; i < 64; ++i) t[static_cast<uint8_t>(kAlphabet[i])] = i;
  return t;
}
constexpr std::array<uint8_t, 256> kDecode = make_table();

inline uint8_t sextet(std::string_view text, size_t i) {
  return i < text.size() ? kDecode[static_cast<uint8_t>(text[i])] : 0;
}

}  // namespace

bool Base64View::parse(std::string_view text, Base64View* out, bool validate) {
  size_t len = text.size();
  if (len % 4 == 0 && len > 0 && text[len - 1] == '=') --len;
  if (len % 4 == 3 && text.size() % 4 == 0 && text[len - 1] == '=') --len;
  if (len % 4 == 1) return false;  // no valid encoding ends with a lone sextet
  if (validate) {
    for (size_t i = 0; i < len; ++i)
      if (kDecode[static_cast<uint8_t>(text[i])] == kInvalid) return false;
  }
  out->text_ = text.substr(0, len);
  out->size_ = len / 4 * 3 + (len % 4 == 0 ? 0 : len % 4 - 1);
  return true;
}

void Base64View::copy(size_t offset, uint8_t* dst, size_t n) const {
  size_t group = offset / 3;
  size_t skip = offset % 3;
  while (n > 0) {
    const size_t i = group * 4;
    const uint32_t bits = (uint32_t{sextet(text_, i)} << 18) |
                          (uint32_t{sextet(text_, i + 1)} << 12) |
                          (uint32_t{sextet(text_, i + 2)} << 6) | uint32_t{sextet(text_, i + 3)};
    const uint8_t bytes[3] = {static_cast<uint8_t>(bits >> 16), static_cast<uint8_t>(bits >> 8),
                              static_cast<uint8_t>(bits)};
    for (size_t k = skip; k < 3 && n > 0; ++k, --n) *dst++ = bytes[k];
    skip = 0;
    ++group;
  }
}

}  // namespace dbsql::convert
