// A chess position: piece placement as bitboards plus a mailbox, side to
// move, castling rights, en passant square and the move counters, with its
// Zobrist key kept up to date move by move.
//
// Positions are small plain values (copy-make): to try a move, copy the
// position and play it on the copy. play() takes a legal move (one from
// generateLegal); it does not check legality again, and asserts only what is
// cheap: a piece of the side to move goes to an empty square or takes an
// enemy piece other than the king.
#pragma once

#include <string>
#include <string_view>

#include "shared/chess/attacks.h"
#include "shared/chess/types.h"

namespace chess {

inline constexpr std::string_view kStartFen = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

class Position {
 public:
  // The initial position.
  Position();

  // Reads a FEN (all six fields). On a malformed or impossible position
  // returns false, names the problem in `error` and leaves *this unchanged.
  bool setFen(std::string_view fen, std::string& error);
  std::string fen() const;

  Piece pieceOn(Square s) const { return board_[s]; }
  Bitboard pieces() const { return byType_[NoPieceType]; }
  Bitboard pieces(Color c) const { return byColor_[c]; }
  Bitboard pieces(PieceType pt) const { return byType_[pt]; }
  Bitboard pieces(Color c, PieceType pt) const { return byColor_[c] & byType_[pt]; }
  Bitboard pieces(Color c, PieceType a, PieceType b) const { return byColor_[c] & (byType_[a] | byType_[b]); }
  Square kingSquare(Color c) const { return lsb(pieces(c, King)); }

  Color sideToMove() const { return side_; }
  CastlingRights castling() const { return castling_; }
  bool canCastle(CastlingRights r) const { return (castling_ & r) != 0; }
  // The en passant target square, set only when an en passant capture is
  // actually legal: FIDE position identity ignores an impossible one.
  Square epSquare() const { return ep_; }
  // Half-moves since the last capture or pawn move (fifty-move rule).
  int rule50() const { return rule50_; }
  int fullmoveNumber() const { return fullmove_; }
  Key key() const { return key_; }

  // Pieces of `by` attacking `s` given the occupancy `occupied`: the one
  // attack test, for checks, king steps, castling and en passant alike.
  Bitboard attackersTo(Square s, Bitboard occupied, Color by) const {
    return (pawnAttacks(~by, s) & pieces(by, Pawn)) | (knightAttacks(s) & pieces(by, Knight)) |
           (kingAttacks(s) & pieces(by, King)) | (rookAttacks(s, occupied) & pieces(by, Rook, Queen)) |
           (bishopAttacks(s, occupied) & pieces(by, Bishop, Queen));
  }
  Bitboard checkers() const { return attackersTo(kingSquare(side_), pieces(), ~side_); }
  bool inCheck() const { return checkers() != 0; }

  // Whether the side to move may capture en passant from `from` onto the
  // en passant `target` without exposing its king (pins along the rank too).
  bool enPassantIsLegal(Square from, Square target) const;

  // Plays a legal move.
  void play(Move m);

  // The same position in the sense of the repetition rules: same placement,
  // side to move, castling rights and (legal) en passant square.
  bool samePosition(const Position& other) const;

 private:
  struct Empty {};
  explicit Position(Empty);  // no pieces, for setFen to fill

  void putPiece(Piece p, Square s);
  void removePiece(Square s);
  void movePiece(Square from, Square to);
  // Whether the side to move has any legal en passant capture onto `target`.
  bool epCaptureLegal(Square target) const;
  Key computeKey() const;
  // setFen's steps, one per field (and the checks across them), each on a
  // position built aside; false with `error` set at the first problem.
  bool readPlacement(std::string_view placement, std::string& error);
  bool checkMaterial(std::string& error) const;
  bool readSide(std::string_view side, std::string& error);
  bool readCastling(std::string_view rights, std::string& error);
  bool readEnPassant(std::string_view square, std::string& error);
  bool readCounters(std::string_view halfmoves, std::string_view moveNumber, std::string& error);
  bool checkChecks(std::string& error) const;

  Piece board_[kSquareCount];
  Bitboard byType_[kPieceTypeCount];  // [NoPieceType] holds every piece
  Bitboard byColor_[2];
  Key key_;
  Color side_;
  CastlingRights castling_;
  Square ep_;
  std::int32_t rule50_;
  std::int32_t fullmove_;
};

}  // namespace chess
