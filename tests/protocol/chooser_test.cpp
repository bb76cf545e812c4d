// The bots' move chooser: legal moves only, seeded, whole games to the end.
#include <gtest/gtest.h>

#include "game_client/core/chooser.h"

namespace client {
namespace {

const game::Setup kOmok{game::Kind::Omok, game::Rule::Renju, 15, ""};
const game::Setup kChess{game::Kind::Chess, game::Rule::Fide, 8, ""};

// Plays a whole game with the chooser, checking each move on a separate game.
std::vector<game::Move> playOut(const game::Setup& setup, Strategy strategy, std::uint64_t seed, game::Status& end) {
  MoveChooser chooser(strategy, seed);
  std::string error;
  auto referee = game::makeGame(setup, error);
  std::vector<game::Move> history;
  while (!referee->status().over()) {
    const auto move = chooser.choose(setup, history, error);
    EXPECT_TRUE(error.empty()) << error;
    if (!move) break;
    const game::Played played = referee->play(*move);
    EXPECT_TRUE(played.accepted()) << "ply " << history.size() + 1 << ": " << played.why;
    if (!played.accepted()) break;
    history.push_back(*move);
    if (history.size() > 20000) break;  // no game gets here: the 75-move rule ends chess far earlier
  }
  end = referee->status();
  return history;
}

TEST(Chooser, RandomOmokGamesReachAResult) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    game::Status end;
    const auto moves = playOut(kOmok, Strategy::Random, seed, end);
    EXPECT_TRUE(end.over()) << "seed " << seed;
    EXPECT_GT(moves.size(), 8u);
  }
}

TEST(Chooser, RandomChessGamesReachAResult) {
  for (std::uint64_t seed : {1u, 2u}) {
    game::Status end;
    playOut(kChess, Strategy::Random, seed, end);
    EXPECT_TRUE(end.over()) << "seed " << seed;
  }
}

TEST(Chooser, SameSeedSameGameOtherSeedOtherGame) {
  game::Status a, b, c;
  const auto first = playOut(kOmok, Strategy::Random, 42, a);
  EXPECT_EQ(playOut(kOmok, Strategy::Random, 42, b), first);
  EXPECT_NE(playOut(kOmok, Strategy::Random, 43, c), first);
}

TEST(Chooser, FirstTakesTheLowestLegalCandidate) {
  MoveChooser chooser(Strategy::First, 0);
  std::string error;
  EXPECT_EQ(chooser.choose(kOmok, {}, error), (game::Move{0, 0, 0}));
  EXPECT_EQ(chooser.choose(kOmok, {{0, 0, 0}}, error), (game::Move{0, 1, 0}));
  // Chess: b1 (1) is the lowest-numbered square with a movable piece; Na3 (16) its first target.
  EXPECT_EQ(chooser.choose(kChess, {}, error), (game::Move{1, 16, 0}));
}

TEST(Chooser, PromotesWhenThePawnReachesTheLastRank) {
  game::Setup setup = kChess;
  setup.fen = "4k3/PK6/8/8/8/8/8/8 w - - 0 1";  // the a7 pawn is white's lowest square
  MoveChooser chooser(Strategy::First, 0);
  std::string error;
  EXPECT_EQ(chooser.choose(setup, {}, error), (game::Move{48, 56, static_cast<std::uint8_t>(game::Promotion::Queen)}));
}

TEST(Chooser, NoMoveOnceTheGameIsOver) {
  game::Setup stalemate = kChess;
  stalemate.fen = "7k/5Q2/6K1/8/8/8/8/8 b - - 0 1";
  MoveChooser chooser(Strategy::Random, 5);
  std::string error;
  EXPECT_EQ(chooser.choose(stalemate, {}, error), std::nullopt);
  EXPECT_TRUE(error.empty());
}

TEST(Chooser, ReportsAHistoryItCannotReplay) {
  MoveChooser chooser(Strategy::Random, 5);
  std::string error;
  EXPECT_EQ(chooser.choose(kOmok, {{0, 7, 0}, {0, 7, 0}}, error), std::nullopt);
  EXPECT_NE(error.find("cannot replay move 2"), std::string::npos) << error;
}

}  // namespace
}  // namespace client
