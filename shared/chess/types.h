// Plain chess value types: colours, pieces, squares, moves and castling
// rights. Everything here is a small integer so the hot paths stay in
// registers and tables can be indexed directly.
#pragma once

#include <cstdint>

namespace chess {

using Bitboard = std::uint64_t;
using Key = std::uint64_t;

enum Color : std::uint8_t { White, Black };
constexpr Color operator~(Color c) { return Color(c ^ 1); }

enum PieceType : std::uint8_t { NoPieceType, Pawn, Knight, Bishop, Rook, Queen, King };
constexpr int kPieceTypeCount = 7;

// White pieces are 1..6, black pieces 9..14: colour is bit 3, so
// `piece >> 3` is the colour and `piece & 7` the type.
enum Piece : std::uint8_t {
  NoPiece,
  WPawn = 1, WKnight, WBishop, WRook, WQueen, WKing,
  BPawn = 9, BKnight, BBishop, BRook, BQueen, BKing,
};
constexpr int kPieceCount = 16;

constexpr Piece makePiece(Color c, PieceType pt) { return Piece((c << 3) | pt); }
constexpr Color colorOf(Piece p) { return Color(p >> 3); }
constexpr PieceType typeOf(Piece p) { return PieceType(p & 7); }

// a1 = 0, b1 = 1, ..., h8 = 63: the numbering game::Move uses on the wire.
enum Square : std::uint8_t {
  A1, B1, C1, D1, E1, F1, G1, H1,
  A2, B2, C2, D2, E2, F2, G2, H2,
  A3, B3, C3, D3, E3, F3, G3, H3,
  A4, B4, C4, D4, E4, F4, G4, H4,
  A5, B5, C5, D5, E5, F5, G5, H5,
  A6, B6, C6, D6, E6, F6, G6, H6,
  A7, B7, C7, D7, E7, F7, G7, H7,
  A8, B8, C8, D8, E8, F8, G8, H8,
  NoSquare = 64,
};
constexpr int kSquareCount = 64;

constexpr Square makeSquare(int file, int rank) { return Square(rank * 8 + file); }
constexpr int fileOf(Square s) { return s & 7; }
constexpr int rankOf(Square s) { return s >> 3; }
// The rank as seen from `c`'s side: rank 0 is the home rank of `c`.
constexpr int relativeRank(Color c, Square s) { return c == White ? rankOf(s) : 7 - rankOf(s); }
// One step forward for `c`'s pawns.
constexpr int pawnPush(Color c) { return c == White ? 8 : -8; }
constexpr Square operator+(Square s, int d) { return Square(int(s) + d); }
constexpr Square operator-(Square s, int d) { return Square(int(s) - d); }

// Castling rights as four bits, so a single table lookup per square clears
// the rights a move gives up (see Position::play).
enum CastlingRights : std::uint8_t {
  NoCastling = 0,
  WhiteOO = 1,
  WhiteOOO = 2,
  BlackOO = 4,
  BlackOOO = 8,
  AllCastling = 15,
};
constexpr CastlingRights operator|(CastlingRights a, CastlingRights b) { return CastlingRights(int(a) | int(b)); }
constexpr CastlingRights operator&(CastlingRights a, CastlingRights b) { return CastlingRights(int(a) & int(b)); }
constexpr CastlingRights operator~(CastlingRights a) { return CastlingRights(~int(a) & 15); }

// A move in 16 bits: from (6) | to (6) | promotion piece - Knight (2) | kind (2).
// Castling is written as the king's move (e1g1), as UCI does for standard chess.
class Move {
 public:
  enum Kind : std::uint16_t { Normal = 0, Promotion = 1 << 14, EnPassant = 2 << 14, Castling = 3 << 14 };

  // Trivial, so move lists cost nothing to declare; Move{} is "no move".
  constexpr Move() = default;
  constexpr Move(Square from, Square to, Kind kind = Normal, PieceType promotion = Knight)
      : data_(std::uint16_t(from | (to << 6) | ((promotion - Knight) << 12) | kind)) {}

  constexpr Square from() const { return Square(data_ & 63); }
  constexpr Square to() const { return Square((data_ >> 6) & 63); }
  constexpr Kind kind() const { return Kind(data_ & (3 << 14)); }
  // Only meaningful for Kind::Promotion.
  constexpr PieceType promotion() const { return PieceType(((data_ >> 12) & 3) + Knight); }
  constexpr bool isNone() const { return data_ == 0; }
  constexpr std::uint16_t raw() const { return data_; }

  friend constexpr bool operator==(Move, Move) = default;

 private:
  std::uint16_t data_;  // 0 (a1a1) is never a legal move, so it means "no move"
};

}  // namespace chess
