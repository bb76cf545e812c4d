#include "shared/game/game.h"

#include "shared/game/chess_game.h"
#include "shared/game/omok_game.h"

namespace game {

std::unique_ptr<Game> makeGame(const Setup& setup, std::string& error) {
  if (!ruleBelongsTo(setup.rule, setup.kind)) {
    error = "rule '" + std::string(name(setup.rule)) + "' is not a rule of " + std::string(name(setup.kind));
    return nullptr;
  }
  switch (setup.kind) {
    case Kind::Omok: return makeOmokGame(setup, error);
    case Kind::Chess: return makeChessGame(setup, error);
  }
  error = "unknown game";
  return nullptr;
}

}  // namespace game
