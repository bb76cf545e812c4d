#include "game_client/ui/layout.h"

#include <algorithm>
#include <cmath>

namespace client {

namespace {
constexpr float kPanelMin = 240;
constexpr float kPanelMax = 380;
constexpr float kPanelShare = 0.3f;
constexpr float kGap = 8;  // between the window edge, the board and the panel
}  // namespace

WindowLayout layoutWindow(float width, float height) {
  width = std::max(width, 1.0f);
  height = std::max(height, 1.0f);
  const float panel = std::floor(std::clamp(width * kPanelShare, std::min(kPanelMin, width / 2), kPanelMax));
  const float side = std::floor(std::max(1.0f, std::min(width - panel - 2 * kGap, height - 2 * kGap)));
  WindowLayout out;
  out.board = {kGap, std::floor((height - side) / 2), side, side};
  const float panelLeft = out.board.right() + kGap;
  out.panel = {panelLeft, 0, std::max(1.0f, width - panelLeft), height};
  return out;
}

BoardGeometry::BoardGeometry(const Rect& area, int cellsPerSide, bool flipped)
    : n_(std::max(1, cellsPerSide)), flipped_(flipped) {
  const float side = std::min(area.width, area.height);
  pitch_ = std::max(1.0f, std::floor(side / (static_cast<float>(n_) + 2 * kFrameCells)));
  const float gridSide = pitch_ * static_cast<float>(n_);
  const Vec2 c = area.center();
  grid_ = {std::floor(c.x - gridSide / 2), std::floor(c.y - gridSide / 2), gridSide, gridSide};
  const float frame = std::floor(pitch_ * kFrameCells);
  frame_ = {grid_.left - frame, grid_.top - frame, gridSide + 2 * frame, gridSide + 2 * frame};
}

Rect BoardGeometry::cellRect(Cell c) const {
  return {grid_.left + pitch_ * static_cast<float>(screenColumn(c.file)),
          grid_.top + pitch_ * static_cast<float>(screenRow(c.rank)), pitch_, pitch_};
}

Vec2 BoardGeometry::center(Cell c) const { return cellRect(c).center(); }

std::optional<Cell> BoardGeometry::cellAt(Vec2 p) const {
  if (!grid_.contains(p)) return std::nullopt;
  const int column = std::min(n_ - 1, static_cast<int>((p.x - grid_.left) / pitch_));
  const int row = std::min(n_ - 1, static_cast<int>((p.y - grid_.top) / pitch_));
  // screenColumn/screenRow are involutions, so they also map screen to board.
  return Cell{screenColumn(column), screenRow(row)};
}

Vec2 BoardGeometry::fileLabel(int f) const {
  return {center({f, 0}).x, (grid_.bottom() + frame_.bottom()) / 2};
}

Vec2 BoardGeometry::rankLabel(int r) const {
  return {(frame_.left + grid_.left) / 2, center({0, r}).y};
}

}  // namespace client
