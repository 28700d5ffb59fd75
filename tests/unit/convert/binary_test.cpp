// Columns → SQL_C_BINARY (base64 decoding, text bytes, native forms) and SQL_C_GUID.
#include <gtest/gtest.h>

#include "convert/base64.h"
#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

std::string bytes_of(const Call& c, size_t n) {
  return std::string(reinterpret_cast<const char*>(c.buf.data()), n);
}

TEST(Binary, DecodesBase64) {
  const auto c = call(column("BINARY"), "AQID", SQL_C_BINARY, 8);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, 3);
  EXPECT_EQ(bytes_of(c, 3), std::string("\x01\x02\x03", 3));
  EXPECT_TRUE(c.untouched_from(3));  // no terminator for binary
}

TEST(Binary, PaddedAndUnpadded) {
  EXPECT_EQ(bytes_of(call(column("BINARY"), "AQI=", SQL_C_BINARY), 2), std::string("\x01\x02", 2));
  EXPECT_EQ(call(column("BINARY"), "AQI=", SQL_C_BINARY).ind, 2);
  EXPECT_EQ(call(column("BINARY"), "AQ==", SQL_C_BINARY).ind, 1);
  EXPECT_EQ(call(column("BINARY"), "AQ", SQL_C_BINARY).ind, 1);
  EXPECT_EQ(bytes_of(call(column("BINARY"), "/+8=", SQL_C_BINARY), 2), std::string("\xFF\xEF", 2));
}

TEST(Binary, Empty) {
  const auto c = call(column("BINARY"), "", SQL_C_BINARY, 8);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, 0);
  EXPECT_TRUE(c.untouched_from(0));
}

TEST(Binary, Truncated) {
  const auto c = call(column("BINARY"), "AQID", SQL_C_BINARY, 2);
  EXPECT_STATE(c, SQL_SUCCESS_WITH_INFO, "01004");
  EXPECT_EQ(c.ind, 3);
  EXPECT_EQ(bytes_of(c, 2), std::string("\x01\x02", 2));
  EXPECT_TRUE(c.canary_intact());
}

TEST(Binary, InvalidBase64) {
  for (const char* bad : {"!!!!", "A", "AQ=D", "A==="}) {
    SCOPED_TRACE(bad);
    const auto c = call(column("BINARY"), bad, SQL_C_BINARY);
    EXPECT_STATE(c, SQL_ERROR, "22018");
    EXPECT_TRUE(c.untouched_from(0));
  }
}

TEST(Binary, TextIsItsUtf8Bytes) {
  const auto c = call(column("STRING"), "h\xC3\xA9", SQL_C_BINARY, 8);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, 3);
  EXPECT_EQ(bytes_of(c, 3), "h\xC3\xA9");
  EXPECT_TRUE(c.untouched_from(3));
  const auto json = call(column("ARRAY", "ARRAY<INT>"), "[1,2]", SQL_C_BINARY, 8);
  EXPECT_EQ(bytes_of(json, 5), "[1,2]");
}

TEST(Binary, NumbersAsTheirNativeBytes) {
  const auto i = call(column("INT"), "-2", SQL_C_BINARY, 4);
  EXPECT_OK(i);
  EXPECT_EQ(i.ind, 4);
  EXPECT_EQ(i.as<SQLINTEGER>(), -2);
  EXPECT_TRUE(i.canary_intact());
  const auto small = call(column("INT"), "-2", SQL_C_BINARY, 3);
  EXPECT_STATE(small, SQL_ERROR, "22003");
  EXPECT_TRUE(small.untouched_from(0));
  EXPECT_EQ(call(column("DOUBLE"), "0.5", SQL_C_BINARY, 8).as<SQLDOUBLE>(), 0.5);
  EXPECT_EQ(call(column("BOOLEAN"), "true", SQL_C_BINARY, 1).as<SQLCHAR>(), 1);
  EXPECT_EQ(call(column("LONG", "BIGINT"), "7", SQL_C_BINARY, 8).ind, 8);
}

TEST(Binary, DecimalAndDatetimeAsStructs) {
  const auto n = call(column("DECIMAL", "DECIMAL(10,2)", 10, 2), "1.25", SQL_C_BINARY, 64);
  EXPECT_EQ(n.ind, static_cast<SQLLEN>(sizeof(SQL_NUMERIC_STRUCT)));
  const auto ns = n.as<SQL_NUMERIC_STRUCT>();
  EXPECT_EQ(ns.precision, 10);
  EXPECT_EQ(ns.scale, 2);
  EXPECT_EQ(ns.val[0], 125);
  const auto d = call(column("DATE"), "2024-05-06", SQL_C_BINARY, 64).as<SQL_DATE_STRUCT>();
  EXPECT_EQ(d.day, 6);
  const auto ts = call(column("TIMESTAMP"), "2024-05-06T07:08:09.1+00:00", SQL_C_BINARY, 64);
  EXPECT_EQ(ts.ind, static_cast<SQLLEN>(sizeof(SQL_TIMESTAMP_STRUCT)));
  EXPECT_EQ(ts.as<SQL_TIMESTAMP_STRUCT>().fraction, 100000000u);
}

TEST(Base64View, RandomAccess) {
  Base64View v;
  ASSERT_TRUE(Base64View::parse("AAECAwQFBgcICQ==", &v));  // bytes 0..9
  ASSERT_EQ(v.size(), 10u);
  uint8_t out[4];
  v.copy(4, out, 4);
  EXPECT_EQ(out[0], 4);
  EXPECT_EQ(out[3], 7);
  v.copy(9, out, 1);
  EXPECT_EQ(out[0], 9);
}

TEST(Guid, FromString) {
  const auto c = call(column("STRING"), "123e4567-e89b-12d3-a456-426614174000", SQL_C_GUID, 0);
  EXPECT_OK(c);
  EXPECT_EQ(c.ind, static_cast<SQLLEN>(sizeof(SQLGUID)));
  const auto g = c.as<SQLGUID>();
  EXPECT_EQ(g.Data1, 0x123e4567u);
  EXPECT_EQ(g.Data2, 0xe89b);
  EXPECT_EQ(g.Data3, 0x12d3);
  const unsigned char d4[] = {0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40, 0x00};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(g.Data4[i], d4[i]);
  EXPECT_TRUE(c.untouched_from(sizeof(SQLGUID)));
  EXPECT_OK(call(column("STRING"), "{123E4567-E89B-12D3-A456-426614174000}", SQL_C_GUID));
}

TEST(Guid, InvalidAndNotAllowed) {
  EXPECT_STATE(call(column("STRING"), "123e4567e89b12d3a456426614174000", SQL_C_GUID), SQL_ERROR,
               "22018");
  EXPECT_STATE(call(column("STRING"), "123e4567-e89b-12d3-a456-42661417400g", SQL_C_GUID),
               SQL_ERROR, "22018");
  EXPECT_STATE(call(column("INT"), "1", SQL_C_GUID), SQL_ERROR, "07006");
  EXPECT_STATE(call(column("BINARY"), "AQID", SQL_C_GUID), SQL_ERROR, "07006");
}

}  // namespace
}  // namespace dbsql::convert::test
