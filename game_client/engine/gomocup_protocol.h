// The words of the Gomocup (Piskvork) brain protocol we use, as pure
// functions: coordinates, the rule bits of INFO rule, move lines, the lines
// that are only talk, and the answers to SWAP2BOARD. The lines they read
// come without their line ends, which ChildProcess::readLine strips (a
// brain's CR, LF, CR LF or CR CR LF alike).
//
// Gomocup counts x from the left (column a = 0) and y from the TOP row down,
// both from 0. Our omok points count rows from the bottom (row 0 = "1"), and
// a point's index is row * size + column: so y = size - 1 - row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// A MESSAGE or DEBUG line: words for people, never an answer.
bool isChatter(std::string_view line);

// SWAP2BOARD, the swap2 opening's extension of the protocol (Gomocup's
// experimental tournaments, https://gomocup.org/news/experimental-tournament-update-2020/):
// the manager sends SWAP2BOARD, the stones so far one "x,y" a line (0, 3 or
// 5 of them, black first), then DONE, and the brain answers one line:
//   0 stones: "x,y x,y x,y", the first three stones (black, white, black);
//   3 stones: "SWAP" takes black (swap2's option 1); "x,y" stays white and
//             plays move 4 (option 2); "x,y x,y" puts moves 4 and 5 and lets
//             the first player choose the colour (option 3);
//   5 stones: "SWAP" takes black, the opponent playing move 6; "x,y" takes
//             white and plays move 6.
// ERROR or UNKNOWN says the brain does not speak it.
struct Swap2Answer {
  enum class Kind : std::uint8_t {
    Refused,    // ERROR or UNKNOWN
    Swap,       // SWAP
    Points,     // stones, as many as the case allows
    Malformed,  // anything else; `why` says what is wrong
  };
  Kind kind = Kind::Malformed;
  std::vector<Coord> points;  // Points
  std::string why;            // Malformed
};

// Reads `line` as the answer to SWAP2BOARD sent with `stones` stones (0, 3
// or 5) on a board of `size`.
// Only the form is checked here: whether the points are free and legal is
// the rules engine's to say.
Swap2Answer readSwap2Answer(std::string_view line, int stones, int size);

}  // namespace engine::gomocup
