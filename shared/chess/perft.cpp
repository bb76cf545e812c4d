#include "shared/chess/perft.h"

#include "shared/chess/movegen.h"

namespace chess {

namespace {

std::uint64_t countLeaves(const Position& pos, int depth) {
  Move moves[kMaxMoves];
  const Move* const end = generateLegal(pos, moves);
  if (depth == 1) return std::uint64_t(end - moves);
  std::uint64_t nodes = 0;
  for (const Move* m = moves; m != end; ++m) {
    Position next = pos;
    next.play(*m);
    nodes += countLeaves(next, depth - 1);
  }
  return nodes;
}

}  // namespace

std::uint64_t perft(const Position& pos, int depth) { return depth <= 0 ? 1 : countLeaves(pos, depth); }

}  // namespace chess
