#pragma once
// A Clock whose time moves only when someone sleeps on it: retry and polling tests run
// instantly and see exactly which waits the code asked for. Shared by the sea tests.
#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

#include "http/retry.h"

namespace dbsql::testing {

class FakeClock : public http::Clock {
 public:
  using ms = std::chrono::milliseconds;

  std::chrono::steady_clock::time_point now() override {
    std::lock_guard lock(mu_);
    return now_;
  }
  std::chrono::system_clock::time_point wall_now() override {
    std::lock_guard lock(mu_);
    return wall_ + (now_ - start_);
  }
  void sleep_for(ms duration, const CancelToken* cancel) override {
    std::function<void(ms)> hook;
    {
      std::lock_guard lock(mu_);
      if (cancel && cancel->cancelled()) return;
      sleeps_.push_back(duration);
      now_ += duration;
      hook = on_sleep;
    }
    if (hook) hook(duration);
  }

  void advance(ms duration) {
    std::lock_guard lock(mu_);
    now_ += duration;
  }
  void set_wall(std::chrono::system_clock::time_point wall) {
    std::lock_guard lock(mu_);
    wall_ = wall - (now_ - start_);
  }
  std::vector<ms> sleeps() const {
    std::lock_guard lock(mu_);
    return sleeps_;
  }
  ms total_slept() const {
    std::lock_guard lock(mu_);
    ms total{0};
    for (ms s : sleeps_) total += s;
    return total;
  }

  // Called after each sleep (outside the lock), e.g. to fire a cancel token.
  std::function<void(ms)> on_sleep;

 private:
  mutable std::mutex mu_;
  std::chrono::steady_clock::time_point start_{std::chrono::hours(1000)};
  std::chrono::steady_clock::time_point now_{start_};
  std::chrono::system_clock::time_point wall_{
      std::chrono::sys_days{std::chrono::year{2025} / 1 / 1}};
  std::vector<ms> sleeps_;
};

}  // namespace dbsql::testing
