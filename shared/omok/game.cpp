#include "shared/omok/game.h"

#include <utility>

#include "shared/omok/line.h"

namespace omok {
namespace {

MoveError toMoveError(Forbidden f) {
  switch (f) {
    case Forbidden::DoubleThree: return MoveError::DoubleThree;
    case Forbidden::DoubleFour: return MoveError::DoubleFour;
    case Forbidden::Overline: return MoveError::Overline;
    case Forbidden::None: break;
  }
  return MoveError::None;
}

}  // namespace

std::string_view describe(MoveError e) {
  switch (e) {
    case MoveError::None: return "accepted";
    case MoveError::OffBoard: return "that point is off the board";
    case MoveError::Occupied: return "that point is already taken";
    case MoveError::NotYourTurn: return "it is not that colour's turn";
    case MoveError::GameOver: return "the game is over";
    case MoveError::DoubleThree: return "forbidden double three (3-3)";
    case MoveError::DoubleFour: return "forbidden double four (4-4)";
    case MoveError::Overline: return "forbidden overline (six or more)";
  }
  return "unknown";
}

Game::Game(const RuleSet& rules, int size) : rules_(rules), board_(size) {
  history_.reserve(static_cast<std::size_t>(board_.size() * board_.size()));
}

Stone Game::toMove() const { return over() ? Stone::Empty : sideOf(history_.size()); }

MoveError Game::play(Point p, Stone by) {
  if (over()) return MoveError::GameOver;
  if (by != toMove()) return MoveError::NotYourTurn;
  if (!onBoard(p, board_.size())) return MoveError::OffBoard;
  if (board_.at(p) != Stone::Empty) return MoveError::Occupied;
  if (const Forbidden f = forbiddenAt(board_, p, by, rules_); f != Forbidden::None) return toMoveError(f);

  const Cell c = Board::cell(p);
  board_.put(c, by);
  history_.push_back(p);
  const ColorRules& r = rules_.of(by);
  for (const int dir : Board::kDirections) {
    const int back = countFrom(board_, c, -dir, by);
    const int ahead = countFrom(board_, c, dir, by);
    if (isWinningRun(1 + back + ahead, r)) {
      outcome_ = by == Stone::Black ? Outcome::BlackWins : Outcome::WhiteWins;
      Line line{Board::point(c - back * dir), Board::point(c + ahead * dir)};
      if (line.to.col < line.from.col) std::swap(line.from, line.to);  // the anti-diagonal runs leftwards
      winLine_ = line;
      return MoveError::None;
    }
  }
  if (board_.full()) outcome_ = Outcome::Draw;
  return MoveError::None;
}

bool Game::takeback() {
  if (history_.empty()) return false;
  board_.remove(Board::cell(history_.back()));
  history_.pop_back();
  outcome_ = Outcome::Ongoing;
  winLine_ = {};
  return true;
}

ForbiddenList Game::forbiddenPoints() const {
  if (over()) return {};
  return omok::forbiddenPoints(board_, toMove(), rules_);
}

}  // namespace omok
