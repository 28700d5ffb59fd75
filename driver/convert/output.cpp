#include "convert/output.h"

#include <algorithm>

#include "convert/wide.h"

namespace dbsql::convert {
namespace {

constexpr size_t kWideUnitBytes = sizeof(SQLWCHAR);

Status truncated(size_t remaining, SQLLEN buffer_length, const char* unit) {
  return warning("01004", "String data, right truncated: " + std::to_string(remaining) + " " +
                              unit + " remain but the buffer holds " +
                              std::to_string(buffer_length < 0 ? 0 : buffer_length) +
                              " bytes; read the rest with SQLGetData or use a larger buffer.");
}

// Bytes still to return as SQL_C_WCHAR, computed once per value for piecewise reads.
size_t remaining_wide_bytes(std::string_view rest, PieceState* piece) {
  if (piece != nullptr && piece->total != 0) return piece->total - piece->produced;
  const size_t bytes = wide_length(rest) * kWideUnitBytes;
  if (piece != nullptr) piece->total = piece->produced + bytes;
  return bytes;
}

}  // namespace

Status warning(const char* sqlstate, std::string message) {
  return Status{SQL_SUCCESS_WITH_INFO, sqlstate, std::move(message)};
}

Status failure(const char* sqlstate, std::string message) {
  return Status{SQL_ERROR, sqlstate, std::move(message)};
}

void ByteSource::copy(size_t offset, uint8_t* dst, size_t n) const {
  if (base64 != nullptr) {
    base64->copy(offset, dst, n);
  } else {
    std::memcpy(dst, raw.data() + offset, n);
  }
}

Status put_text(std::string_view utf8, const Target& t, PieceState* piece) {
  const size_t offset = piece != nullptr ? std::min(piece->offset, utf8.size()) : 0;
  const std::string_view rest = utf8.substr(offset);
  report_length(t, static_cast<SQLLEN>(rest.size()));
  if (t.data == nullptr || t.buffer_length <= 0) return truncated(rest.size(), 0, "bytes");
  const CopyResult r =
      copy_to_narrow(rest, static_cast<SQLCHAR*>(t.data), static_cast<size_t>(t.buffer_length));
  if (!r.truncated) return success();
  if (piece != nullptr) piece->offset = offset + r.consumed;
  return truncated(rest.size(), t.buffer_length, "bytes");
}

Status put_wide_text(std::string_view utf8, const Target& t, PieceState* piece) {
  const size_t offset = piece != nullptr ? std::min(piece->offset, utf8.size()) : 0;
  const std::string_view rest = utf8.substr(offset);
  const size_t capacity = t.data != nullptr && t.buffer_length > 0
                              ? static_cast<size_t>(t.buffer_length) / kWideUnitBytes
                              : 0;
  if (capacity == 0) {
    const size_t remaining = remaining_wide_bytes(rest, piece);
    report_length(t, static_cast<SQLLEN>(remaining));
    return truncated(remaining, t.buffer_length, "bytes");
  }
  auto* buffer = static_cast<SQLWCHAR*>(t.data);
  // The low half owed from the last piece goes first.
  const size_t owed = piece != nullptr && piece->pending_low_surrogate != 0 && capacity > 1;
  if (owed) {
    buffer[0] = static_cast<SQLWCHAR>(piece->pending_low_surrogate);
    piece->pending_low_surrogate = 0;
  }
  CopyResult r = copy_to_wide(rest, buffer + owed, capacity - owed);
  r.written += owed;
  if (!r.truncated) {
    report_length(t, static_cast<SQLLEN>(r.written * kWideUnitBytes));
    return success();
  }
  // Room for one unit only, and the next character is a surrogate pair: hand it over in
  // halves, or SQLGetData would return nothing forever.
  if (piece != nullptr && r.written == 0 && capacity > 1 && !rest.empty()) {
    size_t next = 0;
    const char32_t cp = decode_utf8(rest, next) - 0x10000;
    buffer[0] = static_cast<SQLWCHAR>(0xD800 + (cp >> 10));
    buffer[1] = 0;
    piece->pending_low_surrogate = static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    r.written = 1;
    r.consumed = next;
  }
  size_t remaining;
  if (piece != nullptr && piece->total != 0) {
    remaining = piece->total - piece->produced;
  } else {
    remaining = (r.written + wide_length(rest.substr(r.consumed)) +
                 (piece != nullptr && piece->pending_low_surrogate != 0)) *
                kWideUnitBytes;
    if (piece != nullptr) piece->total = piece->produced + remaining;
  }
  if (piece != nullptr) {
    piece->offset = offset + r.consumed;
    piece->produced += r.written * kWideUnitBytes;
  }
  report_length(t, static_cast<SQLLEN>(remaining));
  return truncated(remaining, t.buffer_length, "bytes");
}

Status put_bytes(const ByteSource& bytes, const Target& t, PieceState* piece) {
  const size_t size = bytes.size();
  const size_t offset = piece != nullptr ? std::min(piece->offset, size) : 0;
  const size_t rest = size - offset;
  report_length(t, static_cast<SQLLEN>(rest));
  const size_t room =
      t.data != nullptr && t.buffer_length > 0 ? static_cast<size_t>(t.buffer_length) : 0;
  const size_t n = std::min(rest, room);
  if (n > 0) bytes.copy(offset, static_cast<uint8_t*>(t.data), n);
  if (n == rest) return success();
  if (piece != nullptr) piece->offset = offset + n;
  return warning("01004", "Binary data, right truncated: " + std::to_string(rest) +
                              " bytes remain but the buffer holds " + std::to_string(room) +
                              "; read the rest with SQLGetData or use a larger buffer.");
}

Status put_hex(const ByteSource& bytes, const Target& t, PieceState* piece, bool wide) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const size_t unit = wide ? kWideUnitBytes : 1;
  const size_t size = bytes.size();
  const size_t offset = piece != nullptr ? std::min(piece->offset, size) : 0;
  const size_t rest = size - offset;
  report_length(t, static_cast<SQLLEN>(rest * 2 * unit));
  const size_t capacity =
      t.data != nullptr && t.buffer_length > 0 ? static_cast<size_t>(t.buffer_length) / unit : 0;
  if (capacity == 0) return truncated(rest * 2 * unit, t.buffer_length, "bytes");
  const size_t fit = std::min(rest, (capacity - 1) / 2);
  auto put = [&](size_t index, char c) {
    if (wide) {
      static_cast<SQLWCHAR*>(t.data)[index] = static_cast<SQLWCHAR>(c);
    } else {
      static_cast<SQLCHAR*>(t.data)[index] = static_cast<SQLCHAR>(c);
    }
  };
  uint8_t chunk[256];
  for (size_t done = 0; done < fit;) {
    const size_t n = std::min(fit - done, sizeof(chunk));
    bytes.copy(offset + done, chunk, n);
    for (size_t i = 0; i < n; ++i) {
      put(2 * (done + i), kHex[chunk[i] >> 4]);
      put(2 * (done + i) + 1, kHex[chunk[i] & 0xF]);
    }
    done += n;
  }
  put(2 * fit, '\0');
  if (fit == rest) return success();
  if (piece != nullptr) piece->offset = offset + fit;
  return truncated(rest * 2 * unit, t.buffer_length, "bytes");
}

Status not_allowed(const SqlTypeInfo& column, SQLSMALLINT c_type) {
  return failure("07006", "Restricted data type attribute violation: a " + column.type_name +
                              " column cannot be converted to " + c_type_name(c_type) +
                              "; retrieve it as SQL_C_CHAR or SQL_C_WCHAR, or as its default C "
                              "type " +
                              c_type_name(column.default_c_type) + ".");
}

}  // namespace dbsql::convert
