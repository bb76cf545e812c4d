// Results, end reasons, refusals, times and paths in words for the panel and
// the start screen. Pure functions. As everywhere in the project, name() is a
// value's token (game::name(Rule::Renju) is "renju") and describe() its words
// for people (describe(EndReason::Checkmate) is "by checkmate").
#pragma once

#include <filesystem>
#include <string>

#include "game_client/ui/board_view.h"
#include "shared/game/clock.h"
#include "shared/game/game.h"
#include "shared/game/types.h"
#include "shared/protocol/packets.h"

namespace client {

// "Black" from "black": the first letter in capitals (ASCII).
std::string capitalized(std::string text);

// "Cannot connect to h:9000: connection refused." from "cannot connect to
// h:9000: connection refused": capitalized, with a full stop unless it ends
// in one (or in '!', '?', '…').
std::string sentence(std::string text);

// "by checkmate", "by resignation", "because the opponent left".
std::string describe(game::EndReason reason);

// "White wins by checkmate.", "Draw by agreement." (`board` names the colours).
std::string resultSentence(const game::Status& status, const BoardView& board);

// Why no rematch follows, from Session::rematchEnded(): "No rematch:
// declined."; the server's words say "no rematch" themselves ("no rematch
// was agreed within 30 s"), and are then a sentence of their own.
std::string noRematchSentence(const std::string& why);

}  // namespace client

namespace client {

// "Chess", "Omok · renju · 15×15": the game as the panel's title names it.
std::string gameTitle(const game::Setup& setup);

// What an omok opening asks for now, as `viewer` (a seat, or None for a
// spectator) should read it: "Opening: place stone 3 (black) within the
// central 5×5.", "Opening: your opponent decides whether to swap colours."; empty
// once the opening is done.
std::string describeOpening(const game::OpeningState& opening, int stones, game::Seat viewer);

// An opening decision as a verb phrase after its maker: "swaps the
// colours", "takes white", "declares 5 fifth moves", "offers 3 fifth moves".
std::string describeDecision(const game::Decision& decision);

}  // namespace client

namespace client {

// A refusal the server sent without closing (a chat line over the limit, a
// take-back it does not allow...), in words for the error line.
std::string describe(const proto::Error& error);

// A path as the views draw text, in UTF-8 (path::string() is the ANSI code
// page on Windows).
std::string utf8(const std::filesystem::path& path);

// "2026-12-01 11:26:28 UTC" from a record's "2026-12-01T11:26:28.250Z" (which
// the record reader has checked).
std::string describeTime(const std::string& iso);

}  // namespace client
