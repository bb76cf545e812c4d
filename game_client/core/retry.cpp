#include "game_client/core/retry.h"

#include <algorithm>
#include <cassert>

namespace client {

bool worthRetrying(proto::ErrorCode code) {
  switch (code) {
    case proto::ErrorCode::UnsupportedVersion:
    case proto::ErrorCode::GameUnavailable:
    case proto::ErrorCode::SeatTaken:
    case proto::ErrorCode::BadReconnectToken:
    case proto::ErrorCode::NoSuchMatch:
    case proto::ErrorCode::Malformed:
    case proto::ErrorCode::Flooding:
    case proto::ErrorCode::UnexpectedPacket: return false;
    default: return true;
  }
}

Backoff::Backoff(Clock::duration budget) : budget_(budget) { assert(budget >= Clock::duration::zero()); }

bool Backoff::failed(Clock::time_point now) {
  if (!lostAt_) {
    lostAt_ = now;
    pause_ = kFirstPause;
  } else {
    pause_ = std::min(pause_ * 2, kLongestPause);
  }
  const Clock::time_point end = *lostAt_ + budget_;
  if (now >= end) return false;
  // The last attempt comes when the budget ends rather than a pause after it.
  next_ = std::min(now + pause_, end);
  return true;
}

void Backoff::recovered() { lostAt_.reset(); }

Backoff::Clock::time_point Backoff::next() const {
  assert(inGap());
  return next_;
}

Backoff::Clock::time_point Backoff::lostAt() const {
  assert(inGap());
  return *lostAt_;
}

Backoff::Clock::duration Backoff::left(Clock::time_point now) const {
  assert(inGap());
  return std::max(Clock::duration::zero(), *lostAt_ + budget_ - now);
}

}  // namespace client
