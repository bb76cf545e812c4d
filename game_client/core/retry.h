// When and how soon a client tries again after losing its connection: one
// rule for the SFML client and the bot (docs/PROTOCOL.md, Reconnecting and
// Restarts). A connection that dropped, could not be made, or ended with an
// error a new connection may cure (a restart, a full server, a timeout) is
// tried again after a pause that starts at half a second and doubles up to
// four, until a budget of time since the loss is spent. Errors that say the
// request itself is wrong (a version, game or seat the server does not offer,
// a stale token, a match that is gone, a protocol breach) are never retried.
//
// Backoff is a plain value with the time passed in, so it is tested without
// sleeping. Ownership and threading: owned by whatever drives the connection,
// used from that thread only.
#pragma once

#include <chrono>
#include <optional>

#include "shared/protocol/packets.h"

namespace client {

// Whether a new connection may cure what ended the last one.
bool worthRetrying(proto::ErrorCode code);

class Backoff {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr Clock::duration kFirstPause = std::chrono::milliseconds(500);
  static constexpr Clock::duration kLongestPause = std::chrono::seconds(4);

  // `budget`: how long after a loss attempts go on; zero never retries.
  explicit Backoff(Clock::duration budget);

  // The connection, or an attempt to make one, failed at `now`. The first
  // failure since recovered() opens a gap. True when another attempt is due
  // at next(); false once the gap has lasted the whole budget: give up.
  bool failed(Clock::time_point now);
  // The server took us back (a seat resumed, a hello or watch answered):
  // the gap closes, and the next loss has the whole budget again.
  void recovered();

  // Between a loss and the recovery (or the end of the budget).
  bool inGap() const { return lostAt_.has_value(); }
  // When the next attempt is due; only in a gap after failed() said true.
  Clock::time_point next() const;
  bool due(Clock::time_point now) const { return now >= next(); }
  // When the gap began, how long it has lasted, and what is left of the
  // budget (never below zero); only in a gap.
  Clock::time_point lostAt() const;
  Clock::duration since(Clock::time_point now) const { return now - lostAt(); }
  Clock::duration left(Clock::time_point now) const;
  Clock::duration budget() const { return budget_; }

 private:
  Clock::duration budget_;
  std::optional<Clock::time_point> lostAt_;
  Clock::duration pause_{};
  Clock::time_point next_{};
};

}  // namespace client
