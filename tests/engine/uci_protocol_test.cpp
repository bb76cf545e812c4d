// The UCI commands we build from a game and the bestmove lines we read.
#include <gtest/gtest.h>

#include "game_client/engine/scratch_game.h"
#include "game_client/engine/uci_protocol.h"

namespace engine::uci {
namespace {

using namespace std::chrono_literals;

TEST(UciCommand, PositionFromTheStartOrAFen) {
  EXPECT_EQ(positionCommand("", {}), "position startpos");
  EXPECT_EQ(positionCommand("", {"e2e4", "e7e5"}), "position startpos moves e2e4 e7e5");
  const std::string fen = "4k3/P7/8/8/8/8/8/4K3 w - - 0 1";
  EXPECT_EQ(positionCommand(fen, {}), "position fen " + fen);
  EXPECT_EQ(positionCommand(fen, {"a7a8q"}), "position fen " + fen + " moves a7a8q");
}

TEST(UciCommand, MovesOfAReplayedHistoryInUciNotation) {
  // Squares a1 = 0 .. h8 = 63: e2 = 12, e4 = 28, e7 = 52, e5 = 36, g1 = 6, f3 = 21.
  std::string error;
  const game::Setup chess{game::Kind::Chess, game::Rule::Fide, 8, ""};
  auto scratch = replay(chess, {{12, 28, 0}, {52, 36, 0}, {6, 21, 0}}, error);
  ASSERT_TRUE(scratch) << error;
  EXPECT_EQ(positionCommand("", scratch->uci), "position startpos moves e2e4 e7e5 g1f3");

  const game::Setup promotion{game::Kind::Chess, game::Rule::Fide, 8, "4k3/P7/8/8/8/8/8/4K3 w - - 0 1"};
  scratch = replay(promotion, {{48, 56, static_cast<std::uint8_t>(game::Promotion::Queen)}}, error);
  ASSERT_TRUE(scratch) << error;
  EXPECT_EQ(scratch->uci, std::vector<std::string>{"a7a8q"});

  EXPECT_FALSE(replay(chess, {{12, 44, 0}}, error));  // e2e6 does not replay
  EXPECT_NE(error.find("move 1"), std::string::npos) << error;
}

TEST(UciCommand, Go) { EXPECT_EQ(goCommand(50ms), "go movetime 50"); }

TEST(UciAnswer, BestMove) {
  EXPECT_EQ(bestMove("bestmove e2e4"), "e2e4");
  EXPECT_EQ(bestMove("bestmove e7e8q ponder a2a3"), "e7e8q");
  EXPECT_EQ(bestMove("bestmove (none)"), "(none)");  // then refused as a move
  EXPECT_FALSE(bestMove("info depth 3 pv e2e4"));
  EXPECT_FALSE(bestMove("bestmove"));
  EXPECT_FALSE(bestMove("bestmoves e2e4"));
}

}  // namespace
}  // namespace engine::uci
