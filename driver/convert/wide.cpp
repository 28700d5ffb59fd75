#include "convert/wide.h"

#include <cstdint>

namespace dbsql::convert {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr bool kUtf16 = sizeof(WideUnit) == 2;

inline bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Units one code point takes in the wide encoding.
inline size_t units_for(char32_t cp) {
  return (kUtf16 && cp > 0xFFFF) ? 2 : 1;
}

// Writes `cp` at dst (room for units_for(cp) units).
inline void put_unit(SQLWCHAR* dst, char32_t cp) {
  if (kUtf16 && cp > 0xFFFF) {
    cp -= 0x10000;
    dst[0] = static_cast<SQLWCHAR>(0xD800 + (cp >> 10));
    dst[1] = static_cast<SQLWCHAR>(0xDC00 + (cp & 0x3FF));
  } else {
    dst[0] = static_cast<SQLWCHAR>(cp);
  }
}

}  // namespace

char32_t decode_utf8(std::string_view utf8, size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  const unsigned char c = s[pos];
  if (c < 0x80) {
    ++pos;
    return c;
  }
  size_t len;
  char32_t cp;
  // The bounds of the second byte exclude overlong forms, surrogates and > U+10FFFF
  // (Unicode table 3-7), so every accepted sequence is well formed.
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    ++pos;
    return kReplacement;
  }
  size_t i = 1;
  for (; i < len; ++i) {
    if (pos + i >= n) break;
    const unsigned char b = s[pos + i];
    if (i == 1 ? (b < lo || b > hi) : !is_continuation(b)) break;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (i < len) {
    pos += i;  // the valid prefix is one maximal ill-formed subpart: one U+FFFD
    return kReplacement;
  }
  pos += len;
  return cp;
}

size_t wide_length(std::string_view utf8) {
  size_t units = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    // ASCII runs are the common case: skip the decoder for them.
    if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
      ++pos;
      ++units;
      continue;
    }
    units += units_for(decode_utf8(utf8, pos));
  }
  return units;
}

std::basic_string<WideUnit> utf8_to_wide(std::string_view utf8) {
  std::basic_string<WideUnit> out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = decode_utf8(utf8, pos);
    if (kUtf16 && cp > 0xFFFF) {
      cp -= 0x10000;
      out.push_back(static_cast<WideUnit>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<WideUnit>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<WideUnit>(cp));
    }
  }
  return out;
}

std::string wide_to_utf8(const SQLWCHAR* text, SQLLEN length_in_chars) {
  std::string out;
  if (text == nullptr) return out;
  size_t n = 0;
  if (length_in_chars == SQL_NTS) {
    while (text[n] != 0) ++n;
  } else if (length_in_chars > 0) {
    n = static_cast<size_t>(length_in_chars);
  }
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    char32_t cp = static_cast<char32_t>(text[i]);
    if (kUtf16 && cp >= 0xD800 && cp <= 0xDFFF) {
      const bool high = cp < 0xDC00;
      const char32_t next = i + 1 < n ? static_cast<char32_t>(text[i + 1]) : 0;
      if (high && next >= 0xDC00 && next <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (next - 0xDC00);
        ++i;
      } else {
        cp = kReplacement;
      }
    } else if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      cp = kReplacement;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

CopyResult copy_to_wide(std::string_view utf8, SQLWCHAR* buffer, size_t capacity) {
  CopyResult r;
  if (buffer == nullptr || capacity == 0) {
    r.truncated = true;  // not even the terminator fits
    return r;
  }
  const size_t room = capacity - 1;
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t next = pos;
    const char32_t cp = decode_utf8(utf8, next);
    const size_t units = units_for(cp);
    if (r.written + units > room) {
      r.truncated = true;
      break;
    }
    put_unit(buffer + r.written, cp);
    r.written += units;
    pos = next;
  }
  r.consumed = pos;
  buffer[r.written] = 0;
  return r;
}

CopyResult copy_to_narrow(std::string_view utf8, SQLCHAR* buffer, size_t capacity) {
  CopyResult r;
  if (buffer == nullptr || capacity == 0) {
    r.truncated = true;
    return r;
  }
  size_t n = utf8.size();
  if (n > capacity - 1) {
    n = capacity - 1;
    // Back up to the start of the sequence the cut would split (at most 3 bytes: a
    // longer run of continuation bytes is invalid text, cut anywhere). A buffer too small
    // for the first character gets its first bytes instead of nothing, so piecewise
    // SQLGetData always moves on (the pieces still join into the whole text).
    size_t cut = n;
    while (cut > 0 && n - cut < 3 && is_continuation(static_cast<unsigned char>(utf8[cut]))) --cut;
    if (cut > 0 && !is_continuation(static_cast<unsigned char>(utf8[cut]))) n = cut;
    r.truncated = true;
  }
  for (size_t i = 0; i < n; ++i) buffer[i] = static_cast<SQLCHAR>(utf8[i]);
  buffer[n] = 0;
  r.consumed = r.written = n;
  return r;
}

}  // namespace dbsql::convert
