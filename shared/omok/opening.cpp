#include "shared/omok/opening.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "shared/omok/symmetry.h"

namespace omok {
namespace {

OpeningError fromMoveError(MoveError e) {
  switch (e) {
    case MoveError::None: return OpeningError::None;
    case MoveError::OffBoard: return OpeningError::OffBoard;
    case MoveError::Occupied: return OpeningError::Occupied;
    case MoveError::DoubleThree:
    case MoveError::DoubleFour:
    case MoveError::Overline: return OpeningError::Forbidden;
    case MoveError::NotYourTurn:
    case MoveError::GameOver: break;
  }
  // The opening plays nextColor() on a game that cannot be over yet.
  assert(false && "the opening asked the game for a move out of turn");
  return OpeningError::WrongStep;
}

bool noForbiddenPoints(const ColorRules& c) { return !c.forbidOverline && !c.forbidDoubleFour && !c.forbidDoubleThree; }

}  // namespace

std::string_view name(OpeningRule rule) {
  switch (rule) {
    case OpeningRule::None: return "none";
    case OpeningRule::Swap1: return "swap1";
    case OpeningRule::Swap2: return "swap2";
    case OpeningRule::Soosorv8: return "soosorv8";
    case OpeningRule::Taraguchi10: return "taraguchi10";
  }
  return "unknown";
}

std::optional<OpeningRule> openingRuleNamed(std::string_view text) {
  for (const OpeningRule r :
       {OpeningRule::None, OpeningRule::Swap1, OpeningRule::Swap2, OpeningRule::Soosorv8, OpeningRule::Taraguchi10})
    if (text == name(r)) return r;
  return std::nullopt;
}

bool allowedFor(OpeningRule opening, const RuleSet& rules) {
  switch (opening) {
    case OpeningRule::None: return true;
    case OpeningRule::Swap1:
    case OpeningRule::Swap2: return noForbiddenPoints(rules.black) && noForbiddenPoints(rules.white);
    case OpeningRule::Soosorv8:
    case OpeningRule::Taraguchi10: return rules == renjuRules();
  }
  return false;
}

std::string_view describe(OpeningError e) {
  switch (e) {
    case OpeningError::None: return "accepted";
    case OpeningError::Finished: return "the opening is over";
    case OpeningError::NotYourDecision: return "it is the other player's decision";
    case OpeningError::WrongStep: return "that is not what the opening asks for now";
    case OpeningError::NotAChoice: return "that is not one of the choices";
    case OpeningError::OffBoard: return "that point is off the board";
    case OpeningError::OutsideArea: return "that point is outside the central square allowed for this stone";
    case OpeningError::Occupied: return "that point is already taken";
    case OpeningError::Forbidden: return "that point is forbidden for that colour";
    case OpeningError::WrongCount: return "wrong number of fifth moves";
    case OpeningError::DuplicateCandidate: return "the same fifth move is offered twice";
    case OpeningError::SymmetricCandidate:
      return "two offered fifth moves are symmetrical: they give the same position";
    case OpeningError::NotACandidate: return "that point is not one of the offered fifth moves";
  }
  return "unknown";
}

// The scripts, one stage per decision. `moves` is asserted on entry to each
// stage; -1 where it depends on the branch taken.
std::span<const Opening::Stage> Opening::script(OpeningRule rule) {
  using S = Step;
  using W = Who;
  constexpr std::int8_t kAny = Area::kWholeBoard;
  // No opening rule: the game starts at once, the first player black.
  static constexpr std::array<Stage, 1> kNone{{{S::Done, W::Black, kAny, 0, 0}}};
  // Swap1: the first player puts two black and one white stone anywhere;
  // the second player chooses a colour; white (move 4) is to move.
  static constexpr std::array<Stage, 5> kSwap1{{
      {S::Place, W::Opener, kAny, 0, 0},
      {S::Place, W::Opener, kAny, 1, 0},
      {S::Place, W::Opener, kAny, 2, 0},
      {S::ChooseColor, W::Other, kAny, 3, 0},
      {S::Done, W::White, kAny, 3, 0},
  }};
  // Swap2: as swap1, then the second player's three options; options 1 and
  // 2 end the opening (branch to Done), option 3 has the second player put
  // moves 4 and 5 and the first player choose the colour.
  static constexpr std::array<Stage, 8> kSwap2{{
      {S::Place, W::Opener, kAny, 0, 0},
      {S::Place, W::Opener, kAny, 1, 0},
      {S::Place, W::Opener, kAny, 2, 0},
      {S::ChooseOption, W::Other, kAny, 3, 7},
      {S::Place, W::Other, kAny, 3, 0},
      {S::Place, W::Other, kAny, 4, 0},
      {S::ChooseColor, W::Opener, kAny, 5, 0},
      {S::Done, W::White, kAny, -1, 0},
  }};
  // Soosõrv-8: the first player puts one of the 26 openings (1x1, 3x3,
  // 5x5); the other player may swap; white puts move 4 anywhere and
  // declares 1..8; black (the other player than white) may swap; black
  // offers the fifth moves; white picks one (and plays move 6 in the game).
  static constexpr std::array<Stage, 10> kSoosorv8{{
      {S::Place, W::Opener, 0, 0, 0},
      {S::Place, W::Opener, 1, 1, 0},
      {S::Place, W::Opener, 2, 2, 0},
      {S::Swap, W::Other, kAny, 3, 0},
      {S::Place, W::White, kAny, 3, 0},
      {S::Declare, W::White, kAny, 4, 0},
      {S::Swap, W::Black, kAny, 4, 0},
      {S::Offer, W::Black, kAny, 4, 0},
      {S::Pick, W::White, kAny, 4, 0},
      {S::Done, W::White, kAny, 5, 0},
  }};
  // Taraguchi-10: each of moves 1..4 in a growing central square, each
  // followed by the other player's swap; after move 4 black swaps or keeps
  // (choice 1: move 5 in 9x9, white may swap, white plays move 6) or offers
  // ten fifth moves anywhere (choice 2, branch to the pick).
  static constexpr std::array<Stage, 13> kTaraguchi10{{
      {S::Place, W::Black, 0, 0, 0},
      {S::Swap, W::White, kAny, 1, 0},
      {S::Place, W::White, 1, 1, 0},
      {S::Swap, W::Black, kAny, 2, 0},
      {S::Place, W::Black, 2, 2, 0},
      {S::Swap, W::White, kAny, 3, 0},
      {S::Place, W::White, 3, 3, 0},
      {S::SwapOrOffer, W::Black, kAny, 4, 11},
      {S::Place, W::Black, 4, 4, 0},
      {S::Swap, W::White, kAny, 5, 0},
      {S::Done, W::White, kAny, 5, 0},
      {S::Pick, W::White, kAny, 4, 0},
      {S::Done, W::White, kAny, 5, 0},
  }};
  switch (rule) {
    case OpeningRule::None: return kNone;
    case OpeningRule::Swap1: return kSwap1;
    case OpeningRule::Swap2: return kSwap2;
    case OpeningRule::Soosorv8: return kSoosorv8;
    case OpeningRule::Taraguchi10: return kTaraguchi10;
  }
  assert(false && "unknown opening rule");
  return kNone;
}

Opening::Opening(OpeningRule opening, const RuleSet& rules, int size) : rule_(opening), game_(rules, size) {
  assert(isSupportedSize(size));
  assert(allowedFor(opening, rules));
  checkInvariants();
}

Step Opening::step() const { return stage().step; }

Role Opening::decider() const {
  if (done()) return roleOf(nextColor());
  switch (stage().who) {
    case Who::Opener: return Role::Opener;
    case Who::Other: return Role::Other;
    case Who::Black: return roleOf(Stone::Black);
    case Who::White: return roleOf(Stone::White);
  }
  return Role::Opener;
}

std::optional<Area> Opening::area() const {
  switch (step()) {
    case Step::Place: return Area{stage().half};
    case Step::Offer: return Area{};  // fifth moves anywhere (both texts)
    default: return std::nullopt;
  }
}

int Opening::offerCount() const {
  switch (rule_) {
    case OpeningRule::Soosorv8: return declared_;
    case OpeningRule::Taraguchi10: return kTaraguchiOffer;
    default: return 0;
  }
}

OpeningError Opening::admit(Role by, Step a, Step b) const {
  if (done()) return OpeningError::Finished;
  if (by != decider()) return OpeningError::NotYourDecision;
  if (step() != a && step() != b) return OpeningError::WrongStep;
  return OpeningError::None;
}

void Opening::advance(int to) {
  assert(to > stage_ && static_cast<std::size_t>(to) < script(rule_).size());
  stage_ = static_cast<std::uint8_t>(to);
  checkInvariants();
}

void Opening::checkInvariants() const {
  const std::span<const Stage> s = script(rule_);
  assert(stage_ < s.size() && s.back().step == Step::Done);
  assert(stage().moves < 0 || moves().size() == static_cast<std::size_t>(stage().moves));
  assert(!game_.over());
  // The scripts end with the colour to move that the texts name.
  assert(!done() || (stage().who == Who::Black ? Stone::Black : Stone::White) == nextColor());
  // A colour's holder places that colour's stones.
  assert(step() != Step::Place || stage().who == Who::Opener || stage().who == Who::Other ||
         colorOf(decider()) == nextColor());
  // Fifth moves: black offers, white picks, move 5 is black's.
  assert(step() != Step::Offer || (offerCount() >= 1 && nextColor() == Stone::Black));
  assert(step() != Step::Pick || (!candidates_.empty() && nextColor() == Stone::Black));
  assert(declared_ >= 0 && declared_ <= kMaxDeclared);
  (void)s;
}

OpeningError Opening::place(Role by, Point p) {
  if (const OpeningError e = admit(by, Step::Place, Step::Place); e != OpeningError::None) return e;
  if (!onBoard(p, size())) return OpeningError::OffBoard;
  // The opening's own area first, then the move's legality under the rule set.
  if (!area()->contains(p, size())) return OpeningError::OutsideArea;
  const Stone colour = nextColor();
  if (const OpeningError e = fromMoveError(game_.play(p, colour)); e != OpeningError::None) return e;
  history_.push_back(Decision{.by = by, .action = Action::Place, .point = p, .colour = colour});
  advance(stage_ + 1);
  return OpeningError::None;
}

OpeningError Opening::swapColors(Role by, bool exchange) {
  if (const OpeningError e = admit(by, Step::Swap, Step::SwapOrOffer); e != OpeningError::None) return e;
  exchanged_ = exchanged_ != exchange;
  history_.push_back(Decision{.by = by, .action = Action::Swap, .exchanged = exchange});
  advance(stage_ + 1);
  return OpeningError::None;
}

OpeningError Opening::chooseColor(Role by, Stone colour) {
  if (const OpeningError e = admit(by, Step::ChooseColor, Step::ChooseColor); e != OpeningError::None) return e;
  if (colour != Stone::Black && colour != Stone::White) return OpeningError::NotAChoice;
  if (colorOf(by) != colour) exchanged_ = !exchanged_;
  assert(colorOf(by) == colour);
  history_.push_back(Decision{.by = by, .action = Action::ChooseColor, .colour = colour});
  advance(stage_ + 1);
  return OpeningError::None;
}

OpeningError Opening::chooseOption(Role by, Swap2Option option) {
  if (const OpeningError e = admit(by, Step::ChooseOption, Step::ChooseOption); e != OpeningError::None) return e;
  switch (option) {
    case Swap2Option::TakeBlack:
      assert(!exchanged_);
      exchanged_ = true;
      [[fallthrough]];
    case Swap2Option::StayWhite:
      history_.push_back(Decision{.by = by, .action = Action::ChooseOption, .option = option});
      advance(stage().branch);
      return OpeningError::None;
    case Swap2Option::PlaceTwo:
      history_.push_back(Decision{.by = by, .action = Action::ChooseOption, .option = option});
      advance(stage_ + 1);
      return OpeningError::None;
  }
  return OpeningError::NotAChoice;  // a value off the enumeration (from a cast)
}

OpeningError Opening::declare(Role by, int count) {
  if (const OpeningError e = admit(by, Step::Declare, Step::Declare); e != OpeningError::None) return e;
  if (count < 1 || count > kMaxDeclared) return OpeningError::WrongCount;
  declared_ = count;
  history_.push_back(Decision{.by = by, .action = Action::Declare, .count = count});
  advance(stage_ + 1);
  return OpeningError::None;
}

OpeningError Opening::candidateError(Point p, std::span<const Point> chosen) const {
  if (!onBoard(p, size())) return OpeningError::OffBoard;
  // A candidate must be a legal move for black here; a scratch copy asks the game itself.
  Game scratch = game_;
  if (const OpeningError e = fromMoveError(scratch.play(p, nextColor())); e != OpeningError::None) return e;
  for (const Point q : chosen) {
    if (q == p) return OpeningError::DuplicateCandidate;
    if (symmetricCandidates(game_.board(), p, q)) return OpeningError::SymmetricCandidate;
  }
  return OpeningError::None;
}

OpeningError Opening::checkCandidate(Point p, std::span<const Point> chosen) const {
  if (done()) return OpeningError::Finished;
  if (step() != Step::Offer && step() != Step::SwapOrOffer) return OpeningError::WrongStep;
  return candidateError(p, chosen);
}

OpeningError Opening::offer(Role by, std::span<const Point> points) {
  if (const OpeningError e = admit(by, Step::Offer, Step::SwapOrOffer); e != OpeningError::None) return e;
  if (points.size() != static_cast<std::size_t>(offerCount())) return OpeningError::WrongCount;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (const OpeningError e = candidateError(points[i], points.first(i)); e != OpeningError::None) return e;
  candidates_.assign(points.begin(), points.end());
  history_.push_back(Decision{.by = by, .action = Action::Offer, .points = candidates_});
  advance(step() == Step::SwapOrOffer ? stage().branch : stage_ + 1);
  return OpeningError::None;
}

OpeningError Opening::pick(Role by, Point p) {
  if (const OpeningError e = admit(by, Step::Pick, Step::Pick); e != OpeningError::None) return e;
  if (std::find(candidates_.begin(), candidates_.end(), p) == candidates_.end()) return OpeningError::NotACandidate;
  // Every candidate was checked legal on this very position.
  [[maybe_unused]] const MoveError e = game_.play(p, Stone::Black);
  assert(e == MoveError::None);
  history_.push_back(Decision{.by = by, .action = Action::Pick, .point = p});
  advance(stage_ + 1);
  return OpeningError::None;
}

OpeningError Opening::apply(const Decision& d) {
  switch (d.action) {
    case Action::Place: return place(d.by, d.point);
    case Action::Swap: return swapColors(d.by, d.exchanged);
    case Action::ChooseColor: return chooseColor(d.by, d.colour);
    case Action::ChooseOption: return chooseOption(d.by, d.option);
    case Action::Declare: return declare(d.by, d.count);
    case Action::Offer: return offer(d.by, d.points);
    case Action::Pick: return pick(d.by, d.point);
  }
  return OpeningError::WrongStep;
}

}  // namespace omok
