// Character, binary and GUID values: SQL_NTS and explicit lengths, UTF-16 → UTF-8,
// column sizes, hex for BINARY.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "params/params.h"
#include "params_test_util.h"

namespace dbsql::params::test {
namespace {

const SQLSMALLINT kCharSqlTypes[] = {SQL_CHAR,  SQL_VARCHAR,  SQL_LONGVARCHAR,
                                     SQL_WCHAR, SQL_WVARCHAR, SQL_WLONGVARCHAR};

TEST(Char, IntoEveryCharacterTypeAsIs) {
  for (SQLSMALLINT sql : kCharSqlTypes) {
    const WireValue w = render_text(sql, "it's \"quoted\"\n");
    EXPECT_EQ(w.type, "STRING");
    EXPECT_EQ(*w.value, "it's \"quoted\"\n");
    EXPECT_FALSE(w.hex_binary);
  }
}

TEST(Char, NtsVersusExplicitLength) {
  const char buf[] = "hello world";
  EXPECT_EQ(*render(type_of(SQL_C_CHAR, SQL_VARCHAR), buf, SQL_NTS).value, "hello world");
  EXPECT_EQ(*render(type_of(SQL_C_CHAR, SQL_VARCHAR), buf, 5).value, "hello");
  EXPECT_EQ(*render(type_of(SQL_C_CHAR, SQL_VARCHAR), buf, 0).value, "");
  // An explicit length keeps embedded zero bytes (valid UTF-8; the JSON writer escapes them).
  const char zeros[] = {'a', '\0', 'b'};
  EXPECT_EQ(*render(type_of(SQL_C_CHAR, SQL_VARCHAR), zeros, 3).value, std::string("a\0b", 3));
  // Whitespace is kept in character targets.
  EXPECT_EQ(*render_text(SQL_VARCHAR, "  padded  ").value, "  padded  ");
}

TEST(Char, Utf8PassesThrough) {
  EXPECT_EQ(*render_text(SQL_VARCHAR, "こんにちは 😀").value, "こんにちは 😀");
  EXPECT_EQ(*render_text(SQL_VARCHAR, "\xEF\xBF\xBD").value, "\xEF\xBF\xBD");  // U+FFFD itself
}

TEST(Char, InvalidUtf8Is22018) {
  for (const char* bad : {"\xC3",
                          "a\xFF"
                          "b",
                          "\xED\xA0\x80", "\xC0\xAF"})
    EXPECT_TRUE(fails_with([&] { render_text(SQL_VARCHAR, bad); }, "22018",
                           "not valid UTF-8 (the driver reads SQL_C_CHAR as UTF-8)"));
}

TEST(Char, ColumnSizeDoesNotLimitTheValue) {
  // Sent whole as STRING: the target column is checked by the warehouse.
  EXPECT_EQ(*render_text(SQL_VARCHAR, "abcdef", 6).value, "abcdef");
  EXPECT_EQ(*render_text(SQL_CHAR, "abcdef", 5).value, "abcdef");
  EXPECT_EQ(*render_text(SQL_VARCHAR, "12345678.91", 10).value, "12345678.91");
  EXPECT_EQ(*render_text(SQL_WVARCHAR, "こんにちは", 4).value, "こんにちは");
}

TEST(WChar, CjkAndEmojiThroughSurrogatePairs) {
  const std::u16string text = u"日本語 😀👍🏽 x";
  for (SQLSMALLINT sql : kCharSqlTypes) {
    const WireValue w = render_wide(sql, text);
    EXPECT_EQ(w.type, "STRING");
    EXPECT_EQ(*w.value, "日本語 😀👍🏽 x");
  }
}

TEST(WChar, ExplicitByteLengths) {
  const std::u16string text = u"héllo";
  EXPECT_EQ(*render(type_of(SQL_C_WCHAR, SQL_WVARCHAR), text.data(), 4).value, "hé");
  EXPECT_EQ(*render(type_of(SQL_C_WCHAR, SQL_WVARCHAR), text.data(), 0).value, "");
  const char16_t zeros[] = {u'a', 0, u'b'};
  EXPECT_EQ(*render(type_of(SQL_C_WCHAR, SQL_WVARCHAR), zeros, 6).value, std::string("a\0b", 3));
  // A misaligned buffer (row-wise binding with an odd offset) reads the same.
  std::string raw(1 + text.size() * 2, '\0');
  std::memcpy(raw.data() + 1, text.data(), text.size() * 2);
  EXPECT_EQ(*render(type_of(SQL_C_WCHAR, SQL_WVARCHAR), raw.data() + 1,
                    static_cast<SQLLEN>(text.size() * 2))
                 .value,
            "héllo");
}

TEST(WChar, UnpairedSurrogatesAre22018) {
  const std::u16string lone_high = {u'a', static_cast<char16_t>(0xD83D), u'b'};
  const std::u16string lone_low = {static_cast<char16_t>(0xDE00)};
  const std::u16string high_at_end = {u'x', static_cast<char16_t>(0xD83D)};
  const std::u16string reversed = {static_cast<char16_t>(0xDE00), static_cast<char16_t>(0xD83D)};
  for (const auto& bad : {lone_high, lone_low, high_at_end, reversed})
    EXPECT_TRUE(fails_with([&] { render_wide(SQL_WVARCHAR, bad); }, "22018",
                           "not valid UTF-16 (an unpaired surrogate)"));
  // A pair cut by an explicit length is unpaired too.
  const std::u16string emoji = u"😀";
  EXPECT_TRUE(fails_with([&] { render(type_of(SQL_C_WCHAR, SQL_WVARCHAR), emoji.data(), 2); },
                         "22018", "Invalid character value for cast specification"));
}

TEST(WChar, ColumnSizeCountsCharacters) {
  EXPECT_EQ(*render_wide(SQL_WCHAR, u"😀😀", 2).value, "😀😀");
  EXPECT_EQ(*render_wide(SQL_WCHAR, u"😀😀😀", 2).value, "😀😀😀");
}

TEST(Binary, HexWithEmbeddedZeroBytes) {
  const std::string bytes("\x00\x01\xAB\xFF\x00", 5);
  for (SQLSMALLINT sql : {SQL_BINARY, SQL_VARBINARY, SQL_LONGVARBINARY}) {
    const WireValue w = render_bytes(sql, bytes);
    EXPECT_EQ(w.type, "STRING");
    EXPECT_EQ(*w.value, "0001ABFF00");
    EXPECT_TRUE(w.hex_binary);
  }
  const WireValue empty = render_bytes(SQL_VARBINARY, "");
  EXPECT_EQ(*empty.value, "");  // empty, not NULL
  EXPECT_TRUE(empty.hex_binary);
  const WireValue null = render(type_of(SQL_C_BINARY, SQL_VARBINARY), nullptr, SQL_NULL_DATA);
  EXPECT_FALSE(null.value.has_value());
}

TEST(Binary, LongerThanTheColumnSizeIs22001) {
  EXPECT_EQ(*render_bytes(SQL_BINARY, "abc", 3).value, "616263");
  EXPECT_TRUE(fails_with([] { render_bytes(SQL_BINARY, "abcd", 3); }, "22001",
                         "4 bytes long, more than the declared ColumnSize 3"));
}

TEST(Binary, FromHexCharacters) {
  const WireValue w = render_text(SQL_VARBINARY, "00ff10Ab");
  EXPECT_EQ(*w.value, "00FF10AB");
  EXPECT_TRUE(w.hex_binary);
  EXPECT_EQ(*render_wide(SQL_VARBINARY, u"cafe").value, "CAFE");
  // ODBC: an odd last character is not converted.
  EXPECT_EQ(*render_text(SQL_VARBINARY, "ABC").value, "AB");
  EXPECT_TRUE(
      fails_with([] { render_text(SQL_VARBINARY, "0G"); }, "22018", "not a hexadecimal string"));
  EXPECT_TRUE(
      fails_with([] { render_text(SQL_VARBINARY, "ABX"); }, "22018", "not a hexadecimal string"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_BINARY, "AABBCC", 2); }, "22001", "3 bytes long"));
}

