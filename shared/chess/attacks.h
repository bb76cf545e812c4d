// Slider attacks by "fancy" magic bitboards: one multiply, one shift and one
// table load per lookup. The tables are filled once, before main(), by a
// static initializer of attacks.cpp: a lookup costs no check that they are
// ready. (So no file's static initializer may look attacks up; none does,
// and Position asserts it in the builds that keep assertions.)
#pragma once

#include "shared/chess/bitboard.h"

namespace chess {

struct Magic {
  Bitboard mask = 0;  // relevant occupancy: the rays without their last square
  Bitboard magic = 0;
  const Bitboard* attacks = nullptr;
  unsigned shift = 0;

  unsigned index(Bitboard occupied) const { return unsigned(((occupied & mask) * magic) >> shift); }
};

namespace detail {
extern Magic gRookMagics[kSquareCount];
extern Magic gBishopMagics[kSquareCount];
// Whether the tables are filled (for assertions).
bool attacksReady();
}  // namespace detail

inline Bitboard rookAttacks(Square s, Bitboard occupied) {
  const Magic& m = detail::gRookMagics[s];
  return m.attacks[m.index(occupied)];
}

inline Bitboard bishopAttacks(Square s, Bitboard occupied) {
  const Magic& m = detail::gBishopMagics[s];
  return m.attacks[m.index(occupied)];
}

inline Bitboard queenAttacks(Square s, Bitboard occupied) {
  return rookAttacks(s, occupied) | bishopAttacks(s, occupied);
}

// Attacks of a non-pawn piece type from `s`.
inline Bitboard attacks(PieceType pt, Square s, Bitboard occupied) {
  switch (pt) {
    case Knight: return knightAttacks(s);
    case Bishop: return bishopAttacks(s, occupied);
    case Rook: return rookAttacks(s, occupied);
    case Queen: return queenAttacks(s, occupied);
    case King: return kingAttacks(s);
    default: return 0;
  }
}

}  // namespace chess
