// The opening rules step by step, every refusal, the colours of every
// branch, and the symmetry of fifth-move candidates.
#include "shared/omok/opening.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "shared/omok/symmetry.h"
#include "tests/omok/test_util.h"

namespace omok {

// Readable failures (found by argument-dependent lookup; internal linkage so
// no other test's printers can clash).
static void PrintTo(OpeningError e, std::ostream* os) { *os << describe(e) << " (" << static_cast<int>(e) << ")"; }
static void PrintTo(Step s, std::ostream* os) {
  constexpr const char* kNames[] = {"Place",   "Swap",  "SwapOrOffer", "ChooseColor", "ChooseOption",
                                    "Declare", "Offer", "Pick",        "Done"};
  *os << kNames[static_cast<int>(s)];
}
static void PrintTo(Role r, std::ostream* os) { *os << (r == Role::Opener ? "Opener" : "Other"); }
static void PrintTo(Stone s, std::ostream* os) {
  *os << (s == Stone::Black ? "Black" : s == Stone::White ? "White" : s == Stone::Empty ? "Empty" : "Wall");
}
static void PrintTo(Point p, std::ostream* os) { *os << static_cast<char>('a' + p.col) << p.row + 1; }

namespace {

using testing::pt;

constexpr Role kOpener = Role::Opener;
constexpr Role kOther = Role::Other;

// "a1 b2" as points (the test builds its own names; the engine needs none).
std::vector<Point> pts(std::string_view text, int size = 15) {
  std::vector<Point> out;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) out.push_back(pt(word, size));
  return out;
}

// Everything a refusal must leave as it was.
struct Snapshot {
  Step step;
  Role decider;
  bool exchanged;
  int declared;
  std::vector<Point> moves;
  std::vector<Point> candidates;
  std::vector<Decision> history;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot snap(const Opening& o) {
  return {o.step(), o.decider(), o.exchanged(), o.declared(), o.moves(), o.candidates(), o.history()};
}

// `call` (a member call on `opening`) is refused with `error` and changes nothing.
#define EXPECT_REFUSED(opening, error, call)                                  \
  do {                                                                        \
    const Snapshot before_ = snap(opening);                                   \
    EXPECT_EQ((opening).call, (error)) << #call;                              \
    EXPECT_TRUE(snap(opening) == before_) << #call << " changed the opening"; \
  } while (0)

#define EXPECT_STEP(opening, wantStep, wantDecider) \
  do {                                              \
    EXPECT_EQ((opening).step(), (wantStep));        \
    EXPECT_EQ((opening).decider(), (wantDecider));  \
  } while (0)

// Every action is refused as Finished once the opening is done.
void expectFinished(Opening& o) {
  ASSERT_TRUE(o.done());
  for (const Role r : {kOpener, kOther}) {
    EXPECT_REFUSED(o, OpeningError::Finished, place(r, pt("a1")));
    EXPECT_REFUSED(o, OpeningError::Finished, swapColors(r, true));
    EXPECT_REFUSED(o, OpeningError::Finished, chooseColor(r, Stone::Black));
    EXPECT_REFUSED(o, OpeningError::Finished, chooseOption(r, Swap2Option::TakeBlack));
    EXPECT_REFUSED(o, OpeningError::Finished, declare(r, 1));
    EXPECT_REFUSED(o, OpeningError::Finished, offer(r, pts("a1")));
    EXPECT_REFUSED(o, OpeningError::Finished, pick(r, pt("a1")));
  }
  EXPECT_EQ(o.checkCandidate(pt("a1"), {}), OpeningError::Finished);
  EXPECT_EQ(o.area(), std::nullopt);
}

// After the opening the game goes on as an ordinary omok::Game: the same
// moves as played one by one from the empty board, the decider's colour to
// move, and the next move accepted for that colour only.
void expectGameGoesOn(const Opening& o, const RuleSet& rules, const std::vector<Point>& want, Stone toMove, Role mover,
                      Point next) {
  ASSERT_TRUE(o.done());
  EXPECT_EQ(o.moves(), want);
  Game replayed(rules, o.size());
  for (const Point p : want) ASSERT_EQ(replayed.play(p), MoveError::None);
  EXPECT_EQ(o.game().board(), replayed.board());
  EXPECT_EQ(o.game().history(), replayed.history());
  EXPECT_EQ(o.game().toMove(), toMove);
  EXPECT_EQ(o.decider(), mover);
  EXPECT_EQ(o.colorOf(mover), toMove);
  EXPECT_EQ(o.roleOf(toMove), mover);
  Game g = o.game();
  EXPECT_EQ(g.play(next, opponent(toMove)), MoveError::NotYourTurn);
  EXPECT_EQ(g.play(next, toMove), MoveError::None);
  EXPECT_EQ(g.history().size(), want.size() + 1);
  EXPECT_EQ(g.toMove(), opponent(toMove));
}

// A fresh opening fed the recorded decisions ends in the same state.
void expectReplays(const Opening& o, const RuleSet& rules) {
  Opening again(o.rule(), rules, o.size());
  for (const Decision& d : o.history()) ASSERT_EQ(again.apply(d), OpeningError::None);
  EXPECT_TRUE(snap(again) == snap(o));
}

// ---------------------------------------------------------------------------
// Which openings each rule set plays, and their names.

TEST(OpeningRules, AllowedForEveryRuleSetAndOpening) {
  struct Row {
    const char* name;
    RuleSet rules;
    bool swap;   // swap1, swap2
    bool renju;  // soosorv8, taraguchi10
  };
  const Row rows[] = {
      {"freestyle", freestyleRules(), true, false},
      {"standard", standardRules(), true, false},
      {"renju", renjuRules(), false, true},
      {"omok", omokRules(), false, false},
      {"omok, 3-3 for black only", omokRules(false), false, false},
      {"omok, overlines win", omokRules(true, true), false, false},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_TRUE(allowedFor(OpeningRule::None, r.rules));
    EXPECT_EQ(allowedFor(OpeningRule::Swap1, r.rules), r.swap);
    EXPECT_EQ(allowedFor(OpeningRule::Swap2, r.rules), r.swap);
    EXPECT_EQ(allowedFor(OpeningRule::Soosorv8, r.rules), r.renju);
    EXPECT_EQ(allowedFor(OpeningRule::Taraguchi10, r.rules), r.renju);
  }
}

TEST(OpeningRules, NamesRoundTrip) {
  for (const OpeningRule r :
       {OpeningRule::None, OpeningRule::Swap1, OpeningRule::Swap2, OpeningRule::Soosorv8, OpeningRule::Taraguchi10})
    EXPECT_EQ(openingRuleNamed(name(r)), r) << name(r);
  EXPECT_EQ(name(OpeningRule::Soosorv8), "soosorv8");
  EXPECT_EQ(name(OpeningRule::Taraguchi10), "taraguchi10");
  EXPECT_EQ(openingRuleNamed("swap3"), std::nullopt);
  EXPECT_EQ(openingRuleNamed(""), std::nullopt);
}

TEST(OpeningRules, EveryRefusalHasASentence) {
  for (int e = 0; e <= static_cast<int>(OpeningError::NotACandidate); ++e)
    EXPECT_NE(describe(static_cast<OpeningError>(e)), "unknown") << e;
  EXPECT_EQ(describe(OpeningError::None), "accepted");
}

TEST(OpeningRules, AreaIsASquareAboutTheCentre) {
  for (const int size : {15, 19}) {
    const int c = (size - 1) / 2;
    const auto at = [&](int dc, int dr) {
      return Point{static_cast<std::int8_t>(c + dc), static_cast<std::int8_t>(c + dr)};
    };
    EXPECT_TRUE(Area{0}.contains(at(0, 0), size));
    EXPECT_FALSE(Area{0}.contains(at(1, 0), size));
    EXPECT_TRUE(Area{2}.contains(at(-2, 2), size));
    EXPECT_FALSE(Area{2}.contains(at(-3, 0), size));
    EXPECT_FALSE(Area{2}.contains(at(0, 3), size));
    EXPECT_TRUE(Area{4}.contains(at(4, -4), size));
    EXPECT_FALSE(Area{4}.contains(at(5, -4), size));
    EXPECT_TRUE(Area{}.contains(Point{0, 0}, size));
    EXPECT_FALSE(Area{}.contains(Point{-1, 0}, size));
    EXPECT_FALSE(Area{}.contains(Point{0, static_cast<std::int8_t>(size)}, size));
  }
  EXPECT_EQ(Area{3}.side(), 7);
  EXPECT_TRUE(Area{}.wholeBoard());
}

// ---------------------------------------------------------------------------
// No opening rule.

TEST(OpeningNone, DoneAtOnceWithTheFirstPlayerBlack) {
  for (const RuleSet& rules : {freestyleRules(), standardRules(), renjuRules(), omokRules()}) {
    Opening o(OpeningRule::None, rules);
    EXPECT_STEP(o, Step::Done, kOpener);
    EXPECT_EQ(o.colorOf(kOpener), Stone::Black);
    EXPECT_EQ(o.colorOf(kOther), Stone::White);
    EXPECT_EQ(o.offerCount(), 0);
    expectFinished(o);
    expectGameGoesOn(o, rules, {}, Stone::Black, kOpener, pt("h8"));
  }
}

// ---------------------------------------------------------------------------
// Swap1: three stones by the first player anywhere, then the second player's colour.

// Places b, w, b for the opener, checking each step and the refusals of a free placement.
void placeThreeFreely(Opening& o, const std::vector<Point>& three) {
  const Stone colours[] = {Stone::Black, Stone::White, Stone::Black};
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(i + 1);
    EXPECT_STEP(o, Step::Place, kOpener);
    EXPECT_EQ(o.nextColor(), colours[i]);
    ASSERT_EQ(o.area(), Area{});
    EXPECT_REFUSED(o, OpeningError::NotYourDecision, place(kOther, three[i]));
    EXPECT_REFUSED(o, OpeningError::WrongStep, swapColors(kOpener, true));
    EXPECT_REFUSED(o, OpeningError::WrongStep, chooseColor(kOpener, Stone::Black));
    EXPECT_REFUSED(o, OpeningError::WrongStep, chooseOption(kOpener, Swap2Option::PlaceTwo));
    EXPECT_REFUSED(o, OpeningError::WrongStep, declare(kOpener, 1));
    EXPECT_REFUSED(o, OpeningError::WrongStep, offer(kOpener, pts("a1")));
    EXPECT_REFUSED(o, OpeningError::WrongStep, pick(kOpener, pt("a1")));
    EXPECT_EQ(o.checkCandidate(pt("a1"), {}), OpeningError::WrongStep);
    EXPECT_REFUSED(o, OpeningError::OffBoard, place(kOpener, (Point{-1, 3})));
    EXPECT_REFUSED(o, OpeningError::OffBoard, place(kOpener, (Point{3, static_cast<std::int8_t>(o.size())})));
    if (i > 0) {
      EXPECT_REFUSED(o, OpeningError::Occupied, place(kOpener, three[i - 1]));
    }
    ASSERT_EQ(o.place(kOpener, three[i]), OpeningError::None);
    EXPECT_EQ(o.game().board().at(three[i]), colours[i]);
  }
}

TEST(OpeningSwap1, SecondPlayerKeepsWhite) {
  Opening o(OpeningRule::Swap1, freestyleRules());
  EXPECT_EQ(o.colorOf(kOpener), Stone::Black);
  // Anywhere: a corner and a far edge are as good as the centre.
  const std::vector<Point> three = pts("a1 h8 o15");
  placeThreeFreely(o, three);
  EXPECT_STEP(o, Step::ChooseColor, kOther);
  EXPECT_EQ(o.area(), std::nullopt);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, chooseColor(kOpener, Stone::Black));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOther, pt("b2")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, swapColors(kOther, true));
  EXPECT_REFUSED(o, OpeningError::WrongStep, chooseOption(kOther, Swap2Option::StayWhite));
  EXPECT_REFUSED(o, OpeningError::NotAChoice, chooseColor(kOther, Stone::Empty));
  EXPECT_REFUSED(o, OpeningError::NotAChoice, chooseColor(kOther, Stone::Wall));
  ASSERT_EQ(o.chooseColor(kOther, Stone::White), OpeningError::None);
  EXPECT_FALSE(o.exchanged());
  EXPECT_EQ(o.colorOf(kOpener), Stone::Black);
  EXPECT_EQ(o.colorOf(kOther), Stone::White);
  expectGameGoesOn(o, freestyleRules(), three, Stone::White, kOther, pt("b2"));
  expectFinished(o);
  expectReplays(o, freestyleRules());
  const std::vector<Decision> want{
      {.by = kOpener, .action = Action::Place, .point = three[0], .colour = Stone::Black},
      {.by = kOpener, .action = Action::Place, .point = three[1], .colour = Stone::White},
      {.by = kOpener, .action = Action::Place, .point = three[2], .colour = Stone::Black},
      {.by = kOther, .action = Action::ChooseColor, .colour = Stone::White},
  };
  EXPECT_EQ(o.history(), want);
}

