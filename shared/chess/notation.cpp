#include "shared/chess/notation.h"

#include "shared/chess/movegen.h"
#include "shared/chess/validate.h"

namespace chess {

namespace {

constexpr std::string_view kSanLetters = "  NBRQK";  // indexed by PieceType

bool isFile(char c) { return c >= 'a' && c <= 'h'; }
bool isRank(char c) { return c >= '1' && c <= '8'; }

PieceType promotionPiece(char c) {
  switch (c) {
    case 'N':
    case 'n': return Knight;
    case 'B':
    case 'b': return Bishop;
    case 'R':
    case 'r': return Rook;
    case 'Q':
    case 'q': return Queen;
    default: return NoPieceType;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Built by appending: GCC 12 warns wrongly (-Wrestrict) on "'" + std::string.
std::string quoted(std::string_view s) {
  std::string q(1, '\'');
  q += s;
  q += '\'';
  return q;
}

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool looksLikeUci(std::string_view s) {
  return (s.size() == 4 || s.size() == 5) && isFile(s[0]) && isRank(s[1]) && isFile(s[2]) && isRank(s[3]);
}

bool parseCastling(const Position& pos, std::string_view s, Move& out, std::string& error) {
  const bool kingSide = s.size() == 3;
  const Square k = pos.sideToMove() == White ? E1 : E8;
  const Square to = kingSide ? k + 2 : k - 2;
  for (const Move m : MoveList(pos))
    if (m.kind() == Move::Castling && m.to() == to) {
      out = m;
      return true;
    }
  const CastlingRights right =
      pos.sideToMove() == White ? (kingSide ? WhiteOO : WhiteOOO) : (kingSide ? BlackOO : BlackOOO);
  if (!pos.canCastle(right)) error = "the right to castle on that side is lost";
  else if (!movesLikeItsPiece(pos, k, to)) error = "pieces stand between king and rook";
  else error = "the king cannot castle out of, through or into check";
  return false;
}

}  // namespace

std::string_view name(PieceType pt) {
  constexpr std::string_view kNames[kPieceTypeCount] = {"", "pawn", "knight", "bishop", "rook", "queen", "king"};
  return kNames[pt];
}

std::string name(Square s) { return {char('a' + fileOf(s)), char('1' + rankOf(s))}; }

std::optional<Square> parseSquare(std::string_view text) {
  if (text.size() != 2 || !isFile(text[0]) || !isRank(text[1])) return std::nullopt;
  return makeSquare(text[0] - 'a', text[1] - '1');
}

std::string toUci(Move m) {
  std::string s = name(m.from()) + name(m.to());
  if (m.kind() == Move::Promotion) s += "  nbrq"[m.promotion()];
  return s;
}

bool parseUci(const Position& pos, std::string_view text, Move& out, std::string& error) {
  text = trim(text);
  if (!looksLikeUci(text)) {
    error = quoted(text) + " is not a UCI move (like e2e4 or e7e8q)";
    return false;
  }
  PieceType promotion = NoPieceType;
  if (text.size() == 5 && (promotion = promotionPiece(text[4])) == NoPieceType) {
    error = quoted(text) + ": the promotion piece must be q, r, b or n";
    return false;
  }
  const MoveCheck check = checkMove(pos, *parseSquare(text.substr(0, 2)), *parseSquare(text.substr(2, 2)), promotion);
  if (check.error != MoveError::None) {
    error = std::string(text) + ": " + check.why;
    return false;
  }
  out = check.move;
  return true;
}

std::string toSan(const Position& pos, Move m) {
  std::string san;
  const Square from = m.from(), to = m.to();
  const PieceType pt = typeOf(pos.pieceOn(from));
  const bool capture = m.kind() == Move::EnPassant || pos.pieceOn(to) != NoPiece;

  if (m.kind() == Move::Castling) {
    san = to > from ? "O-O" : "O-O-O";
  } else if (pt == Pawn) {
    if (capture) san = {char('a' + fileOf(from)), 'x'};
    san += name(to);
    if (m.kind() == Move::Promotion) san += {'=', kSanLetters[m.promotion()]};
  } else {
    san = kSanLetters[pt];
    // Disambiguate by file if that suffices, else by rank, else by both.
    bool ambiguous = false, sameFile = false, sameRank = false;
    for (const Move other : MoveList(pos)) {
      if (other.to() != to || other.from() == from || typeOf(pos.pieceOn(other.from())) != pt) continue;
      ambiguous = true;
      sameFile |= fileOf(other.from()) == fileOf(from);
      sameRank |= rankOf(other.from()) == rankOf(from);
    }
    if (ambiguous) {
      if (!sameFile) san += char('a' + fileOf(from));
      else if (!sameRank) san += char('1' + rankOf(from));
      else san += name(from);
    }
    if (capture) san += 'x';
    san += name(to);
  }

  Position next = pos;
  next.play(m);
  if (next.inCheck()) san += MoveList(next).empty() ? '#' : '+';
  return san;
}

bool parseSan(const Position& pos, std::string_view text, Move& out, std::string& error) {
  const std::string original(trim(text));
  std::string_view s = original;
  // Annotations and check marks carry no information we need.
  while (!s.empty() && (s.back() == '+' || s.back() == '#' || s.back() == '!' || s.back() == '?')) s.remove_suffix(1);
  if (endsWith(s, "e.p.")) s = trim(s.substr(0, s.size() - 4));
  if (s.empty()) {
    error = "empty move";
    return false;
  }

  if (s == "O-O" || s == "0-0" || s == "O-O-O" || s == "0-0-0") {
    if (parseCastling(pos, s, out, error)) return true;
    error = original + ": " + error;
    return false;
  }

  auto malformed = [&] {
    error = quoted(original) + " is not a move in SAN (like e4, Nf3, exd5, O-O, e8=Q)";
    return false;
  };

  // Promotion suffix: "=Q", "Q" or "q" right after the destination rank.
  PieceType promotion = NoPieceType;
  if (s.size() >= 3 && promotionPiece(s.back()) != NoPieceType && (s[s.size() - 2] == '=' || isRank(s[s.size() - 2]))) {
    promotion = promotionPiece(s.back());
    s.remove_suffix(s[s.size() - 2] == '=' ? 2 : 1);
  }
  if (s.size() < 2 || !isFile(s[s.size() - 2]) || !isRank(s.back())) return malformed();
  const Square to = *parseSquare(s.substr(s.size() - 2));
  s.remove_suffix(2);

  PieceType pt = Pawn;
  if (!s.empty() && kSanLetters.find(s.front()) != std::string_view::npos && s.front() != ' ') {
    pt = PieceType(kSanLetters.find(s.front()));
    s.remove_prefix(1);
  }
  if (!s.empty() && (s.back() == 'x' || s.back() == ':')) s.remove_suffix(1);
  int fromFile = -1, fromRank = -1;
  if (!s.empty() && isFile(s.front())) {
    fromFile = s.front() - 'a';
    s.remove_prefix(1);
  }
  if (!s.empty() && isRank(s.front()) && pt != Pawn) {
    fromRank = s.front() - '1';
    s.remove_prefix(1);
  }
  if (!s.empty()) return malformed();
  if (promotion != NoPieceType && pt != Pawn) return malformed();

  const Color us = pos.sideToMove();
  Move match{};
  int matches = 0, blockedByCheck = 0;
  std::string candidates;
  const MoveList legal(pos);
  for (Bitboard b = pos.pieces(us, pt); b;) {
    const Square from = popLsb(b);
    if ((fromFile >= 0 && fileOf(from) != fromFile) || (fromRank >= 0 && rankOf(from) != fromRank)) continue;
    // A pawn without a file moves straight ahead; with one, it captures.
    if (pt == Pawn && fromFile < 0 && fileOf(from) != fileOf(to)) continue;
    if (!movesLikeItsPiece(pos, from, to)) continue;
    Move legalMove{};
    for (const Move m : legal)
      if (m.from() == from && m.to() == to &&
          (m.kind() != Move::Promotion || m.promotion() == promotion || promotion == NoPieceType))
        legalMove = m;
    if (legalMove.isNone()) {
      ++blockedByCheck;
      continue;
    }
    ++matches;
    match = legalMove;
    if (!candidates.empty()) candidates += ", ";
    candidates += toSan(pos, legalMove);
  }

  if (matches == 0) {
    const std::string what(name(pt));
    error = original + (blockedByCheck ? ": that move would leave the king in check"
                                       : ": no " + what + " can move to " + name(to));
    return false;
  }
  if (matches > 1) {
    error = original + " is ambiguous: " + candidates;
    return false;
  }
  if (match.kind() == Move::Promotion) {
    if (promotion == NoPieceType) {
      error = original + ": a pawn reaching the last rank must promote (=Q, =R, =B or =N)";
      return false;
    }
    match = Move(match.from(), match.to(), Move::Promotion, promotion);
  } else if (promotion != NoPieceType) {
    error = original + ": only a pawn reaching the last rank promotes";
    return false;
  }
  out = match;
  return true;
}

bool parseMove(const Position& pos, std::string_view text, Move& out, std::string& error) {
  const std::string_view t = trim(text);
  // SAN never names two squares, so text shaped like "e2e4" is UCI.
  if (looksLikeUci(t)) return parseUci(pos, t, out, error);
  return parseSan(pos, t, out, error);
}

}  // namespace chess