TEST(Binary, IntoCharacterTypesAsUtf8Text) {
  EXPECT_EQ(*render_bytes(SQL_VARCHAR, "caf\xC3\xA9").value, "café");
  EXPECT_EQ(*render_bytes(SQL_WVARCHAR, std::string("a\0b", 3)).value, std::string("a\0b", 3));
  EXPECT_TRUE(fails_with([] { render_bytes(SQL_VARCHAR, "\xFF\xFE"); }, "22018",
                         "must be UTF-8 text; bind SQL_BINARY / SQL_VARBINARY"));
}

TEST(Binary, IntoFixedTypesIsTheCRepresentation) {
  SQLINTEGER i = -5;
  EXPECT_EQ(*render_bytes(SQL_INTEGER, std::string(reinterpret_cast<char*>(&i), 4)).value, "-5");
  SQLDOUBLE d = 2.5;
  EXPECT_EQ(*render_bytes(SQL_DOUBLE, std::string(reinterpret_cast<char*>(&d), 8)).value, "2.5");
  SQL_DATE_STRUCT date{2024, 2, 29};
  EXPECT_EQ(
      *render_bytes(SQL_TYPE_DATE, std::string(reinterpret_cast<char*>(&date), sizeof date)).value,
      "2024-02-29");
  SQL_NUMERIC_STRUCT n = numeric(true, 12345, 2);
  EXPECT_EQ(*render(type_of(SQL_C_BINARY, SQL_DECIMAL, 5, 2), &n, sizeof n).value, "123.45");
  EXPECT_TRUE(fails_with([] { render_bytes(SQL_INTEGER, "abc"); }, "22003",
                         "must be the 4-byte C representation of the value, not 3 bytes"));
}

