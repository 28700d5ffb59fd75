#pragma once
// What every fuzz target shares: the input as a string view, small choices taken from its
// first bytes, and the rule that a parser may refuse its input only with the project's own
// exceptions (dbsql::Error, sea::MalformedResponse): anything else — a crash, a sanitizer
// report, another exception escaping — is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dbsql::fuzz {

class Input {
 public:
  Input(const uint8_t* data, size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}
  // One byte of the input (0 when it is used up), for choices such as a column count.
  uint8_t take_byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace dbsql::fuzz