TEST(OpeningSwap1, SecondPlayerTakesBlack) {
  Opening o(OpeningRule::Swap1, standardRules());
  const std::vector<Point> three = pts("h8 i9 j8");
  placeThreeFreely(o, three);
  ASSERT_EQ(o.chooseColor(kOther, Stone::Black), OpeningError::None);
  EXPECT_TRUE(o.exchanged());
  EXPECT_EQ(o.colorOf(kOther), Stone::Black);
  EXPECT_EQ(o.colorOf(kOpener), Stone::White);
  // The first player, now white, plays move 4.
  expectGameGoesOn(o, standardRules(), three, Stone::White, kOpener, pt("k8"));
  expectReplays(o, standardRules());
}

TEST(OpeningSwap1, OnTheLargeBoard) {
  Opening o(OpeningRule::Swap1, freestyleRules(), 19);
  const std::vector<Point> three = pts("s19 a19 j10", 19);
  placeThreeFreely(o, three);
  ASSERT_EQ(o.chooseColor(kOther, Stone::White), OpeningError::None);
  expectGameGoesOn(o, freestyleRules(), three, Stone::White, kOther, pt("a1", 19));
}

// ---------------------------------------------------------------------------
// Swap2.

Opening swap2AtOptions(const RuleSet& rules, const std::vector<Point>& three) {
  Opening o(OpeningRule::Swap2, rules);
  placeThreeFreely(o, three);
  EXPECT_STEP(o, Step::ChooseOption, kOther);
  EXPECT_EQ(o.area(), std::nullopt);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, chooseOption(kOpener, Swap2Option::TakeBlack));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOther, pt("a1")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, chooseColor(kOther, Stone::Black));
  EXPECT_REFUSED(o, OpeningError::WrongStep, swapColors(kOther, true));
  EXPECT_REFUSED(o, OpeningError::NotAChoice, chooseOption(kOther, static_cast<Swap2Option>(3)));
  return o;
}

