// PGN (Portable Game Notation) for one game, as text: export with the Seven
// Tag Roster and SetUp/FEN tags, import with tags, comments (the [%clk]
// command read), NAGs, variations (skipped), move numbers and the result.
// No file I/O here; pgn_file.h splits a file of several games.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/chess/game.h"

namespace chess {

struct PgnTag {
  std::string name;
  std::string value;
  friend bool operator==(const PgnTag&, const PgnTag&) = default;
};

// "1-0", "0-1", "1/2-1/2" or "*".
std::string_view resultText(Outcome outcome);

// Writes `game` as PGN. The Seven Tag Roster comes first, in its order, with
// values from `tags` or the PGN defaults ("?", "????.??.??"); Result always
// comes from the game. Other tags follow in the order given; SetUp and FEN
// are added when the game does not start from the initial position.
// `comments[i]`, when given and not empty, follows move i in braces, e.g.
// "[%clk 0:04:57]" for the clock after that move.
std::string writePgn(const Game& game, const std::vector<PgnTag>& tags = {},
                     const std::vector<std::string>& comments = {});

struct PgnGame {
  std::vector<PgnTag> tags;  // as read, in order
  Game game;                 // the moves replayed; the result applied
  // Parallel to game.moves(): the clock a move's comments give for after it,
  // "[%clk 0:04:57]" or "[%clk 0:09:58.6]" (lichess, chess.com), if any.
  std::vector<std::optional<std::chrono::milliseconds>> clocks;
};

// Reads one game, `text` starting on line `firstLine` of its file. Rejects,
// with a reason and the line, malformed tags, a variant other than standard
// chess, unterminated comments or variations, a malformed [%clk], illegal or
// ambiguous moves, a bad FEN tag, a result that contradicts the final
// position or the Result tag, and text after the game's result.
bool readPgn(std::string_view text, PgnGame& out, std::string& error, int firstLine = 1);

// Reads the tag section alone (no move is replayed), with the same errors
// for malformed tags.
bool readPgnTags(std::string_view text, std::vector<PgnTag>& out, std::string& error, int firstLine = 1);

// The value of tag `name`, null when there is none.
const std::string* findTag(const std::vector<PgnTag>& tags, std::string_view name);

}  // namespace chess
