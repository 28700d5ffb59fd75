// Character columns → SQL_C_GUID: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", braces allowed.
#include "convert/number_text.h"
#include "convert/output.h"
#include "convert/writers.h"

namespace dbsql::convert {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads `digits` hex digits at `pos` into `out`.
bool hex_field(std::string_view t, size_t& pos, int digits, uint64_t* out) {
  uint64_t v = 0;
  for (int i = 0; i < digits; ++i, ++pos) {
    const int h = pos < t.size() ? hex_value(t[pos]) : -1;
    if (h < 0) return false;
    v = v << 4 | static_cast<uint64_t>(h);
  }
  *out = v;
  return true;
}

bool parse_guid(std::string_view text, SQLGUID* g) {
  std::string_view t = trim_spaces(text);
  if (t.size() == 38 && t.front() == '{' && t.back() == '}') t = t.substr(1, 36);
  if (t.size() != 36) return false;
  size_t pos = 0;
  uint64_t d1, d2, d3, d4a, d4b;
  if (!hex_field(t, pos, 8, &d1) || t[pos++] != '-' || !hex_field(t, pos, 4, &d2) ||
      t[pos++] != '-' || !hex_field(t, pos, 4, &d3) || t[pos++] != '-' ||
      !hex_field(t, pos, 4, &d4a) || t[pos++] != '-' || !hex_field(t, pos, 12, &d4b))
    return false;
  g->Data1 = static_cast<decltype(g->Data1)>(d1);
  g->Data2 = static_cast<decltype(g->Data2)>(d2);
  g->Data3 = static_cast<decltype(g->Data3)>(d3);
  g->Data4[0] = static_cast<unsigned char>(d4a >> 8);
  g->Data4[1] = static_cast<unsigned char>(d4a);
  for (int i = 0; i < 6; ++i) g->Data4[2 + i] = static_cast<unsigned char>(d4b >> (40 - 8 * i));
  return true;
}

}  // namespace

Status write_guid(const SqlTypeInfo& column, std::string_view cell, const Target& t, PieceState*) {
  SQLGUID g{};
  if (!parse_guid(cell, &g)) return invalid_cast(column, t.c_type, "a GUID");
  return put_fixed(t, g);
}

}  // namespace dbsql::convert
