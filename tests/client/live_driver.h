// A Mode run as App would run it, without a window, for the tests that drive
// a LiveMode through a real or a scripted server: its panel read, its loop
// turned until something shows.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>

#include "game_client/app/live_mode.h"
#include "game_client/app/mode.h"

namespace client::livetest {

inline bool says(const Mode& mode, const std::string& text) {
  return mode.panel().status.find(text) != std::string::npos;
}

// The panel's button for `action`; null when it is not shown.
inline const PanelButton* button(const Mode& mode, Action action) {
  const auto& buttons = mode.panel().buttons;
  const auto found =
      std::find_if(buttons.begin(), buttons.end(), [&](const PanelButton& b) { return b.action == action; });
  return found == buttons.end() ? nullptr : &*found;
}

// Runs `mode`'s loop until `done`, for at most `timeout`; whether it came.
inline bool runUntil(Mode& mode, const std::function<bool()>& done,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    mode.update();
    if (done()) return true;
    mode.idle(sf::milliseconds(10));
  }
  return false;
}

// What a live mode playing on 127.0.0.1:`port` as "human" in `seat` opens with.
inline LiveOptions playing(unsigned short port, game::Seat seat) {
  LiveOptions options;
  options.port = port;
  options.session.name = "human";
  options.session.seat = seat;
  return options;
}

// Runs `mode` until its status says `text`, for at most 10 s.
inline bool runUntilItSays(Mode& mode, const std::string& text) {
  return runUntil(mode, [&] { return says(mode, text); });
}

}  // namespace client::livetest
