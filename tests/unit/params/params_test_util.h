#pragma once
// Helpers for the params/ tests: render a C value of any type, and check a thrown
// dbsql::Error's SQLSTATE and message.
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "params/params.h"
#include "util/error.h"

namespace dbsql::params::test {

inline ParamType type_of(SQLSMALLINT c, SQLSMALLINT sql, SQLULEN size = 0, SQLSMALLINT digits = 0) {
  return ParamType{c, sql, size, digits};
}

// A fixed-size C value (length ignored by the driver: pass something odd to prove it).
template <typename T>
WireValue render_value(SQLSMALLINT c, SQLSMALLINT sql, const T& value, SQLULEN size = 0,
                       SQLSMALLINT digits = 0) {
  // Copied to a misaligned spot: bound buffers with a bind offset need not be aligned.
  std::vector<unsigned char> buf(sizeof(T) + 1);
  std::memcpy(buf.data() + 1, &value, sizeof(T));
  return render(type_of(c, sql, size, digits), buf.data() + 1, 12345);
}

inline WireValue render_text(SQLSMALLINT sql, const std::string& text, SQLULEN size = 0,
                             SQLSMALLINT digits = 0) {
  return render(type_of(SQL_C_CHAR, sql, size, digits), text.c_str(), SQL_NTS);
}

inline WireValue render_wide(SQLSMALLINT sql, const std::u16string& text, SQLULEN size = 0) {
  return render(type_of(SQL_C_WCHAR, sql, size, 0), text.c_str(), SQL_NTS);
}

inline WireValue render_bytes(SQLSMALLINT sql, const std::string& bytes, SQLULEN size = 0) {
  return render(type_of(SQL_C_BINARY, sql, size, 0), bytes.data(),
                static_cast<SQLLEN>(bytes.size()));
}

inline SQL_NUMERIC_STRUCT numeric(bool positive, unsigned __int128 magnitude, int scale,
                                  int precision = 38) {
  SQL_NUMERIC_STRUCT n{};
  n.precision = static_cast<SQLCHAR>(precision);
  n.scale = static_cast<SQLSCHAR>(scale);
  n.sign = positive ? 1 : 0;
  for (int i = 0; i < SQL_MAX_NUMERIC_LEN; ++i) {
    n.val[i] = static_cast<SQLCHAR>(magnitude & 0xFF);
    magnitude >>= 8;
  }
  return n;
}

inline unsigned __int128 u128(const char* digits) {
  unsigned __int128 v = 0;
  for (const char* p = digits; *p; ++p) v = v * 10 + static_cast<unsigned>(*p - '0');
  return v;
}

// The call throws dbsql::Error with this SQLSTATE and a message containing `fragment`.
inline ::testing::AssertionResult fails_with(const std::function<void()>& call,
                                             const std::string& sqlstate,
                                             const std::string& fragment) {
  try {
    call();
  } catch (const Error& e) {
    if (e.sqlstate() != sqlstate)
      return ::testing::AssertionFailure()
             << "SQLSTATE " << e.sqlstate() << " instead of " << sqlstate << ": " << e.what();
    if (std::string(e.what()).find(fragment) == std::string::npos)
      return ::testing::AssertionFailure() << "message lacks \"" << fragment << "\": " << e.what();
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no error thrown (expected " << sqlstate << ")";
}

}  // namespace dbsql::params::test
