// One interface over every rules engine, so the server, the records and the
// tools handle omok and chess without game-specific branches.
//
// A Game is a plain value-owning object; it is not thread-safe (the server
// touches a match's game under the match's mutex only).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shared/game/types.h"

namespace game {

// A move as it travels on the wire. Its meaning depends on the game:
//   omok:  `to` is the point, row * size + column, row 0 being the bottom row "1"
//          and column 0 the left column "a"; `from` and `promotion` are 0.
//   chess: `from` and `to` are squares 0..63 (a1 = 0, b1 = 1, ..., h8 = 63);
//          `promotion` is one of Promotion below, None unless a pawn promotes.
struct Move {
  std::uint16_t from = 0;
  std::uint16_t to = 0;
  std::uint8_t promotion = 0;
  friend constexpr bool operator==(const Move&, const Move&) = default;
};

enum class Promotion : std::uint8_t { None = 0, Knight = 1, Bishop = 2, Rook = 3, Queen = 4 };

// What the engine said about one move.
struct Played {
  Reject reject = Reject::None;  // None when the move was applied
  std::string why;               // the engine's own reason in words when rejected
  std::string notation;          // omok: "h8"; chess: SAN, e.g. "Nf3+"
  std::string uci;               // chess: "g1f3", "e7e8q"; omok: same as notation
  Status status;                 // the game's status after the move
  bool accepted() const { return reject == Reject::None; }
};

struct Setup {
  Kind kind = Kind::Omok;
  Rule rule = Rule::Renju;
  int boardSize = 15;  // omok: 15 or 19
  std::string fen;     // chess: start position, empty for the initial one
  Opening opening = Opening::None;  // omok: the tournament opening rule, if any
};

// A setup in words for logs and refusals: "omok (renju, 15x15, opening
// soosorv8)", "chess", "chess from FEN ...".
std::string describe(const Setup& setup);

// Whether `opening` may be played under `rule` (omok/opening.h's
// allowedFor): swap1 and swap2 for freestyle and standard, Soosorv-8 and
// Taraguchi-10 for renju, None always.
bool openingAllowed(Opening opening, Rule rule);

// An opening's decision other than a stone (stones, the picked fifth move
// too, are moves). It is the decision of the seat the opening asks.
struct Decision {
  Choice choice = Choice::Swap;
  // Swap: 1 exchanges the colours, 0 keeps them. ChooseColor: the colour the
  // deciding seat takes, 1 the first mover's (black), 2 the second's.
  // ChooseOption: swap2's option 1 (take black), 2 (stay white, play move 4)
  // or 3 (place moves 4 and 5). Declare: how many fifth moves, 1..8.
  int value = 0;
  std::vector<Move> points;  // Offer: the fifth moves offered, as moves
  friend bool operator==(const Decision&, const Decision&) = default;
};

// Where the opening stands; a game without one is Done from the start.
struct OpeningState {
  Opening rule = Opening::None;
  OpeningStep step = OpeningStep::Done;
  Seat decider = Seat::None;  // whose decision it is; None once Done
  // Place: the central square the stone must go in, by its half-width (0:
  // the centre point, 1: the 3x3, ...); kWholeBoard: anywhere.
  static constexpr int kWholeBoard = -1;
  int area = kWholeBoard;
  int offerCount = 0;       // Offer, SwapOrOffer: how many fifth moves to offer
  bool exchanged = false;   // Player1 plays the second colour (white); tentative until Done
  std::vector<Move> candidates;  // the fifth moves offered, for Pick
  bool inProgress() const { return step != OpeningStep::Done; }
};

class Game {
 public:
  virtual ~Game() = default;
  // An independent copy, to try moves on (a bot's scratch game).
  virtual std::unique_ptr<Game> clone() const = 0;

  virtual Kind kind() const = 0;
  virtual Rule rule() const = 0;
  virtual Status status() const = 0;
  // The seat to move, Seat::None once the game is over.
  virtual Seat toMove() const = 0;
  // Moves (plies) played so far.
  virtual int moveCount() const = 0;

  // Validates `move` for the side to move and applies it. A rejected move
  // leaves the game exactly as it was.
  virtual Played play(const Move& move) = 0;

  // Whether the game's custom has take-backs at all: omok, as Korean sites
  // do; chess not (the FIDE Laws have none).
  virtual bool allowsTakebacks() const = 0;
  // Whether takeback() would take a move back now: take-backs are allowed,
  // a move was played and the game is still in progress.
  virtual bool canTakeback() const = 0;
  // Takes back the last move when canTakeback(); false with nothing changed
  // otherwise.
  virtual bool takeback() = 0;

  // Reads a move written in the game's notation (omok "h8"; chess SAN or UCI)
  // in the current position. On failure returns false and says why in `error`.
  virtual bool parseMove(std::string_view text, Move& out, std::string& error) const = 0;

  // The opening rule's state; Done from the start without one. While it is
  // in progress, toMove() is the seat it asks, and play() places its stones
  // or picks a fifth move.
  virtual OpeningState opening() const { return {}; }
  // Makes the opening decision `d` for toMove(). A refused decision leaves
  // the game exactly as it was; an accepted one says what it was in
  // Played::notation ("swap", "keep", "black", "option 3", "declare 5",
  // "offer h8 j9").
  virtual Played decide(const Decision& d);
  // Whether `move` may join the fifth moves `chosen` of an offer due now
  // (checked against each of them), for building an offer a point at a time;
  // the game is unchanged either way.
  virtual Played checkCandidate(const Move& move, const std::vector<Move>& chosen) const;

  // A draw the side to move may claim now (chess: fifty-move rule, threefold
  // repetition), or EndReason::None.
  virtual EndReason claimableDraw() const = 0;

  // Ends the game by a result decided outside the rules: resignation,
  // agreement, a player leaving, time. Ignored once the game is over.
  virtual void finish(Status status) = 0;

  // The start position (chess: FEN; omok: empty) and the current one as text
  // for people (omok: the board grid; chess: FEN), for records and tools.
  virtual std::string startPosition() const = 0;
  virtual std::string position() const = 0;
};

// Reads a decision as Game::decide names it ("swap", "keep", "black",
// "white", "option 3", "declare 5", "offer h8 j9"), the points in `game`'s
// notation. On failure returns false and says why in `error`.
bool parseDecision(std::string_view text, const Game& game, Decision& out, std::string& error);
// The decision's notation, as parseDecision reads it: the points offered
// named on an omok board of `boardSize` ("offer h8 j9"; "?" for a move that
// names no point). Decisions are omok's: only its openings make them.
std::string notation(const Decision& d, int boardSize);

// Builds a game for `setup`. On a bad setup (rule of another game, bad board
// size, malformed FEN) returns null and says why in `error`.
std::unique_ptr<Game> makeGame(const Setup& setup, std::string& error);

}  // namespace game
