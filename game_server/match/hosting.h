// What one server hosts: every game, rule set, board size, opening rule and
// time control, unless its command line narrows them (game_server --game,
// --rule, --board-size, --opening, --time), and which of them a hello that
// leaves a field at 0 gets. Each kind of match (a MatchKind) has its own
// public queue.
//
// A plain value, read by every thread, written only before the server starts.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "shared/game/clock.h"
#include "shared/game/game.h"
#include "shared/protocol/packets.h"

namespace server {

// A kind of match: the game and its clock.
struct MatchKind {
  game::Setup setup;
  game::TimeControl time;  // untimed by default
};

struct Hosting {
  // Each one unset: any. Set: that one only, and the default.
  std::optional<game::Kind> kind;
  std::optional<game::Rule> rule;
  std::optional<int> boardSize;  // omok
  std::optional<game::Opening> opening;
  std::optional<game::TimeControl> time;

  // The match a hello asks for: its fields, the narrowed value or the default
  // (omok, renju for omok and fide for chess, 15x15, no opening, untimed)
  // where it leaves one at 0. The reason in words when this server does not
  // host it.
  std::variant<MatchKind, std::string> resolve(const proto::Hello& hello) const;
  // Whether `hello` may join a match of `kind`: every field it sets is
  // `kind`'s (a private match's code names the match; its game is its maker's).
  static bool wants(const proto::Hello& hello, const MatchKind& kind);
  // Whether a match of `setup` (a restored record's) is one this server
  // hosts. A restored match keeps its clock, whatever --time says now.
  bool hosts(const game::Setup& setup) const;
  // "every game", "omok (renju, 15x15, opening soosorv8), 5+3", "chess".
  std::string describe() const;
  // The narrowing itself makes sense (a rule of the game, an opening of the
  // rule, a size of the game); the reason otherwise.
  std::optional<std::string> check() const;
};

}  // namespace server
