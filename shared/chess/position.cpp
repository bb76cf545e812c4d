#include "shared/chess/position.h"

#include <cassert>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "shared/chess/notation.h"
#include "shared/chess/zobrist.h"

namespace chess {

namespace {

// Castling rights that survive a move touching each square: moving from or
// capturing on a king or rook home square gives the matching rights up.
constexpr auto kCastlingMask = [] {
  std::array<CastlingRights, kSquareCount> m{};
  m.fill(AllCastling);
  m[E1] = ~(WhiteOO | WhiteOOO);
  m[H1] = ~WhiteOO;
  m[A1] = ~WhiteOOO;
  m[E8] = ~(BlackOO | BlackOOO);
  m[H8] = ~BlackOO;
  m[A8] = ~BlackOOO;
  return m;
}();

constexpr std::string_view kPieceLetters = " PNBRQK  pnbrqk";

std::string_view colorName(Color c) { return c == White ? "white" : "black"; }

// Splits on single spaces; extra spaces count as empty fields and are reported.
int splitFields(std::string_view text, std::string_view (&fields)[7]) {
  int n = 0;
  while (true) {
    const auto sp = text.find(' ');
    if (n < 7) fields[n] = text.substr(0, sp);
    ++n;
    if (sp == std::string_view::npos) return n;
    text.remove_prefix(sp + 1);
  }
}

bool parseCounter(std::string_view field, int min, int max, int& out) {
  const auto* end = field.data() + field.size();
  const auto r = std::from_chars(field.data(), end, out);
  return !field.empty() && r.ec == std::errc() && r.ptr == end && out >= min && out <= max;
}

}  // namespace

Position::Position(Empty)
    : board_{},
      byType_{},
      byColor_{},
      key_(0),
      side_(White),
      castling_(NoCastling),
      ep_(NoSquare),
      rule50_(0),
      fullmove_(1) {
  assert(detail::attacksReady() && "no position is made before main() fills the attack tables");
}

Position::Position() : Position(Empty{}) {
  std::string error;
  setFen(kStartFen, error);
}

void Position::putPiece(Piece p, Square s) {
  const Bitboard b = squareBB(s);
  board_[s] = p;
  byType_[NoPieceType] |= b;
  byType_[typeOf(p)] |= b;
  byColor_[colorOf(p)] |= b;
  key_ ^= zobrist::kPieceSquare[p][s];
}

void Position::removePiece(Square s) {
  const Piece p = board_[s];
  const Bitboard b = squareBB(s);
  board_[s] = NoPiece;
  byType_[NoPieceType] ^= b;
  byType_[typeOf(p)] ^= b;
  byColor_[colorOf(p)] ^= b;
  key_ ^= zobrist::kPieceSquare[p][s];
}

void Position::movePiece(Square from, Square to) {
  const Piece p = board_[from];
  const Bitboard b = squareBB(from) | squareBB(to);
  board_[from] = NoPiece;
  board_[to] = p;
  byType_[NoPieceType] ^= b;
  byType_[typeOf(p)] ^= b;
  byColor_[colorOf(p)] ^= b;
  key_ ^= zobrist::kPieceSquare[p][from] ^ zobrist::kPieceSquare[p][to];
}

bool Position::enPassantIsLegal(Square from, Square target) const {
  const Color us = side_;
  const Square captured = target - pawnPush(us);
  // Remove both pawns and put ours on the target: this also catches the
  // discovered check along the rank that pin detection alone would miss.
  const Bitboard occ = (pieces() ^ squareBB(from) ^ squareBB(captured)) | squareBB(target);
  return !(attackersTo(kingSquare(us), occ, ~us) & ~squareBB(captured));
}

bool Position::epCaptureLegal(Square target) const {
  for (Bitboard b = pawnAttacks(~side_, target) & pieces(side_, Pawn); b;)
    if (enPassantIsLegal(popLsb(b), target)) return true;
  return false;
}

void Position::play(Move m) {
  const Color us = side_, them = ~us;
  const Square from = m.from(), to = m.to();
  const Piece piece = board_[from];
  // Legality is generateLegal's; checking it again would cost a generation per move.
  assert(piece != NoPiece && colorOf(piece) == us && "play() takes a legal move of the side to move");
  assert((board_[to] == NoPiece || colorOf(board_[to]) == them) && typeOf(board_[to]) != King);

  key_ ^= zobrist::kSide;
  if (ep_ != NoSquare) {
    key_ ^= zobrist::kEnPassantFile[fileOf(ep_)];
    ep_ = NoSquare;
  }
  ++rule50_;

  if (m.kind() == Move::Castling) {
    const bool kingSide = to > from;
    const Square rookFrom = kingSide ? from + 3 : from - 4;
    const Square rookTo = kingSide ? from + 1 : from - 1;
    movePiece(rookFrom, rookTo);
  } else if (m.kind() == Move::EnPassant) {
    removePiece(to - pawnPush(us));
    rule50_ = 0;
  } else if (board_[to] != NoPiece) {
    removePiece(to);
    rule50_ = 0;
  }
  movePiece(from, to);

  if (typeOf(piece) == Pawn) {
    rule50_ = 0;
    if (m.kind() == Move::Promotion) {
      removePiece(to);
      putPiece(makePiece(us, m.promotion()), to);
    }
  }

  const CastlingRights rights = castling_ & kCastlingMask[from] & kCastlingMask[to];
  if (rights != castling_) {
    key_ ^= zobrist::kCastling[castling_] ^ zobrist::kCastling[rights];
    castling_ = rights;
  }

  side_ = them;
  if (us == Black) ++fullmove_;

  // A double push only creates an en passant square when the capture is
  // legal, so equal positions get equal keys (FIDE 9.2.3).
  if (typeOf(piece) == Pawn && (int(to) ^ int(from)) == 16) {
    const Square target = from + pawnPush(us);
    if ((pawnAttacks(us, target) & pieces(them, Pawn)) && epCaptureLegal(target)) {
      ep_ = target;
      key_ ^= zobrist::kEnPassantFile[fileOf(target)];
    }
  }
}

bool Position::samePosition(const Position& other) const {
  return key_ == other.key_ && side_ == other.side_ && castling_ == other.castling_ && ep_ == other.ep_ &&
         std::memcmp(board_, other.board_, sizeof board_) == 0;
}

Key Position::computeKey() const {
  Key k = 0;
  for (int s = 0; s < kSquareCount; ++s)
    if (board_[s] != NoPiece) k ^= zobrist::kPieceSquare[board_[s]][s];
  if (side_ == Black) k ^= zobrist::kSide;
  k ^= zobrist::kCastling[castling_];
  if (ep_ != NoSquare) k ^= zobrist::kEnPassantFile[fileOf(ep_)];
  return k;
}

bool Position::setFen(std::string_view fen, std::string& error) {
  // Surrounding whitespace (a pasted line's newline) is not part of the FEN.
  const auto first = fen.find_first_not_of(" \t\r\n");
  fen = first == std::string_view::npos ? std::string_view()
                                        : fen.substr(first, fen.find_last_not_of(" \t\r\n") - first + 1);
  std::string_view fields[7];
  const int count = splitFields(fen, fields);
  if (count != 6) {
    error =
        "FEN needs 6 space-separated fields (placement, side, castling, en passant, halfmove clock, "
        "move number), found " +
        std::to_string(count);
    return false;
  }
  Position p{Empty{}};  // built aside so a bad FEN leaves *this untouched
  if (!p.readPlacement(fields[0], error) || !p.checkMaterial(error) || !p.readSide(fields[1], error) ||
      !p.readCastling(fields[2], error) || !p.readEnPassant(fields[3], error) ||
      !p.readCounters(fields[4], fields[5], error) || !p.checkChecks(error))
    return false;
  p.key_ = p.computeKey();
  *this = p;
  return true;
}

// Rank 8 first.
bool Position::readPlacement(std::string_view placement, std::string& error) {
  int rank = 7, file = 0;
  for (const char c : placement) {
    if (c == '/') {
      if (file != 8) {
        error = "rank " + std::to_string(rank + 1) + " has " + std::to_string(file) + " files, not 8";
        return false;
      }
      if (--rank < 0) {
        error = "piece placement has more than 8 ranks";
        return false;
      }
      file = 0;
    } else if (c >= '1' && c <= '8') {
      file += c - '0';
      if (file > 8) {
        error = "rank " + std::to_string(rank + 1) + " has more than 8 files";
        return false;
      }
    } else {
      const auto idx = kPieceLetters.find(c);
      if (c == ' ' || idx == std::string_view::npos) {
        error = std::string("bad piece letter '") + c + "' in piece placement";
        return false;
      }
      if (file >= 8) {
        error = "rank " + std::to_string(rank + 1) + " has more than 8 files";
        return false;
      }
      putPiece(Piece(idx), makeSquare(file, rank));
      ++file;
    }
  }
  if (rank != 0 || file != 8) {
    error = rank != 0 ? "piece placement has " + std::to_string(8 - rank) + " ranks, not 8"
                      : "rank 1 has " + std::to_string(file) + " files, not 8";
    return false;
  }
  return true;
}

// One king each, and no more pawns and promoted pieces than eight pawns allow.
bool Position::checkMaterial(std::string& error) const {
  for (const Color c : {White, Black}) {
    const int kings = popcount(pieces(c, King));
    if (kings != 1) {
      error = std::string(colorName(c)) + (kings == 0 ? " has no king" : " has more than one king");
      return false;
    }
    const int pawns = popcount(pieces(c, Pawn));
    // Every piece beyond the initial set must be a promoted pawn.
    auto extra = [&](PieceType pt, int initial) { return std::max(0, popcount(pieces(c, pt)) - initial); };
    const int promoted = extra(Knight, 2) + extra(Bishop, 2) + extra(Rook, 2) + extra(Queen, 1);
    if (pawns > 8 || pawns + promoted > 8) {
      error = std::string(colorName(c)) + " has more pawns and promoted pieces than 8 pawns allow";
      return false;
    }
  }
  if (pieces(Pawn) & (kRank1 | kRank8)) {
    error = "a pawn stands on the first or last rank";
    return false;
  }
  return true;
}

bool Position::readSide(std::string_view side, std::string& error) {
  if (side != "w" && side != "b") {
    error = "side to move must be 'w' or 'b', not '" + std::string(side) + "'";
    return false;
  }
  side_ = side == "w" ? White : Black;
  return true;
}

// The rights must match kings and rooks on their home squares.
bool Position::readCastling(std::string_view rights, std::string& error) {
  castling_ = NoCastling;
  if (rights == "-") return true;
  if (rights.empty()) {
    error = "empty castling field (use '-')";
    return false;
  }
  struct Right {
    char letter;
    CastlingRights right;
    Square king, rook;
    Piece k, r;
  };
  constexpr Right kRights[] = {{'K', WhiteOO, E1, H1, WKing, WRook},
                               {'Q', WhiteOOO, E1, A1, WKing, WRook},
                               {'k', BlackOO, E8, H8, BKing, BRook},
                               {'q', BlackOOO, E8, A8, BKing, BRook}};
  std::size_t next = 0;  // the letters come in the order KQkq
  for (const char c : rights) {
    std::size_t i = next;
    while (i < 4 && kRights[i].letter != c) ++i;
    if (i == 4) {
      error = "bad castling field '" + std::string(rights) + "' (expected '-' or letters from KQkq in that order)";
      return false;
    }
    const Right& r = kRights[i];
    if (board_[r.king] != r.k || board_[r.rook] != r.r) {
      error = std::string("castling right '") + c + "' needs the king on " + name(r.king) + " and a rook on " +
              name(r.rook);
      return false;
    }
    castling_ = castling_ | r.right;
    next = i + 1;
  }
  return true;
}

// The square a pawn of the other side just skipped.
bool Position::readEnPassant(std::string_view square, std::string& error) {
  ep_ = NoSquare;
  if (square == "-") return true;
  const int epRank = side_ == White ? 5 : 2;
  if (square.size() != 2 || square[0] < 'a' || square[0] > 'h' || square[1] != char('1' + epRank)) {
    error = "bad en passant field '" + std::string(square) + "' (expected '-' or a square on rank " +
            std::to_string(epRank + 1) + " for " + std::string(colorName(side_)) + " to move)";
    return false;
  }
  const Square target = makeSquare(square[0] - 'a', epRank);
  const Color them = ~side_;
  const Square pawn = target - pawnPush(side_), origin = target + pawnPush(side_);
  if (board_[pawn] != makePiece(them, Pawn) || board_[target] != NoPiece || board_[origin] != NoPiece) {
    error = "en passant square " + std::string(square) + " does not follow a double pawn push by " +
            std::string(colorName(them));
    return false;
  }
  // Kept only when a capture is legal (see epSquare()).
  if (epCaptureLegal(target)) ep_ = target;
  return true;
}

bool Position::readCounters(std::string_view halfmoves, std::string_view moveNumber, std::string& error) {
  if (!parseCounter(halfmoves, 0, 9999, rule50_)) {
    error = "bad halfmove clock '" + std::string(halfmoves) + "' (expected a number from 0 to 9999)";
    return false;
  }
  if (!parseCounter(moveNumber, 1, 99999, fullmove_)) {
    error = "bad move number '" + std::string(moveNumber) + "' (expected a number from 1 to 99999)";
    return false;
  }
  return true;
}

// Checks only make sense once the side to move is known.
bool Position::checkChecks(std::string& error) const {
  const Color them = ~side_;
  if (attackersTo(kingSquare(them), pieces(), side_)) {
    error = "the side not to move (" + std::string(colorName(them)) + ") is in check";
    return false;
  }
  if (popcount(checkers()) > 2) {
    error = "the side to move is in check by more than two pieces";
    return false;
  }
  return true;
}

std::string Position::fen() const {
  std::string s;
  for (int rank = 7; rank >= 0; --rank) {
    int empty = 0;
    for (int file = 0; file < 8; ++file) {
      const Piece pc = board_[makeSquare(file, rank)];
      if (pc == NoPiece) {
        ++empty;
        continue;
      }
      if (empty) s += char('0' + empty);
      empty = 0;
      s += kPieceLetters[pc];
    }
    if (empty) s += char('0' + empty);
    if (rank) s += '/';
  }
  s += side_ == White ? " w " : " b ";
  if (castling_ == NoCastling) s += '-';
  if (canCastle(WhiteOO)) s += 'K';
  if (canCastle(WhiteOOO)) s += 'Q';
  if (canCastle(BlackOO)) s += 'k';
  if (canCastle(BlackOOO)) s += 'q';
  s += ' ';
  s += ep_ == NoSquare ? "-" : name(ep_);
  s += ' ' + std::to_string(rule50_) + ' ' + std::to_string(fullmove_);
  return s;
}

}  // namespace chess
