#include <gtest/gtest.h>

#include <string>

#include "shared/chess/position.h"

namespace chess {
namespace {

TEST(Fen, DefaultPositionIsTheInitialOne) { EXPECT_EQ(Position().fen(), kStartFen); }

TEST(Fen, RoundTrips) {
  for (const char* fen : {
           "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1",
           "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
           "rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3",
           "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 b - - 17 42",
           "r3k3/8/8/8/8/8/8/4K2R w Kq - 99 120",
           "4k3/8/8/8/8/8/8/4K3 b - - 0 1",
       }) {
    Position pos;
    std::string error;
    ASSERT_TRUE(pos.setFen(fen, error)) << fen << ": " << error;
    EXPECT_EQ(pos.fen(), fen);
  }
}

TEST(Fen, ReadsFields) {
  Position pos;
  std::string error;
  ASSERT_TRUE(pos.setFen("rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w Kq f6 0 3", error)) << error;
  EXPECT_EQ(pos.sideToMove(), White);
  EXPECT_EQ(pos.castling(), WhiteOO | BlackOOO);
  EXPECT_EQ(pos.epSquare(), F6);
  EXPECT_EQ(pos.rule50(), 0);
  EXPECT_EQ(pos.fullmoveNumber(), 3);
  EXPECT_EQ(pos.pieceOn(E5), WPawn);
  EXPECT_EQ(pos.pieceOn(D8), BQueen);
  EXPECT_EQ(pos.kingSquare(Black), E8);
}

// The fourth FEN field.
std::string epField(const std::string& fen) {
  std::size_t at = 0;
  for (int i = 0; i < 3; ++i) at = fen.find(' ', at) + 1;
  return fen.substr(at, fen.find(' ', at) - at);
}

// FIDE position identity ignores an en passant square no pawn can use, so
// the position keeps (and writes) one only when a capture is legal.
TEST(Fen, EnPassantSquareKeptOnlyWhenCaptureIsLegal) {
  struct Case {
    const char* fen;
    const char* ep;
    Square square;
  };
  const Case cases[] = {
      // No white pawn beside e5: nothing can capture.
      {"rnbqkbnr/pppp1ppp/8/4p3/8/8/PPPPPPPP/RNBQKBNR w KQkq e6 0 2", "-", NoSquare},
      // d5xe6 is possible.
      {"rnbqkbnr/pppp1ppp/8/3Pp3/8/8/PPP1PPPP/RNBQKBNR w KQkq e6 0 3", "e6", E6},
      // d5xe6 would uncover the rook on a5 along the fifth rank.
      {"8/8/8/r2Pp2K/8/8/8/4k3 w - e6 0 1", "-", NoSquare},
      // The d5 pawn is pinned along the d-file by the rook on d8.
      {"3rk3/8/8/3Pp3/8/8/8/3K4 w - e6 0 1", "-", NoSquare},
  };
  for (const Case& c : cases) {
    Position pos;
    std::string error;
    ASSERT_TRUE(pos.setFen(c.fen, error)) << c.fen << ": " << error;
    EXPECT_EQ(epField(pos.fen()), c.ep) << c.fen;
    EXPECT_EQ(pos.epSquare(), c.square) << c.fen;
  }
}

struct BadFen {
  const char* fen;
  const char* error;  // a part of the message naming the problem
};

void PrintTo(const BadFen& b, std::ostream* os) { *os << '"' << b.fen << '"'; }

class FenErrors : public testing::TestWithParam<BadFen> {};

TEST_P(FenErrors, NamesTheProblemAndKeepsThePosition) {
  Position pos;
  const std::string before = pos.fen();
  std::string error;
  EXPECT_FALSE(pos.setFen(GetParam().fen, error));
  EXPECT_NE(error.find(GetParam().error), std::string::npos) << "message: " << error;
  EXPECT_EQ(pos.fen(), before);
}

INSTANTIATE_TEST_SUITE_P(
    Fen, FenErrors,
    testing::Values(
        BadFen{"", "6 space-separated fields"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq -", "found 4"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1 extra", "found 7"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR  w KQkq - 0 1", "found 7"},
        BadFen{"rnbqkbnr/ppppxppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "bad piece letter 'x'"},
        BadFen{"rnbqkbnr/pppppppp/9/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "bad piece letter '9'"},
        BadFen{"rnbqkbnr/ppppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "rank 7 has more than 8 files"},
        BadFen{"rnbqkbnr/pppppppp/8/44p/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "rank 5 has more than 8 files"},
        BadFen{"rnbqkbnr/ppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "rank 7 has 7 files"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "7 ranks, not 8"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "more than 8 ranks"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQQBNR w kq - 0 1", "white has no king"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBKKBNR w kq - 0 1", "white has more than one king"},
        BadFen{"rnbqqbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQ - 0 1", "black has no king"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/P7/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "white has more pawns"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/Q7/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "promoted pieces"},
        BadFen{"rnbqkbnP/pppppppp/8/8/8/8/PPPPPPP1/RNBQKBNR w KQq - 0 1", "first or last rank"},
        BadFen{"4k3/8/8/8/8/8/8/p3K3 w - - 0 1", "first or last rank"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR x KQkq - 0 1", "side to move must be 'w' or 'b'"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQxq - 0 1", "bad castling field"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KKkq - 0 1", "bad castling field"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w kqKQ - 0 1", "bad castling field"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w HAha - 0 1", "bad castling field"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBN1 w KQkq - 0 1", "needs the king on e1 and a rook on h1"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/1NBQKBNR w Qkq - 0 1", "needs the king on e1 and a rook on a1"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq e4 0 1", "bad en passant field 'e4'"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq e9 0 1", "bad en passant field"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq e6 0 1", "does not follow a double pawn push"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - -1 1", "bad halfmove clock"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - x 1", "bad halfmove clock"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 0", "bad move number"},
        BadFen{"rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 99999999999999999999", "bad move number"},
        BadFen{"4k3/8/8/8/8/8/4R3/4K3 w - - 0 1", "the side not to move (black) is in check"},
        BadFen{"4k3/8/3N1N2/8/8/8/4R3/4K3 b - - 0 1", "more than two pieces"}),
    [](const auto& info) { return "Case" + std::to_string(info.index); });

}  // namespace
}  // namespace chess
