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
};

class Game {
 public:
  virtual ~Game() = default;

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

// Builds a game for `setup`. On a bad setup (rule of another game, bad board
// size, malformed FEN) returns null and says why in `error`.
std::unique_ptr<Game> makeGame(const Setup& setup, std::string& error);

}  // namespace game
