#include "shared/game/omok_game.h"

#include <optional>
#include <string>

#include "shared/omok/game.h"

namespace game {
namespace {

Reject toReject(omok::MoveError e) {
  switch (e) {
    case omok::MoveError::None: return Reject::None;
    case omok::MoveError::OffBoard: return Reject::OffBoard;
    case omok::MoveError::Occupied: return Reject::Occupied;
    case omok::MoveError::NotYourTurn: return Reject::NotYourTurn;
    case omok::MoveError::GameOver: return Reject::GameOver;
    case omok::MoveError::DoubleThree: return Reject::DoubleThree;
    case omok::MoveError::DoubleFour: return Reject::DoubleFour;
    case omok::MoveError::Overline: return Reject::Overline;
  }
  return Reject::OffBoard;
}

std::optional<omok::RuleSet> toRuleSet(Rule r) {
  switch (r) {
    case Rule::Freestyle: return omok::freestyleRules();
    case Rule::Standard: return omok::standardRules();
    case Rule::Renju: return omok::renjuRules();
    case Rule::Omok: return omok::omokRules();
    case Rule::Fide: break;
  }
  return std::nullopt;
}

// Player1 is black. Results decided outside the rules (resignation, time...)
// are kept here; the engine only knows fives and full boards.
class OmokGame final : public Game {
 public:
  OmokGame(Rule rule, const omok::RuleSet& rules, int size) : rule_(rule), game_(rules, size) {}

  Kind kind() const override { return Kind::Omok; }
  Rule rule() const override { return rule_; }

  Status status() const override {
    if (decided_.over()) return decided_;
    switch (game_.outcome()) {
      case omok::Outcome::BlackWins: return {Result::Player1Wins, EndReason::FiveInARow};
      case omok::Outcome::WhiteWins: return {Result::Player2Wins, EndReason::FiveInARow};
      case omok::Outcome::Draw: return {Result::Draw, EndReason::BoardFull};
      case omok::Outcome::Ongoing: break;
    }
    return {};
  }

  Seat toMove() const override {
    if (status().over()) return Seat::None;
    return game_.toMove() == omok::Stone::Black ? Seat::Player1 : Seat::Player2;
  }

  int moveCount() const override { return static_cast<int>(game_.history().size()); }

  Played play(const Move& move) override {
    Played played;
    const int size = game_.board().size();
    if (status().over()) {
      played.reject = Reject::GameOver;
      played.why = std::string(omok::describe(omok::MoveError::GameOver));
    } else if (move.from != 0 || move.promotion != 0 || move.to >= size * size) {
      played.reject = Reject::OffBoard;
      played.why = move.to >= size * size ? "point " + std::to_string(move.to) + " is off the " +
                                                std::to_string(size) + "x" + std::to_string(size) + " board"
                                          : "an omok move names only a point (from and promotion must be 0)";
    } else {
      const omok::Point p = omok::fromWireIndex(move.to, size);
      played.notation = omok::name(p);
      played.uci = played.notation;
      const omok::MoveError e = game_.play(p);
      played.reject = toReject(e);
      if (e != omok::MoveError::None) played.why = std::string(omok::describe(e));
    }
    played.status = status();
    return played;
  }

  bool allowsTakebacks() const override { return true; }
  bool canTakeback() const override { return !status().over() && !game_.history().empty(); }
  bool takeback() override { return canTakeback() && game_.takeback(); }

  bool parseMove(std::string_view text, Move& out, std::string& error) const override {
    omok::Point p;
    const int size = game_.board().size();
    if (!omok::parsePoint(text, size, p, error)) return false;
    out = Move{0, static_cast<std::uint16_t>(omok::wireIndex(p, size)), 0};
    return true;
  }

  EndReason claimableDraw() const override { return EndReason::None; }

  void finish(Status status) override {
    if (!this->status().over() && status.over()) decided_ = status;
  }

  std::string startPosition() const override { return {}; }
  std::string position() const override { return omok::formatBoard(game_.board()); }

 private:
  Rule rule_;
  omok::Game game_;
  Status decided_;
};

}  // namespace

std::unique_ptr<Game> makeOmokGame(const Setup& setup, std::string& error) {
  const std::optional<omok::RuleSet> rules = toRuleSet(setup.rule);
  if (!rules) {
    error = "rule '" + std::string(name(setup.rule)) + "' is not an omok rule";
    return nullptr;
  }
  if (!omok::isSupportedSize(setup.boardSize)) {
    error = "omok board size must be 15 or 19, not " + std::to_string(setup.boardSize);
    return nullptr;
  }
  if (!setup.fen.empty()) {
    error = "an omok game starts from the empty board (no start position)";
    return nullptr;
  }
  return std::make_unique<OmokGame>(setup.rule, *rules, setup.boardSize);
}

}  // namespace game
