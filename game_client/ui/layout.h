// Window and board geometry as plain functions of sizes: where the board and
// the side panel go, where each square or intersection is on screen, which
// one is under the mouse, and how the board turns round for the player who
// sits on the far side. No SFML here, so the maths is unit-tested without a
// window.
#pragma once

#include <optional>

namespace client {

struct Vec2 {
  float x = 0;
  float y = 0;
};

struct Rect {
  float left = 0;
  float top = 0;
  float width = 0;
  float height = 0;

  float right() const { return left + width; }
  float bottom() const { return top + height; }
  Vec2 center() const { return {left + width / 2, top + height / 2}; }
  // Half-open, so neighbouring rects never both contain a point.
  bool contains(Vec2 p) const { return p.x >= left && p.x < right() && p.y >= top && p.y < bottom(); }
};

// A board position in the game's own coordinates, not the screen's:
// file 0 is column "a", rank 0 is row "1" (chess a1; omok a1 at bottom left).
struct Cell {
  int file = 0;
  int rank = 0;
  friend constexpr bool operator==(const Cell&, const Cell&) = default;
};

// The window split into a square board area on the left and the side panel
// on the right. Every coordinate is a whole pixel, so lines stay sharp.
struct WindowLayout {
  Rect board;
  Rect panel;
};

// The panel keeps a readable width (it gives way only on very narrow
// windows); the board takes the largest square left, centred vertically.
WindowLayout layoutWindow(float width, float height);

// An n x n board drawn inside a square area: a frame that holds the
// coordinate labels, then n equal cells. Chess squares are the cells; omok
// intersections are the cells' centres, the grid lines running through them,
// so "nearest intersection" is simply "the cell under the mouse".
//
// Not flipped, file a is on the left and rank 1 at the bottom (Player1's
// view); flipped, the board is turned by 180 degrees (chess Player2: black at
// the bottom).
class BoardGeometry {
 public:
  // The frame is this many cells wide on each side.
  static constexpr float kFrameCells = 0.6f;

  BoardGeometry(const Rect& area, int cellsPerSide, bool flipped);

  int cellsPerSide() const { return n_; }
  bool flipped() const { return flipped_; }
  // Side of one cell in whole pixels.
  float pitch() const { return pitch_; }
  // The n x n cells, and the board with its frame around them.
  const Rect& grid() const { return grid_; }
  const Rect& frame() const { return frame_; }

  Rect cellRect(Cell c) const;
  Vec2 center(Cell c) const;
  // The cell under `p`, none outside the grid.
  std::optional<Cell> cellAt(Vec2 p) const;

  // Centres of the coordinate labels in the frame: the label of file `f`
  // below the grid, and of rank `r` left of it (both follow flipping).
  Vec2 fileLabel(int f) const;
  Vec2 rankLabel(int r) const;

 private:
  // Screen column/row (0 = left/top) of a cell, and back; flipping is its own inverse.
  int screenColumn(int file) const { return flipped_ ? n_ - 1 - file : file; }
  int screenRow(int rank) const { return flipped_ ? rank : n_ - 1 - rank; }

  int n_;
  bool flipped_;
  float pitch_;
  Rect grid_;
  Rect frame_;
};

}  // namespace client
