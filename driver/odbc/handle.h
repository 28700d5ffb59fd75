#pragma once
// What every ODBC handle shares: a type tag checked before any use (so a stale or foreign
// pointer gives SQL_INVALID_HANDLE instead of a crash in most cases), a lock serialising
// calls on the handle, and its diagnostic area.
#include <sql.h>

#include <cstdint>
#include <mutex>
#include <string>

#include "odbc/diagnostics.h"

namespace dbsql::odbc {

enum class HandleType : uint32_t {
  kEnv = 0xdb5a0001,
  kDbc = 0xdb5a0002,
  kStmt = 0xdb5a0003,
  kDesc = 0xdb5a0004,
};

class Handle {
 public:
  explicit Handle(HandleType type) : tag_(type) {}
  virtual ~Handle() { tag_ = HandleType{0}; }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  HandleType type() const { return tag_; }
  Diagnostics& diag() { return diag_; }
  // The lock a call on this handle takes. Implicit descriptors share their statement's, so
  // descriptor calls never race a fetch reading the same records.
  virtual std::mutex& call_mutex() { return mutex_; }
  // The server statement id diagnostic records raised on this handle refer to.
  virtual std::string diag_statement_id() const { return {}; }

  // The handle behind an opaque ODBC handle, or nullptr when it is not a live T.
  template <class T>
  static T* from(SQLHANDLE handle) {
    if (handle == nullptr) return nullptr;
    auto* base = static_cast<Handle*>(handle);
    return base->tag_ == T::kType ? static_cast<T*>(base) : nullptr;
  }

 private:
  volatile HandleType tag_;
  std::mutex mutex_;
  Diagnostics diag_;
};

}  // namespace dbsql::odbc
