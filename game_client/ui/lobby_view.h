// The lobby: the server's matches as a list of cards in the board's place,
// each with its players, game, time control, move number and watchers, and
// what a click does (join a waiting match, watch a running one). The start
// screen lists its records with it too, one of them picked.
//
// The view draws a LobbyModel (plain data the mode fills in) and maps
// clicks back to an entry's index; it knows no protocol. Ownership and
// threading: owned by App, UI thread only; it keeps the rectangles of the
// last arrange() for hit tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/RenderTarget.hpp>

#include "game_client/ui/layout.h"
#include "game_client/ui/resources.h"

namespace client {

struct LobbyEntry {
  std::string players;  // "ann vs ben", "cho vs —"
  std::string game;     // "Omok · renju · 15×15 · 5+3"
  std::string progress; // "17 moves", "waiting for a player"
  std::string watching; // "2 watching", empty for nobody
  std::string action;   // "Join", "Watch"; empty for no pill
};

struct LobbyModel {
  std::string heading;  // "Matches on 127.0.0.1:9000"
  std::string empty;    // said instead of the list when it is empty (or not here yet)
  std::vector<LobbyEntry> entries;
  int selected = -1;  // the entry drawn as picked, -1 for none
};

class LobbyView {
 public:
  // Lays the list out in `area`; call before draw() and hit().
  void arrange(const Rect& area, const LobbyModel& model);
  void draw(sf::RenderTarget& target, const LobbyModel& model, const Fonts& fonts) const;

  // The entry under `p`.
  std::optional<int> hit(Vec2 p) const;
  // Hover feedback; returns whether the picture changed.
  bool pointerMoved(Vec2 p);
  // Scrolls by `rows` (positive = towards the top); returns whether it moved.
  bool scroll(int rows);

 private:
  struct Card {
    Rect rect;
    int index;
  };

  Rect area_;
  std::vector<Card> cards_;
  int first_ = 0;  // the first entry shown
  Vec2 pointer_{-1, -1};
};

}  // namespace client
