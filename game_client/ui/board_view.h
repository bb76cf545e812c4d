// A board on screen: the position it mirrors, how it is drawn, and how
// clicks and drags on it become move requests. One implementation per game
// (OmokBoardView, ChessBoardView); App, the replay and the live session only
// see this interface.
//
// The view shows confirmed moves only: a gesture produces a request
// (takeRequest()), the caller sends it, and the move appears when the caller
// apply()s what the server accepted (or the record holds). A refused request
// leaves the board as it was and is marked by rejected().
//
// Ownership and threading: owned by App, used on the UI thread only. It keeps
// its own engine position (omok::Game / chess::Game) because drawing needs
// the board, which game::Game does not expose.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/RenderTarget.hpp>

#include "game_client/ui/layout.h"
#include "game_client/ui/resources.h"
#include "shared/game/game.h"

namespace client {

// A player's colour: its name in words and whether it is drawn dark.
struct Side {
  std::string name;
  bool dark = false;
};

// What an omok opening shows on the board, as the mode reads it from
// Game::opening(): the colours' exchange (side() follows it), the central
// square a stone must go in, and fifth moves offered or being chosen.
struct OpeningMarks {
  bool exchanged = false;                      // Player1 plays white
  int area = game::OpeningState::kWholeBoard;  // by half-width; kWholeBoard: nothing marked
  std::vector<game::Move> candidates;          // drawn as marked translucent stones of the colour to move
};

class BoardView {
 public:
  virtual ~BoardView() = default;

  // Back to the game's start position.
  virtual void reset() = 0;
  // Applies a confirmed move. Returns false, changing nothing, when the move
  // does not fit the mirrored position (a stream out of step, a bad record).
  virtual bool apply(const game::Move& move) = 0;
  virtual int plies() const = 0;

  virtual int cellsPerSide() const = 0;
  // Whether the player of `seat` sees the board turned round.
  virtual bool flippedFor(game::Seat seat) const = 0;
  // Whether draws can be offered and claimed in this game.
  virtual bool hasDrawOffers() const = 0;
  // The colour the player of `seat` plays.
  virtual Side side(game::Seat seat) const = 0;
  // The opening's marks, set by the mode after every change (kept across
  // reset()); games without openings ignore them.
  virtual void showOpening(const OpeningMarks&) {}

  // The seat that may make a gesture now: the local player on their turn
  // with no move in flight, else Seat::None. A half-made gesture is dropped
  // when this changes.
  virtual void setMover(game::Seat seat) = 0;

  // Pointer input in window pixels; each returns whether the picture changed.
  virtual bool pointerMoved(Vec2 p, const BoardGeometry& g) = 0;
  virtual bool pointerPressed(Vec2 p, const BoardGeometry& g) = 0;
  virtual bool pointerReleased(Vec2 p, const BoardGeometry& g) = 0;
  virtual bool pointerLeft() = 0;
  // Escape: drops a selection, a drag or an open chooser.
  virtual bool cancelGesture() = 0;

  // The move a finished gesture asks for, once.
  std::optional<game::Move> takeRequest();

  // The server refused `move`: show where, until the next gesture or move.
  virtual void rejected(const game::Move& move) = 0;

  // Whether an animation is running, so the caller keeps drawing.
  virtual bool animating() const = 0;

  virtual void draw(sf::RenderTarget& target, const BoardGeometry& g, const Fonts& fonts) const = 0;

 protected:
  void request(const game::Move& move) { request_ = move; }

  // The file and rank labels in the frame, named as the game's notation names them.
  static void drawLabels(sf::RenderTarget& target, const BoardGeometry& g, const Fonts& fonts, sf::Color color,
                         const std::function<std::string(int)>& fileName,
                         const std::function<std::string(int)>& rankName);

 private:
  std::optional<game::Move> request_;
};

// The view for `setup`'s game; null with a reason in `error` for a bad setup.
std::unique_ptr<BoardView> makeBoardView(const game::Setup& setup, std::string& error);

}  // namespace client
