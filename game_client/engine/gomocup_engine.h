// An omok brain spoken to in the Gomocup (Piskvork) protocol: `START size`
// answered `OK`, `INFO timeout_turn` and `INFO rule`, then `BEGIN` for the
// first move, `TURN x,y` with the opponent's move when the brain knows every
// earlier one, otherwise (a resumed game, a game joined mid-way) `BOARD`
// with every stone and `DONE`; the brain answers `x,y`. We write lines ending
// in CR LF; the brain's MESSAGE, DEBUG and UNKNOWN lines are skipped, its
// ERROR lines logged to stderr.
//
// Ownership and threading: see EnginePlayer. Owns the brain process; the
// destructor says `END` before the process is ended.
#pragma once

#include "game_client/engine/child_process.h"
#include "game_client/engine/engine_player.h"

namespace engine {

class GomocupEngine final : public EnginePlayer {
 public:
  GomocupEngine(std::unique_ptr<ChildProcess> process, const Settings& settings);
  ~GomocupEngine() override;

  std::optional<game::Move> move(const game::Setup& setup, const std::vector<game::Move>& history,
                                 std::string& error) override;

 private:
  bool send(const std::string& command, std::string& error);
  // The brain's next line that is not a MESSAGE, DEBUG or UNKNOWN line.
  std::optional<std::string> answer(Clock::time_point deadline, std::string_view waitingFor, std::string& error);
  bool start(const game::Setup& setup, std::string& error);
  // Tells the brain the position after `history` and asks for its move.
  bool ask(const std::vector<game::Move>& history, int size, std::string& error);

  std::unique_ptr<ChildProcess> process_;
  Settings settings_;
  bool started_ = false;          // START was answered OK
  std::vector<game::Move> known_;  // the moves the brain has been told of or played
};

}  // namespace engine
