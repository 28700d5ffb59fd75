#include "params/errors.h"

#include <cstring>

#include "convert/convert.h"
#include "params/types.h"
#include "util/error.h"

namespace dbsql::params {
namespace {

struct Title {
  const char* sqlstate;
  const char* title;
};

// ODBC appendix A titles, so a message reads the same as other drivers' for the state.
constexpr Title kTitles[] = {
    {"22001", "String data, right truncation"},
    {"22003", "Numeric value out of range"},
    {"22007", "Invalid datetime format"},
    {"22008", "Datetime field overflow"},
    {"22015", "Interval field overflow"},
    {"22018", "Invalid character value for cast specification"},
    {"HY009", "Invalid use of null pointer"},
    {"HY090", "Invalid string or buffer length"},
};

const char* title_of(const char* sqlstate) {
  for (const auto& t : kTitles)
    if (std::strcmp(t.sqlstate, sqlstate) == 0) return t.title;
  return "Parameter conversion failed";
}

}  // namespace

std::string conversion_name(const ParamType& type) {
  return convert::c_type_name(resolved_c_type(type)) + " to " + sql_type_name(type.sql_type);
}

void fail(const ParamType& type, const char* sqlstate, const std::string& what) {
  throw Error(sqlstate,
              std::string(title_of(sqlstate)) + ": " + what + " (" + conversion_name(type) + ").");
}

}  // namespace dbsql::params
