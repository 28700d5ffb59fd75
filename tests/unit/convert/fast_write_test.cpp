// The fast writers against write_cell: for every column type, C type, cell and buffer
// size below, a fast writer that reports success must leave exactly the bytes and
// lengths write_cell leaves, and write_cell must succeed without a diagnostic there. The
// common cases must take the fast path (or it would be dead code), and the ones needing a
// diagnostic must not.
#include "convert/fast_write.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

struct Outcome {
  bool ok = false;  // fast: it wrote; general: SQL_SUCCESS without a record
  std::vector<unsigned char> buf;
  SQLLEN octet_length = kUnset;
  SQLLEN indicator = kUnset;
};

Target target_into(Outcome& o, SQLSMALLINT c_type, SQLLEN size, bool separate_indicator) {
  o.buf.assign(static_cast<size_t>(size < 0 ? 0 : size) + kPad, kCanary);
  Target t;
  t.c_type = c_type;
  t.data = o.buf.data();
  t.buffer_length = size;
  t.octet_length = &o.octet_length;
  t.indicator = separate_indicator ? &o.indicator : &o.octet_length;
  return t;
}

Outcome general(const SqlTypeInfo& col, std::string_view cell, SQLSMALLINT c_type, SQLLEN size,
                bool separate) {
  Outcome o;
  const Status s = write_cell(col, cell, target_into(o, c_type, size, separate));
  o.ok = s.rc == SQL_SUCCESS && s.sqlstate.empty();
  return o;
}

// nullopt when the pair has no fast writer.
std::optional<Outcome> fast(const SqlTypeInfo& col, std::string_view cell, SQLSMALLINT c_type,
                            SQLLEN size, bool separate) {
  const FastWriter w = fast_writer_for(col, c_type);
  if (w == nullptr) return std::nullopt;
  Outcome o;
  o.ok = w(cell, target_into(o, c_type, size, separate));
  return o;
}

struct Case {
  const char* type;
  std::vector<std::string> cells;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {"INT", {"0", "123", "-7", "2147483647", "-2147483648", "2147483648", "+5", " 5", "1e3", "x"}},
      {"BIGINT", {"9223372036854775807", "-9223372036854775808", "99999999999999999999", "40000"}},
      {"SMALLINT", {"32767", "-32768", "-1"}},
      {"TINYINT", {"127", "-128"}},
      {"DOUBLE", {"1.5", "-0.0", "3", "1e308", "1e309", "NaN", "Infinity", "-Infinity", "abc"}},
      {"FLOAT", {"1.25", "-3.5e10"}},
      {"DECIMAL(10,2)", {"12.34", "-0.50", "99999999.99"}},
      {"STRING", {"", "hello", "h\xC3\xA9llo", "\xE6\x97\xA5\xE6\x9C\xAC", "\xF0\x9F\x98\x80",
                  std::string(100, 'a'), "2147483647", "true"}},
      {"TIMESTAMP",
       {"2021-06-15T12:34:56.789-07:00", "2021-06-15T12:34:56Z", "2021-02-30T00:00:00Z", "bad"}},
      {"TIMESTAMP_NTZ", {"2021-06-15T12:34:56.123456789", "0001-01-01T00:00:00"}},
      {"DATE", {"2021-06-15", "2021-13-01", "2020-02-29"}},
      {"BOOLEAN", {"true", "false"}},
      {"BINARY", {"aGk="}},
      {"ARRAY<INT>", {"[1,2]"}},
  };
  return kCases;
}

constexpr SQLSMALLINT kCTypes[] = {
    SQL_C_CHAR,  SQL_C_WCHAR,  SQL_C_SSHORT,  SQL_C_SHORT,          SQL_C_SLONG,     SQL_C_LONG,
    SQL_C_SBIGINT, SQL_C_DOUBLE, SQL_C_FLOAT, SQL_C_TYPE_TIMESTAMP, SQL_C_TIMESTAMP, SQL_C_TYPE_DATE,
    SQL_C_DATE,  SQL_C_BIT,    SQL_C_NUMERIC, SQL_C_UBIGINT,
};
constexpr SQLLEN kSizes[] = {0, 1, 4, 6, 11, 16, 64, 300};

