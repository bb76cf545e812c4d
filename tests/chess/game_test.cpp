// Game results under the FIDE Laws: mate, stalemate, dead positions, the
// 50/75-move rules and threefold/fivefold repetition.
#include "shared/chess/game.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "shared/chess/notation.h"
#include "tests/chess/from_fen.h"

namespace chess {
namespace {

using test::fromFen;

// Plays moves in SAN, failing the test on the first one that is refused.
void playSan(Game& game, std::initializer_list<const char*> moves) {
  for (const char* text : moves) {
    Move m{};
    std::string error;
    ASSERT_TRUE(parseSan(game.position(), text, m, error)) << text << ": " << error;
    ASSERT_TRUE(game.play(m)) << text;
  }
}

constexpr Result kOngoing{};

TEST(Game, FoolsMateIsCheckmate) {
  Game game;
  playSan(game, {"f3", "e5", "g4", "Qh4#"});
  EXPECT_EQ(game.result(), (Result{Outcome::BlackWins, Termination::Checkmate}));
  EXPECT_TRUE(game.over());
  EXPECT_FALSE(game.play(Move(E2, E4)));  // nothing is played after the end
  EXPECT_EQ(game.moves().size(), 4u);
}

TEST(Game, Stalemate) {
  Game game(fromFen("7k/5Q2/8/6K1/8/8/8/8 w - - 0 1"));
  playSan(game, {"Kg6"});
  EXPECT_EQ(game.result(), (Result{Outcome::Draw, Termination::Stalemate}));
}

TEST(Game, StartPositionMayAlreadyBeDecided) {
  EXPECT_EQ(Game(fromFen("7k/5Q2/6K1/8/8/8/8/8 b - - 0 1")).result(), (Result{Outcome::Draw, Termination::Stalemate}));
  EXPECT_EQ(Game(fromFen("R6k/8/6K1/8/8/8/8/8 b - - 0 1")).result(),
            (Result{Outcome::WhiteWins, Termination::Checkmate}));
}

TEST(Game, RejectsIllegalMoves) {
  Game game;
  EXPECT_FALSE(game.play(Move(E2, E5)));
  EXPECT_FALSE(game.play(Move(E7, E5)));  // not white's piece
  EXPECT_TRUE(game.moves().empty());
  EXPECT_EQ(game.position().fen(), kStartFen);
}

TEST(Game, FiftyMoveRuleIsClaimable) {
  Game game(fromFen("4k3/8/8/8/8/8/8/R3K3 w - - 98 70"));
  playSan(game, {"Ra2"});
  EXPECT_EQ(game.claimableDraw(), Termination::None);  // 99 half-moves
  playSan(game, {"Kd7"});
  EXPECT_EQ(game.result(), kOngoing);
  EXPECT_EQ(game.claimableDraw(), Termination::FiftyMoves);
  EXPECT_FALSE(game.claimDraw(Termination::ThreefoldRepetition));  // a wrong claim changes nothing
  EXPECT_EQ(game.result(), kOngoing);
  EXPECT_TRUE(game.claimDraw(Termination::FiftyMoves));
  EXPECT_EQ(game.result(), (Result{Outcome::Draw, Termination::FiftyMoves}));
}

TEST(Game, CaptureOrPawnMoveResetsTheCount) {
  Game game(fromFen("4k3/8/8/8/8/8/P7/R3K3 w - - 99 70"));
  playSan(game, {"a3"});
  EXPECT_EQ(game.position().rule50(), 0);
  EXPECT_EQ(game.claimableDraw(), Termination::None);
}

TEST(Game, SeventyFiveMoveRuleIsAutomatic) {
  Game game(fromFen("4k3/8/8/8/8/8/8/R3K3 w - - 149 70"));
  EXPECT_EQ(game.result(), kOngoing);
  playSan(game, {"Ra2"});
  EXPECT_EQ(game.result(), (Result{Outcome::Draw, Termination::SeventyFiveMoves}));
}

TEST(Game, MateOnTheSeventyFifthMoveStands) {
  Game game(fromFen("7k/8/6K1/8/8/8/8/R7 w - - 149 80"));
  playSan(game, {"Ra8#"});
  EXPECT_EQ(game.result(), (Result{Outcome::WhiteWins, Termination::Checkmate}));
}

TEST(Game, ThreefoldIsClaimableFivefoldIsAutomatic) {
  Game game;
  const auto shuffle = {"Nf3", "Nf6", "Ng1", "Ng8"};
  playSan(game, shuffle);
  EXPECT_EQ(game.repetitions(), 2);
  EXPECT_EQ(game.claimableDraw(), Termination::None);
  playSan(game, shuffle);
  EXPECT_EQ(game.repetitions(), 3);
  EXPECT_EQ(game.claimableDraw(), Termination::ThreefoldRepetition);
  playSan(game, shuffle);
  EXPECT_EQ(game.result(), kOngoing);  // four times: claimable only
  playSan(game, {"Nf3", "Nf6", "Ng1"});
  EXPECT_EQ(game.result(), kOngoing);
  playSan(game, {"Ng8"});
  EXPECT_EQ(game.repetitions(), 5);
  EXPECT_EQ(game.result(), (Result{Outcome::Draw, Termination::FivefoldRepetition}));
}

// After ...d5 white may take en passant; after the knights go out and back
// that right is gone, so the placement repeats but the position does not.
TEST(Game, EnPassantRightMakesPositionsDiffer) {
  Game game(fromFen("4k1n1/3p4/8/4P3/8/8/8/4K1N1 b - - 0 1"));
  playSan(game, {"d5"});
  ASSERT_EQ(game.position().epSquare(), D6);
  playSan(game, {"Nf3", "Nf6", "Ng1", "Ng8"});
  EXPECT_EQ(game.repetitions(), 1);
  playSan(game, {"Nf3", "Nf6", "Ng1", "Ng8"});
  EXPECT_EQ(game.repetitions(), 2);
}

// The same, but no white pawn can take: the en passant square does not
// count and the first position after ...d5 already repeats.
TEST(Game, ImpossibleEnPassantDoesNotMakePositionsDiffer) {
  Game game(fromFen("4k1n1/3p4/8/7P/8/8/8/4K1N1 b - - 0 1"));
  playSan(game, {"d5"});
  ASSERT_EQ(game.position().epSquare(), NoSquare);
  playSan(game, {"Nf3", "Nf6", "Ng1", "Ng8"});
  EXPECT_EQ(game.repetitions(), 2);
}

// A pinned pawn's en passant capture is illegal, so it does not count either.
TEST(Game, IllegalEnPassantDoesNotMakePositionsDiffer) {
  Game game(fromFen("1k1r2n1/2p5/8/3P4/8/8/8/3K2N1 b - - 0 1"));
  playSan(game, {"c5"});
  ASSERT_EQ(game.position().epSquare(), NoSquare);
  playSan(game, {"Nf3", "Nf6", "Ng1", "Ng8"});
  EXPECT_EQ(game.repetitions(), 2);
}

// Kings going out and back lose their castling rights: same placement,
// different position.
TEST(Game, CastlingRightsMakePositionsDiffer) {
  Game game(fromFen("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1"));
  playSan(game, {"Kf1", "Kf8", "Ke1", "Ke8"});
  EXPECT_EQ(game.position().castling(), NoCastling);
  EXPECT_EQ(game.repetitions(), 1);
  playSan(game, {"Kf1", "Kf8", "Ke1", "Ke8"});
  EXPECT_EQ(game.repetitions(), 2);
}

TEST(Game, CastlingRightsAreLostByRookMovesAndCaptures) {
  Game game(fromFen("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1"));
  playSan(game, {"Rh2"});
  EXPECT_EQ(game.position().castling(), WhiteOOO | BlackOO | BlackOOO);
  playSan(game, {"Rxa1+"});
  EXPECT_EQ(game.position().castling(), BlackOO);
}

struct Material {
  const char* fen;
  bool insufficient;
};

void PrintTo(const Material& m, std::ostream* os) { *os << m.fen; }

class InsufficientMaterial : public testing::TestWithParam<Material> {};

TEST_P(InsufficientMaterial, Detected) {
  const Position pos = fromFen(GetParam().fen);
  EXPECT_EQ(insufficientMaterial(pos), GetParam().insufficient) << GetParam().fen;
  const Result r = Game(pos).result();
  if (GetParam().insufficient) EXPECT_EQ(r, (Result{Outcome::Draw, Termination::InsufficientMaterial}));
  else EXPECT_EQ(r, kOngoing);
}

INSTANTIATE_TEST_SUITE_P(
    Game, InsufficientMaterial,
    testing::Values(Material{"8/8/4k3/8/8/3K4/8/8 w - - 0 1", true},        // K v K
                    Material{"8/8/4k3/8/8/3K4/5B2/8 w - - 0 1", true},      // K+B v K
                    Material{"8/8/4k3/8/8/3K4/8/6n1 w - - 0 1", true},      // K+N v K
                    Material{"8/2b5/4k3/8/8/3K4/5B2/8 w - - 0 1", true},    // K+B v K+B, both on dark squares
                    Material{"8/8/1b2k3/8/8/3K4/5B2/2B5 w - - 0 1", true},  // bishops all on one colour
                    Material{"8/3b4/4k3/8/8/3K4/5B2/8 w - - 0 1", false},   // bishops on both colours
                    Material{"8/8/4k3/8/8/3K4/5N2/6n1 w - - 0 1", false},   // K+N v K+N
                    Material{"8/8/4k3/8/8/3K4/5B2/6n1 w - - 0 1", false},   // K+B v K+N
                    Material{"8/8/4k3/8/8/3K4/5NN1/8 w - - 0 1", false},    // K+N+N v K
                    Material{"8/8/4k3/8/8/3K4/5P2/8 w - - 0 1", false},     // a pawn
                    Material{"8/8/4k3/8/8/3K4/5R2/8 w - - 0 1", false},     // a rook
                    Material{"8/8/4k3/8/8/3K4/5Q2/8 w - - 0 1", false}),    // a queen
    [](const auto& info) {
      return std::string(info.param.insufficient ? "Dead" : "Alive") + std::to_string(info.index);
    });

TEST(Game, CaptureIntoDeadPositionEndsTheGame) {
  Game game(fromFen("8/8/4k3/8/8/3K4/5n2/6B1 w - - 0 1"));
  playSan(game, {"Bxf2"});
  EXPECT_EQ(game.result(), (Result{Outcome::Draw, Termination::InsufficientMaterial}));
}

TEST(Game, FinishSetsADecidedResultOnce) {
  Game game;
  playSan(game, {"e4"});
  game.finish(Outcome::WhiteWins);
  EXPECT_EQ(game.result(), (Result{Outcome::WhiteWins, Termination::Decision}));
  game.finish(Outcome::Draw);
  EXPECT_EQ(game.result(), (Result{Outcome::WhiteWins, Termination::Decision}));
  EXPECT_FALSE(game.claimDraw());
}

}  // namespace
}  // namespace chess
