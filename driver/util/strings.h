#pragma once
// Small string helpers shared by the layers: ASCII case folding and trimming. Connection
// keys, header names and ini keys are ASCII and compared without regard to case.
#include <string>
#include <string_view>

namespace dbsql::util {

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string to_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);
// Removes spaces, tabs, CR and LF at both ends.
std::string_view trim(std::string_view text);

}  // namespace dbsql::util
