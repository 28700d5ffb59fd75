// The SQL text scanner: markers, literals, comments, ODBC escapes and their translation,
// with and without escapes and ANSI quoted identifiers. A translation that succeeds must
// keep its promises: markers in order, inside the text, each a '?', with a parameter each.
#include <cstdlib>
#include <string>

#include "fuzz_input.h"
#include "sql/scan.h"
#include "sql/translate.h"
#include "util/error.h"

using namespace dbsql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Input in(data, size);
  const uint8_t choice = in.take_byte();
  const std::string_view sql = in.rest();
  (void)sql::find_parameter_markers(sql);
  (void)sql::first_keyword(sql);
  sql::TranslateOptions options;
  options.escapes = (choice & 1) == 0;
  options.ansi_quoted_identifiers = (choice & 2) != 0;
  try {
    const sql::Translation t = sql::translate(sql, options);
    if (t.markers.size() != t.marker_parameters.size()) std::abort();
    for (size_t i = 0; i < t.markers.size(); ++i) {
      if (t.markers[i] >= t.text.size() || t.text[t.markers[i]] != '?') std::abort();
      if (i && t.markers[i] <= t.markers[i - 1]) std::abort();
      if (t.marker_parameters[i] >= t.parameter_count) std::abort();
    }
    (void)sql::bind_markers(t, [](size_t p) { return ":p" + std::to_string(p); });
    (void)sql::find_insert_values(t);
  } catch (const Error&) {
  }
  return 0;
}
