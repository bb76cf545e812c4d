// Time controls and the two-sided game clock, as plain values: no threads,
// no timers, no I/O. The caller passes the time; the server runs the
// authoritative clock and its flag timer, clients run a mirror for display.
//
// A clock has two remaining times, at most one of which runs. Pressing it
// (the running side moved) charges the side the time since it started,
// adds the increment (Fischer) and starts the other side. Times are kept at
// the clock's own resolution and only shown in whole milliseconds (the
// nearest), so a side that always answers within a millisecond still pays
// for every answer.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/game/types.h"

namespace game {

// Base time per side and the increment added after each of its moves. A
// base of zero means the game is untimed.
struct TimeControl {
  std::uint32_t baseMs = 0;
  std::uint32_t incrementMs = 0;
  constexpr bool timed() const { return baseMs != 0; }
  friend constexpr bool operator==(const TimeControl&, const TimeControl&) = default;
};

// The longest time control a game may have: a base of 24 hours, an
// increment of an hour.
inline constexpr std::uint32_t kMaxBaseMs = 24u * 3600 * 1000;
inline constexpr std::uint32_t kMaxIncrementMs = 3600u * 1000;

// Reads "MINUTES+SECONDS" as on a command line: "5+3", "0.5+0" (fractions
// allowed, base at most 24 hours, increment at most one hour). "none" or ""
// is untimed. nullopt with `error` set otherwise.
std::optional<TimeControl> parseTimeControl(std::string_view text, std::string& error);
// The PGN TimeControl tag's form, in seconds: "300+3" ("-" when untimed).
std::string pgnTimeControl(TimeControl tc);
// Reads the PGN form back ("300+3", "90+0.5", "-").
std::optional<TimeControl> parsePgnTimeControl(std::string_view text);
// For people: "5+3", "0.5+0".
std::string describe(TimeControl tc);
// A remaining time for people and PGN's [%clk]: "0:04:57" (h:mm:ss, whole
// seconds rounded down, as clocks show them).
std::string clockText(std::chrono::milliseconds remaining);

class Clock {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Duration = TimePoint::duration;
  using Ms = std::chrono::milliseconds;

  Clock() = default;
  explicit Clock(TimeControl tc);

  const TimeControl& control() const { return control_; }
  bool timed() const { return control_.timed(); }
  // The side whose time runs, None when stopped.
  Seat running() const { return running_; }

  // Starts `side`'s time at `now` (the other side's stops without charge).
  void start(Seat side, TimePoint now);
  // The running side moved at `now`. Returns false, with its time at zero and
  // the clock stopped, when its flag had already fallen; otherwise charges
  // it, adds the increment and starts `next`: the opponent after a move, the
  // same side again when an opening asks it for another decision.
  bool press(TimePoint now, Seat next);
  bool press(TimePoint now) { return press(now, opponent(running_)); }
  // Stops at `now`, charging the running side.
  void stop(TimePoint now);
  // Sets both times as the server reported them, `running` counting from `now`.
  void sync(std::array<Ms, 2> remaining, Seat running, TimePoint now);

  // What `side` has left at `now`, never below zero.
  Ms remaining(Seat side, TimePoint now) const;
  // Both, Player1 first, in whole milliseconds for the wire.
  std::array<std::uint32_t, 2> remainingMs(TimePoint now) const;
  // How long until the running side's flag falls (zero if it has).
  Ms untilFlag(TimePoint now) const;

 private:
  static int index(Seat s) { return s == Seat::Player2 ? 1 : 0; }
  void charge(TimePoint now);

  // What `side` has left at `now`, never below zero, unrounded.
  Duration left(Seat side, TimePoint now) const;

  TimeControl control_;
  std::array<Duration, 2> left_{};
  Seat running_ = Seat::None;
  TimePoint since_{};  // when the running side's time last started
};

}  // namespace game
