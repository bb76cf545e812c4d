// The words of the Gomocup (Piskvork) brain protocol we use, as pure
// functions: coordinates, the rule bits of INFO rule, and move lines.
//
// Gomocup counts x from the left (column a = 0) and y from the TOP row down,
// both from 0. Our omok points count rows from the bottom (row 0 = "1"), and
// a point's index is row * size + column: so y = size - 1 - row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/game/types.h"

namespace engine::gomocup {

struct Coord {
  int x = 0;  // column, 0 = 'a'
  int y = 0;  // 0 = the top row
  friend constexpr bool operator==(const Coord&, const Coord&) = default;
};

constexpr Coord toCoord(std::uint16_t point, int size) { return {point % size, size - 1 - point / size}; }
constexpr std::uint16_t toPoint(Coord c, int size) { return static_cast<std::uint16_t>((size - 1 - c.y) * size + c.x); }

// "x,y".
std::string format(Coord c);
// Reads "x,y" (spaces around the numbers allowed) on a board of `size`;
// nullopt for anything else, off-board coordinates included.
std::optional<Coord> parseMove(std::string_view line, int size);

// The INFO rule value for our rule: 0 five or more wins (freestyle), 1 exactly
// five (standard), 4 renju. The Korean omok rule (3-3 forbidden for both,
// overlines do not win) has no Gomocup bit; the closest is 1, exactly five,
// so a brain may still propose a 3-3 there, which our referee refuses.
int ruleBits(game::Rule rule);

}  // namespace engine::gomocup
