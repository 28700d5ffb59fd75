#pragma once
// One chunk's rows, parsed once into a cell table: every cell is a (offset, length) into
// an arena of unescaped UTF-8 text, or NULL. Fetching reads cells; nothing is re-parsed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::sea {

class RowBatch {
 public:
  RowBatch() = default;
  RowBatch(size_t columns, int64_t row_offset) : columns_(columns), row_offset_(row_offset) {}

  size_t row_count() const { return columns_ ? cells_.size() / columns_ : 0; }
  size_t column_count() const { return columns_; }
  // Row number of the first row within the whole result.
  int64_t row_offset() const { return row_offset_; }

  bool is_null(size_t row, size_t col) const { return cell(row, col).offset == kNullOffset; }
  // The cell's text; empty for NULL (check is_null first).
  std::string_view text(size_t row, size_t col) const {
    const Cell& c = cell(row, col);
    if (c.offset == kNullOffset) return {};
    return std::string_view(arena_.data() + c.offset, c.length);
  }
  std::optional<std::string_view> value(size_t row, size_t col) const {
    if (is_null(row, col)) return std::nullopt;
    return text(row, col);
  }

  // Builders used by the parser.
  void reserve(size_t cells, size_t arena_bytes) {
    cells_.reserve(cells);
    arena_.reserve(arena_bytes);
  }
  void append(std::string_view text) {
    cells_.push_back(Cell{static_cast<uint64_t>(arena_.size()), static_cast<uint32_t>(text.size())});
    arena_.append(text);
  }
  void append_null() { cells_.push_back(Cell{kNullOffset, 0}); }
  // Bytes held, for the memory budget of the prefetch window.
  size_t memory_bytes() const { return arena_.capacity() + cells_.capacity() * sizeof(Cell); }

 private:
  static constexpr uint64_t kNullOffset = ~uint64_t{0};
  struct Cell {
    uint64_t offset;
    uint32_t length;
  };
  const Cell& cell(size_t row, size_t col) const { return cells_[row * columns_ + col]; }

  size_t columns_ = 0;
  int64_t row_offset_ = 0;
  std::vector<Cell> cells_;
  std::string arena_;
};

}  // namespace dbsql::sea
