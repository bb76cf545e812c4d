// The file game_replay and the client's replay open: one of our JSON-lines
// records, or a game of a PGN file, told apart by record::isPgn.
#pragma once

#include <filesystem>
#include <variant>

#include "shared/record/pgn_game.h"
#include "shared/record/reader.h"

namespace record {

// Reads `file` whole and loads game `number` (1-based) of it: a record
// holds one game, a PGN file any number.
std::variant<Record, PgnGame, LoadError> openReplay(const std::filesystem::path& file, int number = 1);

}  // namespace record