TEST(OpeningSwap2, OptionOneTakeBlack) {
  const std::vector<Point> three = pts("h8 h9 j7");
  Opening o = swap2AtOptions(standardRules(), three);
  ASSERT_EQ(o.chooseOption(kOther, Swap2Option::TakeBlack), OpeningError::None);
  EXPECT_EQ(o.colorOf(kOther), Stone::Black);
  EXPECT_EQ(o.colorOf(kOpener), Stone::White);
  expectGameGoesOn(o, standardRules(), three, Stone::White, kOpener, pt("g8"));
  expectFinished(o);
  expectReplays(o, standardRules());
}

TEST(OpeningSwap2, OptionTwoStayWhiteAndPlayTheFourthMove) {
  const std::vector<Point> three = pts("h8 h9 j7");
  Opening o = swap2AtOptions(freestyleRules(), three);
  ASSERT_EQ(o.chooseOption(kOther, Swap2Option::StayWhite), OpeningError::None);
  EXPECT_EQ(o.colorOf(kOther), Stone::White);
  EXPECT_EQ(o.colorOf(kOpener), Stone::Black);
  // Move 4 is the second player's first ordinary move.
  expectGameGoesOn(o, freestyleRules(), three, Stone::White, kOther, pt("g8"));
  expectReplays(o, freestyleRules());
}

// Option 3: the second player places moves 4 (white) and 5 (black), then the first player chooses.
Opening swap2AfterTwoMore(const RuleSet& rules, const std::vector<Point>& five) {
  Opening o = swap2AtOptions(rules, {five[0], five[1], five[2]});
  EXPECT_EQ(o.chooseOption(kOther, Swap2Option::PlaceTwo), OpeningError::None);
  for (std::size_t i = 3; i < 5; ++i) {
    SCOPED_TRACE(i + 1);
    EXPECT_STEP(o, Step::Place, kOther);
    EXPECT_EQ(o.nextColor(), i == 3 ? Stone::White : Stone::Black);
    EXPECT_EQ(o.area(), Area{});
    EXPECT_REFUSED(o, OpeningError::NotYourDecision, place(kOpener, five[i]));
    EXPECT_REFUSED(o, OpeningError::WrongStep, chooseColor(kOther, Stone::Black));
    EXPECT_REFUSED(o, OpeningError::WrongStep, chooseOption(kOther, Swap2Option::TakeBlack));
    EXPECT_REFUSED(o, OpeningError::Occupied, place(kOther, five[0]));
    EXPECT_REFUSED(o, OpeningError::OffBoard, place(kOther, (Point{15, 0})));
    EXPECT_EQ(o.place(kOther, five[i]), OpeningError::None);
  }
  EXPECT_STEP(o, Step::ChooseColor, kOpener);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, chooseColor(kOther, Stone::Black));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOpener, pt("a1")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, chooseOption(kOpener, Swap2Option::TakeBlack));
  EXPECT_REFUSED(o, OpeningError::NotAChoice, chooseColor(kOpener, Stone::Empty));
  return o;
}

TEST(OpeningSwap2, OptionThreeFirstPlayerChoosesBlack) {
  const std::vector<Point> five = pts("h8 h9 j7 a1 o15");
  Opening o = swap2AfterTwoMore(standardRules(), five);
  ASSERT_EQ(o.chooseColor(kOpener, Stone::Black), OpeningError::None);
  EXPECT_FALSE(o.exchanged());
  EXPECT_EQ(o.colorOf(kOpener), Stone::Black);
  EXPECT_EQ(o.colorOf(kOther), Stone::White);
  // White, the second player, plays move 6.
  expectGameGoesOn(o, standardRules(), five, Stone::White, kOther, pt("g8"));
  expectFinished(o);
  expectReplays(o, standardRules());
  EXPECT_EQ(o.history().size(), 7u);
  EXPECT_EQ(o.history()[3], (Decision{.by = kOther, .action = Action::ChooseOption, .option = Swap2Option::PlaceTwo}));
  EXPECT_EQ(o.history()[4],
            (Decision{.by = kOther, .action = Action::Place, .point = five[3], .colour = Stone::White}));
  EXPECT_EQ(o.history()[5],
            (Decision{.by = kOther, .action = Action::Place, .point = five[4], .colour = Stone::Black}));
}

TEST(OpeningSwap2, OptionThreeFirstPlayerChoosesWhite) {
  const std::vector<Point> five = pts("h8 h9 j7 g8 i8");
  Opening o = swap2AfterTwoMore(freestyleRules(), five);
  ASSERT_EQ(o.chooseColor(kOpener, Stone::White), OpeningError::None);
  EXPECT_TRUE(o.exchanged());
  EXPECT_EQ(o.colorOf(kOpener), Stone::White);
  EXPECT_EQ(o.colorOf(kOther), Stone::Black);
  expectGameGoesOn(o, freestyleRules(), five, Stone::White, kOpener, pt("f8"));
  expectReplays(o, freestyleRules());
}

// ---------------------------------------------------------------------------
// Soosõrv-8.

// The 26 openings: move 1 on the centre, 2 in the 3x3, 3 in the 5x5, all by the first player.
void placeRenjuOpening(Opening& o, const std::vector<Point>& three, const std::vector<Point>& outside) {
  const Stone colours[] = {Stone::Black, Stone::White, Stone::Black};
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(i + 1);
    EXPECT_STEP(o, Step::Place, kOpener);
    EXPECT_EQ(o.nextColor(), colours[i]);
    ASSERT_EQ(o.area(), Area{static_cast<int>(i)});
    EXPECT_EQ(o.area()->side(), 2 * static_cast<int>(i) + 1);
    EXPECT_REFUSED(o, OpeningError::NotYourDecision, place(kOther, three[i]));
    EXPECT_REFUSED(o, OpeningError::WrongStep, swapColors(kOpener, false));
    EXPECT_REFUSED(o, OpeningError::WrongStep, declare(kOpener, 2));
    EXPECT_REFUSED(o, OpeningError::OffBoard, place(kOpener, (Point{-1, -1})));
    EXPECT_REFUSED(o, OpeningError::OutsideArea, place(kOpener, outside[i]));
    if (i > 0) {
      EXPECT_REFUSED(o, OpeningError::Occupied, place(kOpener, three[0]));
    }
    ASSERT_EQ(o.place(kOpener, three[i]), OpeningError::None);
  }
}

