// Points on an omok board and their notation: columns 'a'.. from the left,
// rows 1.. from the bottom, so "h8" is the centre of the 15x15 board.
// The wire uses index = row * size + column with row 0 = "1", column 0 = "a".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace omok {

constexpr int kMaxSize = 19;

constexpr bool isSupportedSize(int size) { return size == 15 || size == 19; }

struct Point {
  std::int8_t col = 0;  // 0 = 'a'
  std::int8_t row = 0;  // 0 = "1", the bottom row
  friend constexpr bool operator==(const Point&, const Point&) = default;
};

constexpr bool onBoard(Point p, int size) { return p.col >= 0 && p.col < size && p.row >= 0 && p.row < size; }

constexpr int wireIndex(Point p, int size) { return p.row * size + p.col; }
constexpr Point fromWireIndex(int index, int size) {
  return Point{static_cast<std::int8_t>(index % size), static_cast<std::int8_t>(index / size)};
}

// "h8" for {7, 7}.
std::string name(Point p);

// Reads "h8" (a letter, then a row number without leading zero) for a board of
// `size`. On failure returns false and says why in `error`.
bool parsePoint(std::string_view text, int size, Point& out, std::string& error);

}  // namespace omok
