#include <gtest/gtest.h>

#include "shared/omok/game.h"
#include "tests/omok/test_util.h"

namespace omok {
namespace {

using testing::playAll;
using testing::pt;

TEST(Game, BlackMovesFirstAndTurnsAlternate) {
  Game g(renjuRules());
  EXPECT_EQ(g.toMove(), Stone::Black);
  ASSERT_EQ(g.play(pt("h8")), MoveError::None);
  EXPECT_EQ(g.toMove(), Stone::White);
  EXPECT_EQ(g.board().at(pt("h8")), Stone::Black);
  ASSERT_EQ(g.play(pt("h9")), MoveError::None);
  EXPECT_EQ(g.board().at(pt("h9")), Stone::White);
  EXPECT_EQ(g.history().size(), 2u);
}

struct WinCase {
  const char* name;
  const char* moves;  // black's five interleaved with white's far moves
  const char* from;
  const char* to;
};

class FiveInEveryDirection : public ::testing::TestWithParam<WinCase> {};

TEST_P(FiveInEveryDirection, WinsWithTheWholeLine) {
  const WinCase& c = GetParam();
  for (const RuleSet& rules : {freestyleRules(), standardRules(), renjuRules(), omokRules()}) {
    Game g(rules);
    ASSERT_EQ(playAll(g, c.moves), MoveError::None);
    EXPECT_EQ(g.outcome(), Outcome::BlackWins);
    EXPECT_EQ(g.winningLine(), (Line{pt(c.from), pt(c.to)}));
    EXPECT_EQ(g.toMove(), Stone::Empty);
    EXPECT_EQ(g.play(pt("h1")), MoveError::GameOver);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Omok, FiveInEveryDirection,
    ::testing::Values(WinCase{"horizontal", "d8 a15 e8 c15 f8 e15 g8 g15 h8", "d8", "h8"},
                      WinCase{"vertical", "h4 a15 h5 c15 h6 e15 h7 g15 h8", "h4", "h8"},
                      WinCase{"diagonal", "d4 a15 e5 c15 f6 e15 g7 g15 h8", "d4", "h8"},
                      WinCase{"antidiagonal", "d12 a15 e11 c15 f10 e15 g9 g15 h8", "d12", "h8"},
                      WinCase{"filledInTheMiddle", "d8 a15 e8 c15 g8 e15 h8 g15 f8", "d8", "h8"},
                      WinCase{"leftEdge", "a1 b15 a2 d15 a3 f15 a4 h15 a5", "a1", "a5"},
                      WinCase{"rightEdge", "o11 a15 o12 c15 o13 e15 o14 g15 o15", "o11", "o15"},
                      WinCase{"bottomEdge", "k1 a15 l1 c15 m1 e15 n1 g15 o1", "k1", "o1"},
                      WinCase{"cornerDiagonal", "a1 a15 b2 c15 c3 e15 d4 g15 e5", "a1", "e5"},
                      WinCase{"cornerAntidiagonal", "o1 a15 n2 c15 m3 e15 l4 g15 k5", "k5", "o1"}),
    [](const ::testing::TestParamInfo<WinCase>& info) { return info.param.name; });

TEST(Game, WhiteWinsToo) {
  Game g(renjuRules());
  ASSERT_EQ(playAll(g, "a15 h8 c15 h9 e15 h10 g15 h11 i13 h12"), MoveError::None);
  EXPECT_EQ(g.outcome(), Outcome::WhiteWins);
  EXPECT_EQ(g.winningLine(), (Line{pt("h8"), pt("h12")}));
}

TEST(Game, FourIsNotAWin) {
  Game g(freestyleRules());
  ASSERT_EQ(playAll(g, "d8 a15 e8 c15 f8 e15 g8"), MoveError::None);
  EXPECT_EQ(g.outcome(), Outcome::Ongoing);
}

// Black makes six: b8 c8 d8 _ f8 g8, then e8.
constexpr const char* kBlackSix = "b8 a15 c8 c15 d8 e15 f8 g15 g8 i15 e8";
// White makes six the same way (black plays far away at the bottom).
constexpr const char* kWhiteSix = "a1 b8 c1 c8 e1 d8 g1 f8 i1 g8 a3 e8";

TEST(Overlines, FreestyleSixWinsForBoth) {
  Game black(freestyleRules());
  ASSERT_EQ(playAll(black, kBlackSix), MoveError::None);
  EXPECT_EQ(black.outcome(), Outcome::BlackWins);
  EXPECT_EQ(black.winningLine(), (Line{pt("b8"), pt("g8")}));
  Game white(freestyleRules());
  ASSERT_EQ(playAll(white, kWhiteSix), MoveError::None);
  EXPECT_EQ(white.outcome(), Outcome::WhiteWins);
}

TEST(Overlines, StandardSixDoesNotWinForEither) {
  Game black(standardRules());
  ASSERT_EQ(playAll(black, kBlackSix), MoveError::None);
  EXPECT_EQ(black.outcome(), Outcome::Ongoing);
  Game white(standardRules());
  ASSERT_EQ(playAll(white, kWhiteSix), MoveError::None);
  EXPECT_EQ(white.outcome(), Outcome::Ongoing);
}

TEST(Overlines, RenjuSixIsForbiddenForBlackAndWinsForWhite) {
  Game black(renjuRules());
  EXPECT_EQ(playAll(black, kBlackSix), MoveError::Overline);
  EXPECT_EQ(black.board().at(pt("e8")), Stone::Empty);
  Game white(renjuRules());
  ASSERT_EQ(playAll(white, kWhiteSix), MoveError::None);
  EXPECT_EQ(white.outcome(), Outcome::WhiteWins);
  EXPECT_EQ(white.winningLine(), (Line{pt("b8"), pt("g8")}));
}

TEST(Overlines, OmokSixNeitherWinsNorIsForbidden) {
  for (const char* moves : {kBlackSix, kWhiteSix}) {
    Game g(omokRules());
    ASSERT_EQ(playAll(g, moves), MoveError::None) << moves;
    EXPECT_EQ(g.outcome(), Outcome::Ongoing) << moves;
  }
  Game g(omokRules(true, /*overlineWins=*/true));
  ASSERT_EQ(playAll(g, kBlackSix), MoveError::None);
  EXPECT_EQ(g.outcome(), Outcome::BlackWins);
}

TEST(Overlines, RenjuFiveWinsEvenWhenTheMoveAlsoMakesSix) {
  // e8 completes b8-g8 (six) and e4-e8 (exactly five): the five wins.
  Game g(renjuRules());
  ASSERT_EQ(playAll(g, "b8 a15 c8 c15 d8 e15 f8 g15 g8 i15 e4 k15 e5 m15 e6 o15 e7 a13"), MoveError::None);
  ASSERT_EQ(g.play(pt("e8")), MoveError::None);
  EXPECT_EQ(g.outcome(), Outcome::BlackWins);
  EXPECT_EQ(g.winningLine(), (Line{pt("e4"), pt("e8")}));
}

// Every refusal leaves the game exactly as it was.
void expectRefused(Game& g, Point p, Stone by, MoveError why) {
  const Board board = g.board();
  const auto history = g.history();
  const Stone toMove = g.toMove();
  const Outcome outcome = g.outcome();
  EXPECT_EQ(g.play(p, by), why) << name(p) << ": " << describe(why);
  EXPECT_EQ(g.board(), board);
  EXPECT_EQ(g.history(), history);
  EXPECT_EQ(g.toMove(), toMove);
  EXPECT_EQ(g.outcome(), outcome);
}

TEST(Rejections, EveryReasonIsDistinctAndChangesNothing) {
  Game g(renjuRules());
  ASSERT_EQ(playAll(g, "h8 a15"), MoveError::None);
  expectRefused(g, pt("h8"), Stone::Black, MoveError::Occupied);
  expectRefused(g, Point{15, 3}, Stone::Black, MoveError::OffBoard);
  expectRefused(g, Point{-1, 3}, Stone::Black, MoveError::OffBoard);
  expectRefused(g, Point{3, 15}, Stone::Black, MoveError::OffBoard);
  expectRefused(g, pt("c3"), Stone::White, MoveError::NotYourTurn);
  expectRefused(g, pt("c3"), Stone::Empty, MoveError::NotYourTurn);

  Game three(renjuRules());
  ASSERT_EQ(playAll(three, "h8 a15 i8 c15 g9 e15 g10 g15"), MoveError::None);
  expectRefused(three, pt("g8"), Stone::Black, MoveError::DoubleThree);  // g8-i8 and g8-g10, both open

  Game four(renjuRules());
  ASSERT_EQ(playAll(four, "d8 a15 e8 c15 f8 e15 h10 g15 h11 i15 h12 k15"), MoveError::None);
  expectRefused(four, pt("h8"), Stone::Black, MoveError::DoubleFour);  // d8-h8 (gap g8) and h8-h12 (gap h9)

  Game six(renjuRules());
  ASSERT_EQ(playAll(six, "b8 a15 c8 c15 d8 e15 f8 g15 g8 i15"), MoveError::None);
  expectRefused(six, pt("e8"), Stone::Black, MoveError::Overline);

  Game over(freestyleRules());
  ASSERT_EQ(playAll(over, "d8 a15 e8 c15 f8 e15 g8 g15 h8"), MoveError::None);
  expectRefused(over, pt("h1"), Stone::White, MoveError::GameOver);
  expectRefused(over, pt("h8"), Stone::White, MoveError::GameOver);
}

TEST(Rejections, DescriptionsAreDistinct) {
  const MoveError all[] = {MoveError::OffBoard,    MoveError::Occupied,   MoveError::NotYourTurn, MoveError::GameOver,
                           MoveError::DoubleThree, MoveError::DoubleFour, MoveError::Overline};
  for (const MoveError a : all)
    for (const MoveError b : all)
      if (a != b) {
        EXPECT_NE(describe(a), describe(b));
      }
}

TEST(Takeback, TakesBackMovesAndResults) {
  Game g(freestyleRules());
  EXPECT_FALSE(g.takeback());
  ASSERT_EQ(playAll(g, "d8 a15 e8 c15 f8 e15 g8 g15 h8"), MoveError::None);
  ASSERT_TRUE(g.over());
  ASSERT_TRUE(g.takeback());
  EXPECT_EQ(g.outcome(), Outcome::Ongoing);
  EXPECT_EQ(g.toMove(), Stone::Black);
  EXPECT_EQ(g.board().at(pt("h8")), Stone::Empty);
  EXPECT_EQ(g.history().size(), 8u);
  while (g.takeback()) {
  }
  EXPECT_EQ(g.board(), Board(15));
  EXPECT_EQ(g.toMove(), Stone::Black);
  // Replaying gives the same game.
  ASSERT_EQ(playAll(g, "d8 a15 e8 c15 f8 e15 g8 g15 c8"), MoveError::None);
  EXPECT_EQ(g.winningLine(), (Line{pt("c8"), pt("g8")}));
}

TEST(Game, NineteenByNineteen) {
  Game g(renjuRules(), 19);
  EXPECT_EQ(g.board().size(), 19);
  ASSERT_EQ(playAll(g, "o19 a1 p19 a3 q19 a5 r19 a7 s19"), MoveError::None);
  EXPECT_EQ(g.outcome(), Outcome::BlackWins);
  EXPECT_EQ(g.winningLine(), (Line{pt("o19", 19), pt("s19", 19)}));
  Game h(renjuRules(), 19);
  EXPECT_EQ(h.play(Point{19, 0}), MoveError::OffBoard);
  EXPECT_EQ(h.play(pt("k10", 19)), MoveError::None);
  EXPECT_EQ(h.play(Point{18, 18}), MoveError::None);
}

TEST(Game, FullBoardWithoutFiveIsADraw) {
  // Colour by ((column / 2) + row) % 2: no row, column or diagonal holds more
  // than two stones of a colour in a row, so nothing wins or is forbidden.
  Game g(renjuRules());
  std::vector<Point> black, white;
  for (std::int8_t row = 0; row < 15; ++row)
    for (std::int8_t col = 0; col < 15; ++col) ((col / 2 + row) % 2 == 0 ? black : white).push_back(Point{col, row});
  ASSERT_EQ(black.size(), white.size() + 1);
  for (std::size_t i = 0; i < black.size(); ++i) {
    ASSERT_EQ(g.play(black[i]), MoveError::None) << name(black[i]);
    if (i < white.size()) {
      ASSERT_EQ(g.play(white[i]), MoveError::None) << name(white[i]);
    }
  }
  EXPECT_EQ(g.outcome(), Outcome::Draw);
  EXPECT_TRUE(g.board().full());
  EXPECT_EQ(g.play(pt("h8")), MoveError::GameOver);
}

TEST(Game, ForbiddenPointsAreForTheSideToMove) {
  Game g(renjuRules());
  ASSERT_EQ(playAll(g, "h8 a15 i8 c15 g9 e15 g10"), MoveError::None);
  EXPECT_TRUE(g.forbiddenPoints().empty()) << "white has no restrictions in renju";
  ASSERT_EQ(g.play(pt("g15")), MoveError::None);
  const ForbiddenList list = g.forbiddenPoints();
  ASSERT_EQ(list.size(), 1);
  EXPECT_EQ(list[0], (ForbiddenPoint{pt("g8"), Forbidden::DoubleThree}));
}

}  // namespace
}  // namespace omok
