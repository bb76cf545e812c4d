// The words of the Universal Chess Interface we use, as pure functions: the
// position and go commands we write, the bestmove line we read.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine::uci {

// "position startpos moves e2e4 e7e5", or "position fen FEN moves ..." from a
// start position given as FEN (empty: the standard one); no "moves" when none.
std::string positionCommand(std::string_view fen, const std::vector<std::string>& moves);

// "go movetime 100".
std::string goCommand(std::chrono::milliseconds moveTime);

// The move of a "bestmove e2e4 [ponder e7e5]" line; nullopt for any other line.
std::optional<std::string> bestMove(std::string_view line);

}  // namespace engine::uci
