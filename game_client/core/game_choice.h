// What a person asks a server that hosts every game for, in a few words:
// "chess", "renju", "renju soosorv8", "freestyle swap2 19", "omok omok"
// (the Korean rule). Each word names a game, a rule (which names its game),
// an opening or a board size, in any order; nothing is the server's choice.
// And the clock asked for ("5+3", "none"). Plain functions for the command
// line (game_client --play, --time) and the start screen's fields; no SFML.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "game_client/core/session.h"

namespace client {

// Sets the hello fields of `options` (game, rule, boardSize, opening) from
// `words`, or says why they do not make a game.
bool parseGameChoice(std::string_view words, Options& options, std::string& error);

// The words parseGameChoice reads back, for a field's text: "renju soosorv8".
std::string describeGameChoice(const Options& options);

// The clock asked for, as typed (game_client --time, the start screen's
// field): "5+3" (minutes + seconds a move, game::parseTimeControl), "none"
// for an untimed game; empty is the server's choice (options.time unset).
// False, with why in `error`, otherwise.
bool parseTimeChoice(std::string_view text, Options& options, std::string& error);

// The text parseTimeChoice reads back: "5+3", "none", empty for the server's choice.
std::string describeTimeChoice(const Options& options);

}  // namespace client