TEST(Guid, FromTheStructAndFromText) {
  SQLGUID g{};
  g.Data1 = 0x01234567;
  g.Data2 = 0x89AB;
  g.Data3 = 0xCDEF;
  const unsigned char d4[8] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF};
  std::memcpy(g.Data4, d4, 8);
  const char* text = "01234567-89ab-cdef-0123-456789abcdef";
  EXPECT_EQ(*render_value(SQL_C_GUID, SQL_GUID, g).value, text);
  EXPECT_EQ(render_value(SQL_C_GUID, SQL_GUID, g).type, "STRING");
  EXPECT_EQ(*render_value(SQL_C_GUID, SQL_VARCHAR, g).value, text);
  EXPECT_EQ(*render_value(SQL_C_GUID, SQL_WCHAR, g).value, text);
  EXPECT_EQ(*render_text(SQL_GUID, "{01234567-89AB-CDEF-0123-456789ABCDEF}").value, text);
  EXPECT_EQ(*render_wide(SQL_GUID, u" 01234567-89ab-cdef-0123-456789abcdef ").value, text);
  EXPECT_EQ(*render(type_of(SQL_C_BINARY, SQL_GUID), &g, sizeof g).value, text);
  EXPECT_TRUE(fails_with([] { render_text(SQL_GUID, "01234567-89ab-cdef-0123-456789abcdeg"); },
                         "22018", "not a GUID"));
  EXPECT_TRUE(fails_with([] { render_text(SQL_GUID, "0123456789abcdef0123456789abcdef"); }, "22018",
                         "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"));
  EXPECT_EQ(*render_value(SQL_C_GUID, SQL_CHAR, g, 35).value, text);
}

}  // namespace
}  // namespace dbsql::params::test