TEST(OpeningSoosorv8, StepByStepWithEveryRefusal) {
  Opening o(OpeningRule::Soosorv8, renjuRules());
  EXPECT_EQ(o.offerCount(), 0);
  // h9 is outside the centre, j10 outside the 3x3, k11 outside the 5x5.
  placeRenjuOpening(o, pts("h8 h9 h10"), pts("h9 j10 k11"));

  // The other player may swap.
  EXPECT_STEP(o, Step::Swap, kOther);
  EXPECT_EQ(o.area(), std::nullopt);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, swapColors(kOpener, true));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOther, pt("h6")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, chooseColor(kOther, Stone::Black));
  ASSERT_EQ(o.swapColors(kOther, false), OpeningError::None);

  // White puts move 4 anywhere...
  EXPECT_STEP(o, Step::Place, kOther);
  EXPECT_EQ(o.nextColor(), Stone::White);
  EXPECT_EQ(o.area(), Area{});
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, place(kOpener, pt("h3")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, declare(kOther, 2));
  EXPECT_REFUSED(o, OpeningError::Occupied, place(kOther, pt("h10")));
  EXPECT_REFUSED(o, OpeningError::OffBoard, place(kOther, (Point{0, 15})));
  ASSERT_EQ(o.place(kOther, pt("h3")), OpeningError::None);  // outside even the 9x9

  // ... and declares 1..8 fifth moves.
  EXPECT_STEP(o, Step::Declare, kOther);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, declare(kOpener, 2));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOther, pt("a1")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, swapColors(kOther, true));
  EXPECT_REFUSED(o, OpeningError::WrongCount, declare(kOther, 0));
  EXPECT_REFUSED(o, OpeningError::WrongCount, declare(kOther, 9));
  EXPECT_REFUSED(o, OpeningError::WrongCount, declare(kOther, -1));
  ASSERT_EQ(o.declare(kOther, 3), OpeningError::None);
  EXPECT_EQ(o.declared(), 3);
  EXPECT_EQ(o.offerCount(), 3);

  // Black, the other player than white, may swap.
  EXPECT_STEP(o, Step::Swap, kOpener);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, swapColors(kOther, true));
  EXPECT_REFUSED(o, OpeningError::WrongStep, offer(kOpener, pts("a1 b1 c1")));
  ASSERT_EQ(o.swapColors(kOpener, false), OpeningError::None);

  // Black offers exactly three fifth moves anywhere, none symmetrical: the
  // position (all on column h) is symmetric left to right.
  EXPECT_STEP(o, Step::Offer, kOpener);
  EXPECT_EQ(o.nextColor(), Stone::Black);
  EXPECT_EQ(o.area(), Area{});
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, offer(kOther, pts("a1 b1 c1")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOpener, pt("a1")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, pick(kOpener, pt("a1")));
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, pts("a1 b1")));
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, pts("a1 b1 c1 d1")));
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, {}));
  EXPECT_REFUSED(o, OpeningError::Occupied, offer(kOpener, pts("a1 h9 c1")));
  EXPECT_REFUSED(o, OpeningError::OffBoard, offer(kOpener, std::vector<Point>{pt("a1"), pt("b1"), Point{15, 15}}));
  EXPECT_REFUSED(o, OpeningError::DuplicateCandidate, offer(kOpener, pts("a1 b1 a1")));
  EXPECT_REFUSED(o, OpeningError::SymmetricCandidate, offer(kOpener, pts("g11 a1 i11")));
  // The client's one-at-a-time check says the same.
  EXPECT_EQ(o.checkCandidate(pt("i11"), pts("g11")), OpeningError::SymmetricCandidate);
  EXPECT_EQ(o.checkCandidate(pt("g11"), pts("g11")), OpeningError::DuplicateCandidate);
  EXPECT_EQ(o.checkCandidate(pt("h9"), {}), OpeningError::Occupied);
  EXPECT_EQ(o.checkCandidate(pt("g5"), pts("g11")), OpeningError::None);
  // g11 and g5 only look alike (mirror images top to bottom, which is no symmetry of this position).
  const std::vector<Point> offered = pts("g11 g5 a1");
  ASSERT_EQ(o.offer(kOpener, offered), OpeningError::None);
  EXPECT_EQ(o.candidates(), offered);
  EXPECT_EQ(o.moves().size(), 4u);  // the candidates are not moves yet

  // White picks one; it is move 5, and white plays move 6 in the game.
  EXPECT_STEP(o, Step::Pick, kOther);
  EXPECT_EQ(o.area(), std::nullopt);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, pick(kOpener, pt("g5")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOther, pt("g5")));
  EXPECT_REFUSED(o, OpeningError::NotACandidate, pick(kOther, pt("i11")));
  EXPECT_REFUSED(o, OpeningError::NotACandidate, pick(kOther, pt("h8")));
  ASSERT_EQ(o.pick(kOther, pt("g5")), OpeningError::None);
  EXPECT_EQ(o.colorOf(kOpener), Stone::Black);
  expectGameGoesOn(o, renjuRules(), pts("h8 h9 h10 h3 g5"), Stone::White, kOther, pt("i9"));
  expectFinished(o);
  expectReplays(o, renjuRules());
  EXPECT_EQ(o.history().back(), (Decision{.by = kOther, .action = Action::Pick, .point = pt("g5")}));
}

// Both swaps, each taken or not: who decides each step and who ends up with which colour.
class Soosorv8Swaps : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(Soosorv8Swaps, ColoursFollowTheSwaps) {
  const auto [first, second] = GetParam();
  Opening o(OpeningRule::Soosorv8, renjuRules());
  placeRenjuOpening(o, pts("h8 i9 j8"), pts("g7 g6 m8"));
  bool exchanged = false;
  // The role holding `colour` now.
  const auto holder = [&](Stone colour) { return (colour == Stone::Black) != exchanged ? kOpener : kOther; };

  EXPECT_STEP(o, Step::Swap, kOther);
  ASSERT_EQ(o.swapColors(kOther, first), OpeningError::None);
  exchanged = first;
  EXPECT_EQ(o.colorOf(kOther), first ? Stone::Black : Stone::White);
  EXPECT_STEP(o, Step::Place, holder(Stone::White));
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, place(holder(Stone::Black), pt("g10")));
  ASSERT_EQ(o.place(holder(Stone::White), pt("g10")), OpeningError::None);
  EXPECT_STEP(o, Step::Declare, holder(Stone::White));
  ASSERT_EQ(o.declare(holder(Stone::White), 8), OpeningError::None);
  EXPECT_STEP(o, Step::Swap, holder(Stone::Black));
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, swapColors(holder(Stone::White), true));
  ASSERT_EQ(o.swapColors(holder(Stone::Black), second), OpeningError::None);
  exchanged = exchanged != second;
  EXPECT_STEP(o, Step::Offer, holder(Stone::Black));
  // Eight candidates (the most Soosõrv-8 allows) on an asymmetric position.
  const std::vector<Point> eight = pts("a1 o15 a15 o1 l12 d8 k6 f11");
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, offer(holder(Stone::White), eight));
  ASSERT_EQ(o.offer(holder(Stone::Black), eight), OpeningError::None);
  EXPECT_STEP(o, Step::Pick, holder(Stone::White));
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, pick(holder(Stone::Black), pt("d8")));
  ASSERT_EQ(o.pick(holder(Stone::White), pt("d8")), OpeningError::None);

  EXPECT_EQ(o.exchanged(), first != second);
  EXPECT_EQ(o.colorOf(kOpener), first != second ? Stone::White : Stone::Black);
  expectGameGoesOn(o, renjuRules(), pts("h8 i9 j8 g10 d8"), Stone::White, holder(Stone::White), pt("e9"));
  expectReplays(o, renjuRules());
}

