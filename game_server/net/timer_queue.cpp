#include "game_server/net/timer_queue.h"

#include <algorithm>
#include <cassert>

namespace server {

TimerQueue::TimerQueue() : manual_(false), thread_([this] { run(); }) {}

TimerQueue::TimerQueue(ManualTime time) : manual_(true), manualNow_(time.start) {}

TimerQueue::~TimerQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

TimerQueue::Clock::time_point TimerQueue::now() const {
  if (!manual_) return Clock::now();
  std::lock_guard lock(mutex_);
  return manualNow_;
}

TimerQueue::Id TimerQueue::schedule(Clock::duration delay, std::function<void(Id)> callback) {
  assert(callback && "a timer runs something");
  const Clock::time_point at = now() + delay;
  std::lock_guard lock(mutex_);
  Id id = nextId_++;
  timers_.emplace(std::pair(at, id), std::move(callback));
  due_.emplace(id, at);
  changed_.notify_all();
  return id;
}

bool TimerQueue::cancel(Id id) {
  std::lock_guard lock(mutex_);
  auto it = due_.find(id);
  if (it == due_.end()) return false;
  timers_.erase(std::pair(it->second, id));
  due_.erase(it);
  return true;
}

std::size_t TimerQueue::pending() const {
  std::lock_guard lock(mutex_);
  return timers_.size();
}

std::function<void(TimerQueue::Id)> TimerQueue::takeDue(Clock::time_point at, Id& id) {
  if (timers_.empty() || timers_.begin()->first.first > at) return nullptr;
  auto first = timers_.begin();
  std::function<void(Id)> callback = std::move(first->second);
  id = first->first.second;
  due_.erase(id);
  timers_.erase(first);
  return callback;
}

void TimerQueue::advance(Clock::duration by) {
  assert(manual_ && "only a manual queue's time is moved by hand");
  std::unique_lock lock(mutex_);
  const Clock::time_point until = manualNow_ + by;
  Id id = 0;
  // One at a time, with the time set to each timer's own due time, so a
  // callback sees the time it was due at and what it schedules runs too if
  // it falls due before `until`.
  while (!timers_.empty() && timers_.begin()->first.first <= until) {
    manualNow_ = std::max(manualNow_, timers_.begin()->first.first);
    std::function<void(Id)> callback = takeDue(manualNow_, id);
    lock.unlock();
    callback(id);
    lock.lock();
  }
  manualNow_ = until;
}

void TimerQueue::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (timers_.empty()) {
      changed_.wait(lock);
      continue;
    }
    // A copy: cancel() may erase the timer (and the key with it) while we wait.
    const Clock::time_point due = timers_.begin()->first.first;
    if (Clock::now() < due) {
      changed_.wait_until(lock, due);
      continue;
    }
    Id id = 0;
    std::function<void(Id)> callback = takeDue(due, id);
    lock.unlock();
    callback(id);
    lock.lock();
  }
}

}  // namespace server
