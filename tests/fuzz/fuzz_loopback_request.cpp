// The browser's request to the loopback redirect listener: its request line and query.
#include "auth/encoding.h"
#include "auth/loopback_listener.h"
#include "fuzz_input.h"

using namespace dbsql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Input in(data, size);
  const auth::RequestLine r = auth::parse_request_line(in.rest());
  for (const auto& [name, value] : auth::parse_query(r.target)) (void)(name.size() + value.size());
  return 0;
}
