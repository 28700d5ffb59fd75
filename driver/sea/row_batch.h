#pragma once
// One chunk's rows, parsed once into a cell table: every cell is an (offset, length) into
// an arena of unescaped UTF-8 text, or NULL. Fetching reads cells; nothing is re-parsed.
//
// The parser makes the downloaded JSON body itself the arena (adopt_arena): a cell
// without escapes points straight at its characters inside the body, and a cell with
// escapes is unescaped in place (the unescaped text is never longer). So a chunk costs
// its body plus 8 bytes per cell, and no cell text is copied.
#include <cstdint>
#include <optional>
#include <stdexcept>
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
  void set_columns(size_t columns) { columns_ = columns; }
  void set_row_offset(int64_t row_offset) { row_offset_ = row_offset; }
  // A table that must grow gets an eighth more, so a recycled batch fits the next chunks,
  // which are seldom exactly as large (see BatchRecycler).
  void reserve(size_t cells, size_t arena_bytes) {
    if (cells_.capacity() < cells) cells_.reserve(cells + cells / 8);
    arena_.reserve(arena_bytes);
  }
  // Takes `text` as the arena, keeping `padding` spare bytes after it (a parser reading in
  // blocks needs them); returns the arena's first byte, valid while the batch lives and
  // the arena does not grow.
  char* adopt_arena(std::string&& text, size_t padding) {
    if (text.size() >= kNullOffset) throw std::length_error("result chunk larger than 4 GiB");
    arena_ = std::move(text);
    if (arena_.capacity() < arena_.size() + padding) arena_.reserve(arena_.size() + padding);
    return arena_.data();
  }
  // A cell whose text already sits in the arena at [offset, offset + length).
  void append_span(size_t offset, size_t length) {
    cells_.push_back(Cell{static_cast<uint32_t>(offset), static_cast<uint32_t>(length)});
  }
  void append(std::string_view text) {
    if (arena_.size() + text.size() >= kNullOffset)
      throw std::length_error("result chunk larger than 4 GiB");
    append_span(arena_.size(), text.size());
    arena_.append(text);
  }
  void append_null() { cells_.push_back(Cell{kNullOffset, 0}); }
  size_t cell_count() const { return cells_.size(); }
  // Empties the batch but keeps its memory for the next chunk: the cell table keeps its
  // capacity and the arena is handed out (cleared) to receive the next download.
  std::string release_arena() {
    std::string arena = std::move(arena_);
    arena.clear();
    arena_ = std::string();
    cells_.clear();
    columns_ = 0;
    row_offset_ = 0;
    return arena;
  }
  // Bytes in use, for the result's memory budget: the text and the cell table as filled.
  // Their buffers may be larger (headroom for reuse); what is written is what is counted.
  size_t memory_bytes() const { return arena_.size() + cells_.size() * sizeof(Cell); }

 private:
  static constexpr uint32_t kNullOffset = ~uint32_t{0};
  struct Cell {
    uint32_t offset;
    uint32_t length;
  };
  const Cell& cell(size_t row, size_t col) const { return cells_[row * columns_ + col]; }

  size_t columns_ = 0;
  int64_t row_offset_ = 0;
  std::vector<Cell> cells_;
  std::string arena_;
};

}  // namespace dbsql::sea
