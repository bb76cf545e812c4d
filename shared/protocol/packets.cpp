#include "shared/protocol/packets.h"

#include <cassert>
#include <cstring>

namespace proto {

std::string_view name(ErrorCode c) {
  switch (c) {
    case ErrorCode::Malformed: return "malformed";
    case ErrorCode::UnsupportedVersion: return "unsupported-version";
    case ErrorCode::UnexpectedPacket: return "unexpected-packet";
    case ErrorCode::GameUnavailable: return "game-unavailable";
    case ErrorCode::SeatTaken: return "seat-taken";
    case ErrorCode::BadReconnectToken: return "bad-reconnect-token";
    case ErrorCode::ServerFull: return "server-full";
    case ErrorCode::NoDrawOffer: return "no-draw-offer";
    case ErrorCode::NoClaimableDraw: return "no-claimable-draw";
    case ErrorCode::ServerError: return "server-error";
    case ErrorCode::Timeout: return "timeout";
    case ErrorCode::ServerShutdown: return "server-shutdown";
    case ErrorCode::RateLimited: return "rate-limited";
    case ErrorCode::NoTakebackRequest: return "no-takeback-request";
    case ErrorCode::TakebackRefused: return "takeback-refused";
    case ErrorCode::NoSuchMatch: return "no-such-match";
    case ErrorCode::NotAPlayer: return "not-a-player";
    case ErrorCode::Flooding: return "flooding";
    case ErrorCode::ServerRestarting: return "server-restarting";
    case ErrorCode::RematchRefused: return "rematch-refused";
  }
  return "unknown";
}

std::string_view name(OpponentState s) {
  switch (s) {
    case OpponentState::Disconnected: return "disconnected";
    case OpponentState::Reconnected: return "reconnected";
  }
  return "unknown";
}

std::string_view name(MatchState s) {
  switch (s) {
    case MatchState::Waiting: return "waiting";
    case MatchState::Playing: return "playing";
  }
  return "unknown";
}

std::string_view name(Phase p) {
  switch (p) {
    case Phase::AwaitingHello: return "awaiting-hello";
    case Phase::WaitingForOpponent: return "waiting-for-opponent";
    case Phase::Playing: return "playing";
    case Phase::Over: return "over";
  }
  return "unknown";
}

bool closesConnection(ErrorCode c) {
  // Only mistakes a well-behaved client can make by racing the server keep
  // the connection: a move or offer that arrived just after the state changed.
  // An action over its rate limit and a spectator's misplaced request are
  // refused, not punished (flooding is the punishment). A restart notice
  // is news: the server closes the connection itself when it goes.
  return c != ErrorCode::UnexpectedPacket && c != ErrorCode::NoDrawOffer && c != ErrorCode::NoClaimableDraw &&
         c != ErrorCode::RateLimited && c != ErrorCode::NoTakebackRequest && c != ErrorCode::TakebackRefused &&
         c != ErrorCode::NotAPlayer && c != ErrorCode::ServerRestarting && c != ErrorCode::RematchRefused;
}

bool setText(char* field, std::size_t size, std::string_view s) {
  std::size_t n = s.size();
  const bool whole = n < size;
  if (!whole) {
    n = size - 1;
    // Step back over UTF-8 continuation bytes so no character is cut in half.
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xc0) == 0x80) --n;
  }
  if (n > 0) std::memcpy(field, s.data(), n);  // an empty view may hold a null pointer, which memcpy must not see
  std::memset(field + n, 0, size - n);
  return whole;
}

Decide toWire(const game::Decision& d) {
  assert(d.points.size() <= kMaxCandidates);
  Decide p;
  p.choice = d.choice;
  p.value = static_cast<std::uint8_t>(d.value);
  p.count = static_cast<std::uint8_t>(d.points.size());
  for (std::size_t i = 0; i < d.points.size(); ++i) p.points[i] = toWire(d.points[i]);
  return p;
}

game::Decision fromWire(const Decide& p) {
  game::Decision d{p.choice, p.value, {}};
  for (std::size_t i = 0; i < p.count && i < kMaxCandidates; ++i) d.points.push_back(fromWire(p.points[i]));
  return d;
}

OpeningStatus toWire(const game::OpeningState& s) {
  assert(s.candidates.size() <= kMaxCandidates);
  OpeningStatus p;
  p.step = s.step;
  p.decider = s.decider;
  p.area = static_cast<std::int8_t>(s.area);
  p.offerCount = static_cast<std::uint8_t>(s.offerCount);
  p.exchanged = s.exchanged ? 1 : 0;
  p.count = static_cast<std::uint8_t>(s.candidates.size());
  for (std::size_t i = 0; i < s.candidates.size(); ++i) p.candidates[i] = toWire(s.candidates[i]);
  return p;
}

std::optional<game::TimeControl> timeControlOf(const Hello& hello) {
  switch (hello.timing) {
    case Timing::ServerDefault: return std::nullopt;
    case Timing::Untimed: return game::TimeControl{};
    case Timing::Timed: return game::TimeControl{hello.clockBaseMs, hello.clockIncrementMs};
  }
  return std::nullopt;
}

void askTimeControl(Hello& hello, game::TimeControl tc) {
  hello.timing = tc.timed() ? Timing::Timed : Timing::Untimed;
  hello.clockBaseMs = tc.baseMs;
  hello.clockIncrementMs = tc.incrementMs;
}

game::OpeningState fromWire(const OpeningStatus& p) {
  game::OpeningState s;
  s.step = p.step;
  s.decider = p.decider;
  s.area = p.area;
  s.offerCount = p.offerCount;
  s.exchanged = p.exchanged != 0;
  for (std::size_t i = 0; i < p.count && i < kMaxCandidates; ++i) s.candidates.push_back(fromWire(p.candidates[i]));
  return s;
}

}  // namespace proto
