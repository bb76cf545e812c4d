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
  // Omok opening rules (omok/opening.h):
  OutsideArea = 14,         // outside the central square allowed for this stone
  NotNow = 15,              // not what the opening asks for now (a stone while a decision is due, or the reverse)
  NotAChoice = 16,          // a colour or swap2 option that is not one of the choices
  WrongCount = 17,          // a declared count out of 1..8, or an offer of another size than asked
  DuplicateCandidate = 18,  // the same fifth move offered twice
  SymmetricCandidate = 19,  // two fifth moves a symmetry of the position maps onto each other
  NotACandidate = 20,       // picking a point that was not offered
  Forbidden = 21,           // a forbidden point for that colour (an opening stone)
};
constexpr std::uint8_t kLastReject = static_cast<std::uint8_t>(Reject::Forbidden);

// Omok's tournament opening rules (omok/opening.h has the rule texts); chess
// and a plain omok game have None.
enum class Opening : std::uint8_t { None = 0, Swap1 = 1, Swap2 = 2, Soosorv8 = 3, Taraguchi10 = 4 };
constexpr std::uint8_t kLastOpening = static_cast<std::uint8_t>(Opening::Taraguchi10);

// What an opening asks for now, from whom (Game::opening()). Stones are
// placed by moves (Place; Pick takes one of the offered fifth moves); the
// rest are decisions (Game::decide).
enum class OpeningStep : std::uint8_t {
  Place = 0,     // a stone, within the opening's area
  Swap,          // exchange the colours, or keep them
  SwapOrOffer,   // Taraguchi-10 after move 4: swap or keep, or offer ten fifth moves
  ChooseColor,   // choose the colour to play
  ChooseOption,  // swap2's three options
  Declare,       // Soosorv-8: how many fifth moves black will offer, 1..8
  Offer,         // offer that many fifth moves
  Pick,          // pick one of them: it becomes move 5
  Done,          // ordinary play
};
constexpr std::uint8_t kLastOpeningStep = static_cast<std::uint8_t>(OpeningStep::Done);

// The decisions of an opening that are not stones.
enum class Choice : std::uint8_t { Swap = 1, ChooseColor = 2, ChooseOption = 3, Declare = 4, Offer = 5 };
constexpr std::uint8_t kLastChoice = static_cast<std::uint8_t>(Choice::Offer);

// Names as used on command lines, in records and in the protocol document.
std::string_view name(Kind k);
// The colour a seat plays: Player1 moves first, black in omok, white in
// chess, unless an omok opening `exchanged` the colours; "black" or
// "white" (empty for no seat).
std::string_view color(Kind k, Seat s, bool exchanged = false);
std::string_view name(Rule r);
std::string_view name(Result r);
std::string_view name(EndReason r);
std::string_view describe(Reject r);  // a sentence for people: "that point is taken"
std::string_view name(Opening o);      // "none", "swap1", "swap2", "soosorv8", "taraguchi10"
std::string_view name(OpeningStep s);  // "place", "swap", ..., "done"
std::string_view name(Choice c);       // "swap", "color", "option", "declare", "offer"

std::optional<Kind> parseKind(std::string_view s);
std::optional<Rule> parseRule(std::string_view s);
std::optional<Result> parseResult(std::string_view s);
std::optional<EndReason> parseEndReason(std::string_view s);
std::optional<Opening> parseOpening(std::string_view s);
std::optional<Choice> parseChoice(std::string_view s);

// Whether `r` is a rule of game `k` (Fide for chess, the others for omok).
bool ruleBelongsTo(Rule r, Kind k);

}  // namespace game
