// A chess game: the start position, the moves played, and the result under
// the FIDE Laws (checkmate, stalemate, dead positions by insufficient
// material, the 50/75-move rules and threefold/fivefold repetition).
//
// Repetitions are found by walking the position history back two plies at a
// time, only as far as the last irreversible move (capture or pawn move, i.e.
// rule50() plies). Candidates are compared by Zobrist key first and then in
// full, so a key collision cannot fake a repetition. Since the 75-move rule
// ends the game at 150 such plies, each check is bounded by a constant.
#pragma once

#include <cstdint>
#include <vector>

#include "shared/chess/position.h"

namespace chess {

enum class Outcome : std::uint8_t { Ongoing, WhiteWins, BlackWins, Draw };

enum class Termination : std::uint8_t {
  None,
  Checkmate,
  Stalemate,
  InsufficientMaterial,  // dead position, automatic
  SeventyFiveMoves,      // automatic
  FivefoldRepetition,    // automatic
  FiftyMoves,            // claimed
  ThreefoldRepetition,   // claimed
  Decision,              // set from outside the rules: resignation, agreement, time
};

struct Result {
  Outcome outcome = Outcome::Ongoing;
  Termination termination = Termination::None;
  friend bool operator==(const Result&, const Result&) = default;
};

// Only kings and at most one minor piece, or only kings and bishops all on
// squares of one colour: no sequence of legal moves can end in mate.
bool insufficientMaterial(const Position& pos);

class Game {
 public:
  Game();  // from the initial position
  explicit Game(const Position& start);

  const Position& start() const { return positions_.front(); }
  const Position& position() const { return positions_.back(); }
  const std::vector<Move>& moves() const { return moves_; }
  Result result() const { return result_; }
  bool over() const { return result_.outcome != Outcome::Ongoing; }

  // Plays `m` if the game is on and the move is legal, then applies the
  // automatic endings. Returns false (and changes nothing) otherwise.
  bool play(Move m);

  // How many times the current position has stood on the board, now included.
  int repetitions() const;
  // FiftyMoves or ThreefoldRepetition when the side to move may claim a draw
  // now, else None.
  Termination claimableDraw() const;
  // Whether the side to move may claim a draw by `rule` (FiftyMoves or
  // ThreefoldRepetition) now.
  bool canClaim(Termination rule) const;
  // Ends the game as a draw by `rule`, or by any claimable rule when None,
  // if that claim is valid; returns whether it did. An invalid claim changes
  // nothing (under FIDE 9.5 the game goes on).
  bool claimDraw(Termination rule = Termination::None);
  // Ends a running game with a result decided outside the rules.
  void finish(Outcome outcome);

 private:
  void updateResult();

  std::vector<Position> positions_;  // the start, then one per move played
  std::vector<Move> moves_;
  Result result_;
};

}  // namespace chess
