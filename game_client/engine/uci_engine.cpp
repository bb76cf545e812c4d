#include "game_client/engine/uci_engine.h"

#include "game_client/engine/scratch_game.h"
#include "game_client/engine/uci_protocol.h"
#include "game_client/engine/words.h"

namespace engine {

UciEngine::UciEngine(std::unique_ptr<ChildProcess> process, const Settings& settings)
    : process_(std::move(process)), settings_(settings) {}

UciEngine::~UciEngine() {
  std::string ignored;  // an engine that is gone already needs no quit
  send("quit", ignored);
}

bool UciEngine::send(const std::string& command, std::string& error) {
  if (process_->write(command + "\n", error)) return true;
  error = "sending '" + command + "': " + error;
  return false;
}

std::optional<std::string> UciEngine::await(std::string_view word, std::string& error) {
  const auto deadline = Clock::now() + settings_.answerBound();
  while (auto line = process_->readLine(deadline, error)) {
    if (firstWordIs(*line, word)) return line;
  }
  error = "waiting for " + std::string(word) + ": " + error;
  return std::nullopt;
}

bool UciEngine::handshake(std::string& error) {
  ready_ = send("uci", error) && await("uciok", error) && send("ucinewgame", error) && send("isready", error) &&
           await("readyok", error);
  return ready_;
}

std::optional<game::Move> UciEngine::move(const game::Setup& setup, const std::vector<game::Move>& history,
                                          std::string& error) {
  if (setup.kind != game::Kind::Chess) {
    error = "a UCI engine plays chess, and this game is " + std::string(game::name(setup.kind));
    return std::nullopt;
  }
  std::optional<ScratchGame> scratch = replay(setup, history, error);
  if (!scratch || (!ready_ && !handshake(error))) return std::nullopt;
  if (!send(uci::positionCommand(setup.fen, scratch->uci), error) || !send(uci::goCommand(settings_.moveTime), error))
    return std::nullopt;
  const std::optional<std::string> line = await("bestmove", error);
  if (!line) return std::nullopt;
  const std::optional<std::string> said = uci::bestMove(*line);
  game::Move move;
  std::string why;
  if (!said || !scratch->game->parseMove(*said, move, why)) {
    error = "the engine answered '" + *line + "', not a legal move" + (why.empty() ? "" : ": " + why);
    return std::nullopt;
  }
  if (!playAnswer(*scratch->game, move, *said, error)) return std::nullopt;
  return move;
}

}  // namespace engine
