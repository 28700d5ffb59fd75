// SQLGetData in pieces: successive parts, the length left at each call, SQL_NO_DATA after
// the last, and no part that splits a UTF-8 sequence or a UTF-16 surrogate pair (unless
// the buffer cannot hold even one character).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "convert_test_util.h"

namespace dbsql::convert::test {
namespace {

struct Piece {
  Status status;
  SQLLEN ind;
  std::string bytes;  // what the call wrote, terminator excluded
};

// Calls write_cell until SQL_NO_DATA (at most `limit` times).
std::vector<Piece> read_all(const SqlTypeInfo& col, std::string_view cell, SQLSMALLINT c_type,
                            SQLLEN size, int limit = 10000) {
  std::vector<Piece> pieces;
  PieceState state;
  for (int i = 0; i < limit; ++i) {
    const Call c = call(col, cell, c_type, size, &state);
    EXPECT_TRUE(c.canary_intact());
    if (c.status.rc == SQL_NO_DATA) break;
    Piece p{c.status, c.ind, {}};
    size_t n = 0;
    if (c_type == SQL_C_BINARY) {
      n = std::min<size_t>(static_cast<size_t>(size), static_cast<size_t>(c.ind));
    } else if (c_type == SQL_C_WCHAR) {
      while (n + 1 < c.buf.size() && (c.buf[n] != 0 || c.buf[n + 1] != 0)) n += 2;
    } else {
      while (c.buf[n] != 0) ++n;
    }
    p.bytes.assign(reinterpret_cast<const char*>(c.buf.data()), n);
    pieces.push_back(std::move(p));
  }
  return pieces;
}

std::string join(const std::vector<Piece>& pieces) {
  std::string all;
  for (const auto& p : pieces) all += p.bytes;
  return all;
}

std::string wide_bytes(std::string_view utf8) {
  const auto w = utf8_to_wide(utf8);
  return std::string(reinterpret_cast<const char*>(w.data()), w.size() * sizeof(WideUnit));
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = static_cast<uint8_t>(bytes[i]) << 16 |
                       static_cast<uint8_t>(bytes[i + 1]) << 8 | static_cast<uint8_t>(bytes[i + 2]);
    for (int k = 3; k >= 0; --k) out.push_back(kAlphabet[(v >> (6 * k)) & 63]);
  }
  if (i + 1 == bytes.size()) {
    const uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const uint32_t v = static_cast<uint8_t>(bytes[i]) << 16 | static_cast<uint8_t>(bytes[i + 1])
                                                                  << 8;
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

TEST(Piecewise, LongTextInPieces) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text.push_back(static_cast<char>('a' + i % 26));
  const auto pieces = read_all(column("STRING"), text, SQL_C_CHAR, 4096);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].status.sqlstate, "01004");
  EXPECT_EQ(pieces[0].ind, 10000);
  EXPECT_EQ(pieces[1].status.sqlstate, "01004");
  EXPECT_EQ(pieces[1].ind, 10000 - 4095);
  EXPECT_EQ(pieces[2].status.rc, SQL_SUCCESS);
  EXPECT_EQ(pieces[2].ind, 10000 - 2 * 4095);
  EXPECT_EQ(join(pieces), text);
}

TEST(Piecewise, MultibyteAtTheBoundary) {
  const std::string text =
      "ab\xE2\x82\xAC"
      "cd";  // "ab€cd", € is 3 bytes
  const auto pieces = read_all(column("STRING"), text, SQL_C_CHAR, 4);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].bytes, "ab");
  EXPECT_EQ(pieces[0].ind, 7);
  EXPECT_EQ(pieces[1].bytes, "\xE2\x82\xAC");
  EXPECT_EQ(pieces[1].ind, 5);
  EXPECT_EQ(pieces[1].status.sqlstate, "01004");
  EXPECT_EQ(pieces[2].bytes, "cd");
  EXPECT_EQ(pieces[2].ind, 2);
  EXPECT_EQ(pieces[2].status.rc, SQL_SUCCESS);
  EXPECT_EQ(join(pieces), text);
}

// A buffer too small for one character must still make progress, or an application
// reading until SQL_SUCCESS would call SQLGetData forever.
TEST(Piecewise, BufferSmallerThanOneCharacterStillAdvances) {
  const std::string text = "\xE2\x82\xAC";  // €, 3 bytes
  const auto pieces = read_all(column("STRING"), text, SQL_C_CHAR, 2, 10);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].ind, 3);
  EXPECT_EQ(pieces[0].status.sqlstate, "01004");
  EXPECT_EQ(pieces[2].status.rc, SQL_SUCCESS);
  EXPECT_EQ(join(pieces), text);
}

TEST(Piecewise, WideSurrogatePairAtTheBoundary) {
  const std::string text =
      "a\xF0\x9F\x98\x80"
      "b";                                                               // a, U+1F600 (2 units), b
  const auto pieces = read_all(column("STRING"), text, SQL_C_WCHAR, 6);  // 2 units + NUL
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].bytes, wide_bytes("a"));
  EXPECT_EQ(pieces[0].ind, 8);
  EXPECT_EQ(pieces[1].bytes, wide_bytes("\xF0\x9F\x98\x80"));
  EXPECT_EQ(pieces[1].ind, 6);
  EXPECT_EQ(pieces[2].bytes, wide_bytes("b"));
  EXPECT_EQ(pieces[2].ind, 2);
  EXPECT_EQ(join(pieces), wide_bytes(text));
}

