// Our rules engine as the referee of an engine's answers: the game replayed
// from the session's history, on which an answer must be a legal move before
// the bot sends it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/game/game.h"

namespace engine {

struct ScratchGame {
  std::unique_ptr<game::Game> game;  // after every move of the history
  std::vector<std::string> uci;      // each move as UCI (chess) or "h8" (omok) text
};

// Replays `history` from `setup`; nullopt, with `error` set, when it does not
// replay (a setup or history the session itself would not have accepted).
std::optional<ScratchGame> replay(const game::Setup& setup, const std::vector<game::Move>& history,
                                  std::string& error);

// Plays the engine's `move`, which it wrote as `said`, on `game`: false, with
// `error` saying why, when our rules refuse it.
bool playAnswer(game::Game& game, const game::Move& move, std::string_view said, std::string& error);

}  // namespace engine
