// Bitboard helpers and the tables that do not depend on occupancy: leaper
// attacks (pawn, knight, king) and the squares between / on a line through
// two squares. All of it is computed at compile time.
#pragma once

#include <array>
#include <bit>

#include "shared/chess/types.h"

namespace chess {

constexpr Bitboard kFileA = 0x0101010101010101ULL;
constexpr Bitboard kFileH = kFileA << 7;
constexpr Bitboard kRank1 = 0xFFULL;
constexpr Bitboard kRank2 = kRank1 << 8;
constexpr Bitboard kRank3 = kRank1 << 16;
constexpr Bitboard kRank6 = kRank1 << 40;
constexpr Bitboard kRank7 = kRank1 << 48;
constexpr Bitboard kRank8 = kRank1 << 56;
constexpr Bitboard kDarkSquares = 0xAA55AA55AA55AA55ULL;

constexpr Bitboard squareBB(Square s) { return Bitboard(1) << s; }
constexpr Bitboard fileBB(int file) { return kFileA << file; }
constexpr Bitboard rankBB(int rank) { return kRank1 << (8 * rank); }

// std::popcount / std::countr_zero compile to POPCNT / TZCNT only when the
// target allows it (-mpopcnt, -mbmi); the default build stays portable and the
// hot path (move generation) does not count bits anyway.
constexpr int popcount(Bitboard b) { return std::popcount(b); }
constexpr Square lsb(Bitboard b) { return Square(std::countr_zero(b)); }
constexpr Square popLsb(Bitboard& b) {
  const Square s = lsb(b);
  b &= b - 1;
  return s;
}
constexpr bool moreThanOne(Bitboard b) { return (b & (b - 1)) != 0; }

// Shifts every square one step in direction D, dropping what falls off the board.
enum Direction : int { North = 8, South = -8, East = 1, West = -1,
                       NorthEast = 9, NorthWest = 7, SouthEast = -7, SouthWest = -9 };

template <Direction D>
constexpr Bitboard shift(Bitboard b) {
  if constexpr (D == North) return b << 8;
  else if constexpr (D == South) return b >> 8;
  else if constexpr (D == East) return (b & ~kFileH) << 1;
  else if constexpr (D == West) return (b & ~kFileA) >> 1;
  else if constexpr (D == NorthEast) return (b & ~kFileH) << 9;
  else if constexpr (D == NorthWest) return (b & ~kFileA) << 7;
  else if constexpr (D == SouthEast) return (b & ~kFileH) >> 7;
  else return (b & ~kFileA) >> 9;
}

// Squares attacked by all pawns of colour C in `pawns`.
template <Color C>
constexpr Bitboard pawnAttacks(Bitboard pawns) {
  return C == White ? shift<NorthWest>(pawns) | shift<NorthEast>(pawns)
                    : shift<SouthWest>(pawns) | shift<SouthEast>(pawns);
}

namespace detail {

// One step from `s` by (df, dr), or 0 when it leaves the board.
constexpr Bitboard step(Square s, int df, int dr) {
  const int f = fileOf(s) + df, r = rankOf(s) + dr;
  return f >= 0 && f < 8 && r >= 0 && r < 8 ? squareBB(makeSquare(f, r)) : 0;
}

constexpr int kRookSteps[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
constexpr int kBishopSteps[4][2] = {{1, 1}, {-1, 1}, {1, -1}, {-1, -1}};

// Slider attacks by walking rays; used to build tables, not in search.
constexpr Bitboard slidingAttacks(const int (&steps)[4][2], Square s, Bitboard occupied) {
  Bitboard attacks = 0;
  for (const auto& d : steps) {
    int f = fileOf(s) + d[0], r = rankOf(s) + d[1];
    while (f >= 0 && f < 8 && r >= 0 && r < 8) {
      const Bitboard b = squareBB(makeSquare(f, r));
      attacks |= b;
      if (occupied & b) break;
      f += d[0];
      r += d[1];
    }
  }
  return attacks;
}

struct LeaperTables {
  Bitboard pawn[2][64]{};
  Bitboard knight[64]{};
  Bitboard king[64]{};
};

constexpr LeaperTables makeLeaperTables() {
  LeaperTables t;
  constexpr int kKnight[8][2] = {{1, 2}, {2, 1}, {2, -1}, {1, -2}, {-1, -2}, {-2, -1}, {-2, 1}, {-1, 2}};
  constexpr int kKing[8][2] = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
  for (int i = 0; i < 64; ++i) {
    const Square s = Square(i);
    t.pawn[White][i] = step(s, -1, 1) | step(s, 1, 1);
    t.pawn[Black][i] = step(s, -1, -1) | step(s, 1, -1);
    for (const auto& d : kKnight) t.knight[i] |= step(s, d[0], d[1]);
    for (const auto& d : kKing) t.king[i] |= step(s, d[0], d[1]);
  }
  return t;
}

// between[a][b]: squares strictly between a and b plus b itself when they
// share a line (so "block or capture the checker" is one mask), else just b.
// line[a][b]: the whole line through a and b, or 0.
struct LineTables {
  Bitboard between[64][64]{};
  Bitboard line[64][64]{};
};

constexpr LineTables makeLineTables() {
  LineTables t;
  for (int a = 0; a < 64; ++a) {
    for (int b = 0; b < 64; ++b) {
      const Square sa = Square(a), sb = Square(b);
      t.between[a][b] = squareBB(sb);
      if (a == b) continue;
      for (const auto* steps : {&kRookSteps, &kBishopSteps}) {
        if (slidingAttacks(*steps, sa, 0) & squareBB(sb)) {
          t.line[a][b] = (slidingAttacks(*steps, sa, 0) & slidingAttacks(*steps, sb, 0)) | squareBB(sa) | squareBB(sb);
          t.between[a][b] |= slidingAttacks(*steps, sa, squareBB(sb)) & slidingAttacks(*steps, sb, squareBB(sa));
        }
      }
    }
  }
  return t;
}

inline constexpr LeaperTables kLeapers = makeLeaperTables();
inline constexpr LineTables kLines = makeLineTables();

}  // namespace detail

constexpr Bitboard pawnAttacks(Color c, Square s) { return detail::kLeapers.pawn[c][s]; }
constexpr Bitboard knightAttacks(Square s) { return detail::kLeapers.knight[s]; }
constexpr Bitboard kingAttacks(Square s) { return detail::kLeapers.king[s]; }
constexpr Bitboard betweenBB(Square a, Square b) { return detail::kLines.between[a][b]; }
constexpr Bitboard lineBB(Square a, Square b) { return detail::kLines.line[a][b]; }

}  // namespace chess
