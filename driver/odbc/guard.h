#pragma once
// The one exception firewall between the C ABI and the driver: validate the handle, lock
// it, clear its diagnostics, run the body, and turn every exception into a diagnostic
// record and an SQLRETURN. Entry points call nothing else.
#include <sql.h>

#include <mutex>
#include <new>
#include <type_traits>

#include "odbc/handle.h"
#include "util/error.h"
#include "util/log.h"

namespace dbsql::odbc {

enum GuardFlags : unsigned {
  kGuardDefault = 0,
  kKeepDiagnostics = 1,  // SQLGetDiagRec/Field read the records the previous call left
  kNoLock = 2,           // SQLCancel must not wait for the call it interrupts
};

// Records a caught exception on `diag`; never throws.
void record_exception(Diagnostics& diag, const std::string& statement_id) noexcept;

// Logs an entry point at trace level (function names only: arguments may hold secrets).
// Callers check the level first, so a call costs nothing when tracing is off.
void log_entry(const char* function, const void* handle);

template <class T, class F>
SQLRETURN guard(const char* function, SQLHANDLE handle, F&& body, unsigned flags = kGuardDefault) {
  if (util::log_enabled(util::LogLevel::kTrace)) log_entry(function, handle);
  T* object = Handle::from<T>(handle);
  if (object == nullptr) return SQL_INVALID_HANDLE;
  std::unique_lock<std::mutex> lock(object->call_mutex(), std::defer_lock);
  if (!(flags & kNoLock)) lock.lock();
  Diagnostics& diag = object->diag();
  const bool fresh = !(flags & kKeepDiagnostics);
  if (fresh) diag.clear();
  SQLRETURN rc = SQL_SUCCESS;
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<F, T&>>) {
      body(*object);
    } else {
      rc = body(*object);
    }
  } catch (...) {
    record_exception(diag, object->diag_statement_id());
    rc = SQL_ERROR;
  }
  if (fresh) {
    if (rc == SQL_SUCCESS && diag.has_warnings()) rc = SQL_SUCCESS_WITH_INFO;
    diag.return_code = rc;
  }
  return rc;
}

}  // namespace dbsql::odbc