INSTANTIATE_TEST_SUITE_P(Opening, Soosorv8Swaps, ::testing::Combine(::testing::Bool(), ::testing::Bool()),
                         [](const ::testing::TestParamInfo<std::tuple<bool, bool>>& info) {
                           return std::string(std::get<0>(info.param) ? "Swap" : "Keep") + "Then" +
                                  (std::get<1>(info.param) ? "Swap" : "Keep");
                         });

TEST(OpeningSoosorv8, OneFifthMoveIsEnough) {
  Opening o(OpeningRule::Soosorv8, renjuRules());
  placeRenjuOpening(o, pts("h8 i9 j10"), pts("a1 j10 f5"));
  ASSERT_EQ(o.swapColors(kOther, false), OpeningError::None);
  ASSERT_EQ(o.place(kOther, pt("g7")), OpeningError::None);
  ASSERT_EQ(o.declare(kOther, 1), OpeningError::None);
  ASSERT_EQ(o.swapColors(kOpener, false), OpeningError::None);
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, pts("i10 j9")));
  ASSERT_EQ(o.offer(kOpener, pts("i10")), OpeningError::None);
  ASSERT_EQ(o.pick(kOther, pt("i10")), OpeningError::None);
  expectGameGoesOn(o, renjuRules(), pts("h8 i9 j10 g7 i10"), Stone::White, kOther, pt("k11"));
}

TEST(OpeningSoosorv8, AreasAreAboutTheCentreOfTheLargeBoard) {
  Opening o(OpeningRule::Soosorv8, renjuRules(), 19);
  // j10 is the centre of 19x19: h8, the centre of 15x15, is outside its 3x3 even.
  placeRenjuOpening(o, pts("j10 k11 l12", 19), pts("h8 h8 m13", 19));
  EXPECT_STEP(o, Step::Swap, kOther);
}

// ---------------------------------------------------------------------------
// Taraguchi-10.

TEST(OpeningTaraguchi10, FifthMoveInTheCentreStepByStep) {
  Opening o(OpeningRule::Taraguchi10, renjuRules());
  EXPECT_EQ(o.offerCount(), 10);
  struct Placement {
    const char* point;
    const char* outside;  // just outside the area
    Stone colour;
  };
  // Moves 1..4 in the 1x1, 3x3, 5x5, 7x7, each followed by the other player's swap (all kept here).
  const Placement first4[] = {{"h8", "i8", Stone::Black},
                              {"i9", "j10", Stone::White},
                              {"j8", "k8", Stone::Black},
                              {"g10", "h12", Stone::White}};
  for (int i = 0; i < 4; ++i) {
    SCOPED_TRACE(i + 1);
    const Placement& m = first4[i];
    const Role mover = m.colour == Stone::Black ? kOpener : kOther;
    EXPECT_STEP(o, Step::Place, mover);
    EXPECT_EQ(o.nextColor(), m.colour);
    ASSERT_EQ(o.area(), Area{i});
    EXPECT_REFUSED(o, OpeningError::NotYourDecision, place(otherRole(mover), pt(m.point)));
    EXPECT_REFUSED(o, OpeningError::WrongStep, swapColors(mover, true));
    EXPECT_REFUSED(o, OpeningError::OutsideArea, place(mover, pt(m.outside)));
    EXPECT_REFUSED(o, OpeningError::OutsideArea, place(mover, pt("a1")));
    EXPECT_REFUSED(o, OpeningError::OffBoard, place(mover, (Point{-3, 7})));
    if (i > 0) {
      EXPECT_REFUSED(o, OpeningError::Occupied, place(mover, pt("h8")));
    }
    ASSERT_EQ(o.place(mover, pt(m.point)), OpeningError::None);
    if (i == 3) break;
    // The other player (the one who did not place it) may swap.
    EXPECT_STEP(o, Step::Swap, otherRole(mover));
    EXPECT_REFUSED(o, OpeningError::NotYourDecision, swapColors(mover, true));
    EXPECT_REFUSED(o, OpeningError::WrongStep, place(otherRole(mover), pt("h7")));
    EXPECT_REFUSED(o, OpeningError::WrongStep, offer(otherRole(mover), pts("a1")));
    ASSERT_EQ(o.swapColors(otherRole(mover), false), OpeningError::None);
  }

  // After move 4 black chooses: swap or keep (then move 5 in the 9x9), or ten fifth moves.
  EXPECT_STEP(o, Step::SwapOrOffer, kOpener);
  EXPECT_EQ(o.area(), std::nullopt);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, swapColors(kOther, true));
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, offer(kOther, pts("a1")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOpener, pt("l12")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, declare(kOpener, 10));
  ASSERT_EQ(o.swapColors(kOpener, false), OpeningError::None);

  EXPECT_STEP(o, Step::Place, kOpener);
  EXPECT_EQ(o.nextColor(), Stone::Black);
  EXPECT_EQ(o.area(), Area{4});
  // Having kept, black no longer has the ten fifth moves.
  EXPECT_REFUSED(o, OpeningError::WrongStep, offer(kOpener, pts("a1 b1 c1 d1 e1 f1 g1 h1 i1 j1")));
  EXPECT_EQ(o.checkCandidate(pt("a1"), {}), OpeningError::WrongStep);
  EXPECT_REFUSED(o, OpeningError::OutsideArea, place(kOpener, pt("m8")));
  EXPECT_REFUSED(o, OpeningError::OutsideArea, place(kOpener, pt("c3")));
  EXPECT_REFUSED(o, OpeningError::Occupied, place(kOpener, pt("i9")));
  ASSERT_EQ(o.place(kOpener, pt("l12")), OpeningError::None);  // a corner of the 9x9

  // White may swap once more; then white plays move 6 as an ordinary move.
  EXPECT_STEP(o, Step::Swap, kOther);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, swapColors(kOpener, false));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOther, pt("a1")));
  ASSERT_EQ(o.swapColors(kOther, false), OpeningError::None);
  EXPECT_EQ(o.colorOf(kOpener), Stone::Black);
  expectGameGoesOn(o, renjuRules(), pts("h8 i9 j8 g10 l12"), Stone::White, kOther, pt("a1"));
  expectFinished(o);
  expectReplays(o, renjuRules());
  EXPECT_EQ(o.history().size(), 10u);
}

