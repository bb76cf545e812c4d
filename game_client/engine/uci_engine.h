// A chess engine spoken to in UCI: `uci` / `uciok` and `ucinewgame`,
// `isready` / `readyok` before the first move, then per move `position ...
// moves ...` with the whole history (the engine keeps no state we rely on)
// and `go movetime MS`, answered by `bestmove`.
//
// Ownership and threading: see EnginePlayer. Owns the engine process; the
// destructor says `quit` before the process is ended.
#pragma once

#include "game_client/engine/child_process.h"
#include "game_client/engine/engine_player.h"

namespace engine {

class UciEngine final : public EnginePlayer {
 public:
  UciEngine(std::unique_ptr<ChildProcess> process, const Settings& settings);
  ~UciEngine() override;

  std::optional<game::Move> move(const game::Setup& setup, const std::vector<game::Move>& history,
                                 std::string& error) override;

 private:
  bool send(const std::string& command, std::string& error);
  // Reads until a line whose first word is `word` and returns that line;
  // nullopt, with `error` set, when none comes within the answer bound.
  std::optional<std::string> await(std::string_view word, std::string& error);
  bool handshake(std::string& error);

  std::unique_ptr<ChildProcess> process_;
  Settings settings_;
  bool ready_ = false;  // the handshake is done
};

}  // namespace engine
