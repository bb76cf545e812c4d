// What one connection may make the server do, action by action
// (docs/PROTOCOL.md, "Budgets"): each kind of action has a sliding-window
// limit; an action past its limit is not done and is answered with
// rate-limited (a strike); a connection that keeps striking is dropped with
// flooding. Log lines about a connection have a limit of their own and are
// dropped quietly past it.
//
// The figures are picked so that no person and no correct client reaches
// them (a person chats, offers and asks a few times a minute) while a flood
// is cut off after a few dozen packets, whatever their pace.
//
// Ownership and threading: a plain value in a session, touched only by its
// connection's callbacks (one thread at a time), not thread-safe.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "game_server/match/rate_limiter.h"

namespace server {

enum class Action : std::uint8_t {
  Chat,             // a chat line, relayed to everybody in the match
  DrawOffer,        // relayed to the opponent and recorded
  TakebackRequest,  // relayed to the opponent and recorded
  Refusal,          // a packet the server said no to: a rejected move, an unexpected packet, ...
  MatchList,        // a list-matches, answered with up to 200 entries
  Ping,             // answered with a pong
  RematchOffer,     // relayed, and when agreed a new match with its record
};
inline constexpr std::size_t kActions = 7;

struct Limit {
  std::size_t events;
  std::chrono::seconds window;
};

constexpr Limit limitOf(Action action) {
  using std::chrono::seconds;
  switch (action) {
    case Action::Chat: return {5, seconds(10)};
    case Action::DrawOffer: return {3, seconds(60)};
    case Action::TakebackRequest: return {3, seconds(60)};
    case Action::Refusal: return {10, seconds(10)};
    case Action::MatchList: return {3, seconds(10)};
    case Action::Ping: return {10, seconds(10)};
    case Action::RematchOffer: return {3, seconds(60)};
  }
  return {1, seconds(60)};
}

// Over-limit actions a connection may make before it is dropped.
inline constexpr Limit kStrikes{10, std::chrono::seconds(60)};
// Log lines about one connection; past them its lines are dropped.
inline constexpr Limit kLogLines{20, std::chrono::seconds(60)};

// "at most 5 chat lines in 10 s", for the rate-limited text and the log.
std::string describe(Action action);

class Budget {
 public:
  using Clock = RateLimiter::Clock;
  enum class Verdict : std::uint8_t {
    Allowed,   // do it
    Limited,   // over its limit: not done; answer rate-limited
    Flooding,  // over its limit once too often: drop the connection
  };

  Budget();

  Verdict spend(Action action, Clock::time_point now);
  bool mayLog(Clock::time_point now) { return log_.allow(now); }

 private:
  std::array<RateLimiter, kActions> limits_;
  RateLimiter strikes_;
  RateLimiter log_;
};

}  // namespace server
