#pragma once
// Marks a statement as running a server call for the length of a scope, so SQLCancel from
// another thread knows there is something to cancel.
#include <atomic>

namespace dbsql::odbc {

class BusyScope {
 public:
  explicit BusyScope(std::atomic<bool>& flag) : flag_(flag) { flag_.store(true); }
  ~BusyScope() { flag_.store(false); }
  BusyScope(const BusyScope&) = delete;
  BusyScope& operator=(const BusyScope&) = delete;

 private:
  std::atomic<bool>& flag_;
};

}  // namespace dbsql::odbc
