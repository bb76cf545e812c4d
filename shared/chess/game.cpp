#include "shared/chess/game.h"

#include <algorithm>

#include "shared/chess/movegen.h"

namespace chess {

bool insufficientMaterial(const Position& pos) {
  if (pos.pieces(Pawn) | pos.pieces(Rook) | pos.pieces(Queen)) return false;
  const Bitboard minors = pos.pieces(Knight) | pos.pieces(Bishop);
  if (!moreThanOne(minors)) return true;  // K v K, K+B v K, K+N v K
  if (pos.pieces(Knight)) return false;   // K+N v K+N, K+B v K+N, K+N+N v K can all end in mate
  const Bitboard bishops = pos.pieces(Bishop);
  return !(bishops & kDarkSquares) || !(bishops & ~kDarkSquares);
}

Game::Game() : Game(Position()) {}

Game::Game(const Position& start) : positions_{start} { updateResult(); }

bool Game::play(Move m) {
  if (over() || !MoveList(position()).contains(m)) return false;
  Position next = position();
  next.play(m);
  positions_.push_back(next);
  moves_.push_back(m);
  updateResult();
  return true;
}

int Game::repetitions() const {
  const Position& now = position();
  const int last = int(positions_.size()) - 1;
  const int oldest = std::max(0, last - now.rule50());
  int count = 1;
  for (int i = last - 2; i >= oldest; i -= 2)
    if (positions_[std::size_t(i)].samePosition(now)) ++count;
  return count;
}

bool Game::canClaim(Termination rule) const {
  if (over()) return false;
  if (rule == Termination::FiftyMoves) return position().rule50() >= 100;
  if (rule == Termination::ThreefoldRepetition) return repetitions() >= 3;
  return false;
}

Termination Game::claimableDraw() const {
  for (const Termination rule : {Termination::FiftyMoves, Termination::ThreefoldRepetition})
    if (canClaim(rule)) return rule;
  return Termination::None;
}

bool Game::claimDraw(Termination rule) {
  if (rule == Termination::None) rule = claimableDraw();
  if (!canClaim(rule)) return false;
  result_ = {Outcome::Draw, rule};
  return true;
}

void Game::finish(Outcome outcome) {
  if (!over() && outcome != Outcome::Ongoing) result_ = {outcome, Termination::Decision};
}

void Game::updateResult() {
  const Position& pos = position();
  // Mate and stalemate come first: FIDE 9.6.2 lets a mate on the 75th move stand.
  if (MoveList(pos).empty()) {
    if (pos.inCheck())
      result_ = {pos.sideToMove() == White ? Outcome::BlackWins : Outcome::WhiteWins, Termination::Checkmate};
    else result_ = {Outcome::Draw, Termination::Stalemate};
  } else if (insufficientMaterial(pos)) {
    result_ = {Outcome::Draw, Termination::InsufficientMaterial};
  } else if (pos.rule50() >= 150) {
    result_ = {Outcome::Draw, Termination::SeventyFiveMoves};
  } else if (repetitions() >= 5) {
    result_ = {Outcome::Draw, Termination::FivefoldRepetition};
  }
}

}  // namespace chess
