// Scans along one line through a cell: the building block of win detection
// and of the forbidden-point search. No allocation, no bounds tests (the
// board's wall ring stops every scan).
#pragma once

#include "shared/omok/board.h"
#include "shared/omok/rules.h"

namespace omok {

// Stones of colour `s` next to `c` going along `dir` (not counting `c`).
inline int countFrom(const Board& b, Cell c, int dir, Stone s) {
  int n = 0;
  for (Cell x = c + dir; b.at(x) == s; x += dir) ++n;
  return n;
}

// Length of the run of `s` through `c` along `dir`, as if `c` held `s`.
inline int runThrough(const Board& b, Cell c, int dir, Stone s) {
  return 1 + countFrom(b, c, dir, s) + countFrom(b, c, -dir, s);
}

constexpr bool isWinningRun(int length, const ColorRules& r) { return length == 5 || (length > 5 && r.overlineWins); }

// Whether a stone of `s` at `c` (placed or not) completes a winning row.
inline bool makesWin(const Board& b, Cell c, Stone s, const ColorRules& r) {
  for (const int dir : Board::kDirections)
    if (isWinningRun(runThrough(b, c, dir, s), r)) return true;
  return false;
}

}  // namespace omok
