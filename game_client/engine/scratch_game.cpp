#include "game_client/engine/scratch_game.h"

namespace engine {

std::optional<ScratchGame> replay(const game::Setup& setup, const std::vector<game::Move>& history,
                                  std::string& error) {
  ScratchGame scratch{game::makeGame(setup, error), {}};
  if (!scratch.game) return std::nullopt;
  for (const game::Move& move : history) {
    const game::Played p = scratch.game->play(move);
    if (!p.accepted()) {
      error = "cannot replay move " + std::to_string(scratch.uci.size() + 1) + ": " + p.why;
      return std::nullopt;
    }
    scratch.uci.push_back(p.uci);
  }
  return scratch;
}

bool playAnswer(game::Game& game, const game::Move& move, std::string_view said, std::string& error) {
  const game::Played p = game.play(move);
  if (!p.accepted()) error = "the engine answered an illegal move, " + std::string(said) + ": " + p.why;
  return p.accepted();
}

}  // namespace engine
