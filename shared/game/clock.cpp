#include "shared/game/clock.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace game {
namespace {

// A non-negative decimal number filling all of `text`.
std::optional<double> number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (text.empty() || ec != std::errc{} || ptr != end || !std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

// "base+increment", each scaled to milliseconds by its unit.
std::optional<TimeControl> split(std::string_view text, double baseUnitMs, std::string& error) {
  const std::size_t plus = text.find('+');
  if (plus == std::string_view::npos) {
    error = "time control '" + std::string(text) + "' is not MINUTES+SECONDS, e.g. 5+3";
    return std::nullopt;
  }
  const auto base = number(text.substr(0, plus));
  const auto increment = number(text.substr(plus + 1));
  if (!base || !increment) {
    error = "time control '" + std::string(text) + "' needs two non-negative numbers, e.g. 5+3";
    return std::nullopt;
  }
  const double baseMs = std::round(*base * baseUnitMs);
  const double incrementMs = std::round(*increment * 1000);
  if (baseMs < 1 || baseMs > kMaxBaseMs) {
    error = "time control '" + std::string(text) + "': the base must be more than zero and at most 24 hours";
    return std::nullopt;
  }
  if (incrementMs > kMaxIncrementMs) {
    error = "time control '" + std::string(text) + "': the increment must be at most an hour";
    return std::nullopt;
  }
  return TimeControl{static_cast<std::uint32_t>(baseMs), static_cast<std::uint32_t>(incrementMs)};
}

// Milliseconds as seconds without needless digits: 300000 -> "300", 500 -> "0.5".
std::string seconds(std::uint32_t ms) {
  std::string s = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    char fraction[5];
    std::snprintf(fraction, sizeof fraction, ".%03u", static_cast<unsigned>(ms % 1000));
    s += fraction;
    while (s.back() == '0') s.pop_back();
  }
  return s;
}

}  // namespace

std::optional<TimeControl> parseTimeControl(std::string_view text, std::string& error) {
  if (text.empty() || text == "none") return TimeControl{};
  return split(text, 60.0 * 1000, error);
}

std::string pgnTimeControl(TimeControl tc) {
  if (!tc.timed()) return "-";
  return seconds(tc.baseMs) + "+" + seconds(tc.incrementMs);
}

std::optional<TimeControl> parsePgnTimeControl(std::string_view text) {
  if (text == "-") return TimeControl{};
  std::string ignored;
  return split(text, 1000, ignored);
}

std::string describe(TimeControl tc) {
  if (!tc.timed()) return "untimed";
  // Minutes as seconds/60, shown with up to three decimals.
  std::string minutes = seconds(static_cast<std::uint32_t>(std::lround(tc.baseMs / 60.0)));
  return minutes + "+" + seconds(tc.incrementMs);
}

std::string clockText(std::chrono::milliseconds remaining) {
  const long long total = std::max<long long>(0, remaining.count()) / 1000;
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  return text;
}

Clock::Clock(TimeControl tc) : control_(tc), left_{Ms(tc.baseMs), Ms(tc.baseMs)} {}

void Clock::start(Seat side, TimePoint now) {
  running_ = side;
  since_ = now;
}

void Clock::charge(TimePoint now) {
  if (running_ == Seat::None) return;
  assert(now >= since_ && "the clock's time runs forwards");
  left_[index(running_)] -= now - since_;
  since_ = now;
}

bool Clock::press(TimePoint now, Seat next) {
  assert(running_ != Seat::None && "only a running clock is pressed");
  assert(next != Seat::None);
  const Seat mover = running_;
  charge(now);
  Duration& left = left_[index(mover)];
  if (left <= Duration::zero()) {
    left = Duration::zero();
    running_ = Seat::None;
    return false;
  }
  left += Ms(control_.incrementMs);
  start(next, now);
  return true;
}

void Clock::stop(TimePoint now) {
  charge(now);
  for (Duration& left : left_) left = std::max(left, Duration::zero());
  running_ = Seat::None;
}

void Clock::sync(std::array<Ms, 2> remaining, Seat running, TimePoint now) {
  left_ = {remaining[0], remaining[1]};
  start(running, now);
}

Clock::Duration Clock::left(Seat side, TimePoint now) const {
  Duration left = left_[index(side)];
  if (side == running_) left -= now - since_;
  return std::max(left, Duration::zero());
}

Clock::Ms Clock::remaining(Seat side, TimePoint now) const {
  return std::chrono::round<Ms>(left(side, now));
}

std::array<std::uint32_t, 2> Clock::remainingMs(TimePoint now) const {
  return {static_cast<std::uint32_t>(remaining(Seat::Player1, now).count()),
          static_cast<std::uint32_t>(remaining(Seat::Player2, now).count())};
}

Clock::Ms Clock::untilFlag(TimePoint now) const {
  // Rounded up: the flag has not fallen while any time is left.
  return running_ == Seat::None ? Ms(0) : std::chrono::ceil<Ms>(left(running_, now));
}

}  // namespace game
