// Perft node counts against published figures. Built twice: chess_tests runs
// the shallow depths (fast), chess_perft_long_tests (CHESS_PERFT_DEEP, CTest
// label "long") the deepest ones.
#include "shared/chess/perft.h"

#include <gtest/gtest.h>

#include <string>

#include "shared/chess/movegen.h"
#include "shared/chess/position.h"
#include "tests/chess/from_fen.h"
#include "tests/chess/perft_suite.h"

#ifndef CHESS_PERFT_DEEP
#define CHESS_PERFT_DEEP 0
#endif

namespace chess {
namespace test {
// Shown for a failing case instead of the struct's bytes.
void PrintTo(const PerftCase& c, std::ostream* os) { *os << c.fen; }
}  // namespace test

namespace {

constexpr bool kDeep = CHESS_PERFT_DEEP != 0;

using test::fromFen;

// The positions of the Chess Programming Wiki "Perft Results" page.
struct Published {
  const char* name;
  const char* fen;
  int shallow;
  std::uint64_t shallowNodes;
  int deep;
  std::uint64_t deepNodes;
};

constexpr Published kPublished[] = {
    {"Initial", "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", 5, 4865609, 6, 119060324},
    {"Kiwipete", "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", 4, 4085603, 5, 193690690},
    {"Position3", "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1", 5, 674624, 7, 178633661},
    {"Position4", "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1", 4, 422333, 6, 706045033},
    {"Position4Mirrored", "r2q1rk1/pP1p2pp/Q4n2/bbp1p3/Np6/1B3NBn/pPPP1PPP/R3K2R b KQ - 0 1", 4, 422333, 6, 706045033},
    {"Position5", "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8", 4, 2103487, 5, 89941194},
    {"Position6", "r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10", 4, 3894594, 5, 164075551},
};

class PublishedPerft : public testing::TestWithParam<Published> {};

TEST_P(PublishedPerft, MatchesPublishedCount) {
  const Published& p = GetParam();
  const Position pos = fromFen(p.fen);
  if (kDeep) EXPECT_EQ(perft(pos, p.deep), p.deepNodes);
  else EXPECT_EQ(perft(pos, p.shallow), p.shallowNodes);
}

INSTANTIATE_TEST_SUITE_P(ChessWiki, PublishedPerft, testing::ValuesIn(kPublished),
                         [](const auto& info) { return std::string(info.param.name); });

class SuitePerft : public testing::TestWithParam<test::PerftCase> {};

TEST_P(SuitePerft, MatchesSuiteCounts) {
  const test::PerftCase& c = GetParam();
  const Position pos = fromFen(c.fen);
  if (kDeep) {
    EXPECT_EQ(perft(pos, 6), c.nodes[5]) << c.fen;
  } else {
    for (int depth = 1; depth <= 4; ++depth)
      EXPECT_EQ(perft(pos, depth), c.nodes[depth - 1]) << c.fen << " depth " << depth;
  }
}

INSTANTIATE_TEST_SUITE_P(PerftSuiteEpd, SuitePerft, testing::ValuesIn(test::kPerftSuite),
                         [](const auto& info) { return "Line" + std::to_string(info.index + 1); });

#if !CHESS_PERFT_DEEP
TEST(Perft, DepthZeroIsOneNode) { EXPECT_EQ(perft(Position(), 0), 1u); }

// The incrementally updated key and position must equal those read back
// from the FEN of every position in the tree (placement, side, castling and
// en passant all take part).
void checkKeys(const Position& pos, int depth) {
  Position reread;
  std::string error;
  ASSERT_TRUE(reread.setFen(pos.fen(), error)) << pos.fen() << ": " << error;
  ASSERT_EQ(reread.key(), pos.key()) << pos.fen();
  ASSERT_TRUE(reread.samePosition(pos)) << pos.fen();
  if (depth == 0) return;
  for (const Move m : MoveList(pos)) {
    Position next = pos;
    next.play(m);
    checkKeys(next, depth - 1);
  }
}

TEST(Perft, IncrementalKeysMatchFreshKeys) {
  for (const Published& p : kPublished) checkKeys(fromFen(p.fen), 3);
}
#endif

}  // namespace
}  // namespace chess
