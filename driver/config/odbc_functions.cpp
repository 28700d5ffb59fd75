#include "config/odbc_functions.h"

#include <algorithm>
#include <utility>

namespace dbsql::config {
namespace {

// ODBC 2 functions and the ODBC 3 function the driver manager calls in their place.
constexpr std::pair<SQLUSMALLINT, SQLUSMALLINT> kOdbc2Mapped[] = {
    {SQL_API_SQLALLOCCONNECT, SQL_API_SQLALLOCHANDLE},
    {SQL_API_SQLALLOCENV, SQL_API_SQLALLOCHANDLE},
    {SQL_API_SQLALLOCSTMT, SQL_API_SQLALLOCHANDLE},
    {SQL_API_SQLFREECONNECT, SQL_API_SQLFREEHANDLE},
    {SQL_API_SQLFREEENV, SQL_API_SQLFREEHANDLE},
    {SQL_API_SQLERROR, SQL_API_SQLGETDIAGREC},
    {SQL_API_SQLCOLATTRIBUTES, SQL_API_SQLCOLATTRIBUTE},
    {SQL_API_SQLGETCONNECTOPTION, SQL_API_SQLGETCONNECTATTR},
    {SQL_API_SQLSETCONNECTOPTION, SQL_API_SQLSETCONNECTATTR},
    {SQL_API_SQLGETSTMTOPTION, SQL_API_SQLGETSTMTATTR},
    {SQL_API_SQLSETSTMTOPTION, SQL_API_SQLSETSTMTATTR},
    {SQL_API_SQLTRANSACT, SQL_API_SQLENDTRAN},
};

constexpr SQLUSMALLINT kOdbc2ArraySize = 100;
constexpr SQLUSMALLINT kMaxFunctionId = SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * 16;

bool implemented(SQLUSMALLINT id) {
  return std::find(std::begin(kImplementedFunctions), std::end(kImplementedFunctions), id) !=
         std::end(kImplementedFunctions);
}

}  // namespace

bool function_supported(SQLUSMALLINT function_id) {
  if (implemented(function_id)) return true;
  for (const auto& [odbc2, odbc3] : kOdbc2Mapped) {
    if (function_id == odbc2) return implemented(odbc3);
  }
  return false;
}

bool get_functions(SQLUSMALLINT function_id, SQLUSMALLINT* out) {
  if (function_id == SQL_API_ODBC3_ALL_FUNCTIONS) {
    std::fill(out, out + SQL_API_ODBC3_ALL_FUNCTIONS_SIZE, 0);
    for (SQLUSMALLINT id = 1; id < kMaxFunctionId; ++id) {
      if (function_supported(id)) out[id >> 4] |= static_cast<SQLUSMALLINT>(1u << (id & 0xF));
    }
    return true;
  }
  if (function_id == SQL_API_ALL_FUNCTIONS) {
    for (SQLUSMALLINT id = 0; id < kOdbc2ArraySize; ++id) {
      out[id] = function_supported(id) ? SQL_TRUE : SQL_FALSE;
    }
    return true;
  }
  if (function_id >= kMaxFunctionId) return false;
  *out = function_supported(function_id) ? SQL_TRUE : SQL_FALSE;
  return true;
}

}  // namespace dbsql::config
