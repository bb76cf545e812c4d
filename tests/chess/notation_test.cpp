#include "shared/chess/notation.h"

#include <gtest/gtest.h>

#include <string>

#include "shared/chess/movegen.h"
#include "shared/chess/position.h"
#include "tests/chess/from_fen.h"

namespace chess {
namespace {

using test::fromFen;

Move uci(const Position& pos, const char* text) {
  Move m{};
  std::string error;
  EXPECT_TRUE(parseUci(pos, text, m, error)) << text << ": " << error;
  return m;
}

std::string san(const char* fen, const char* uciMove) {
  const Position pos = fromFen(fen);
  return toSan(pos, uci(pos, uciMove));
}

TEST(Uci, WritesMoves) {
  EXPECT_EQ(toUci(Move(E2, E4)), "e2e4");
  EXPECT_EQ(toUci(Move(E7, E8, Move::Promotion, Queen)), "e7e8q");
  EXPECT_EQ(toUci(Move(A2, B1, Move::Promotion, Knight)), "a2b1n");
  EXPECT_EQ(toUci(Move(E1, G1, Move::Castling)), "e1g1");
}

TEST(Uci, ReadsCastlingAndPromotion) {
  const Position castle = fromFen("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1");
  EXPECT_EQ(uci(castle, "e1g1"), Move(E1, G1, Move::Castling));
  EXPECT_EQ(uci(castle, "e1c1"), Move(E1, C1, Move::Castling));
  const Position promo = fromFen("3r3k/4P3/8/8/8/8/8/4K3 w - - 0 1");
  EXPECT_EQ(uci(promo, "e7d8n"), Move(E7, D8, Move::Promotion, Knight));
  EXPECT_EQ(uci(promo, "e7e8Q"), Move(E7, E8, Move::Promotion, Queen));
}

TEST(Uci, RejectsWithReason) {
  const Position start;
  const Position promo = fromFen("3r3k/4P3/8/8/8/8/8/4K3 w - - 0 1");
  struct Case {
    const Position& pos;
    const char* text;
    const char* why;
  };
  const Case cases[] = {
      {start, "z9", "is not a UCI move"},
      {start, "e2e4x", "promotion piece must be q, r, b or n"},
      {start, "e3e4", "there is no piece on e3"},
      {start, "e7e5", "belongs to the opponent"},
      {start, "e2e5", "the pawn on e2 cannot move to e5"},
      {start, "e2e4q", "only a pawn reaching the last rank promotes"},
      {promo, "e7e8", "must promote"},
      {promo, "e7e8k", "promotion piece must be q, r, b or n"},
  };
  for (const Case& c : cases) {
    Move m{};
    std::string error;
    EXPECT_FALSE(parseUci(c.pos, c.text, m, error)) << c.text;
    EXPECT_NE(error.find(c.why), std::string::npos) << c.text << " -> " << error;
  }
}

TEST(San, Disambiguation) {
  // Two knights reach d2: the file tells them apart.
  EXPECT_EQ(san("4k3/8/8/8/8/8/8/1N2KN2 w - - 0 1", "b1d2"), "Nbd2");
  EXPECT_EQ(san("4k3/8/8/8/8/8/8/1N2KN2 w - - 0 1", "f1d2"), "Nfd2");
  // Two rooks on the e-file: the rank does.
  EXPECT_EQ(san("7k/8/8/8/8/4R3/8/K3R3 w - - 0 1", "e1e2"), "R1e2");
  EXPECT_EQ(san("7k/8/8/8/8/4R3/8/K3R3 w - - 0 1", "e3e2"), "R3e2");
  // Three queens reach e1: h4 shares a file with h1 and a rank with e4.
  const char* queens = "2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1";
  EXPECT_EQ(san(queens, "h4e1"), "Qh4e1");
  EXPECT_EQ(san(queens, "e4e1"), "Qee1");
  EXPECT_EQ(san(queens, "h1e1"), "Q1e1");
  // A pinned knight does not count as a rival.
  EXPECT_EQ(san("k3r3/8/8/4N3/8/8/8/2N1K3 w - - 0 1", "c1d3"), "Nd3");
}

TEST(San, PawnsCastlingAndSuffixes) {
  const char* promo = "3r3k/4P3/8/8/8/8/8/4K3 w - - 0 1";
  EXPECT_EQ(san(promo, "e7d8q"), "exd8=Q+");
  EXPECT_EQ(san(promo, "e7d8n"), "exd8=N");
  EXPECT_EQ(san(promo, "e7e8r"), "e8=R+");
  EXPECT_EQ(san("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "e1g1"), "O-O");
  EXPECT_EQ(san("r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 0 1", "e8c8"), "O-O-O");
  EXPECT_EQ(san("5k2/8/8/8/8/8/8/4K2R w K - 0 1", "e1g1"), "O-O+");
  EXPECT_EQ(san("4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1", "e5d6"), "exd6");
  EXPECT_EQ(san(kStartFen.data(), "g1f3"), "Nf3");
  EXPECT_EQ(san(kStartFen.data(), "e2e4"), "e4");
  // Fool's mate.
  EXPECT_EQ(san("rnbqkbnr/pppp1ppp/8/4p3/6P1/5P2/PPPPP2P/RNBQKBNR b KQkq - 0 2", "d8h4"), "Qh4#");
  EXPECT_EQ(san("7k/8/6K1/8/8/8/8/R7 w - - 0 1", "a1a8"), "Ra8#");
}

TEST(San, ReadsCommonVariants) {
  const Position castle = fromFen("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1");
  const Position promo = fromFen("3r3k/4P3/8/8/8/8/8/4K3 w - - 0 1");
  const Position ep = fromFen("4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1");
  struct Case {
    const Position& pos;
    const char* text;
    const char* uciMove;
  };
  const Case cases[] = {
      {castle, "O-O", "e1g1"},    {castle, "0-0", "e1g1"}, {castle, "O-O-O", "e1c1"}, {castle, "0-0-0+", "e1c1"},
      {promo, "e8=Q+", "e7e8q"},  {promo, "e8Q", "e7e8q"}, {promo, "e8q", "e7e8q"},   {promo, "exd8=N", "e7d8n"},
      {promo, "exd8Q#", "e7d8q"}, {promo, "Kf2", "e1f2"},  {ep, "exd6", "e5d6"},      {ep, "exd6 e.p.", "e5d6"},
      {ep, "exd6e.p.", "e5d6"},   {ep, "e6!?", "e5e6"},    {castle, "Rxa8+", "a1a8"}, {castle, "Rxa8", "a1a8"},
      {castle, "Rb1", "a1b1"},
  };
  for (const Case& c : cases) {
    Move m{};
    std::string error;
    ASSERT_TRUE(parseSan(c.pos, c.text, m, error)) << c.text << ": " << error;
    EXPECT_EQ(toUci(m), c.uciMove) << c.text;
  }
}

TEST(San, RejectsWithReason) {
  const Position knights = fromFen("4k3/8/8/8/8/8/8/1N2KN2 w - - 0 1");
  const Position pinned = fromFen("4k3/4r3/8/8/8/8/4N3/4K3 w - - 0 1");
  const Position promo = fromFen("3r3k/4P3/8/8/8/8/8/4K3 w - - 0 1");
  const Position noRights = fromFen("4k3/8/8/8/8/8/8/4K2R w - - 0 1");
  const Position throughCheck = fromFen("4k3/8/8/8/8/8/5r2/4K2R w K - 0 1");
  const Position blocked = fromFen("4k3/8/8/8/8/8/8/4KN1R w K - 0 1");
  struct Case {
    const Position& pos;
    const char* text;
    const char* why;
  };
  const Case cases[] = {
      {knights, "Nd2", "ambiguous: Nbd2, Nfd2"},
      {knights, "Nd4", "no knight can move to d4"},
      {knights, "Qd4", "no queen can move to d4"},
      {knights, "e4", "no pawn can move to e4"},
      {pinned, "Nc3", "would leave the king in check"},
      {promo, "e8", "must promote"},
      {promo, "Kd2=Q", "is not a move in SAN"},
      {promo, "hello", "is not a move in SAN"},
      {promo, "", "empty move"},
      {noRights, "O-O", "right to castle"},
      {throughCheck, "O-O", "through or into check"},
      {blocked, "O-O", "pieces stand between king and rook"},
  };
  for (const Case& c : cases) {
    Move m{};
    std::string error;
    EXPECT_FALSE(parseSan(c.pos, c.text, m, error)) << c.text;
    EXPECT_NE(error.find(c.why), std::string::npos) << c.text << " -> " << error;
  }
}

// Every legal move, written and read back, in both notations, over the
// positions two plies deep from positions rich in special moves.
void roundTrip(const Position& pos, int depth) {
  for (const Move m : MoveList(pos)) {
    Move back{};
    std::string error;
    const std::string s = toSan(pos, m);
    ASSERT_TRUE(parseSan(pos, s, back, error)) << pos.fen() << " " << s << ": " << error;
    ASSERT_EQ(back, m) << pos.fen() << " " << s;
    ASSERT_TRUE(parseMove(pos, toUci(m), back, error)) << pos.fen() << " " << toUci(m) << ": " << error;
    ASSERT_EQ(back, m) << pos.fen() << " " << toUci(m);
    if (depth > 1) {
      Position next = pos;
      next.play(m);
      roundTrip(next, depth - 1);
    }
  }
}

TEST(San, RoundTripsEveryMove) {
  for (const char* fen : {"r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1",
                          "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1",
                          "n1n5/PPPk4/8/8/8/8/4Kppp/5N1N w - - 0 1", "2k5/8/8/8/4Q2Q/8/8/K6Q w - - 0 1"})
    roundTrip(fromFen(fen), 2);
}

TEST(Notation, Squares) {
  EXPECT_EQ(name(A1), "a1");
  EXPECT_EQ(name(H8), "h8");
  EXPECT_EQ(parseSquare("e4"), E4);
  EXPECT_EQ(parseSquare("i1"), std::nullopt);
  EXPECT_EQ(parseSquare("e44"), std::nullopt);
}

}  // namespace
}  // namespace chess
