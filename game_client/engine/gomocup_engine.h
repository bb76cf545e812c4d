// An omok brain spoken to in the Gomocup (Piskvork) protocol: `START size`
// answered `OK`, `INFO timeout_turn` and `INFO rule`, then `BEGIN` for the
// first move, `TURN x,y` with the opponent's move when the brain knows every
// earlier one, otherwise (a resumed game, a game joined mid-way, the game
// after an opening) `BOARD` with every stone and `DONE`; the brain answers
// `x,y`. We write lines ending in CR LF; the brain's MESSAGE, DEBUG and
// UNKNOWN lines are skipped, its ERROR lines logged to stderr.
//
// Under swap2 the brain makes its seat's opening choices through
// SWAP2BOARD (gomocup_protocol.h has its three cases): asked for the first
// three stones, for swap2's option after three stones, and for the colour
// after five. Its answer becomes our stones and decisions, each played on a
// copy of the game by our rules engine first; the answer may end with the
// game's first move (move 4 after option 2, move 6 after taking white),
// which the brain thereby plays. The other stones of the opening are the
// opponent's, or were in the brain's earlier answer.
// - A brain that answers ERROR or UNKNOWN does not speak SWAP2BOARD: it is
//   not asked again and has no say in the rest of the opening (opening()
//   answers empty, so the bot decides), which one line on stderr says. (A
//   late UNKNOWN to an INFO line would read the same: the safe side.)
// - An answer that is malformed, illegal or late is the brain failing, as
//   an illegal move is.
// - Swap1, Soosorv-8 and Taraguchi-10 have no words in the protocol: the
//   bot decides them.
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
  std::optional<std::vector<OpeningAction>> opening(const game::Setup& setup, const game::Game& game,
                                                    const std::vector<game::Move>& history,
                                                    std::string& error) override;

 private:
  bool send(const std::string& command, std::string& error);
  // The brain's next line that is not a MESSAGE or DEBUG line.
  std::optional<std::string> nextLine(Clock::time_point deadline, std::string_view waitingFor, std::string& error);
  // The brain's next line that is not a MESSAGE, DEBUG or UNKNOWN line.
  std::optional<std::string> answer(Clock::time_point deadline, std::string_view waitingFor, std::string& error);
  bool start(const game::Setup& setup, std::string& error);
  // Tells the brain the position after `history` and asks for its move.
  bool ask(const std::vector<game::Move>& history, int size, std::string& error);

  std::unique_ptr<ChildProcess> process_;
  Settings settings_;
  bool started_ = false;          // START was answered OK
  bool swap2Refused_ = false;     // SWAP2BOARD was answered ERROR or UNKNOWN
  std::vector<game::Move> known_;  // the moves the brain has been told of or played
};

}  // namespace engine
