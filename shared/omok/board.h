// The board: stones on a padded grid so that line scans stop at a wall
// instead of testing coordinates (the forbidden-point search lives on it).
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>

#include "shared/omok/coord.h"

namespace omok {

enum class Stone : std::uint8_t { Empty = 0, Black = 1, White = 2, Wall = 3 };

constexpr Stone opponent(Stone s) {
  return s == Stone::Black ? Stone::White : s == Stone::White ? Stone::Black : s;
}

// A cell index into the padded grid; see Board::cell().
using Cell = int;

class Board {
 public:
  // One wall ring around the largest board; smaller boards wall off the rest.
  static constexpr int kStride = kMaxSize + 2;
  static constexpr int kCells = kStride * kStride;
  // Steps along the four lines: horizontal, vertical, diagonal, anti-diagonal.
  static constexpr std::array<int, 4> kDirections{1, kStride, kStride + 1, kStride - 1};

  // `size` must satisfy isSupportedSize(); other sizes are clamped to 15.
  explicit Board(int size = 15);

  int size() const { return size_; }
  int stoneCount() const { return stones_; }
  bool full() const { return stones_ == size_ * size_; }

  static constexpr Cell cell(Point p) { return (p.row + 1) * kStride + p.col + 1; }
  static constexpr Point point(Cell c) {
    return Point{static_cast<std::int8_t>(c % kStride - 1), static_cast<std::int8_t>(c / kStride - 1)};
  }

  // Stone::Wall off the board.
  Stone at(Point p) const { return onBoard(p, size_) ? cells_[cell(p)] : Stone::Wall; }
  Stone at(Cell c) const { return cells_[c]; }

  // Places or removes a stone on a point of the board.
  void put(Cell c, Stone s) {
    assert(cells_[c] == Stone::Empty && (s == Stone::Black || s == Stone::White));
    cells_[c] = s;
    ++stones_;
  }
  void remove(Cell c) {
    assert(cells_[c] == Stone::Black || cells_[c] == Stone::White);
    cells_[c] = Stone::Empty;
    --stones_;
  }

  friend bool operator==(const Board&, const Board&) = default;

 private:
  int size_;
  int stones_ = 0;
  std::array<Stone, kCells> cells_;
};

// Reads a board as omok_cli prints it: `size` lines, the top one being the
// highest row; '.' empty, 'X' black, 'O' white; blanks between cells allowed;
// blank lines after the board ignored. On failure returns false, says why in
// `error` and leaves `out` untouched. The stone counts need not fit a real game.
bool parseBoard(std::string_view text, int size, Board& out, std::string& error);

// The grid parseBoard() reads: one line per row from the top, cells separated by a space.
std::string formatBoard(const Board& board);

}  // namespace omok
