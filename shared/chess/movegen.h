// Legal move generation. Moves are generated legal from the start, with the
// check mask and pin rays computed once per position (as Stockfish does for
// evasions and pins), so no move is played and taken back to test it.
#pragma once

#include <cstddef>

#include "shared/chess/position.h"

namespace chess {

// No legal position has more than 218 moves.
constexpr int kMaxMoves = 256;

// A fixed-size list on the stack: generation never allocates.
class MoveList {
 public:
  explicit MoveList(const Position& pos);

  const Move* begin() const { return moves_; }
  const Move* end() const { return last_; }
  std::size_t size() const { return std::size_t(last_ - moves_); }
  bool empty() const { return last_ == moves_; }
  bool contains(Move m) const;

 private:
  Move moves_[kMaxMoves];
  Move* last_;
};

// Writes every legal move of the side to move from `list` on and returns the
// end of what it wrote; `list` must have room for kMaxMoves moves.
Move* generateLegal(const Position& pos, Move* list);

}  // namespace chess
