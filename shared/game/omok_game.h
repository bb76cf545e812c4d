// game::Game over the omok rules engine.
#pragma once

#include <memory>
#include <string>

#include "shared/game/game.h"

namespace game {

std::unique_ptr<Game> makeOmokGame(const Setup& setup, std::string& error);

}  // namespace game