TEST(FastWrite, AgreesWithWriteCellWheneverItWrites) {
  size_t fast_writes = 0;
  for (const Case& c : cases()) {
    const SqlTypeInfo col = column(c.type);
    for (SQLSMALLINT c_type : kCTypes) {
      if (fast_writer_for(col, c_type) != nullptr) {
        EXPECT_TRUE(conversion_allowed(col, c_type)) << c.type << " -> " << c_type_name(c_type);
      }
      for (const std::string& cell : c.cells) {
        for (SQLLEN size : kSizes) {
          for (bool separate : {false, true}) {
            const auto f = fast(col, cell, c_type, size, separate);
            if (!f || !f->ok) continue;
            ++fast_writes;
            const Outcome g = general(col, cell, c_type, size, separate);
            SCOPED_TRACE(std::string(c.type) + " '" + cell + "' -> " + c_type_name(c_type) +
                         " size " + std::to_string(size));
            EXPECT_TRUE(g.ok) << "the fast path wrote a value the general path flags";
            EXPECT_EQ(f->buf, g.buf);
            EXPECT_EQ(f->octet_length, g.octet_length);
            EXPECT_EQ(f->indicator, g.indicator);
          }
        }
      }
    }
  }
  EXPECT_GT(fast_writes, 300u);
}

bool takes_fast_path(std::string_view type, std::string_view cell, SQLSMALLINT c_type,
                     SQLLEN size = 64) {
  const auto f = fast(column(type), cell, c_type, size, false);
  return f && f->ok;
}

TEST(FastWrite, TakesTheCommonConversions) {
  EXPECT_TRUE(takes_fast_path("INT", "-42", SQL_C_SLONG));
  EXPECT_TRUE(takes_fast_path("BIGINT", "9223372036854775807", SQL_C_SBIGINT));
  EXPECT_TRUE(takes_fast_path("SMALLINT", "-32768", SQL_C_SSHORT));
  EXPECT_TRUE(takes_fast_path("DOUBLE", "2.5", SQL_C_DOUBLE));
  EXPECT_TRUE(takes_fast_path("TIMESTAMP", "2021-06-15T12:34:56.789Z", SQL_C_TYPE_TIMESTAMP));
  EXPECT_TRUE(takes_fast_path("DATE", "2021-06-15", SQL_C_TYPE_DATE));
  EXPECT_TRUE(takes_fast_path("STRING", "hello", SQL_C_CHAR));
  EXPECT_TRUE(takes_fast_path("STRING", "hello", SQL_C_WCHAR));
  EXPECT_TRUE(takes_fast_path("DECIMAL(10,2)", "12.34", SQL_C_CHAR));
}

TEST(FastWrite, LeavesEveryDiagnosticToTheGeneralPath) {
  EXPECT_FALSE(takes_fast_path("INT", "2147483648", SQL_C_SLONG));       // 22003
  EXPECT_FALSE(takes_fast_path("BIGINT", "40000", SQL_C_SSHORT));        // 22003
  EXPECT_FALSE(takes_fast_path("DOUBLE", "1e309", SQL_C_DOUBLE));        // 22003
  EXPECT_FALSE(takes_fast_path("DOUBLE", "abc", SQL_C_DOUBLE));          // 22018
  EXPECT_FALSE(takes_fast_path("TIMESTAMP", "2021-02-30T00:00:00Z", SQL_C_TYPE_TIMESTAMP));
  EXPECT_FALSE(takes_fast_path("STRING", "hello", SQL_C_CHAR, 5));       // 01004
  EXPECT_FALSE(takes_fast_path("STRING", "hello", SQL_C_WCHAR, 10));     // 01004
  EXPECT_FALSE(takes_fast_path("STRING", "hello", SQL_C_CHAR, -1));      // HY090
  EXPECT_FALSE(takes_fast_path("STRING", "h\xC3\xA9llo", SQL_C_WCHAR));  // UTF-8 decoding
  EXPECT_FALSE(takes_fast_path("TIMESTAMP", "2021-06-15T12:34:56Z", SQL_C_CHAR));  // reformatted
  EXPECT_FALSE(takes_fast_path("BOOLEAN", "true", SQL_C_CHAR));                    // "1"
}

TEST(FastWrite, NullNeedsAnIndicator) {
  SQLLEN ind = kUnset;
  Target t;
  t.indicator = &ind;
  EXPECT_TRUE(write_null_fast(t));
  EXPECT_EQ(ind, SQL_NULL_DATA);
  t.indicator = nullptr;
  EXPECT_FALSE(write_null_fast(t));  // write_cell's 22002
}

}  // namespace
}  // namespace dbsql::convert::test
