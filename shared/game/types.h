// Plain types every game shares: which game, which rule set, who sits where,
// how a game ended and why a move was refused. No I/O, no engine code.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace game {

enum class Kind : std::uint8_t { Omok = 1, Chess = 2 };

// Omok rule sets, and Fide for chess (the only chess rule).
enum class Rule : std::uint8_t { Freestyle = 1, Standard = 2, Renju = 3, Omok = 4, Fide = 5 };

// Player1 moves first: black in omok, white in chess.
enum class Seat : std::uint8_t { None = 0, Player1 = 1, Player2 = 2 };

constexpr Seat opponent(Seat s) {
  return s == Seat::Player1 ? Seat::Player2 : s == Seat::Player2 ? Seat::Player1 : Seat::None;
}

enum class Result : std::uint8_t { Ongoing = 0, Player1Wins = 1, Player2Wins = 2, Draw = 3 };

enum class EndReason : std::uint8_t {
  None = 0,
  FiveInARow = 1,
  BoardFull = 2,
  Checkmate = 3,
  Stalemate = 4,
  FiftyMoveRule = 5,         // claimed
  SeventyFiveMoveRule = 6,   // automatic
  ThreefoldRepetition = 7,   // claimed
  FivefoldRepetition = 8,    // automatic
  InsufficientMaterial = 9,  // dead position
  Agreement = 10,
  Resignation = 11,
  OpponentLeft = 12,
  Timeout = 13,
  // Not an ending: the game stopped with both players away and may be
  // resumed (records only; never in a game-over).
  Adjourned = 14,
};
constexpr std::uint8_t kLastEndReason = static_cast<std::uint8_t>(EndReason::Adjourned);

struct Status {
  Result result = Result::Ongoing;
  EndReason reason = EndReason::None;
  constexpr bool over() const { return result != Result::Ongoing; }
  friend constexpr bool operator==(const Status&, const Status&) = default;
};

constexpr Result winFor(Seat s) { return s == Seat::Player1 ? Result::Player1Wins : Result::Player2Wins; }

// Why a move was refused. One code space for every game so the wire protocol
// and the records carry a single documented table.
enum class Reject : std::uint8_t {
  None = 0,
  NotYourTurn = 1,
  GameOver = 2,
  OffBoard = 3,
  Occupied = 4,             // omok: the point already has a stone
  DoubleThree = 5,          // omok: forbidden 3-3
  DoubleFour = 6,           // omok: forbidden 4-4
  Overline = 7,             // omok: forbidden overline
  NoPiece = 8,              // chess: the from-square is empty
  NotYourPiece = 9,         // chess: the piece belongs to the opponent
  IllegalMove = 10,         // chess: the piece cannot move there
  KingInCheck = 11,         // chess: the move leaves or puts the own king in check
  BadPromotion = 12,        // chess: promotion missing, misplaced or to an invalid piece
  NotASpectator = 13,       // reserved for the protocol: the sender has no seat
};
constexpr std::uint8_t kLastReject = static_cast<std::uint8_t>(Reject::NotASpectator);

// Names as used on command lines, in records and in the protocol document.
std::string_view name(Kind k);
// The colour a seat plays: Player1 moves first, black in omok, white in
// chess; "black" or "white" (empty for no seat).
std::string_view color(Kind k, Seat s);
std::string_view name(Rule r);
std::string_view name(Result r);
std::string_view name(EndReason r);
std::string_view describe(Reject r);  // a sentence for people: "that point is taken"

std::optional<Kind> parseKind(std::string_view s);
std::optional<Rule> parseRule(std::string_view s);
std::optional<Result> parseResult(std::string_view s);
std::optional<EndReason> parseEndReason(std::string_view s);

// Whether `r` is a rule of game `k` (Fide for chess, the others for omok).
bool ruleBelongsTo(Rule r, Kind k);

}  // namespace game