TEST(OpeningTaraguchi10, TenFifthMovesWithEveryRefusal) {
  Opening o(OpeningRule::Taraguchi10, renjuRules());
  // A position symmetric about the a1-o15 diagonal.
  const std::vector<Point> four = pts("h8 i9 j10 g7");
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(o.place(i % 2 == 0 ? kOpener : kOther, four[static_cast<std::size_t>(i)]), OpeningError::None);
    if (i < 3) {
      ASSERT_EQ(o.swapColors(i % 2 == 0 ? kOther : kOpener, false), OpeningError::None);
    }
  }
  EXPECT_STEP(o, Step::SwapOrOffer, kOpener);
  // Ten, anywhere on the board: corners and edges well outside the 9x9, no
  // two mirror images across the diagonal (a1 and o15 lie on it).
  const std::vector<Point> offered = pts("a1 o15 a15 b1 h1 h15 n1 l4 k6 j9");
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, pts("a1 o15 a15 b1 h1 h15 n1 l4 k6")));
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, pts("a1 o15 a15 b1 h1 h15 n1 l4 k6 j9 c3")));
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, pts("a1")));
  EXPECT_REFUSED(o, OpeningError::WrongCount, offer(kOpener, {}));
  EXPECT_REFUSED(o, OpeningError::Occupied, offer(kOpener, pts("a1 o15 a15 b1 h1 h15 n1 l4 k6 j10")));
  EXPECT_REFUSED(o, OpeningError::OffBoard,
                 offer(kOpener, std::vector<Point>{pt("a1"), pt("o15"), pt("a15"), pt("b1"), pt("h1"), pt("h15"),
                                                   pt("n1"), pt("l4"), pt("k6"), Point{-1, 4}}));
  EXPECT_REFUSED(o, OpeningError::DuplicateCandidate, offer(kOpener, pts("a1 o15 a15 b1 h1 h15 n1 l4 k6 o15")));
  // j9 and i10 are mirror images across the diagonal the position lies on; so are a15 and o1.
  EXPECT_REFUSED(o, OpeningError::SymmetricCandidate, offer(kOpener, pts("j9 a1 o15 a15 b1 h1 h15 n1 l4 i10")));
  EXPECT_REFUSED(o, OpeningError::SymmetricCandidate, offer(kOpener, pts("a1 o15 a15 b1 h1 h15 n1 l4 k6 o1")));
  EXPECT_EQ(o.checkCandidate(pt("o1"), pts("a15")), OpeningError::SymmetricCandidate);
  EXPECT_EQ(o.checkCandidate(pt("a8"), pts("b1 h1")), OpeningError::SymmetricCandidate);
  ASSERT_EQ(o.offer(kOpener, offered), OpeningError::None);
  EXPECT_EQ(o.candidates(), offered);

  EXPECT_STEP(o, Step::Pick, kOther);
  EXPECT_REFUSED(o, OpeningError::NotYourDecision, pick(kOpener, pt("l4")));
  EXPECT_REFUSED(o, OpeningError::WrongStep, swapColors(kOther, true));
  EXPECT_REFUSED(o, OpeningError::WrongStep, place(kOther, pt("l4")));
  EXPECT_REFUSED(o, OpeningError::NotACandidate, pick(kOther, pt("o1")));
  ASSERT_EQ(o.pick(kOther, pt("l4")), OpeningError::None);
  // No swap after the pick: white plays move 6.
  expectGameGoesOn(o, renjuRules(), pts("h8 i9 j10 g7 l4"), Stone::White, kOther, pt("k5"));
  expectFinished(o);
  expectReplays(o, renjuRules());
}

TEST(OpeningTaraguchi10, AfterASwapBlackPlaysTheFifthMoveInTheCentre) {
  Opening o(OpeningRule::Taraguchi10, renjuRules());
  const std::vector<Point> four = pts("h8 i9 j8 g10");
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(o.place(i % 2 == 0 ? kOpener : kOther, four[static_cast<std::size_t>(i)]), OpeningError::None);
    if (i < 3) {
      ASSERT_EQ(o.swapColors(i % 2 == 0 ? kOther : kOpener, false), OpeningError::None);
    }
  }
  ASSERT_EQ(o.swapColors(kOpener, true), OpeningError::None);
  // The swap is choice 1's first step: the new black (who placed move 4) puts move 5 in the 9x9.
  EXPECT_STEP(o, Step::Place, kOther);
  EXPECT_EQ(o.area(), Area{4});
  EXPECT_REFUSED(o, OpeningError::WrongStep, offer(kOther, pts("a1 o15 a15 o1 h1 h15 a8 o8 l4 k6")));
}

// Every pattern of swaps, for both fifth-move branches: bit k of `swaps` is
// the k-th swap decision (after moves 1, 2, 3, 4 and, in choice 1, 5).
struct TaraguchiCase {
  bool tenFifths;
  unsigned swaps;
};

class Taraguchi10Swaps : public ::testing::TestWithParam<TaraguchiCase> {};

TEST_P(Taraguchi10Swaps, ColoursFollowTheSwaps) {
  const TaraguchiCase c = GetParam();
  Opening o(OpeningRule::Taraguchi10, renjuRules());
  bool exchanged = false;
  const auto holder = [&](Stone colour) { return (colour == Stone::Black) != exchanged ? kOpener : kOther; };
  const std::vector<Point> four = pts("h8 i9 j8 g10");
  int decision = 0;
  const auto swapStep = [&](Step want) {
    const bool swap = (c.swaps >> decision++) & 1u;
    // The decider is the other player than the one who placed the last stone.
    const Stone last = o.moves().size() % 2 == 1 ? Stone::Black : Stone::White;
    EXPECT_STEP(o, want, holder(opponent(last)));
    EXPECT_REFUSED(o, OpeningError::NotYourDecision, swapColors(holder(last), swap));
    ASSERT_EQ(o.swapColors(holder(opponent(last)), swap), OpeningError::None);
    exchanged = exchanged != swap;
    EXPECT_EQ(o.exchanged(), exchanged);
  };
  for (std::size_t i = 0; i < 4; ++i) {
    const Stone colour = i % 2 == 0 ? Stone::Black : Stone::White;
    EXPECT_STEP(o, Step::Place, holder(colour));
    ASSERT_EQ(o.place(holder(colour), four[i]), OpeningError::None);
    if (i < 3) swapStep(Step::Swap);
  }
  std::vector<Point> want = four;
  if (c.tenFifths) {
    EXPECT_STEP(o, Step::SwapOrOffer, holder(Stone::Black));
    const std::vector<Point> ten = pts("a1 o15 a15 o1 h1 h15 a8 o8 l4 k6");
    EXPECT_REFUSED(o, OpeningError::NotYourDecision, offer(holder(Stone::White), ten));
    ASSERT_EQ(o.offer(holder(Stone::Black), ten), OpeningError::None);
    EXPECT_STEP(o, Step::Pick, holder(Stone::White));
    ASSERT_EQ(o.pick(holder(Stone::White), pt("o8")), OpeningError::None);
    want.push_back(pt("o8"));
  } else {
    swapStep(Step::SwapOrOffer);
    EXPECT_STEP(o, Step::Place, holder(Stone::Black));
    ASSERT_EQ(o.place(holder(Stone::Black), pt("d4")), OpeningError::None);
    want.push_back(pt("d4"));
    swapStep(Step::Swap);
  }
  EXPECT_EQ(decision, c.tenFifths ? 3 : 5);
  EXPECT_EQ(o.colorOf(kOpener), exchanged ? Stone::White : Stone::Black);
  expectGameGoesOn(o, renjuRules(), want, Stone::White, holder(Stone::White), pt("k11"));
  expectReplays(o, renjuRules());
}

