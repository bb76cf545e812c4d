// Why a move is not legal, in terms a player (and game::Reject) understands:
// no piece, someone else's piece, a move the piece cannot make, a move that
// leaves the king in check, or a wrong promotion.
#pragma once

#include <string>

#include "shared/chess/position.h"

namespace chess {

enum class MoveError : std::uint8_t { None, NoPiece, NotYourPiece, IllegalMove, KingInCheck, BadPromotion };

struct MoveCheck {
  MoveError error = MoveError::None;
  Move move{};      // the legal move when error == None
  std::string why;  // a sentence when error != None
};

// Whether the piece of the side to move on `from` moves to `to` by its own
// rules, ignoring the safety of its king (castling: the right is kept and the
// squares between king and rook are empty).
bool movesLikeItsPiece(const Position& pos, Square from, Square to);

// Finds the legal move `from`-`to` promoting to `promotion` (NoPieceType when
// none is given), or says why there is none.
MoveCheck checkMove(const Position& pos, Square from, Square to, PieceType promotion);

}  // namespace chess
