#include <gtest/gtest.h>

#include <cstring>

#include "odbc/text_in.h"
#include "odbc/text_out.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

TEST(TextOut, AnsiFitsExactlyWithTerminator) {
  Diagnostics d;
  char buf[6];
  std::memset(buf, 'X', sizeof buf);
  EXPECT_EQ(5, put_text(d, "hello", TextOut{buf, 6, TextUnits::kAnsi}));
  EXPECT_STREQ("hello", buf);
  EXPECT_EQ(0u, d.size());
}

TEST(TextOut, AnsiTruncationWarnsAndReportsTheFullLength) {
  Diagnostics d;
  char buf[8];
  std::memset(buf, 'X', sizeof buf);
  EXPECT_EQ(5, put_text(d, "hello", TextOut{buf, 5, TextUnits::kAnsi}));
  EXPECT_STREQ("hell", buf);
  EXPECT_EQ('X', buf[5]) << "nothing past the buffer";
  ASSERT_EQ(1u, d.size());
  EXPECT_EQ("01004", d.record(1)->sqlstate);
}

TEST(TextOut, AnsiNeverSplitsAUtf8Character) {
  Diagnostics d;
  char buf[4];
  // "añb": a, two bytes for ñ, b. Three bytes of room: "a" only, then the terminator.
  put_text(d,
           "a\xC3\xB1"
           "b",
           TextOut{buf, 3, TextUnits::kAnsi});
  EXPECT_STREQ("a", buf);
}

TEST(TextOut, NullBufferReportsLengthWithoutWarning) {
  Diagnostics d;
  EXPECT_EQ(7, put_text(d, "catalog", TextOut{nullptr, 0, TextUnits::kAnsi}));
  EXPECT_EQ(0u, d.size());
}

TEST(TextOut, WideLengthsInCharactersOrBytes) {
  Diagnostics d;
  SQLWCHAR buf[8];
  EXPECT_EQ(3, put_text(d, "a\xC3\xB1z", TextOut{buf, 8, TextUnits::kWideChars}));
  EXPECT_EQ(u'ñ', buf[1]);
  EXPECT_EQ(0, buf[3]);
  EXPECT_EQ(static_cast<SQLLEN>(3 * sizeof(SQLWCHAR)),
            put_text(d, "a\xC3\xB1z", TextOut{buf, sizeof buf, TextUnits::kWideBytes}));
  EXPECT_EQ(0u, d.size());
  // 4 bytes of room hold one character and the terminator.
  put_text(d, "abc", TextOut{buf, 2 * sizeof(SQLWCHAR), TextUnits::kWideBytes});
  EXPECT_EQ('a', buf[0]);
  EXPECT_EQ(0, buf[1]);
  EXPECT_EQ(1u, d.size());
}

TEST(TextOut, WideTruncationKeepsSurrogatePairsWhole) {
  Diagnostics d;
  SQLWCHAR buf[3];
  // "a😀": 'a' then a surrogate pair. Room for 2 units: the pair cannot fit, only 'a'.
  put_text(d, "a\xF0\x9F\x98\x80", TextOut{buf, 3, TextUnits::kWideChars});
  EXPECT_EQ('a', buf[0]);
  EXPECT_EQ(0, buf[1]);
}

TEST(TextOut, NegativeCapacityIsHY090) {
  Diagnostics d;
  char buf[2];
  EXPECT_THROW(put_text(d, "x", TextOut{buf, -1, TextUnits::kAnsi}), Error);
}

TEST(TextIn, LengthsAndNts) {
  const SQLCHAR text[] = "SELECT 1";
  EXPECT_EQ("SELECT 1", ansi_text(text, SQL_NTS));
  EXPECT_EQ("SEL", ansi_text(text, 3));
  EXPECT_EQ("", ansi_text(nullptr, 5));
  EXPECT_THROW(ansi_text(text, -7), Error);
  const SQLWCHAR wide[] = {'h', 'i', 0};
  EXPECT_EQ("hi", wide_text(wide, SQL_NTS));
  EXPECT_EQ("h",
            pointer_text(const_cast<SQLWCHAR*>(wide), sizeof(SQLWCHAR), TextUnits::kWideBytes));
}

}  // namespace
}  // namespace dbsql::odbc
