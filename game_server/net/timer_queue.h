// One thread that runs callbacks after a delay: the grace periods of players
// who dropped. Few timers, seconds apart, so a sorted map is plenty.
//
// Ownership: owns its thread and the pending callbacks; the destructor drops
// callbacks not yet run and joins.
// Threading: schedule() and cancel() from any thread; callbacks run on the
// timer thread, never while the queue's lock is held (they may schedule).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace server {

class TimerQueue {
 public:
  using Clock = std::chrono::steady_clock;
  using Id = std::uint64_t;

  TimerQueue();
  ~TimerQueue();
  TimerQueue(const TimerQueue&) = delete;
  TimerQueue& operator=(const TimerQueue&) = delete;

  // The callback gets its own id, to tell itself from a later timer.
  Id schedule(Clock::duration delay, std::function<void(Id)> callback);
  // Drops the callback if it has not started; a callback already running
  // finishes (callbacks check their own state under their own lock).
  void cancel(Id id);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::pair<Clock::time_point, Id>, std::function<void(Id)>> timers_;
  std::map<Id, Clock::time_point> due_;
  Id nextId_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace server
