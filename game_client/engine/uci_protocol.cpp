#include "game_client/engine/uci_protocol.h"

#include <sstream>

namespace engine::uci {

std::string positionCommand(std::string_view fen, const std::vector<std::string>& moves) {
  std::string command = fen.empty() ? "position startpos" : "position fen " + std::string(fen);
  if (!moves.empty()) command += " moves";
  for (const std::string& move : moves) command += " " + move;
  return command;
}

std::string goCommand(std::chrono::milliseconds moveTime) {
  return "go movetime " + std::to_string(moveTime.count());
}

std::optional<std::string> bestMove(std::string_view line) {
  std::istringstream words{std::string(line)};
  std::string word;
  std::string move;
  if (!(words >> word) || word != "bestmove" || !(words >> move)) return std::nullopt;
  return move;
}

}  // namespace engine::uci
