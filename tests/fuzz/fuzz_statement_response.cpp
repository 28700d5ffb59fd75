// Statement responses (POST /statements, GET /statements/{id}) and the error bodies that
// may come instead, as the driver reads them: parsed, then turned into the diagnostic an
// application would see for each kind of request.
#include <string>

#include "fuzz_input.h"
#include "sea/errors.h"
#include "sea/response_parser.h"

using namespace dbsql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Input in(data, size);
  const uint8_t choice = in.take_byte();
  const std::string body(in.rest());
  static sea::ResponseParser parser;  // kept across inputs, as one statement keeps it
  try {
    sea::StatementResponse r = parser.statement(body);
    if (r.manifest && r.result && r.result->rows) (void)r.result->rows->row_count();
  } catch (const sea::MalformedResponse&) {
  }
  (void)sea::parse_api_error(body);
  http::Response response;
  static constexpr long kStatuses[] = {400, 401, 403, 404, 429, 500, 502, 503};
  response.status = kStatuses[choice % 8];
  response.body = body;
  const auto op = static_cast<sea::Operation>((choice >> 3) % 6);
  const Error e = sea::http_error(response, op, "statement s", "https://ws");
  (void)e.sqlstate();
  return 0;
}
