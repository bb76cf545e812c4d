// Chess games from PGN files people bring (lichess and chess.com exports,
// ChessBase), as records, so that game_replay and the client replay them as
// they replay the server's own: a file is split into its games
// (chess/pgn_file.h), one is read with chess::readPgn and replayed through
// game::makeGame. No file I/O here.
#pragma once

#include <filesystem>
#include <string_view>
#include <variant>
#include <vector>

#include "shared/chess/pgn.h"
#include "shared/record/reader.h"

namespace record {

struct PgnGame {
  // The game as a record: setup, players (White, Black), moves (SAN, UCI,
  // the mover's clock; line 0, a PGN move having no line of its own here),
  // the result (none for '*') and the replayed game. Timed when the
  // TimeControl tag gives the time ("180+2", "600") and the moves carry
  // [%clk]s; a move without one keeps its mover's time before it.
  Record record;
  std::vector<chess::PgnTag> tags;  // as the file has them
  int number = 1;                   // which game of the file, 1-based
  int count = 1;                    // how many games the file holds
};

// Whether `file`, whose text starts with `head`, is read as PGN rather than
// as one of our JSON-lines records: named *.pgn, or starting (after a byte
// order mark and blank space) with a tag '[', a move number or a '%'
// escape line. Our records start with '{'.
bool isPgn(const std::filesystem::path& file, std::string_view head);

// Game `number` (1-based) of the PGN file `text`. Errors carry the file's
// line; a number past the file's games says how many it holds.
std::variant<PgnGame, LoadError> readPgnGame(std::string_view text, int number);

// The first game's tags (no move replayed) and how many games `text` holds:
// what the start screen says about a PGN file.
struct PgnSummary {
  std::vector<chess::PgnTag> tags;
  int count = 0;
};
std::variant<PgnSummary, LoadError> readPgnSummary(std::string_view text);

// "alice – bob, Rated Blitz game, 2024.01.15": who played, and the event and
// date when the tags give them (not "?").
std::string describePgnGame(const std::vector<chess::PgnTag>& tags);

}  // namespace record
