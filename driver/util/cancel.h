#pragma once
// Cancellation shared between the thread running a statement and the thread calling
// SQLCancel. Setting the flag never blocks; the running thread notices it between
// requests and inside transfers (curl's progress callback) and winds the statement down.
#include <atomic>
#include <memory>

namespace dbsql {

class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true, std::memory_order_release); }
  bool cancelled() const { return flag_->load(std::memory_order_acquire); }
  void reset() const { flag_->store(false, std::memory_order_release); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace dbsql