// Room for one UTF-16 unit and a character that needs two: the pair comes in halves.
TEST(Piecewise, WideBufferOfOneUnitTakesASurrogatePairInHalves) {
  const std::string text =
      "\xF0\x9F\x98\x80"
      "b";                                                                   // U+1F600 (2 units), b
  const auto pieces = read_all(column("STRING"), text, SQL_C_WCHAR, 4, 10);  // 1 unit + NUL
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].ind, 6);
  EXPECT_EQ(pieces[0].status.sqlstate, "01004");
  EXPECT_EQ(pieces[1].ind, 4);
  EXPECT_EQ(pieces[2].ind, 2);
  EXPECT_EQ(pieces[2].status.rc, SQL_SUCCESS);
  EXPECT_EQ(join(pieces), wide_bytes(text));
}

TEST(Piecewise, LongWideText) {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += (i % 3 == 0) ? "\xC3\xA9" : (i % 3 == 1 ? "x" : "\xE3\x81\x93");
  const auto pieces = read_all(column("STRING"), text, SQL_C_WCHAR, 1000);  // 499 units a piece
  ASSERT_EQ(pieces.size(), 11u);
  SQLLEN expected_left = 5000 * 2;
  for (size_t i = 0; i < pieces.size(); ++i) {
    EXPECT_EQ(pieces[i].ind, expected_left) << "piece " << i;
    expected_left -= static_cast<SQLLEN>(pieces[i].bytes.size());
  }
  EXPECT_EQ(expected_left, 0);
  EXPECT_EQ(join(pieces), wide_bytes(text));
}

TEST(Piecewise, BinaryInPieces) {
  std::string bytes;
  for (int i = 0; i < 3001; ++i) bytes.push_back(static_cast<char>((i * 37) & 0xFF));
  const auto pieces = read_all(column("BINARY"), base64(bytes), SQL_C_BINARY, 1000);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0].ind, 3001);
  EXPECT_EQ(pieces[1].ind, 2001);
  EXPECT_EQ(pieces[3].ind, 1);
  EXPECT_EQ(pieces[3].status.rc, SQL_SUCCESS);
  EXPECT_EQ(join(pieces), bytes);
}

TEST(Piecewise, BinaryAsHexInPieces) {
  const std::string bytes = "\x01\x02\x03\x04\x05";
  const auto pieces = read_all(column("BINARY"), base64(bytes), SQL_C_CHAR, 5);  // 2 bytes a piece
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].bytes, "0102");
  EXPECT_EQ(pieces[0].ind, 10);
  EXPECT_EQ(pieces[1].ind, 6);
  EXPECT_EQ(join(pieces), "0102030405");
  const auto wide = read_all(column("BINARY"), base64(bytes), SQL_C_WCHAR, 10);
  EXPECT_EQ(join(wide), wide_bytes("0102030405"));
}

TEST(Piecewise, StringAsBinaryInPieces) {
  const std::string text = "caf\xC3\xA9 au lait";
  const auto pieces = read_all(column("STRING"), text, SQL_C_BINARY, 4);
  EXPECT_EQ(pieces.size(), 4u);
  EXPECT_EQ(join(pieces), text);
}

TEST(Piecewise, FixedSizeValueThenNoData) {
  PieceState state;
  const auto col = column("INT");
  const auto first = call(col, "5", SQL_C_SLONG, 4, &state);
  EXPECT_OK(first);
  EXPECT_EQ(first.as<SQLINTEGER>(), 5);
  EXPECT_EQ(call(col, "5", SQL_C_SLONG, 4, &state).status.rc, SQL_NO_DATA);
}

TEST(Piecewise, EmptyStringThenNoData) {
  const auto pieces = read_all(column("STRING"), "", SQL_C_CHAR, 8);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].ind, 0);
}

TEST(Piecewise, LengthProbeDoesNotConsume) {
  PieceState state;
  const auto col = column("STRING");
  EXPECT_EQ(call(col, "hello", SQL_C_CHAR, 0, &state).ind, 5);
  const auto c = call(col, "hello", SQL_C_CHAR, 16, &state);
  EXPECT_OK(c);
  EXPECT_EQ(c.text(), "hello");
}

TEST(Piecewise, ProbeThenTooSmallForTheWholeDigits) {
  PieceState state;
  const auto col = column("INT");
  EXPECT_EQ(call(col, "12345", SQL_C_CHAR, 0, &state).ind, 5);
  EXPECT_STATE(call(col, "12345", SQL_C_CHAR, 3, &state), SQL_ERROR, "22003");
}

TEST(Piecewise, TimestampTextInPieces) {
  const auto pieces =
      read_all(column("TIMESTAMP"), "2021-06-15T12:34:56.789-07:00", SQL_C_CHAR, 21);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(join(pieces), "2021-06-15 12:34:56.789");
}

}  // namespace
}  // namespace dbsql::convert::test
