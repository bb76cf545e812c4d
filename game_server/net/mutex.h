// A std::mutex that knows which thread holds it, so a function that must be
// called with it held can assert so (muduo's MutexLock::assertLocked). It is
// Lockable: std::lock_guard and std::unique_lock take it as they take a
// std::mutex. The holder costs one relaxed store per lock and unlock.
//
// Threading: any thread, like std::mutex; heldHere() is exact only for the
// calling thread's own holding, which is all an assertion asks.
#pragma once

#include <atomic>
#include <mutex>
#include <thread>

namespace server {

class Mutex {
 public:
  void lock() {
    mutex_.lock();
    holder_.store(std::this_thread::get_id(), std::memory_order_relaxed);
  }
  bool try_lock() {
    if (!mutex_.try_lock()) return false;
    holder_.store(std::this_thread::get_id(), std::memory_order_relaxed);
    return true;
  }
  void unlock() {
    holder_.store(std::thread::id{}, std::memory_order_relaxed);
    mutex_.unlock();
  }
  // Whether the calling thread holds it.
  bool heldHere() const { return holder_.load(std::memory_order_relaxed) == std::this_thread::get_id(); }

 private:
  std::mutex mutex_;
  std::atomic<std::thread::id> holder_{};
};

}  // namespace server
