// ODBC connection strings. Beyond not crashing: what the driver writes back (the completed
// connection string, secrets unmasked) must parse again to the same keys and values.
#include <cstdlib>
#include <string>

#include "config/connection_string.h"
#include "fuzz_input.h"
#include "util/error.h"

using namespace dbsql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Input in(data, size);
  config::ConnectionString parsed;
  try {
    parsed = config::ConnectionString::parse(in.rest());
  } catch (const Error&) {
    return 0;
  }
  (void)parsed.to_string(true);
  const config::ConnectionString again = config::ConnectionString::parse(parsed.to_string(false));
  const auto& a = parsed.attributes();
  const auto& b = again.attributes();
  if (a.size() != b.size()) std::abort();
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].key != b[i].key || a[i].value != b[i].value) std::abort();
  return 0;
}
