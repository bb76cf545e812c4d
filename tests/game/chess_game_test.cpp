// game::Game over the chess engine: setup, move rejections mapped onto
// game::Reject, notation, automatic endings, draw claims and decisions.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "shared/game/game.h"

namespace game {
namespace {

constexpr std::uint16_t sq(const char* name) { return std::uint16_t((name[1] - '1') * 8 + (name[0] - 'a')); }

std::unique_ptr<Game> chessGame(const std::string& fen = {}) {
  std::string error;
  auto game = makeGame({Kind::Chess, Rule::Fide, 0, fen}, error);
  EXPECT_NE(game, nullptr) << error;
  return game;
}

Played play(Game& game, const char* text) {
  Move m;
  std::string error;
  EXPECT_TRUE(game.parseMove(text, m, error)) << text << ": " << error;
  return game.play(m);
}

TEST(ChessGame, StartsFromTheInitialPositionOrAFen) {
  const auto game = chessGame();
  EXPECT_EQ(game->kind(), Kind::Chess);
  EXPECT_EQ(game->rule(), Rule::Fide);
  EXPECT_EQ(game->startPosition(), "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1");
  EXPECT_EQ(game->toMove(), Seat::Player1);
  EXPECT_EQ(game->moveCount(), 0);
  EXPECT_EQ(game->status(), Status{});

  const auto black = chessGame("4k3/8/8/8/8/8/8/R3K3 b Q - 3 40");
  EXPECT_EQ(black->toMove(), Seat::Player2);
  EXPECT_EQ(black->position(), "4k3/8/8/8/8/8/8/R3K3 b Q - 3 40");
}

TEST(ChessGame, RejectsBadSetups) {
  std::string error;
  EXPECT_EQ(makeGame({Kind::Chess, Rule::Renju, 15, {}}, error), nullptr);
  EXPECT_FALSE(error.empty());
  error.clear();
  EXPECT_EQ(makeGame({Kind::Chess, Rule::Fide, 0, "8/8/8/8/8/8/8/8 w - - 0 1"}, error), nullptr);
  EXPECT_NE(error.find("bad FEN"), std::string::npos) << error;
  EXPECT_NE(error.find("no king"), std::string::npos) << error;
}

TEST(ChessGame, HasNoTakebacks) {
  auto g = chessGame();
  std::string error;
  Move m;
  ASSERT_TRUE(g->parseMove("e4", m, error)) << error;
  ASSERT_TRUE(g->play(m).accepted());
  EXPECT_FALSE(g->allowsTakebacks());
  EXPECT_FALSE(g->canTakeback());
  EXPECT_FALSE(g->takeback());
  EXPECT_EQ(g->moveCount(), 1);
}

TEST(ChessGame, PlaysAndNamesMoves) {
  const auto game = chessGame();
  const Played e4 = game->play({sq("e2"), sq("e4"), 0});
  ASSERT_TRUE(e4.accepted()) << e4.why;
  EXPECT_EQ(e4.notation, "e4");
  EXPECT_EQ(e4.uci, "e2e4");
  EXPECT_EQ(e4.status, Status{});
  EXPECT_EQ(game->toMove(), Seat::Player2);
  EXPECT_EQ(game->moveCount(), 1);
  EXPECT_EQ(game->position(), "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1");
  EXPECT_EQ(play(*game, "Nf6").notation, "Nf6");
  EXPECT_EQ(play(*game, "e5").uci, "e4e5");
}

TEST(ChessGame, ParsesSanAndUci) {
  const auto game = chessGame("4k3/1P6/8/8/8/8/8/4K3 w - - 0 1");
  Move m;
  std::string error;
  ASSERT_TRUE(game->parseMove("b8=N", m, error)) << error;
  EXPECT_EQ(m, (Move{sq("b7"), sq("b8"), std::uint8_t(Promotion::Knight)}));
  ASSERT_TRUE(game->parseMove("b7b8q", m, error)) << error;
  EXPECT_EQ(m, (Move{sq("b7"), sq("b8"), std::uint8_t(Promotion::Queen)}));
  EXPECT_FALSE(game->parseMove("Nf3", m, error));
  EXPECT_NE(error.find("no knight"), std::string::npos) << error;
  const Played q = game->play({sq("b7"), sq("b8"), std::uint8_t(Promotion::Queen)});
  EXPECT_EQ(q.notation, "b8=Q+");
  EXPECT_EQ(q.uci, "b7b8q");
}

struct Refusal {
  const char* fen;
  Move move;
  Reject reject;
};

// A short token: CTest names each case by it ("…/12-28=0").
void PrintTo(const Refusal& r, std::ostream* os) {
  *os << r.move.from << "-" << r.move.to << "=" << int(r.move.promotion);
}

class ChessRejects : public testing::TestWithParam<Refusal> {};

TEST_P(ChessRejects, LeaveTheGameUnchanged) {
  const Refusal& r = GetParam();
  const auto game = chessGame(r.fen);
  const std::string before = game->position();
  const Played p = game->play(r.move);
  EXPECT_EQ(p.reject, r.reject) << p.why;
  EXPECT_FALSE(p.why.empty());
  EXPECT_EQ(game->position(), before);
  EXPECT_EQ(game->moveCount(), 0);
}

constexpr const char* kStart = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";
constexpr const char* kPromo = "4k3/1P6/8/8/8/8/8/4K3 w - - 0 1";
constexpr const char* kPinned = "4k3/4r3/8/8/8/8/4N3/4K3 w - - 0 1";

INSTANTIATE_TEST_SUITE_P(
    ChessGame, ChessRejects,
    testing::Values(Refusal{kStart, {sq("e3"), sq("e4"), 0}, Reject::NoPiece},
                    Refusal{kStart, {sq("e7"), sq("e5"), 0}, Reject::NotYourPiece},
                    Refusal{kStart, {sq("e2"), sq("e5"), 0}, Reject::IllegalMove},
                    Refusal{kStart, {sq("g1"), sq("g3"), 0}, Reject::IllegalMove},
                    Refusal{kStart, {64, sq("e4"), 0}, Reject::OffBoard},
                    Refusal{kStart, {sq("e2"), 200, 0}, Reject::OffBoard},
                    Refusal{kPinned, {sq("e2"), sq("c3"), 0}, Reject::KingInCheck},
                    Refusal{"4k3/8/8/8/8/8/3r4/4K3 w - - 0 1", {sq("e1"), sq("e2"), 0}, Reject::KingInCheck},
                    Refusal{kPinned, {sq("e1"), sq("e3"), 0}, Reject::IllegalMove},
                    Refusal{kPromo, {sq("b7"), sq("b8"), 0}, Reject::BadPromotion},
                    Refusal{kPromo, {sq("e1"), sq("e2"), std::uint8_t(Promotion::Queen)}, Reject::BadPromotion},
                    Refusal{kPromo, {sq("b7"), sq("b8"), 9}, Reject::BadPromotion}));

TEST(ChessGame, CheckmateEndsTheGame) {
  const auto game = chessGame();
  for (const char* m : {"f3", "e5", "g4"}) ASSERT_TRUE(play(*game, m).accepted());
  const Played mate = play(*game, "Qh4#");
  EXPECT_EQ(mate.notation, "Qh4#");
  EXPECT_EQ(mate.status, (Status{Result::Player2Wins, EndReason::Checkmate}));
  EXPECT_EQ(game->toMove(), Seat::None);
  EXPECT_EQ(game->play({sq("e2"), sq("e4"), 0}).reject, Reject::GameOver);
}

TEST(ChessGame, AutomaticDraws) {
  const auto stalemate = chessGame("7k/5Q2/8/6K1/8/8/8/8 w - - 0 1");
  EXPECT_EQ(play(*stalemate, "Kg6").status, (Status{Result::Draw, EndReason::Stalemate}));

  const auto dead = chessGame("8/8/4k3/8/8/3K4/5n2/6B1 w - - 0 1");
  EXPECT_EQ(play(*dead, "Bxf2").status, (Status{Result::Draw, EndReason::InsufficientMaterial}));

  const auto seventyFive = chessGame("4k3/8/8/8/8/8/8/R3K3 w - - 149 90");
  EXPECT_EQ(play(*seventyFive, "Ra2").status, (Status{Result::Draw, EndReason::SeventyFiveMoveRule}));

  const auto fivefold = chessGame();
  for (int i = 0; i < 4; ++i)
    for (const char* m : {"Nf3", "Nf6", "Ng1", "Ng8"}) ASSERT_TRUE(play(*fivefold, m).accepted());
  EXPECT_EQ(fivefold->status(), (Status{Result::Draw, EndReason::FivefoldRepetition}));
}

TEST(ChessGame, ClaimableDraws) {
  const auto game = chessGame();
  for (int i = 0; i < 2; ++i)
    for (const char* m : {"Nf3", "Nf6", "Ng1", "Ng8"}) {
      EXPECT_EQ(game->claimableDraw(), EndReason::None);
      ASSERT_TRUE(play(*game, m).accepted());
    }
  EXPECT_EQ(game->claimableDraw(), EndReason::ThreefoldRepetition);

  const auto fifty = chessGame("4k3/8/8/8/8/8/8/R3K3 w - - 99 90");
  EXPECT_EQ(fifty->claimableDraw(), EndReason::None);
  play(*fifty, "Ra2");
  EXPECT_EQ(fifty->claimableDraw(), EndReason::FiftyMoveRule);
  fifty->finish({Result::Draw, EndReason::FiftyMoveRule});
  EXPECT_EQ(fifty->status(), (Status{Result::Draw, EndReason::FiftyMoveRule}));
  EXPECT_EQ(fifty->claimableDraw(), EndReason::None);
}

TEST(ChessGame, ResignationAndAgreement) {
  const auto game = chessGame();
  play(*game, "e4");
  game->finish({Result::Player1Wins, EndReason::Resignation});
  EXPECT_EQ(game->status(), (Status{Result::Player1Wins, EndReason::Resignation}));
  EXPECT_EQ(game->toMove(), Seat::None);
  game->finish({Result::Draw, EndReason::Agreement});  // ignored: already over
  EXPECT_EQ(game->status(), (Status{Result::Player1Wins, EndReason::Resignation}));
  EXPECT_EQ(game->play({sq("e7"), sq("e5"), 0}).reject, Reject::GameOver);

  const auto agreed = chessGame();
  agreed->finish({Result::Draw, EndReason::Agreement});
  EXPECT_EQ(agreed->status(), (Status{Result::Draw, EndReason::Agreement}));
}

TEST(ChessGame, InvalidClaimsAndRuleEndingsAreIgnored) {
  const auto game = chessGame();
  play(*game, "e4");
  game->finish({Result::Draw, EndReason::ThreefoldRepetition});  // nothing repeated: play goes on
  game->finish({Result::Draw, EndReason::FiftyMoveRule});
  game->finish({Result::Player1Wins, EndReason::Checkmate});  // only the rules say mate
  game->finish({Result::Draw, EndReason::Stalemate});
  EXPECT_EQ(game->status(), Status{});
  EXPECT_EQ(game->toMove(), Seat::Player2);
  EXPECT_TRUE(play(*game, "e5").accepted());
}

TEST(ChessGame, TimeoutAgainstALoneKingIsADraw) {
  const auto loneKing = chessGame("4k3/8/8/8/8/8/8/R3K3 b - - 0 50");
  loneKing->finish({Result::Player2Wins, EndReason::Timeout});  // white flagged, black has only a king
  EXPECT_EQ(loneKing->status(), (Status{Result::Draw, EndReason::Timeout}));

  const auto rook = chessGame("4k3/8/8/8/8/8/8/R3K3 b - - 0 50");
  rook->finish({Result::Player1Wins, EndReason::Timeout});  // black flagged, white can still mate
  EXPECT_EQ(rook->status(), (Status{Result::Player1Wins, EndReason::Timeout}));
}

}  // namespace
}  // namespace game
