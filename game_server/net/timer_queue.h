// Runs callbacks after a delay: hello timeouts, keep-alive rounds, grace
// periods, clock flags, the linger of a connection we hung up on, the
// acceptor's pause after a failed accept. A sorted map keyed by due time:
// O(log n) per timer, and one timer per connection at most plus a few per
// match.
//
// Two kinds of time. The default queue owns a thread that runs callbacks at
// the steady clock's time. A manual queue (tests) has no thread: its time
// stands still until advance() moves it, and advance() runs what fell due on
// the caller's thread, so a test decides exactly when a timer fires.
//
// Ownership: owns its thread and the pending callbacks; the destructor drops
// callbacks not yet run and joins.
// Threading: schedule(), cancel(), now() and pending() from any thread;
// callbacks run on the timer thread (or advance()'s caller), never while the
// queue's lock is held (they may schedule and cancel).
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

  struct ManualTime {
    Clock::time_point start;
  };

  TimerQueue();
  explicit TimerQueue(ManualTime time);
  ~TimerQueue();
  TimerQueue(const TimerQueue&) = delete;
  TimerQueue& operator=(const TimerQueue&) = delete;

  // The queue's time: the steady clock's, or the manual time.
  Clock::time_point now() const;
  // The callback gets its own id, to tell itself from a later timer.
  Id schedule(Clock::duration delay, std::function<void(Id)> callback);
  // Drops the callback if it has not started, and says whether it did; a
  // callback already running finishes (callbacks check their own state
  // under their own lock).
  bool cancel(Id id);
  // Timers scheduled and neither run nor cancelled.
  std::size_t pending() const;
  // Manual queues only: moves the time on by `by`, running every callback
  // that falls due on the way, in order of due time.
  void advance(Clock::duration by);

 private:
  void run();
  // Takes the earliest timer due by `at` out of the queue, if any. Lock held.
  std::function<void(Id)> takeDue(Clock::time_point at, Id& id);

  const bool manual_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::pair<Clock::time_point, Id>, std::function<void(Id)>> timers_;
  std::map<Id, Clock::time_point> due_;
  Clock::time_point manualNow_{};
  Id nextId_ = 1;
  bool stopping_ = false;
  std::thread thread_;  // none in a manual queue
};

}  // namespace server
