// The panel beside the board: the game, both players and whose turn it is,
// the move list in the game's notation, the status and the last error in
// words, and the buttons of the current mode.
//
// The panel draws a PanelModel (plain data the live session or the replay
// fills in) and maps clicks back to an Action or a ply; it knows no game and
// no protocol. Ownership and threading: owned by App, UI thread only; it keeps
// the rectangles of the last arrange() for hit tests.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <SFML/Graphics/RenderTarget.hpp>

#include "ui/layout.h"
#include "ui/resources.h"

namespace client {

enum class Action {
  Resign,
  OfferDraw,
  AcceptDraw,
  DeclineDraw,
  ClaimDraw,
  First,
  Back,
  PlayPause,
  Forward,
  Last,
};

struct PanelButton {
  Action action;
  std::string label;
  bool enabled = true;
};

struct PanelPlayer {
  std::string name;
  std::string colour;  // "white", "black"
  bool dark = false;   // drawn as a dark swatch
  bool you = false;
  bool toMove = false;
};

struct PanelModel {
  std::string title;
  std::string subtitle;
  std::array<PanelPlayer, 2> players;  // Player1, Player2
  std::vector<std::string> moves;      // one entry per ply, in the game's notation
  int current = -1;                    // index of the move to highlight, -1 for none
  bool movesClickable = false;
  std::string status;
  std::string error;
  std::vector<PanelButton> buttons;
  int buttonsPerRow = 2;  // a last row that is not full shares its width out
};

// What a click on the panel hit: a button's action or a move's index.
using PanelHit = std::variant<Action, int>;

class SidePanel {
 public:
  // Lays the panel out in `area` for `model`; call before draw() and hit().
  void arrange(const Rect& area, const PanelModel& model, const Fonts& fonts);
  void draw(sf::RenderTarget& target, const PanelModel& model, const Fonts& fonts) const;

  std::optional<PanelHit> hit(Vec2 p, const PanelModel& model) const;
  // Hover feedback for buttons; returns whether the picture changed.
  bool pointerMoved(Vec2 p);
  // Scrolls the move list by `rows` (positive = towards the start); returns whether it moved.
  bool scroll(int rows);

 private:
  struct Row {
    Rect rect;
    int firstPly;  // index of the row's first move
  };

  // The rows of the move list that fit, keeping `current` visible unless the user scrolled.
  void arrangeMoves(const PanelModel& model);

  Rect area_;
  Rect playersRect_;
  std::vector<std::string> statusLines_;
  std::vector<std::string> errorLines_;
  float statusTop_ = 0;
  Rect movesRect_;
  std::vector<Row> rows_;
  std::vector<Rect> buttons_;  // parallel to the model's buttons
  float rowHeight_ = 24;
  float columnWidth_ = 0;
  int scrollBack_ = 0;  // rows scrolled up from the automatic position
  int lastMoveCount_ = 0;
  Vec2 pointer_{-1, -1};
};

}  // namespace client
