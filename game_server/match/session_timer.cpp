#include "game_server/match/session_timer.h"

namespace server {

SessionTimer::~SessionTimer() { close(); }

bool SessionTimer::arm(TimerQueue::Clock::duration delay, std::function<void(TimerQueue::Id)> callback) {
  std::lock_guard lock(mutex_);
  if (closed_) return false;
  if (pending_ != 0) timers_.cancel(pending_);
  pending_ = timers_.schedule(delay, std::move(callback));
  return true;
}

bool SessionTimer::greet() {
  std::lock_guard lock(mutex_);
  if (hello_ != Hello::Awaited) return false;
  hello_ = Hello::Greeted;
  if (pending_ != 0) timers_.cancel(pending_);  // the hello timeout's job is done
  pending_ = 0;
  return true;
}

bool SessionTimer::expire() {
  std::lock_guard lock(mutex_);
  if (hello_ != Hello::Awaited) return false;
  hello_ = Hello::Expired;
  return true;
}

void SessionTimer::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  if (pending_ != 0) timers_.cancel(pending_);
  pending_ = 0;
}

}  // namespace server
