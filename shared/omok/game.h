// One game of omok under a rule set: whose turn, the moves so far, the
// result (with the winning line), take-backs for replays. Black moves first.
// A plain value type; not thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "shared/omok/board.h"
#include "shared/omok/forbidden.h"
#include "shared/omok/rules.h"

namespace omok {

// Why a move was refused; the game is unchanged when it is.
enum class MoveError : std::uint8_t {
  None = 0,
  OffBoard,
  Occupied,
  NotYourTurn,
  GameOver,
  DoubleThree,
  DoubleFour,
  Overline,
};

// A sentence for people: "that point is already taken".
std::string_view describe(MoveError e);

enum class Outcome : std::uint8_t { Ongoing = 0, BlackWins, WhiteWins, Draw };

// The whole winning row, end to end (it may be longer than five where
// overlines win): `from` is the end nearer column 'a', or row 1 on a column.
struct Line {
  Point from;
  Point to;
  friend constexpr bool operator==(const Line&, const Line&) = default;
};

class Game {
 public:
  // `size` must satisfy isSupportedSize().
  explicit Game(const RuleSet& rules = renjuRules(), int size = 15);

  const RuleSet& rules() const { return rules_; }
  const Board& board() const { return board_; }
  const std::vector<Point>& history() const { return history_; }
  Outcome outcome() const { return outcome_; }
  bool over() const { return outcome_ != Outcome::Ongoing; }
  // Meaningful when a colour has won.
  const Line& winningLine() const { return winLine_; }
  // Stone::Empty once the game is over.
  Stone toMove() const;

  // Plays `p` for `by`; MoveError::None when applied.
  MoveError play(Point p, Stone by);
  MoveError play(Point p) { return play(p, toMove()); }

  // Takes back the last move (also after the game ended). False when there is none.
  bool takeback();

  // Where the side to move may not play now, with the reason for each.
  ForbiddenList forbiddenPoints() const;

 private:
  Stone sideOf(std::size_t ply) const { return ply % 2 == 0 ? Stone::Black : Stone::White; }

  RuleSet rules_;
  Board board_;
  std::vector<Point> history_;
  Outcome outcome_ = Outcome::Ongoing;
  Line winLine_{};
};

}  // namespace omok
