#include "game_server/match/rate_limiter.h"

#include <cassert>

namespace server {

RateLimiter::RateLimiter(std::size_t events, Clock::duration window) : events_(events), window_(window) {
  assert(events >= 1 && "a limit allows something");
  allowed_.reserve(events);
}

bool RateLimiter::allow(Clock::time_point now) {
  if (allowed_.size() < events_) {
    allowed_.push_back(now);
    return true;
  }
  // The event `events` places back must have left the window.
  Clock::time_point& oldest = allowed_[oldest_];
  if (now - oldest < window_) return false;
  oldest = now;
  oldest_ = (oldest_ + 1) % events_;
  return true;
}

}  // namespace server
