// A sliding-window rate limit: at most `events` in any `window` of time.
// It keeps the times of the last `events` allowed events in a ring, so a
// check is O(1) and the state stays a few words per connection.
//
// Ownership and threading: a plain value, not thread-safe; a session's
// limiters are touched only by its own connection's callbacks, a match's
// under the match's mutex.
#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

namespace server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(std::size_t events, Clock::duration window);

  // Whether an event at `now` stays within the limit. An allowed event
  // counts against later ones; a refused one does not, so a client that
  // keeps trying is not shut out for longer.
  bool allow(Clock::time_point now);

 private:
  std::size_t events_;
  Clock::duration window_;
  std::vector<Clock::time_point> allowed_;  // the last allowed events; once full, allowed_[oldest_] is the oldest
  std::size_t oldest_ = 0;
};

}  // namespace server
