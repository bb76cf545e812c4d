// The bots' move chooser: legal moves only, seeded, whole games to the end.
#include <gtest/gtest.h>

#include "game_client/core/chooser.h"

namespace client {
namespace {

const game::Setup kOmok{game::Kind::Omok, game::Rule::Renju, 15, ""};
const game::Setup kChess{game::Kind::Chess, game::Rule::Fide, 8, ""};

std::unique_ptr<game::Game> start(const game::Setup& setup) {
  std::string error;
  auto game = game::makeGame(setup, error);
  EXPECT_TRUE(game) << error;
  return game;
}

// The chooser's move for the game `setup` after `history`.
std::optional<game::Move> choose(MoveChooser& chooser, const game::Setup& setup,
                                 const std::vector<game::Move>& history, std::string& error) {
  auto game = start(setup);
  for (const game::Move& m : history) game->play(m);
  return chooser.choose(setup, *game, history, error);
}

// Plays a whole game with the chooser, checking each move and decision on a
// separate game (the referee, as the server would).
std::vector<game::Move> playOut(const game::Setup& setup, Strategy strategy, std::uint64_t seed, game::Status& end,
                                int* decisions = nullptr) {
  MoveChooser chooser(strategy, seed);
  std::string error;
  auto referee = start(setup);
  std::vector<game::Move> history;
  while (!referee->status().over()) {
    const game::OpeningStep step = referee->opening().step;
    if (step != game::OpeningStep::Done && step != game::OpeningStep::Place && step != game::OpeningStep::Pick) {
      const auto decision = chooser.decide(setup, *referee);
      EXPECT_TRUE(decision) << game::name(step);
      if (!decision) break;
      const game::Played decided = referee->decide(*decision);
      EXPECT_TRUE(decided.accepted()) << decided.notation << ": " << decided.why;
      if (!decided.accepted()) break;
      if (decisions) ++*decisions;
      continue;
    }
    const auto move = chooser.choose(setup, *referee, history, error);
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
  EXPECT_EQ(choose(chooser, kOmok, {}, error), (game::Move{0, 0, 0}));
  EXPECT_EQ(choose(chooser, kOmok, {{0, 0, 0}}, error), (game::Move{0, 1, 0}));
  // Chess: b1 (1) is the lowest-numbered square with a movable piece; Na3 (16) its first target.
  EXPECT_EQ(choose(chooser, kChess, {}, error), (game::Move{1, 16, 0}));
}

TEST(Chooser, PromotesWhenThePawnReachesTheLastRank) {
  game::Setup setup = kChess;
  setup.fen = "4k3/PK6/8/8/8/8/8/8 w - - 0 1";  // the a7 pawn is white's lowest square
  MoveChooser chooser(Strategy::First, 0);
  std::string error;
  EXPECT_EQ(choose(chooser, setup, {}, error), (game::Move{48, 56, static_cast<std::uint8_t>(game::Promotion::Queen)}));
}

TEST(Chooser, NoMoveOnceTheGameIsOver) {
  game::Setup stalemate = kChess;
  stalemate.fen = "7k/5Q2/6K1/8/8/8/8/8 b - - 0 1";
  MoveChooser chooser(Strategy::Random, 5);
  std::string error;
  EXPECT_EQ(choose(chooser, stalemate, {}, error), std::nullopt);
  EXPECT_TRUE(error.empty());
}

TEST(Chooser, ReportsAHistoryItCannotReplay) {
  MoveChooser chooser(Strategy::Random, 5);
  std::string error;
  auto game = start(kOmok);
  ASSERT_TRUE(game->play({0, 7, 0}).accepted());
  const auto reply = chooser.choose(kOmok, *game, {{0, 7, 0}}, error);
  ASSERT_TRUE(reply) << error;
  // The session's history goes on with the first point again: the scratch game refuses it.
  EXPECT_EQ(chooser.choose(kOmok, *game, {{0, 7, 0}, *reply, {0, 7, 0}}, error), std::nullopt);
  EXPECT_NE(error.find("cannot replay move 3"), std::string::npos) << error;
}

// Every opening rule under each rule set that plays it, through whole random
// games: every decision and stone the chooser makes is accepted by a separate
// game, and the game reaches its result.
TEST(Chooser, RandomOpeningDecisionsPlayEveryOpeningToTheEnd) {
  const std::pair<game::Rule, game::Opening> pairs[] = {
      {game::Rule::Freestyle, game::Opening::Swap1}, {game::Rule::Freestyle, game::Opening::Swap2},
      {game::Rule::Standard, game::Opening::Swap1},  {game::Rule::Standard, game::Opening::Swap2},
      {game::Rule::Renju, game::Opening::Soosorv8},  {game::Rule::Renju, game::Opening::Taraguchi10}};
  for (const auto& [rule, opening] : pairs) {
    for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
      game::Setup setup{game::Kind::Omok, rule, 15, "", opening};
      game::Status end;
      int decisions = 0;
      const auto moves = playOut(setup, Strategy::Random, seed, end, &decisions);
      EXPECT_TRUE(end.over()) << game::name(opening) << " seed " << seed;
      EXPECT_GE(decisions, 1) << game::name(opening) << " seed " << seed;
      EXPECT_GT(moves.size(), 5u);
    }
  }
}

TEST(Chooser, AnOfferHoldsTheCountAskedWithNoTwoSymmetrical) {
  game::Setup setup{game::Kind::Omok, game::Rule::Renju, 15, "", game::Opening::Taraguchi10};
  auto game = start(setup);
  // Moves 1..4 in the growing central squares, each swap declined.
  MoveChooser chooser(Strategy::First, 0);
  std::string error;
  std::vector<game::Move> history;
  while (game->opening().step != game::OpeningStep::SwapOrOffer) {
    ASSERT_TRUE(game->opening().inProgress());
    if (game->opening().step == game::OpeningStep::Place) {
      const auto move = chooser.choose(setup, *game, history, error);
      ASSERT_TRUE(move) << error;
      ASSERT_TRUE(game->play(*move).accepted());
      history.push_back(*move);
    } else {
      ASSERT_TRUE(game->decide({game::Choice::Swap, 0, {}}).accepted());
    }
  }
  // First's SwapOrOffer keeps the colours; an Offer is asked for by building one.
  game::Decision offer{game::Choice::Offer, 0, {}};
  for (std::uint16_t p = 0; p < 225 && offer.points.size() < 10; ++p)
    if (game->checkCandidate({0, p, 0}, offer.points).accepted()) offer.points.push_back({0, p, 0});
  ASSERT_EQ(offer.points.size(), 10u);
  const game::Played played = game->decide(offer);
  EXPECT_TRUE(played.accepted()) << played.why;
  EXPECT_EQ(game->opening().step, game::OpeningStep::Pick);
  EXPECT_EQ(game->opening().candidates.size(), 10u);
}

}  // namespace
}  // namespace client
