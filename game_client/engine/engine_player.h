// What game_bot asks of an engine: given the game's setup and the moves so
// far, the engine's move, and in an omok opening its stones and decisions
// where its protocol has words for them. An engine is a separate program
// spoken to through its own protocol (UCI for chess, Gomocup for omok); the
// answer is checked with our rules engine before anyone sends it, so an
// engine that dies, stays silent or answers an illegal move is an error,
// never a move.
//
// Ownership and threading: owned by the bot's loop, used from one thread.
// A player owns its engine process: the process starts with the player and
// is told the game is over, then ended, when the player is destroyed.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "shared/game/game.h"

namespace engine {

struct Settings {
  // Thinking time per move (UCI go movetime, Gomocup INFO timeout_turn).
  std::chrono::milliseconds moveTime{100};
  // Added to the thinking time (times three) to bound every wait for an
  // answer: engines overrun a little, start up slowly, and load networks.
  std::chrono::milliseconds grace{5000};
  std::chrono::milliseconds answerBound() const { return 3 * moveTime + grace; }
};

// One stone or decision of an engine's answer in an opening, and where the
// game stands when it is due: after `ply` moves, at opening step `step`
// (Done for a first ordinary move the answer holds, swap2's move 4 or 6).
// Each of an answer's actions moves the game on, so the bot can tell which
// of them the server has already taken, a reconnection's replay included.
struct OpeningAction {
  int ply = 0;
  game::OpeningStep step = game::OpeningStep::Done;
  std::variant<game::Decision, game::Move> what;
  bool dueIn(const game::Game& game) const { return game.moveCount() == ply && game.opening().step == step; }
};

class EnginePlayer {
 public:
  virtual ~EnginePlayer() = default;
  // The engine's move for the side to move after `history` in the game
  // `setup` describes; nullopt, with `error` saying why, when the engine
  // failed (died, timed out, answered nonsense or an illegal move).
  virtual std::optional<game::Move> move(const game::Setup& setup, const std::vector<game::Move>& history,
                                         std::string& error) = 0;
  // The engine's answer where `game` (set up as `setup`, played as
  // `history`) is in an opening and asks the engine's seat: the stones and
  // decisions to send, in order, each already played on a copy of `game`
  // by our rules engine. Empty where the engine has no say (its protocol
  // has no words for this opening or this step, or it does not speak them):
  // the bot decides. Nullopt, with `error` saying why, when the engine
  // failed. By default an engine has no say.
  virtual std::optional<std::vector<OpeningAction>> opening(const game::Setup& setup, const game::Game& game,
                                                            const std::vector<game::Move>& history,
                                                            std::string& error);
};

// `spec` is "uci:COMMAND" or "gomocup:COMMAND", COMMAND a shell-style command
// line. Starts the engine process; null, with `error` set, for a bad spec or
// a process that cannot be started.
std::unique_ptr<EnginePlayer> makeEnginePlayer(std::string_view spec, const Settings& settings, std::string& error);

}  // namespace engine
