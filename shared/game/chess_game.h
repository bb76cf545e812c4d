// game::Game over the chess rules engine.
#pragma once

#include <memory>
#include <string>

#include "shared/game/game.h"

namespace game {

std::unique_ptr<Game> makeChessGame(const Setup& setup, std::string& error);

}  // namespace game
