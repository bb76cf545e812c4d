// The one timer a connection's session has pending at a time: the hello
// timeout until the hello, then the keep-alive rounds. It closes the two
// races between the timer thread and the connection's own callbacks:
//   - the hello timeout firing while the hello is being handled: exactly one
//     of greet() and expire() succeeds, so a connection is never both seated
//     and timed out;
//   - a keep-alive round still running when the connection closes: once
//     close() has run, arm() schedules nothing, so no timer outlives the
//     connection (a timer's callback holds the connection's memory, and a
//     burst of dropped connections would otherwise stay in memory until
//     their timers ran out).
//
// Ownership: owned by its session; the queue outlives it.
// Threading: any thread. Lock order: this timer's mutex, then the queue's.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>

#include "game_server/net/timer_queue.h"

namespace server {

class SessionTimer {
 public:
  explicit SessionTimer(TimerQueue& timers) : timers_(timers) {}
  ~SessionTimer();
  SessionTimer(const SessionTimer&) = delete;
  SessionTimer& operator=(const SessionTimer&) = delete;

  // Schedules `callback` after `delay` in place of the pending timer. False,
  // and nothing scheduled, once closed.
  bool arm(TimerQueue::Clock::duration delay, std::function<void(TimerQueue::Id)> callback);
  // The hello arrived: true, and the hello timeout is off; false when the
  // timeout fired first (the connection is being told and closed).
  bool greet();
  // The hello timeout fired: true when the connection is to be timed out;
  // false when the hello came first.
  bool expire();
  // The connection is gone: the pending timer is cancelled and none is armed again.
  void close();

 private:
  enum class Hello : std::uint8_t { Awaited, Greeted, Expired };

  TimerQueue& timers_;
  std::mutex mutex_;
  TimerQueue::Id pending_ = 0;  // 0: none
  Hello hello_ = Hello::Awaited;
  bool closed_ = false;
};

}  // namespace server
