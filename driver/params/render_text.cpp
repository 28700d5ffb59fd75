// Character, binary and GUID SQL targets.
#include <cstdio>

#include "convert/number_text.h"
#include "convert/wide.h"
#include "params/errors.h"
#include "params/render.h"

namespace dbsql::params {
namespace {

bool is_text(const Source& s) {
  return s.cls == CClass::kChar || s.cls == CClass::kWChar;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char b : bytes) {
    const auto u = static_cast<unsigned char>(b);
    out.push_back(kDigits[u >> 4]);
    out.push_back(kDigits[u & 0xF]);
  }
  return out;
}

// ODBC "C to SQL: Character": each two characters are one byte in hexadecimal; an odd
// last character is not converted.
std::string from_hex(const Target& t, std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size() / 2);
  for (size_t i = 0; i + 1 < text.size(); i += 2) {
    const int hi = hex_value(text[i]), lo = hex_value(text[i + 1]);
    if (hi < 0 || lo < 0)
      fail(t.type, "22018",
           "the character data is not a hexadecimal string (two digits 0-9, A-F per byte)");
    bytes.push_back(static_cast<char>(hi << 4 | lo));
  }
  if (text.size() % 2 == 1 && hex_value(text.back()) < 0)
    fail(t.type, "22018",
         "the character data is not a hexadecimal string (two digits 0-9, A-F per byte)");
  return bytes;
}

bool parse_guid(std::string_view text, SQLGUID* g) {
  std::string_view t = convert::trim_spaces(text);
  if (t.size() == 38 && t.front() == '{' && t.back() == '}') t = t.substr(1, 36);
  if (t.size() != 36) return false;
  uint8_t b[16];
  size_t k = 0;
  for (size_t i = 0; i < t.size();) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (t[i++] != '-') return false;
      continue;
    }
    const int hi = hex_value(t[i]), lo = hex_value(t[i + 1]);
    if (hi < 0 || lo < 0) return false;
    b[k++] = static_cast<uint8_t>(hi << 4 | lo);
    i += 2;
  }
  g->Data1 = static_cast<decltype(g->Data1)>(uint32_t{b[0]} << 24 | uint32_t{b[1]} << 16 |
                                             uint32_t{b[2]} << 8 | b[3]);
  g->Data2 = static_cast<decltype(g->Data2)>(b[4] << 8 | b[5]);
  g->Data3 = static_cast<decltype(g->Data3)>(b[6] << 8 | b[7]);
  for (int i = 0; i < 8; ++i) g->Data4[i] = b[8 + i];
  return true;
}

// The text a character SQL type receives for each kind of source.
std::string character_form(const Target& t, const Source& s) {
  switch (s.cls) {
    case CClass::kChar:
    case CClass::kWChar:
      return s.text;
    case CClass::kBinary:
      // ODBC sends binary data to a character type as it is; the wire carries UTF-8 text.
      if (!valid_utf8(s.bytes))
        fail(t.type, "22018",
             "binary data sent to a character SQL type must be UTF-8 text; bind "
             "SQL_BINARY / SQL_VARBINARY for arbitrary bytes");
      return std::string(s.bytes);
    case CClass::kBit:
      return s.bit ? "1" : "0";
    case CClass::kFloating:
      return floating_text(s);
    case CClass::kInteger:
    case CClass::kNumeric:
      return exact_text(s);
    case CClass::kDate:
    case CClass::kTime:
    case CClass::kTimestamp:
      return datetime_text(s);
    case CClass::kIntervalYearMonth:
    case CClass::kIntervalDayTime:
      return interval_text(s);
    case CClass::kGuid:
      return guid_text(s.guid);
    case CClass::kUnknown:
      break;
  }
  return {};
}

}  // namespace

std::string guid_text(const SQLGUID& g) {
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                static_cast<unsigned>(g.Data1), static_cast<unsigned>(g.Data2),
                static_cast<unsigned>(g.Data3), g.Data4[0], g.Data4[1], g.Data4[2], g.Data4[3],
                g.Data4[4], g.Data4[5], g.Data4[6], g.Data4[7]);
  return buf;
}

WireValue render_string(const Target& t, const Source& s) {
  // The value goes whole as STRING, whatever ColumnSize says: Databricks has no bounded
  // character parameter, and the column it lands in (VARCHAR(n), CHAR(n)) is checked by the
  // warehouse itself. Refusing here (ODBC's 22001) would break clients that declare a
  // character parameter with the size SQLDescribeParam gave for another type, as DBD::ODBC
  // does with a DECIMAL(10,2) column and the 11-character text "12345678.91".
  return WireValue{"STRING", character_form(t, s)};
}

WireValue render_binary(const Target& t, const Source& s) {
  std::string hex;
  size_t length = 0;
  if (is_text(s)) {
    const std::string bytes = from_hex(t, s.text);
    length = bytes.size();
    hex = to_hex(bytes);
  } else {
    length = s.bytes.size();
    hex = to_hex(s.bytes);
  }
  if (t.type.column_size > 0 && length > t.type.column_size)
    fail(t.type, "22001",
         "the value is " + std::to_string(length) + " bytes long, more than the declared " +
             "ColumnSize " + std::to_string(t.type.column_size) +
             "; declare a larger ColumnSize (or 0)");
  WireValue w{"STRING", std::move(hex)};
  w.hex_binary = true;
  return w;
}

WireValue render_guid(const Target& t, const Source& s) {
  SQLGUID g = s.guid;
  if (is_text(s) && !parse_guid(s.text, &g))
    fail(t.type, "22018",
         "the character data is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, braces "
         "allowed)");
  return WireValue{"STRING", guid_text(g)};
}

}  // namespace dbsql::params