std::vector<TaraguchiCase> taraguchiCases() {
  std::vector<TaraguchiCase> cases;
  for (unsigned s = 0; s < 32; ++s) cases.push_back({false, s});
  for (unsigned s = 0; s < 8; ++s) cases.push_back({true, s});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Opening, Taraguchi10Swaps, ::testing::ValuesIn(taraguchiCases()),
                         [](const ::testing::TestParamInfo<TaraguchiCase>& info) {
                           std::string name = info.param.tenFifths ? "TenFifths_" : "FifthIn9x9_";
                           const int decisions = info.param.tenFifths ? 3 : 5;
                           for (int k = 0; k < decisions; ++k) name += (info.param.swaps >> k) & 1u ? 'S' : 'K';
                           return name;
                         });

TEST(OpeningTaraguchi10, AreasAreAboutTheCentreOfTheLargeBoard) {
  Opening o(OpeningRule::Taraguchi10, renjuRules(), 19);
  EXPECT_REFUSED(o, OpeningError::OutsideArea, place(kOpener, pt("h8", 19)));
  ASSERT_EQ(o.place(kOpener, pt("j10", 19)), OpeningError::None);
  ASSERT_EQ(o.swapColors(kOther, false), OpeningError::None);
  EXPECT_REFUSED(o, OpeningError::OutsideArea, place(kOther, pt("l12", 19)));
  ASSERT_EQ(o.place(kOther, pt("k11", 19)), OpeningError::None);
}

// ---------------------------------------------------------------------------
// Symmetry of fifth-move candidates.

TEST(OpeningSymmetry, TheEightSymmetriesOfTheBoard) {
  for (const int size : {15, 19}) {
    const Point centre{static_cast<std::int8_t>((size - 1) / 2), static_cast<std::int8_t>((size - 1) / 2)};
    for (const Symmetry s : kSymmetries) {
      EXPECT_EQ(apply(s, centre, size), centre);
      // Each is a bijection of the board, and an isometry about the centre.
      std::vector<bool> hit(static_cast<std::size_t>(size * size), false);
      for (std::int8_t r = 0; r < size; ++r)
        for (std::int8_t c = 0; c < size; ++c) {
          const Point q = apply(s, Point{c, r}, size);
          ASSERT_TRUE(onBoard(q, size));
          hit[static_cast<std::size_t>(wireIndex(q, size))] = true;
          const int d0 = (c - centre.col) * (c - centre.col) + (r - centre.row) * (r - centre.row);
          const int d1 = (q.col - centre.col) * (q.col - centre.col) + (q.row - centre.row) * (q.row - centre.row);
          EXPECT_EQ(d0, d1);
        }
      EXPECT_EQ(std::count(hit.begin(), hit.end(), true), size * size);
    }
  }
  // Where a point goes, on 15x15 (i8 is one step right of the centre h8).
  EXPECT_EQ(apply(Symmetry::Identity, pt("i8"), 15), pt("i8"));
  EXPECT_EQ(apply(Symmetry::Rotate90, pt("i8"), 15), pt("h9"));  // anticlockwise
  EXPECT_EQ(apply(Symmetry::Rotate180, pt("i8"), 15), pt("g8"));
  EXPECT_EQ(apply(Symmetry::Rotate270, pt("i8"), 15), pt("h7"));
  EXPECT_EQ(apply(Symmetry::MirrorColumns, pt("a1"), 15), pt("o1"));
  EXPECT_EQ(apply(Symmetry::MirrorRows, pt("a1"), 15), pt("a15"));
  EXPECT_EQ(apply(Symmetry::MirrorDiagonal, pt("b1"), 15), pt("a2"));
  EXPECT_EQ(apply(Symmetry::MirrorAntiDiagonal, pt("a1"), 15), pt("o15"));
  EXPECT_EQ(apply(Symmetry::MirrorAntiDiagonal, pt("b1"), 15), pt("o14"));
  // The group's structure: the quarter turns compose, reflections are involutions.
  for (const Point p : pts("a1 c9 k3 o15")) {
    EXPECT_EQ(apply(Symmetry::Rotate90, apply(Symmetry::Rotate90, p, 15), 15), apply(Symmetry::Rotate180, p, 15));
    EXPECT_EQ(apply(Symmetry::Rotate90, apply(Symmetry::Rotate270, p, 15), 15), p);
    for (const Symmetry s :
         {Symmetry::MirrorColumns, Symmetry::MirrorRows, Symmetry::MirrorDiagonal, Symmetry::MirrorAntiDiagonal})
      EXPECT_EQ(apply(s, apply(s, p, 15), 15), p);
  }
}

constexpr std::uint8_t bit(Symmetry s) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s)); }

struct SymmetryCase {
  const char* name;
  Symmetry symmetry;  // the one the case is about
  const char* stones;
  std::uint8_t group;  // every symmetry of the position
};

class SymmetricCandidates : public ::testing::TestWithParam<SymmetryCase> {};

// For each of the 8 symmetries, a position it preserves: candidates it maps
// onto each other are symmetric; candidates mapped by any symmetry the
// position lacks only look alike (same distance from the centre) and are not.
TEST_P(SymmetricCandidates, MappedByTheSymmetryOnly) {
  const SymmetryCase& c = GetParam();
  const Board position = testing::boardWith(c.stones);
  EXPECT_EQ(symmetriesOf(position), c.group);
  EXPECT_TRUE(preserves(c.symmetry, position));
  EXPECT_TRUE(c.group & bit(c.symmetry));
  // k9 is three columns and one row from the centre: its 8 images are 8 different points.
  const Point a = pt("k9");
  ASSERT_EQ(position.at(a), Stone::Empty);
  EXPECT_TRUE(symmetricCandidates(position, a, apply(c.symmetry, a, 15)));
  for (const Symmetry t : kSymmetries) {
    const Point b = apply(t, a, 15);
    EXPECT_EQ(symmetricCandidates(position, a, b), (c.group & bit(t)) != 0) << static_cast<int>(t);
    EXPECT_EQ(symmetricCandidates(position, b, a), (c.group & bit(t)) != 0) << static_cast<int>(t);
  }
  // Points at different distances from the centre never are.
  EXPECT_FALSE(symmetricCandidates(position, pt("a2"), pt("b3")));
  EXPECT_FALSE(symmetricCandidates(position, pt("h8"), pt("h9")));
}

constexpr std::uint8_t kTurns =
    bit(Symmetry::Identity) | bit(Symmetry::Rotate90) | bit(Symmetry::Rotate180) | bit(Symmetry::Rotate270);

