// A PGN file of several games, as text: where each game starts and ends, so
// that one can be read with readPgn and errors name the file's own lines.
// Exports from lichess, chess.com and ChessBase put one game after another,
// each a tag section and its movetext ending with a result token. No file
// I/O here.
#pragma once

#include <string_view>
#include <vector>

namespace chess {

struct PgnText {
  std::string_view text;  // one game: from its first tag (or move) to its result
  int line = 1;           // the file's line `text` starts on, 1-based
};

// The games of `file`, in order. A game ends at a result token outside
// comments and variations, or where a tag section follows its movetext
// without one; brackets and results inside {comments}, ;comments, "tag
// values" and %-escaped lines are not boundaries. A byte order mark is
// skipped, CRLF line ends are read as LF. Text that is no game (blank
// space, comments between games) belongs to none; an empty file has none.
std::vector<PgnText> splitPgnGames(std::string_view file);

}  // namespace chess
