#include "game_server/match/timer_queue.h"

namespace server {

TimerQueue::TimerQueue() : thread_([this] { run(); }) {}

TimerQueue::~TimerQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

TimerQueue::Id TimerQueue::schedule(Clock::duration delay, std::function<void(Id)> callback) {
  std::lock_guard lock(mutex_);
  Id id = nextId_++;
  Clock::time_point at = Clock::now() + delay;
  timers_.emplace(std::pair(at, id), std::move(callback));
  due_.emplace(id, at);
  changed_.notify_all();
  return id;
}

void TimerQueue::cancel(Id id) {
  std::lock_guard lock(mutex_);
  auto it = due_.find(id);
  if (it == due_.end()) return;
  timers_.erase(std::pair(it->second, id));
  due_.erase(it);
}

void TimerQueue::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (timers_.empty()) {
      changed_.wait(lock);
      continue;
    }
    auto first = timers_.begin();
    // A copy: cancel() may erase the timer (and the key with it) while we wait.
    const Clock::time_point due = first->first.first;
    if (Clock::now() < due) {
      changed_.wait_until(lock, due);
      continue;
    }
    std::function<void(Id)> callback = std::move(first->second);
    Id id = first->first.second;
    due_.erase(id);
    timers_.erase(first);
    lock.unlock();
    callback(id);
    lock.lock();
  }
}

}  // namespace server
