// Result chunks: the INLINE chunk endpoint's `result` object and an EXTERNAL_LINKS chunk
// file ([[...],[...]]), for a column count taken from the input.
#include <string>

#include "fuzz_input.h"
#include "sea/response_parser.h"

using namespace dbsql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Input in(data, size);
  const size_t columns = in.take_byte() % 8;
  const std::string body(in.rest());
  static sea::ResponseParser parser;
  try {
    sea::ResultData r = parser.result(body, columns);
    if (r.rows) (void)r.rows->row_count();
  } catch (const sea::MalformedResponse&) {
  } catch (const Error&) {
  }
  try {
    sea::RowBatch rows = parser.rows(body, columns, 0, 16);
    (void)rows.row_count();
  } catch (const sea::MalformedResponse&) {
  } catch (const Error&) {
  }
  return 0;
}