INSTANTIATE_TEST_SUITE_P(
    Opening, SymmetricCandidates,
    ::testing::Values(
        // Asymmetric: only the identity, a candidate is "symmetric" with itself alone.
        SymmetryCase{"Identity", Symmetry::Identity, "X h8 j8 O i9 g10", bit(Symmetry::Identity)},
        // A pinwheel about the centre: the quarter turns, no mirror.
        SymmetryCase{"Rotate90", Symmetry::Rotate90, "X h8 O i10 f9 g6 j7", kTurns},
        SymmetryCase{"Rotate180", Symmetry::Rotate180, "X h8 O i10 g6",
                     static_cast<std::uint8_t>(bit(Symmetry::Identity) | bit(Symmetry::Rotate180))},
        SymmetryCase{"Rotate270", Symmetry::Rotate270, "X h8 O i10 f9 g6 j7", kTurns},
        // Moves 1-4 on one line through the centre, as the renju openings allow.
        SymmetryCase{"MirrorColumns", Symmetry::MirrorColumns, "X h8 h10 O h9 h6",
                     static_cast<std::uint8_t>(bit(Symmetry::Identity) | bit(Symmetry::MirrorColumns))},
        SymmetryCase{"MirrorRows", Symmetry::MirrorRows, "X h8 j8 O i8 g8",
                     static_cast<std::uint8_t>(bit(Symmetry::Identity) | bit(Symmetry::MirrorRows))},
        SymmetryCase{"MirrorDiagonal", Symmetry::MirrorDiagonal, "X h8 j10 O i9 g7",
                     static_cast<std::uint8_t>(bit(Symmetry::Identity) | bit(Symmetry::MirrorDiagonal))},
        SymmetryCase{"MirrorAntiDiagonal", Symmetry::MirrorAntiDiagonal, "X h8 f10 O g9 i7",
                     static_cast<std::uint8_t>(bit(Symmetry::Identity) | bit(Symmetry::MirrorAntiDiagonal))},
        // The centre stone alone (and the empty board): all eight.
        SymmetryCase{"AllEightCentreOnly", Symmetry::Rotate90, "X h8", 0xff},
        SymmetryCase{"AllEightEmptyBoard", Symmetry::MirrorAntiDiagonal, "", 0xff},
        // Colours count: the pinwheel with one stone black has no turn left.
        SymmetryCase{"ColoursCount", Symmetry::Identity, "X h8 i10 O f9 g6 j7", bit(Symmetry::Identity)}),
    [](const ::testing::TestParamInfo<SymmetryCase>& info) { return std::string(info.param.name); });

// Symmetric about column i, which is no symmetry of the board (the edges are
// at different distances), and about row 8, which is one.
TEST(OpeningSymmetry, AnAxisOffTheCentreIsNoSymmetry) {
  const Board position = testing::boardWith("X h8 j8 O i9 i7");
  EXPECT_EQ(symmetriesOf(position), bit(Symmetry::Identity) | bit(Symmetry::MirrorRows));
  EXPECT_FALSE(symmetricCandidates(position, pt("g8"), pt("k8")));   // mirror images about column i
  EXPECT_FALSE(symmetricCandidates(position, pt("g10"), pt("k6")));  // a half turn about i8
  EXPECT_TRUE(symmetricCandidates(position, pt("i10"), pt("i6")));
  EXPECT_TRUE(symmetricCandidates(position, pt("k10"), pt("k6")));

  // The same through a Soosõrv-8 offer.
  Opening o(OpeningRule::Soosorv8, renjuRules());
  placeRenjuOpening(o, pts("h8 i9 j8"), pts("a1 a1 a1"));
  ASSERT_EQ(o.swapColors(kOther, false), OpeningError::None);
  ASSERT_EQ(o.place(kOther, pt("i7")), OpeningError::None);
  ASSERT_EQ(o.declare(kOther, 2), OpeningError::None);
  ASSERT_EQ(o.swapColors(kOpener, false), OpeningError::None);
  EXPECT_REFUSED(o, OpeningError::SymmetricCandidate, offer(kOpener, pts("k10 k6")));
  ASSERT_EQ(o.offer(kOpener, pts("g8 k8")), OpeningError::None);
}

// Every real opening position is symmetric under at most one mirror (move 3,
// off the centre, must stay put); through the engine, each of the four.
TEST(OpeningSymmetry, RenjuPositionsUnderEachMirror) {
  struct Case {
    const char* four;
    const char* mirrored;  // two candidates the position's mirror maps onto each other
  };
  const Case cases[] = {
      {"h8 h9 h10 h6", "g12 i12"},  // column h
      {"h8 i8 j8 g8", "l9 l7"},     // row 8
      {"h8 i9 j10 g7", "j9 i10"},   // the a1-o15 diagonal
      {"h8 g9 f10 i7", "g7 i9"},    // the a15-o1 diagonal
  };
  // Far from every axis and from each other's images: fine with any of the four.
  const std::vector<Point> fillers = pts("a1 b1 c1 d1 e1 f1 g1 b3 c4");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.four);
    Opening o(OpeningRule::Taraguchi10, renjuRules());
    const std::vector<Point> four = pts(c.four);
    for (int i = 0; i < 4; ++i) {
      ASSERT_EQ(o.place(i % 2 == 0 ? kOpener : kOther, four[static_cast<std::size_t>(i)]), OpeningError::None);
      if (i < 3) {
        ASSERT_EQ(o.swapColors(i % 2 == 0 ? kOther : kOpener, false), OpeningError::None);
      }
    }
    const std::vector<Point> mirrored = pts(c.mirrored);
    EXPECT_EQ(o.checkCandidate(mirrored[1], std::vector<Point>{mirrored[0]}), OpeningError::SymmetricCandidate);
    EXPECT_EQ(o.checkCandidate(mirrored[0], std::vector<Point>{mirrored[1]}), OpeningError::SymmetricCandidate);
    std::vector<Point> ten = fillers;
    ten.push_back(mirrored[0]);
    {
      Opening accepted = o;  // the fillers and either one of the pair make a good offer
      EXPECT_EQ(accepted.offer(kOpener, ten), OpeningError::None);
    }
    ten.front() = mirrored[1];
    EXPECT_REFUSED(o, OpeningError::SymmetricCandidate, offer(kOpener, ten));
  }
}

TEST(OpeningSymmetry, CandidatesThatOnlyLookAlikeAreAccepted) {
  // Column h: g11, e7, i5 and k9 are quarter turns of each other about the
  // centre, at the same distance from it; only the left-right mirror is a
  // symmetry of the position, and it maps none of them onto another.
  Opening o(OpeningRule::Taraguchi10, renjuRules());
  const std::vector<Point> four = pts("h8 h9 h10 h6");
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(o.place(i % 2 == 0 ? kOpener : kOther, four[static_cast<std::size_t>(i)]), OpeningError::None);
    if (i < 3) {
      ASSERT_EQ(o.swapColors(i % 2 == 0 ? kOther : kOpener, false), OpeningError::None);
    }
  }
  const std::vector<Point> ten = pts("g11 e7 i5 k9 l10 a1 a2 a3 a4 b5");
  // Their mirror images (i11 of g11, k7 of e7) would not be.
  EXPECT_EQ(o.checkCandidate(pt("i11"), ten), OpeningError::SymmetricCandidate);
  EXPECT_EQ(o.checkCandidate(pt("k7"), ten), OpeningError::SymmetricCandidate);
  ASSERT_EQ(o.offer(kOpener, ten), OpeningError::None);
  ASSERT_EQ(o.pick(kOther, pt("i5")), OpeningError::None);
  expectGameGoesOn(o, renjuRules(), pts("h8 h9 h10 h6 i5"), Stone::White, kOther, pt("o15"));
}

}  // namespace
}  // namespace omok
