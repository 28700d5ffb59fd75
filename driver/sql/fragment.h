#pragma once
// Internal to the sql layer: a piece of translated text with the `?` markers it holds,
// built while one escape's arguments or body are translated and then spliced into the
// enclosing text. Splicing appends; nothing is ever inserted in the middle, so building a
// statement stays linear in its length.
#include <string>
#include <string_view>
#include <vector>

#include "sql/scan.h"

namespace dbsql::sql {

struct Fragment {
  std::string text;
  std::vector<size_t> markers;     // offsets of `?` in text, ascending
  std::vector<size_t> parameters;  // 0-based ODBC parameter of each marker
  // Trimming never cuts below this offset: it is just past the newline that ends a
  // -- comment, which must stay or the comment would swallow what follows.
  size_t keep = 0;

  void append(std::string_view s) { text.append(s); }

  void append(const Fragment& f) {
    const size_t base = text.size();
    text.append(f.text);
    for (size_t k = 0; k < f.markers.size(); ++k) {
      markers.push_back(base + f.markers[k]);
      parameters.push_back(f.parameters[k]);
    }
    if (f.keep != 0) keep = base + f.keep;
  }

  void add_marker(size_t parameter) {
    markers.push_back(text.size());
    parameters.push_back(parameter);
    text.push_back('?');
  }

  bool has_markers() const { return !markers.empty(); }

  // Drops leading and trailing whitespace (once per argument or body).
  void trim() {
    size_t lead = 0;
    while (lead < text.size() && is_space(text[lead])) ++lead;
    if (lead != 0) {
      text.erase(0, lead);
      for (size_t& m : markers) m -= lead;
      keep = keep > lead ? keep - lead : 0;
    }
    size_t end = text.size();
    while (end > keep && is_space(text[end - 1])) --end;
    text.resize(end);
  }
};

// Where an escape starts, to say so in its error messages.
struct EscapeSite {
  std::string_view sql;
  size_t offset;  // of the '{'

  // 42000: the escape is malformed.
  [[noreturn]] void syntax_error(std::string_view what) const;
  // HYC00: the escape is well formed but asks for something Databricks SQL does not have.
  [[noreturn]] void unsupported(std::string_view what) const;
};

}  // namespace dbsql::sql
