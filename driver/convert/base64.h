#pragma once
// Random-access view of base64 text (how JSON_ARRAY carries BINARY): any byte range can
// be decoded without decoding what precedes it, so piecewise SQLGetData of a large
// binary value needs no buffer.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dbsql::convert {

class Base64View {
 public:
  // Standard alphabet, with or without '=' padding. With validate=false only the length
  // is checked (for later pieces of a value already validated).
  static bool parse(std::string_view text, Base64View* out, bool validate = true);

  size_t size() const { return size_; }
  // Decodes bytes [offset, offset + n) into dst; the range must lie within size().
  void copy(size_t offset, uint8_t* dst, size_t n) const;

 private:
  std::string_view text_;
  size_t size_ = 0;
};

}  // namespace dbsql::convert
