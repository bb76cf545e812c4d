// A player's remaining time as the side panel shows it. Plain functions, no
// SFML, so the rules are unit-tested without a window.
#pragma once

#include <chrono>
#include <string>

namespace client {

// Under this much time a clock is drawn in the warning colour and shows tenths.
inline constexpr std::chrono::milliseconds kLowTime{10'000};

// "4:57", "1:02:03" from an hour up, "0:09.4" under kLowTime (tenths rounded
// down, as clocks count), and exactly "0:00" once the flag has fallen.
std::string clockFace(std::chrono::milliseconds left);

inline bool lowTime(std::chrono::milliseconds left) { return left < kLowTime; }

}  // namespace client
