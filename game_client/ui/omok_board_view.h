// The omok board: wood with ink grid lines and star points, stones with a
// little depth, a hover preview of the stone to move, the last move marked,
// the winning line highlighted and, where the rule forbids shapes (renju for
// black, the omok rule for both), the forbidden points of the side to move.
// In an opening: the central square the next stone must go in, and fifth
// moves offered (or being chosen) as ringed translucent stones.
//
// Ownership and threading: see BoardView. The forbidden points are computed
// once per position (the search is too costly to repeat every frame).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <SFML/Graphics/Texture.hpp>
#include <SFML/System/Clock.hpp>

#include "game_client/ui/board_view.h"
#include "shared/omok/game.h"

namespace client {

class OmokBoardView final : public BoardView {
 public:
  static std::unique_ptr<BoardView> make(const game::Setup& setup, std::string& error);

  void reset() override;
  bool apply(const game::Move& move) override;
  int plies() const override { return static_cast<int>(game_.history().size()); }

  int cellsPerSide() const override { return game_.board().size(); }
  // Omok is symmetric: both players keep a1 at the bottom left, as the notation does.
  bool flippedFor(game::Seat) const override { return false; }
  bool hasDrawOffers() const override { return false; }
  Side side(game::Seat seat) const override;
  void showOpening(const OpeningMarks& marks) override { opening_ = marks; }

  void setMover(game::Seat seat) override;
  bool pointerMoved(Vec2 p, const BoardGeometry& g) override;
  bool pointerPressed(Vec2 p, const BoardGeometry& g) override;
  bool pointerReleased(Vec2, const BoardGeometry&) override { return false; }
  bool pointerLeft() override;
  bool cancelGesture() override { return pointerLeft(); }
  void rejected(const game::Move& move) override;
  bool animating() const override;

  void draw(sf::RenderTarget& target, const BoardGeometry& g, const Fonts& fonts) const override;

 private:
  OmokBoardView(const omok::RuleSet& rules, int size);

  omok::Point toPoint(Cell c) const { return {static_cast<std::int8_t>(c.file), static_cast<std::int8_t>(c.rank)}; }
  Cell toCell(omok::Point p) const { return {p.col, p.row}; }
  void drawArea(sf::RenderTarget& target, const BoardGeometry& g) const;

  void drawWood(sf::RenderTarget& target, const BoardGeometry& g) const;
  void drawGrid(sf::RenderTarget& target, const BoardGeometry& g) const;
  void drawStone(sf::RenderTarget& target, const BoardGeometry& g, omok::Point p, omok::Stone s,
                 float scale, std::uint8_t alpha) const;

  omok::Game game_;
  omok::ForbiddenList forbidden_;  // for the side to move, in the current position
  game::Seat mover_ = game::Seat::None;
  std::optional<omok::Point> hover_;
  std::optional<omok::Point> rejected_;
  OpeningMarks opening_;
  // Wood grain, made on the first draw: a texture needs a graphics context,
  // and the view must be usable without one (its input logic is unit-tested).
  mutable std::optional<sf::Texture> grain_;
  sf::Clock sinceMove_;  // the newest stone settles in for kSettle
};

}  // namespace client
