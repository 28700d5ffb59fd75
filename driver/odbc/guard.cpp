#include "odbc/guard.h"

#include <exception>

#include "util/log.h"

namespace dbsql::odbc {

void log_entry(const char* function, const void* handle) {
  DBSQL_LOG(kTrace, "api") << function << " " << handle;
}

void record_exception(Diagnostics& diag, const std::string& statement_id) noexcept {
  try {
    try {
      throw;
    } catch (const Error& e) {
      diag.add(e.sqlstate(), e.what(), e.native_error(), SQL_NO_ROW_NUMBER, SQL_NO_COLUMN_NUMBER,
               e.statement_id().empty() ? statement_id : e.statement_id());
    } catch (const std::bad_alloc&) {
      diag.add("HY001", "Out of memory. Fetch fewer rows at a time or free other handles.");
    } catch (const std::exception& e) {
      diag.add("HY000", std::string("Internal error: ") + e.what());
    } catch (...) {
      diag.add("HY000", "Internal error of unknown kind.");
    }
  } catch (...) {
    // Recording failed (out of memory): the SQL_ERROR return code still tells the story.
  }
}

}  // namespace dbsql::odbc
