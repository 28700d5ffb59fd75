#include <gtest/gtest.h>

#include <vector>

#include "convert/wide.h"

namespace dbsql::convert {
namespace {

std::u16string to16(std::string_view utf8) {
  const auto w = utf8_to_wide(utf8);
  return std::u16string(w.begin(), w.end());
}

std::vector<SQLWCHAR> sqlw(std::u16string_view s, bool terminate = true) {
  std::vector<SQLWCHAR> v(s.begin(), s.end());
  if (terminate) v.push_back(0);
  return v;
}

TEST(Wide, AsciiAndBmp) {
  EXPECT_EQ(to16("abc"), u"abc");
  EXPECT_EQ(to16("h\xC3\xA9llo"), u"h\u00e9llo");
  EXPECT_EQ(to16("\xE3\x81\x93\xE3\x82\x93"), u"\u3053\u3093");
  EXPECT_EQ(to16(""), u"");
}

TEST(Wide, SupplementaryBecomesSurrogatePair) {
  const auto w = to16("\xF0\x9F\x98\x80");  // U+1F600
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0], 0xD83D);
  EXPECT_EQ(w[1], 0xDE00);
}

TEST(Wide, InvalidUtf8BecomesReplacement) {
  EXPECT_EQ(to16("a\xFF"
                 "b"),
            u"a\uFFFDb");
  EXPECT_EQ(to16("\xC0\xAF"), u"\uFFFD\uFFFD");            // overlong: C0 is never valid
  EXPECT_EQ(to16("\xED\xA0\x80"), u"\uFFFD\uFFFD\uFFFD");  // an encoded surrogate
  EXPECT_EQ(to16("\xE3\x81"), u"\uFFFD");                  // truncated sequence: one U+FFFD
  EXPECT_EQ(to16("\xF4\x90\x80\x80"), u"\uFFFD\uFFFD\uFFFD\uFFFD");  // > U+10FFFF
}

TEST(Wide, WideLengthCountsUnits) {
  EXPECT_EQ(wide_length("abc"), 3u);
  EXPECT_EQ(wide_length("\xF0\x9F\x98\x80x"), 3u);
  EXPECT_EQ(wide_length("\xE2\x82\xAC"), 1u);
  EXPECT_EQ(wide_length("\xFF"), 1u);
}

TEST(Wide, WideToUtf8WithNts) {
  const auto w = sqlw(u"h\u00e9\U0001F600");
  EXPECT_EQ(wide_to_utf8(w.data(), SQL_NTS), "h\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(Wide, WideToUtf8WithLength) {
  const auto w = sqlw(u"abcdef", false);
  EXPECT_EQ(wide_to_utf8(w.data(), 3), "abc");
  EXPECT_EQ(wide_to_utf8(w.data(), 0), "");
  EXPECT_EQ(wide_to_utf8(nullptr, SQL_NTS), "");
}

TEST(Wide, UnpairedSurrogatesBecomeReplacement) {
  const SQLWCHAR lone_high[] = {u'a', 0xD800, u'b', 0};
  EXPECT_EQ(wide_to_utf8(lone_high, SQL_NTS),
            "a\xEF\xBF\xBD"
            "b");
  const SQLWCHAR lone_low[] = {0xDC00, 0};
  EXPECT_EQ(wide_to_utf8(lone_low, SQL_NTS), "\xEF\xBF\xBD");
  const SQLWCHAR high_at_end[] = {0xD83D};
  EXPECT_EQ(wide_to_utf8(high_at_end, 1), "\xEF\xBF\xBD");
}

TEST(Wide, RoundTrip) {
  const std::string text = "Caf\xC3\xA9 \xE3\x81\x93\xE3\x82\x93 \xF0\x9F\x98\x80 end";
  const auto w = utf8_to_wide(text);
  std::vector<SQLWCHAR> units(w.begin(), w.end());
  EXPECT_EQ(wide_to_utf8(units.data(), static_cast<SQLLEN>(units.size())), text);
}

TEST(Wide, CopyToWideNeverSplitsSurrogatePairs) {
  SQLWCHAR buf[4] = {0x1111, 0x1111, 0x1111, 0x1111};
  // "a" + U+1F600 needs 3 units; capacity 3 leaves room for 2 besides the terminator.
  const CopyResult r = copy_to_wide("a\xF0\x9F\x98\x80", buf, 3);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.written, 1u);
  EXPECT_EQ(r.consumed, 1u);
  EXPECT_EQ(buf[0], u'a');
  EXPECT_EQ(buf[1], 0);
  EXPECT_EQ(buf[2], 0x1111);
  EXPECT_EQ(buf[3], 0x1111);
}

TEST(Wide, CopyToWideFits) {
  SQLWCHAR buf[5];
  const CopyResult r = copy_to_wide("abcd", buf, 5);
  EXPECT_FALSE(r.truncated);
  EXPECT_EQ(r.written, 4u);
  EXPECT_EQ(buf[4], 0);
}

TEST(Wide, CopyToNarrowNeverSplitsSequences) {
  SQLCHAR buf[6];
  std::fill(std::begin(buf), std::end(buf), 0x77);
  // "ab€" is 5 bytes; capacity 4 leaves 3, which would cut the euro sign.
  const CopyResult r = copy_to_narrow("ab\xE2\x82\xAC", buf, 4);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.consumed, 2u);
  EXPECT_EQ(buf[2], 0);
  EXPECT_EQ(buf[3], 0x77);
}

TEST(Wide, CopyWithoutRoomForTheTerminator) {
  SQLCHAR b = 0x77;
  EXPECT_TRUE(copy_to_narrow("", &b, 0).truncated);
  EXPECT_EQ(b, 0x77);
  SQLWCHAR w = 0x77;
  EXPECT_TRUE(copy_to_wide("x", &w, 0).truncated);
  EXPECT_EQ(w, 0x77);
}

}  // namespace
}  // namespace dbsql::convert
