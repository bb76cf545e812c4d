// The engine against the literal reference implementation on many random,
// crowded positions (where nested threes are common), for both restricted
// rule sets, both colours and both board sizes.
#include <gtest/gtest.h>

#include <random>

#include "shared/omok/forbidden.h"
#include "tests/omok/reference_forbidden.h"

namespace omok {
namespace {

// Stones scattered over a square around the centre, black a little more often.
Board randomPosition(std::mt19937& rng, int size, int stones, int spread) {
  Board b(size);
  std::uniform_int_distribution<int> coord(size / 2 - spread, size / 2 + spread);
  std::bernoulli_distribution black(0.55);
  for (int placed = 0; placed < stones;) {
    const Point p{static_cast<std::int8_t>(coord(rng)), static_cast<std::int8_t>(coord(rng))};
    if (b.at(p) != Stone::Empty) continue;
    b.put(Board::cell(p), black(rng) ? Stone::Black : Stone::White);
    ++placed;
  }
  return b;
}

void expectSame(const ForbiddenList& fast, const ForbiddenList& literal, const Board& b) {
  ASSERT_EQ(fast.size(), literal.size()) << formatBoard(b);
  for (int i = 0; i < fast.size(); ++i)
    EXPECT_EQ(fast[i], literal[i]) << name(fast[i].point) << " vs " << name(literal[i].point) << "\n"
                                   << formatBoard(b);
}

TEST(CrossCheck, EngineMatchesTheLiteralDefinition) {
  std::mt19937 rng(20240601);  // fixed: the test is deterministic
  int forbiddenSeen = 0;
  for (int i = 0; i < 400; ++i) {
    const int size = i % 8 == 0 ? 19 : 15;
    const Board b = randomPosition(rng, size, 20 + i % 50, 4 + i % 3);
    for (const RuleSet& rules : {renjuRules(), omokRules()}) {
      for (const Stone s : {Stone::Black, Stone::White}) {
        const ForbiddenList fast = forbiddenPoints(b, s, rules);
        forbiddenSeen += fast.size();
        expectSame(fast, reference::forbiddenPoints(b, s, rules), b);
        if (HasFailure()) return;
      }
    }
  }
  EXPECT_GT(forbiddenSeen, 400) << "the random positions should exercise the rules";
}

}  // namespace
}  // namespace omok
