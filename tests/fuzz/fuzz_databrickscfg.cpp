// ~/.databrickscfg: the lenient INI reader that profiles come from.
#include "config/databrickscfg.h"
#include "fuzz_input.h"

using namespace dbsql;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Input in(data, size);
  for (const config::IniSection& s : config::parse_ini(in.rest()))
    for (const auto& entry : s.entries) (void)entry.value.size();
  return 0;
}
