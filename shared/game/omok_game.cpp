#include "shared/game/omok_game.h"

#include <optional>
#include <string>
#include <vector>

#include "shared/omok/game.h"
#include "shared/omok/opening.h"

namespace game {
namespace {

// The point a move names on a board of `size`; none for a move that names no point.
std::optional<omok::Point> pointOn(const Move& m, int size) {
  if (m.from != 0 || m.promotion != 0 || m.to >= size * size) return std::nullopt;
  return omok::fromWireIndex(m.to, size);
}

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

// game::Opening and game::OpeningStep name omok's values one for one.
static_assert(static_cast<int>(Opening::Swap1) == static_cast<int>(omok::OpeningRule::Swap1));
static_assert(static_cast<int>(Opening::Swap2) == static_cast<int>(omok::OpeningRule::Swap2));
static_assert(static_cast<int>(Opening::Soosorv8) == static_cast<int>(omok::OpeningRule::Soosorv8));
static_assert(static_cast<int>(Opening::Taraguchi10) == static_cast<int>(omok::OpeningRule::Taraguchi10));
static_assert(static_cast<int>(OpeningStep::SwapOrOffer) == static_cast<int>(omok::Step::SwapOrOffer));
static_assert(static_cast<int>(OpeningStep::Pick) == static_cast<int>(omok::Step::Pick));
static_assert(static_cast<int>(OpeningStep::Done) == static_cast<int>(omok::Step::Done));

Reject toReject(omok::OpeningError e) {
  switch (e) {
    case omok::OpeningError::None: return Reject::None;
    case omok::OpeningError::Finished:
    case omok::OpeningError::WrongStep: return Reject::NotNow;
    case omok::OpeningError::NotYourDecision: return Reject::NotYourTurn;
    case omok::OpeningError::NotAChoice: return Reject::NotAChoice;
    case omok::OpeningError::OffBoard: return Reject::OffBoard;
    case omok::OpeningError::OutsideArea: return Reject::OutsideArea;
    case omok::OpeningError::Occupied: return Reject::Occupied;
    case omok::OpeningError::Forbidden: return Reject::Forbidden;
    case omok::OpeningError::WrongCount: return Reject::WrongCount;
    case omok::OpeningError::DuplicateCandidate: return Reject::DuplicateCandidate;
    case omok::OpeningError::SymmetricCandidate: return Reject::SymmetricCandidate;
    case omok::OpeningError::NotACandidate: return Reject::NotACandidate;
  }
  return Reject::NotNow;
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

// Player1 is black unless an opening exchanged the colours: the opening's
// Opener is Player1. Results decided outside the rules (resignation,
// time...) are kept here; the engine only knows fives and full boards.
class OmokGame final : public Game {
 public:
  OmokGame(Rule rule, const omok::RuleSet& rules, int size, Opening opening) : rule_(rule), game_(rules, size) {
    if (opening != Opening::None) opening_.emplace(static_cast<omok::OpeningRule>(opening), rules, size);
  }

  std::unique_ptr<Game> clone() const override { return std::make_unique<OmokGame>(*this); }
  Kind kind() const override { return Kind::Omok; }
  Rule rule() const override { return rule_; }

  Status status() const override {
    if (decided_.over()) return decided_;
    switch (board().outcome()) {
      case omok::Outcome::BlackWins: return {winFor(seatOf(omok::Stone::Black)), EndReason::FiveInARow};
      case omok::Outcome::WhiteWins: return {winFor(seatOf(omok::Stone::White)), EndReason::FiveInARow};
      case omok::Outcome::Draw: return {Result::Draw, EndReason::BoardFull};
      case omok::Outcome::Ongoing: break;
    }
    return {};
  }

  Seat toMove() const override {
    if (status().over()) return Seat::None;
    if (inOpening()) return seatOf(opening_->decider());
    return seatOf(game_.toMove());
  }

  int moveCount() const override { return static_cast<int>(board().history().size()); }

  Played play(const Move& move) override {
    Played played;
    const int size = game_.board().size();
    const std::optional<omok::Point> point = pointOf(move);
    if (status().over()) {
      played.reject = Reject::GameOver;
      played.why = std::string(omok::describe(omok::MoveError::GameOver));
    } else if (!point) {
      played.reject = Reject::OffBoard;
      played.why = move.to >= size * size ? "point " + std::to_string(move.to) + " is off the " +
                                                std::to_string(size) + "x" + std::to_string(size) + " board"
                                          : "an omok move names only a point (from and promotion must be 0)";
    } else {
      const omok::Point p = *point;
      played.notation = omok::name(p);
      played.uci = played.notation;
      if (inOpening()) {
        const omok::Role by = opening_->decider();
        const omok::OpeningError e =
            opening_->step() == omok::Step::Pick ? opening_->pick(by, p) : opening_->place(by, p);
        reportOpening(e, played);
      } else {
        const omok::MoveError e = game_.play(p);
        played.reject = toReject(e);
        if (e != omok::MoveError::None) played.why = std::string(omok::describe(e));
      }
    }
    played.status = status();
    return played;
  }

  OpeningState opening() const override {
    OpeningState state;
    if (!opening_) return state;
    state.rule = static_cast<Opening>(opening_->rule());
    state.step = static_cast<OpeningStep>(opening_->step());
    state.exchanged = opening_->exchanged();
    if (!inOpening()) return state;
    state.decider = seatOf(opening_->decider());
    if (const std::optional<omok::Area> area = opening_->area()) state.area = area->halfWidth;
    state.offerCount = opening_->offerCount();
    for (omok::Point p : opening_->candidates()) state.candidates.push_back(moveAt(p));
    return state;
  }

  Played decide(const Decision& d) override {
    if (!opening_) return Game::decide(d);
    Played played;
    if (!inOpening() || status().over()) {
      reportOpening(omok::OpeningError::Finished, played);
      played.status = status();
      return played;
    }
    const omok::Role by = opening_->decider();
    omok::OpeningError e = omok::OpeningError::NotAChoice;
    played.notation = notation(d, game_.board().size());
    switch (d.choice) {
      case Choice::Swap:
        if (d.value == 0 || d.value == 1) e = opening_->swapColors(by, d.value == 1);
        break;
      case Choice::ChooseColor:
        if (d.value == 1 || d.value == 2)
          e = opening_->chooseColor(by, d.value == 1 ? omok::Stone::Black : omok::Stone::White);
        break;
      case Choice::ChooseOption:
        if (d.value >= 1 && d.value <= 3) e = opening_->chooseOption(by, static_cast<omok::Swap2Option>(d.value - 1));
        break;
      case Choice::Declare: e = opening_->declare(by, d.value); break;
      case Choice::Offer: {
        std::vector<omok::Point> points;
        for (const Move& m : d.points) {
          const std::optional<omok::Point> p = pointOf(m);
          if (!p) break;
          points.push_back(*p);
        }
        e = points.size() == d.points.size() ? opening_->offer(by, points) : omok::OpeningError::OffBoard;
        break;
      }
    }
    reportOpening(e, played);
    played.status = status();
    return played;
  }

  Played checkCandidate(const Move& move, const std::vector<Move>& chosen) const override {
    Played played;
    std::vector<omok::Point> points;
    for (const Move& m : chosen)
      if (const auto p = pointOf(m)) points.push_back(*p);
    const std::optional<omok::Point> p = pointOf(move);
    const omok::OpeningError e = !opening_            ? omok::OpeningError::WrongStep
                                 : !p || points.size() != chosen.size() ? omok::OpeningError::OffBoard
                                                      : opening_->checkCandidate(*p, points);
    played.reject = toReject(e);
    if (e != omok::OpeningError::None) played.why = std::string(omok::describe(e));
    if (p) played.notation = omok::name(*p);
    played.status = status();
    return played;
  }

  // No take-back reaches into the opening: its stones were decisions of both.
  bool allowsTakebacks() const override { return true; }
  bool canTakeback() const override {
    return !status().over() && !inOpening() && game_.history().size() > openingMoves();
  }
  bool takeback() override { return canTakeback() && game_.takeback(); }

  bool parseMove(std::string_view text, Move& out, std::string& error) const override {
    omok::Point p;
    const int size = game_.board().size();
    if (!omok::parsePoint(text, size, p, error)) return false;
    out = moveAt(p);
    return true;
  }

  EndReason claimableDraw() const override { return EndReason::None; }

  void finish(Status status) override {
    if (!this->status().over() && status.over()) decided_ = status;
  }

  std::string startPosition() const override { return {}; }
  std::string position() const override { return omok::formatBoard(board().board()); }

 private:
  bool inOpening() const { return opening_ && !opening_->done(); }
  // The game as it stands: the opening's until it is done, then the game
  // that goes on from it.
  const omok::Game& board() const { return inOpening() ? opening_->game() : game_; }
  std::size_t openingMoves() const { return opening_ ? opening_->moves().size() : 0; }

  Seat seatOf(omok::Role r) const { return r == omok::Role::Opener ? Seat::Player1 : Seat::Player2; }
  Seat seatOf(omok::Stone colour) const {
    if (opening_) return seatOf(opening_->roleOf(colour));
    return colour == omok::Stone::Black ? Seat::Player1 : Seat::Player2;
  }
  // The point an omok move names; nullopt when it is off the board or names
  // more than a point (a from-square, a promotion).
  std::optional<omok::Point> pointOf(const Move& m) const { return pointOn(m, game_.board().size()); }
  Move moveAt(omok::Point p) const {
    return Move{0, static_cast<std::uint16_t>(omok::wireIndex(p, game_.board().size())), 0};
  }

  // Says how the opening took an action; the accepted action that ends it
  // (made while it was in progress) hands its position to the game.
  void reportOpening(omok::OpeningError e, Played& played) {
    played.reject = toReject(e);
    if (e != omok::OpeningError::None) {
      played.why = std::string(omok::describe(e));
      return;
    }
    if (opening_->done()) game_ = opening_->game();
  }

  Rule rule_;
  omok::Game game_;  // while an opening is in progress, the empty board it started from
  std::optional<omok::Opening> opening_;
  Status decided_;
};

}  // namespace

std::string notation(const Decision& d, int boardSize) {
  switch (d.choice) {
    case Choice::Swap: return d.value == 1 ? "swap" : "keep";
    case Choice::ChooseColor: return d.value == 1 ? "black" : "white";
    case Choice::ChooseOption: return "option " + std::to_string(d.value);
    case Choice::Declare: return "declare " + std::to_string(d.value);
    case Choice::Offer: {
      std::string text = "offer";
      for (const Move& m : d.points) {
        const std::optional<omok::Point> p = pointOn(m, boardSize);
        text += p ? " " + omok::name(*p) : std::string(" ?");
      }
      return text;
    }
  }
  return "?";
}

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
  return std::make_unique<OmokGame>(setup.rule, *rules, setup.boardSize, setup.opening);
}

bool openingAllowed(Opening opening, Rule rule) {
  if (opening == Opening::None) return true;
  const std::optional<omok::RuleSet> rules = toRuleSet(rule);
  return rules && omok::allowedFor(static_cast<omok::OpeningRule>(opening), *rules);
}

}  // namespace game
