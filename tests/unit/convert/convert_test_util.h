#pragma once
// Helpers for the convert/ tests: columns from Databricks type names, and calls to
// write_cell into canary-padded buffers (every byte past the buffer must stay untouched).
#include <gtest/gtest.h>

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convert/convert.h"
#include "convert/sql_types.h"
#include "convert/wide.h"

namespace dbsql::convert::test {

inline constexpr unsigned char kCanary = 0xCD;
inline constexpr size_t kPad = 32;
inline constexpr SQLLEN kUnset = -999;

inline SqlTypeInfo column(std::string_view name, std::string_view text = "", int precision = -1,
                          int scale = -1, std::string_view interval = "") {
  return describe_type(name, text.empty() ? name : text, precision, scale, interval);
}

// One write_cell call into a `size`-byte buffer followed by kPad canary bytes.
struct Call {
  Status status;
  std::vector<unsigned char> buf;
  SQLLEN ind = kUnset;
  SQLLEN size = 0;

  template <typename T>
  T as() const {
    T v;
    std::memcpy(&v, buf.data(), sizeof(T));
    return v;
  }
  std::string text() const { return std::string(reinterpret_cast<const char*>(buf.data())); }
  std::u16string wtext() const {
    std::u16string out;
    for (size_t i = 0; i + 1 < buf.size(); i += 2) {
      char16_t c;
      std::memcpy(&c, buf.data() + i, 2);
      if (c == 0) break;
      out.push_back(c);
    }
    return out;
  }
  // Bytes from `from` to the end are untouched.
  ::testing::AssertionResult untouched_from(size_t from) const {
    for (size_t i = from; i < buf.size(); ++i)
      if (buf[i] != kCanary)
        return ::testing::AssertionFailure() << "byte " << i << " was overwritten";
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult canary_intact() const { return untouched_from(size); }
};

struct Options {
  SQLSMALLINT precision = 0;
  SQLSMALLINT scale = 0;
  SQLINTEGER leading = 0;
  SQLSMALLINT seconds = 6;
  bool no_indicator = false;
};

inline Call call(const SqlTypeInfo& col, std::optional<std::string_view> cell, SQLSMALLINT c_type,
                 SQLLEN size = 64, PieceState* piece = nullptr, const Options& o = {}) {
  Call c;
  c.size = size;
  c.buf.assign(static_cast<size_t>(size) + kPad, kCanary);
  Target t;
  t.c_type = c_type;
  t.data = c.buf.data();
  t.buffer_length = size;
  t.octet_length = o.no_indicator ? nullptr : &c.ind;
  t.indicator = o.no_indicator ? nullptr : &c.ind;
  t.numeric_precision = o.precision;
  t.numeric_scale = o.scale;
  t.interval_leading_precision = o.leading;
  t.interval_seconds_precision = o.seconds;
  c.status = write_cell(col, cell, t, piece);
  return c;
}

inline std::u16string u16(std::string_view utf8) {
  const auto w = utf8_to_wide(utf8);
  return std::u16string(w.begin(), w.end());
}

#define EXPECT_STATE(call_result, rc_value, state)                                     \
  do {                                                                                 \
    EXPECT_EQ((call_result).status.rc, (rc_value));                                    \
    EXPECT_EQ((call_result).status.sqlstate, (state)) << (call_result).status.message; \
  } while (0)

#define EXPECT_OK(call_result) EXPECT_STATE(call_result, SQL_SUCCESS, "")

}  // namespace dbsql::convert::test
