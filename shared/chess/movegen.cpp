#include "shared/chess/movegen.h"

#include <algorithm>

namespace chess {

namespace {

Move* addPromotions(Move* list, Square from, Square to) {
  *list++ = Move(from, to, Move::Promotion, Queen);
  *list++ = Move(from, to, Move::Promotion, Rook);
  *list++ = Move(from, to, Move::Promotion, Bishop);
  *list++ = Move(from, to, Move::Promotion, Knight);
  return list;
}

// One move per target square of a whole-board pawn shift; each pawn came
// from `offset` squares back.
Move* addShifted(Move* list, Bitboard targets, int offset) {
  while (targets) {
    const Square to = popLsb(targets);
    *list++ = Move(to - offset, to);
  }
  return list;
}

Move* addShiftedPromotions(Move* list, Bitboard targets, int offset) {
  while (targets) {
    const Square to = popLsb(targets);
    list = addPromotions(list, to - offset, to);
  }
  return list;
}

Move* addFrom(Move* list, Square from, Bitboard targets) {
  while (targets) *list++ = Move(from, popLsb(targets));
  return list;
}

template <Color Us>
Move* generatePawnMoves(const Position& pos, Move* list, Bitboard target, Bitboard pinned, Square ksq) {
  constexpr Color Them = ~Us;
  constexpr Direction Up = Us == White ? North : South;
  constexpr Direction UpLeft = Us == White ? NorthWest : SouthEast;
  constexpr Direction UpRight = Us == White ? NorthEast : SouthWest;
  constexpr Bitboard Rank3 = Us == White ? kRank3 : kRank6;
  constexpr Bitboard Rank7 = Us == White ? kRank7 : kRank2;

  const Bitboard empty = ~pos.pieces();
  const Bitboard enemies = pos.pieces(Them) & target;
  const Bitboard pawns = pos.pieces(Us, Pawn);

  // Pinned pawns move only along their pin ray; the rest move in bulk.
  // A pawn pinned along a file may still push, one pinned on a diagonal may
  // capture the pinner, so they are done one by one below.
  const Bitboard free = pawns & ~pinned;
  const Bitboard freeLow = free & ~Rank7, freeHigh = free & Rank7;

  Bitboard single = shift<Up>(freeLow) & empty;
  const Bitboard dbl = shift<Up>(single & Rank3) & empty & target;
  single &= target;
  list = addShifted(list, single, Up);
  list = addShifted(list, dbl, 2 * Up);
  list = addShifted(list, shift<UpLeft>(freeLow) & enemies, UpLeft);
  list = addShifted(list, shift<UpRight>(freeLow) & enemies, UpRight);

  if (freeHigh) {
    list = addShiftedPromotions(list, shift<Up>(freeHigh) & empty & target, Up);
    list = addShiftedPromotions(list, shift<UpLeft>(freeHigh) & enemies, UpLeft);
    list = addShiftedPromotions(list, shift<UpRight>(freeHigh) & enemies, UpRight);
  }

  for (Bitboard b = pawns & pinned; b;) {
    const Square from = popLsb(b);
    const Bitboard ray = lineBB(ksq, from);
    Bitboard to = pawnAttacks(Us, from) & enemies;
    const Bitboard push = shift<Up>(squareBB(from)) & empty;
    to |= push | (shift<Up>(push & Rank3) & empty);
    to &= ray & target;
    while (to) {
      const Square t = popLsb(to);
      if (squareBB(from) & Rank7) list = addPromotions(list, from, t);
      else *list++ = Move(from, t);
    }
  }

  // En passant is rare: test it exactly (it removes two pieces from a rank).
  if (const Square ep = pos.epSquare(); ep != NoSquare) {
    for (Bitboard b = pawnAttacks(Them, ep) & pawns; b;) {
      const Square from = popLsb(b);
      if (pos.enPassantIsLegal(from, ep)) *list++ = Move(from, ep, Move::EnPassant);
    }
  }
  return list;
}

// Knight, bishop and rook moves, queens moving as both sliders (Stockfish's
// generate_moves<Pt>). A pinned piece moves only along its pin ray, so a
// pinned knight never moves.
template <Color Us, PieceType Pt>
Move* generatePieceMoves(const Position& pos, Move* list, Bitboard target, Bitboard pinned, Square ksq) {
  static_assert(Pt == Knight || Pt == Bishop || Pt == Rook);
  const Bitboard occ = pos.pieces();
  for (Bitboard b = Pt == Knight ? pos.pieces(Us, Knight) & ~pinned : pos.pieces(Us, Pt, Queen); b;) {
    const Square from = popLsb(b);
    Bitboard to = attacks(Pt, from, occ) & target;
    if (pinned & squareBB(from)) to &= lineBB(ksq, from);
    list = addFrom(list, from, to);
  }
  return list;
}

template <Color Us>
Move* generateCastling(const Position& pos, Move* list) {
  constexpr Color Them = ~Us;
  constexpr CastlingRights OO = Us == White ? WhiteOO : BlackOO;
  constexpr CastlingRights OOO = Us == White ? WhiteOOO : BlackOOO;
  constexpr Square K = Us == White ? E1 : E8;
  const Bitboard occ = pos.pieces();
  auto safe = [&](Square s) { return !pos.attackersTo(s, occ, Them); };

  if (pos.canCastle(OO) && !(occ & (squareBB(K + 1) | squareBB(K + 2))) && safe(K + 1) && safe(K + 2))
    *list++ = Move(K, K + 2, Move::Castling);
  if (pos.canCastle(OOO) && !(occ & (squareBB(K - 1) | squareBB(K - 2) | squareBB(K - 3))) && safe(K - 1) &&
      safe(K - 2))
    *list++ = Move(K, K - 2, Move::Castling);
  return list;
}

template <Color Us>
Move* generate(const Position& pos, Move* list) {
  constexpr Color Them = ~Us;
  const Square ksq = pos.kingSquare(Us);
  const Bitboard occ = pos.pieces();
  const Bitboard ours = pos.pieces(Us);
  const Bitboard checkers = pos.attackersTo(ksq, occ, Them);

  // King steps: test each square with our king lifted off the board, so a
  // slider's ray through the king's current square counts as attacked.
  const Bitboard occNoKing = occ ^ squareBB(ksq);
  for (Bitboard b = kingAttacks(ksq) & ~ours; b;) {
    const Square to = popLsb(b);
    if (!pos.attackersTo(to, occNoKing, Them)) *list++ = Move(ksq, to);
  }
  if (moreThanOne(checkers)) return list;  // double check: only the king moves

  // Single check: capture the checker or block its ray. No check: any square
  // not holding one of ours.
  const Bitboard target = checkers ? betweenBB(ksq, lsb(checkers)) : ~ours;

  // Pieces pinned to our king: the only piece between the king and an enemy
  // slider that would otherwise see it.
  Bitboard pinned = 0;
  for (Bitboard snipers = (rookAttacks(ksq, 0) & pos.pieces(Them, Rook, Queen)) |
                          (bishopAttacks(ksq, 0) & pos.pieces(Them, Bishop, Queen));
       snipers;) {
    const Square s = popLsb(snipers);
    const Bitboard blockers = betweenBB(ksq, s) & occ & ~squareBB(s);
    if (!moreThanOne(blockers)) pinned |= blockers & ours;
  }

  list = generatePawnMoves<Us>(pos, list, target, pinned, ksq);

  list = generatePieceMoves<Us, Knight>(pos, list, target, pinned, ksq);
  list = generatePieceMoves<Us, Bishop>(pos, list, target, pinned, ksq);
  list = generatePieceMoves<Us, Rook>(pos, list, target, pinned, ksq);

  if (!checkers) list = generateCastling<Us>(pos, list);
  return list;
}

}  // namespace

Move* generateLegal(const Position& pos, Move* list) {
  return pos.sideToMove() == White ? generate<White>(pos, list) : generate<Black>(pos, list);
}

MoveList::MoveList(const Position& pos) : last_(generateLegal(pos, moves_)) {}

bool MoveList::contains(Move m) const { return std::find(begin(), end(), m) != end(); }

}  // namespace chess
