// Results and end reasons in words for the panel. Pure functions.
#pragma once

#include <string>

#include "game/game.h"
#include "game/types.h"
#include "ui/board_view.h"

namespace client {

// "by checkmate", "by resignation", "because the opponent left".
std::string endReasonWords(game::EndReason reason);

// "White wins by checkmate.", "Draw by agreement." (`board` names the colours).
std::string resultSentence(const game::Status& status, const BoardView& board);

}  // namespace client

namespace client {

// "Chess", "Omok · renju · 15×15": the game as the panel's title names it.
std::string gameTitle(const game::Setup& setup);

}  // namespace client
