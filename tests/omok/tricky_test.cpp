// Hand-made shapes where forbidden-move engines go wrong, one rule at a time.
#include <gtest/gtest.h>

#include "shared/omok/forbidden.h"
#include "tests/omok/test_util.h"

namespace omok {
namespace {

using testing::boardWith;
using testing::pt;

Forbidden blackAt(const char* stones, const char* move, const RuleSet& rules = renjuRules()) {
  return forbiddenAt(boardWith(stones), pt(move), Stone::Black, rules);
}

TEST(RenjuFours, TwoFoursOnOneLine) {
  EXPECT_EQ(blackAt("X d8 f8 h8 j8", "g8"), Forbidden::DoubleFour);        // X.XXX.X
  EXPECT_EQ(blackAt("X c8 d8 g8 i8 j8", "f8"), Forbidden::DoubleFour);     // XX.XX.XX
  EXPECT_EQ(blackAt("X b8 c8 d8 h8 i8 j8", "f8"), Forbidden::DoubleFour);  // XXX.X.XXX
  EXPECT_EQ(blackAt("X d4 f6 h8 j10", "g7"), Forbidden::DoubleFour);       // on a diagonal
  EXPECT_EQ(blackAt("X d8 e8 f8", "g8"), Forbidden::None);                 // a straight four is one four
}

TEST(RenjuFours, AFourWhoseOnlyCompletionIsAnOverlineIsNoFour) {
  // e8-h8 could only be completed at d8, which makes c8-h8 six: no four.
  EXPECT_EQ(blackAt("X c8 e8 f8 g8 h9 h10 h11 O i8", "h8"), Forbidden::None);
  EXPECT_EQ(blackAt("X e8 f8 g8 h9 h10 h11 O i8", "h8"), Forbidden::DoubleFour);
}

TEST(RenjuThrees, FourThreeIsLegalFourThreeThreeIsNot) {
  EXPECT_EQ(blackAt("X d8 e8 f8 g9 g10", "g8"), Forbidden::None);
  EXPECT_EQ(blackAt("X d8 e8 f8 g9 g10 h9 i10", "g8"), Forbidden::DoubleThree);
}

TEST(RenjuThrees, AThreeThatCanOnlyBecomeAnOverlineIsNoThree) {
  // f8-h8 reaches a straight four only at e8 or i8, and c8 / k8 make each of those an overline shape.
  EXPECT_EQ(blackAt("X h9 h10 f8 g8", "h8"), Forbidden::DoubleThree);
  EXPECT_EQ(blackAt("X h9 h10 f8 g8 c8 k8", "h8"), Forbidden::None);
  EXPECT_EQ(blackAt("X h9 h10 f8 g8 c8", "h8"), Forbidden::DoubleThree);  // i8 still works
}

TEST(RenjuThrees, BlockedAndSplitThrees) {
  EXPECT_EQ(blackAt("X f8 g8 h10 h11", "h8"), Forbidden::DoubleThree);        // .XX X. split vertical three
  EXPECT_EQ(blackAt("X f8 g8 h10 h11 O h12", "h8"), Forbidden::None);         // blocked: h7-h11 would be one four
  EXPECT_EQ(blackAt("X f8 g8 h10 h11 O e8 i8", "h8"), Forbidden::None);       // f8-h8 has no room
  EXPECT_EQ(blackAt("X f8 g8 h9 h10 O d8 j8", "h8"), Forbidden::None);        // no room for .XXXX.
  EXPECT_EQ(blackAt("X f8 g8 h9 h10 O c8 j8", "h8"), Forbidden::DoubleThree); // just room: d8 e8-h8 i8
}

TEST(RenjuFive, FiveBeatsEveryForbiddenShape) {
  EXPECT_EQ(blackAt("X d8 e8 f8 g8 h9 h10 h11 i9 j10", "h8"), Forbidden::None);  // five + 4 + 3
  EXPECT_EQ(blackAt("X b8 c8 d8 f8 g8 e4 e5 e6 e7", "e8"), Forbidden::None);     // five + overline
  EXPECT_EQ(blackAt("X b8 c8 d8 f8 g8", "e8"), Forbidden::Overline);
}

TEST(RenjuColors, WhiteIsNeverRestricted) {
  const Board b = boardWith("O d8 f8 h8 j8 h9 h10 b5 c5 d5 f5 g5");
  EXPECT_EQ(forbiddenAt(b, pt("g8"), Stone::White, renjuRules()), Forbidden::None);
  EXPECT_EQ(forbiddenAt(b, pt("e5"), Stone::White, renjuRules()), Forbidden::None);
  EXPECT_TRUE(forbiddenPoints(b, Stone::White, renjuRules()).empty());
}

TEST(OmokRule, DoubleThreeForBothColorsFourFourAndOverlineAllowed) {
  const Board threes = boardWith("X h8 i8 g9 g10 O b2 c2 b3 c3");
  EXPECT_EQ(forbiddenAt(threes, pt("g8"), Stone::Black, omokRules()), Forbidden::DoubleThree);
  const Board whiteThrees = boardWith("O h8 i8 g9 g10");
  EXPECT_EQ(forbiddenAt(whiteThrees, pt("g8"), Stone::White, omokRules()), Forbidden::DoubleThree);
  EXPECT_EQ(forbiddenAt(whiteThrees, pt("g8"), Stone::White, omokRules(/*whiteToo=*/false)), Forbidden::None);
  EXPECT_EQ(blackAt("X d8 e8 f8 h10 h11 h12", "h8", omokRules()), Forbidden::None);  // 4-4 allowed
  EXPECT_EQ(blackAt("X b8 c8 d8 f8 g8", "e8", omokRules()), Forbidden::None);        // overline allowed
  // A three whose straight-four point would be an overline is no three, as in renju.
  EXPECT_EQ(blackAt("X h9 h10 f8 g8 c8 k8", "h8", omokRules()), Forbidden::None);
}

TEST(OtherRules, FreestyleAndStandardForbidNothing) {
  const Board b = boardWith("X d8 f8 h8 j8 h9 h10 b5 c5 d5 f5 g5 g9 g10");
  for (const RuleSet& rules : {freestyleRules(), standardRules()})
    for (const Stone s : {Stone::Black, Stone::White}) EXPECT_TRUE(forbiddenPoints(b, s, rules).empty());
  EXPECT_FALSE(forbiddenPoints(b, Stone::Black, renjuRules()).empty());
}

TEST(Forbidden, OccupiedAndOffBoardPointsAreNotForbidden) {
  const Board b = boardWith("X d8 f8 h8 j8");
  EXPECT_EQ(forbiddenAt(b, pt("d8"), Stone::Black, renjuRules()), Forbidden::None);
  EXPECT_EQ(forbiddenAt(b, Point{15, 15}, Stone::Black, renjuRules()), Forbidden::None);
  EXPECT_EQ(name(Forbidden::DoubleThree), "3-3");
  EXPECT_EQ(name(Forbidden::DoubleFour), "4-4");
  EXPECT_EQ(name(Forbidden::Overline), "overline");
}

}  // namespace
}  // namespace omok
