// The chess board: squares seen from the player's side, pieces drawn from
// the DejaVu Sans chess glyphs, the last move and a king in check
// highlighted, and moves made by click-click or drag-and-drop with the legal
// destinations of the picked piece shown, plus a chooser for promotions.
//
// Ownership and threading: see BoardView. The legal moves come from the
// mirrored position; they only guide the gesture, the server decides.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <SFML/System/Clock.hpp>

#include "game_client/ui/board_view.h"
#include "shared/chess/game.h"

namespace client {

class ChessBoardView final : public BoardView {
 public:
  static std::unique_ptr<BoardView> make(const game::Setup& setup, std::string& error);

  void reset() override;
  bool apply(const game::Move& move) override;
  int plies() const override { return static_cast<int>(game_.moves().size()); }

  int cellsPerSide() const override { return 8; }
  // Player2 plays black and sees black at the bottom.
  bool flippedFor(game::Seat seat) const override { return seat == game::Seat::Player2; }
  bool hasDrawOffers() const override { return true; }
  Side side(game::Seat seat) const override;

  void setMover(game::Seat seat) override;
  bool pointerMoved(Vec2 p, const BoardGeometry& g) override;
  bool pointerPressed(Vec2 p, const BoardGeometry& g) override;
  bool pointerReleased(Vec2 p, const BoardGeometry& g) override;
  bool pointerLeft() override { return false; }
  bool cancelGesture() override;
  void rejected(const game::Move& move) override;
  bool animating() const override;

  void draw(sf::RenderTarget& target, const BoardGeometry& g, const Fonts& fonts) const override;

 private:
  struct Promotion {
    chess::Square from;
    chess::Square to;
  };

  explicit ChessBoardView(const chess::Position& start);

  static chess::Square toSquare(Cell c) { return chess::makeSquare(c.file, c.rank); }
  static Cell toCell(chess::Square s) { return {chess::fileOf(s), chess::rankOf(s)}; }
  std::optional<chess::Square> squareAt(Vec2 p, const BoardGeometry& g) const;
  bool ownPiece(chess::Square s) const;
  // Finishes a gesture from `from` to `to`: a request, or the promotion chooser.
  void attempt(chess::Square from, chess::Square to);
  // The chooser's four squares: queen on the promotion square, then towards the board's middle.
  Cell chooserCell(int index) const;
  bool chooserPress(Vec2 p, const BoardGeometry& g);

  void drawSquares(sf::RenderTarget& target, const BoardGeometry& g) const;
  void drawPiece(sf::RenderTarget& target, const Fonts& fonts, chess::Piece piece, Vec2 center, float pitch) const;

  chess::Position start_;
  chess::Game game_;
  game::Seat mover_ = game::Seat::None;
  std::optional<chess::Square> selected_;
  bool dragging_ = false;
  bool wasSelected_ = false;  // a press on the selected square, so its release deselects
  Vec2 pointer_;
  std::optional<Promotion> promotion_;
  std::optional<chess::Square> rejected_;
  sf::Clock sinceMove_;  // the last move slides in for kSlide
};

}  // namespace client
