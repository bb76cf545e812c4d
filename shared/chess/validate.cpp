#include "shared/chess/validate.h"

#include "shared/chess/movegen.h"
#include "shared/chess/notation.h"

namespace chess {

namespace {

bool castlingMove(const Position& pos, Square from, Square to) {
  const Color us = pos.sideToMove();
  const Square k = us == White ? E1 : E8;
  if (from != k || (to != k + 2 && to != k - 2)) return false;
  const bool kingSide = to == k + 2;
  const CastlingRights right = us == White ? (kingSide ? WhiteOO : WhiteOOO) : (kingSide ? BlackOO : BlackOOO);
  const Square rook = kingSide ? k + 3 : k - 4;
  return pos.canCastle(right) && !(betweenBB(k, rook) & ~squareBB(rook) & pos.pieces());
}

}  // namespace

bool movesLikeItsPiece(const Position& pos, Square from, Square to) {
  const Color us = pos.sideToMove();
  const Piece pc = pos.pieceOn(from);
  if (pc == NoPiece || colorOf(pc) != us || (pos.pieces(us) & squareBB(to))) return false;
  const Bitboard occ = pos.pieces();
  switch (typeOf(pc)) {
    case Pawn: {
      const Square one = from + pawnPush(us);
      if (pawnAttacks(us, from) & squareBB(to)) return (pos.pieces(~us) & squareBB(to)) || to == pos.epSquare();
      if (to == one) return !(occ & squareBB(one));
      return relativeRank(us, from) == 1 && to == one + pawnPush(us) && !(occ & (squareBB(one) | squareBB(to)));
    }
    case King: return (kingAttacks(from) & squareBB(to)) || castlingMove(pos, from, to);
    default: return (attacks(typeOf(pc), from, occ) & squareBB(to)) != 0;
  }
}

MoveCheck checkMove(const Position& pos, Square from, Square to, PieceType promotion) {
  const Piece pc = pos.pieceOn(from);
  const std::string fromName = name(from), toName = name(to);
  if (pc == NoPiece) return {MoveError::NoPiece, {}, "there is no piece on " + fromName};
  if (colorOf(pc) != pos.sideToMove())
    return {MoveError::NotYourPiece, {}, "the piece on " + fromName + " belongs to the opponent"};

  const std::string piece = "the " + std::string(name(typeOf(pc))) + " on " + fromName;
  const MoveList legal(pos);
  Move found{};
  for (const Move m : legal)
    if (m.from() == from && m.to() == to) found = m;

  if (found.isNone()) {
    if (!movesLikeItsPiece(pos, from, to)) return {MoveError::IllegalMove, {}, piece + " cannot move to " + toName};
    if (castlingMove(pos, from, to))
      return {MoveError::KingInCheck, {}, "the king cannot castle out of, through or into check"};
    return {MoveError::KingInCheck,
            {},
            pos.inCheck() ? "that move leaves the king in check" : "that move would expose the king to check"};
  }
  if (found.kind() == Move::Promotion) {
    if (promotion == NoPieceType)
      return {MoveError::BadPromotion, {}, "a pawn reaching the last rank must promote: add q, r, b or n"};
    if (promotion < Knight || promotion > Queen)
      return {MoveError::BadPromotion, {}, "a pawn can only promote to a queen, rook, bishop or knight"};
    return {MoveError::None, Move(from, to, Move::Promotion, promotion), {}};
  }
  if (promotion != NoPieceType) return {MoveError::BadPromotion, {}, "only a pawn reaching the last rank promotes"};
  return {MoveError::None, found, {}};
}

}  // namespace chess
