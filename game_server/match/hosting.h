// What one server hosts: every game, rule set, board size and opening rule,
// unless its command line narrows them (game_server --game, --rule,
// --board-size, --opening), and which of them a hello that leaves a field at
// 0 gets. Each kind of match (a game::Setup) has its own public queue.
//
// A plain value, read by every thread, written only before the server starts.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "shared/game/game.h"
#include "shared/protocol/packets.h"

namespace server {

struct Hosting {
  // Each one unset: any. Set: that one only, and the default.
  std::optional<game::Kind> kind;
  std::optional<game::Rule> rule;
  std::optional<int> boardSize;  // omok
  std::optional<game::Opening> opening;

  // The game a hello asks for: its fields, the narrowed value or the default
  // (omok, renju for omok and fide for chess, 15x15, no opening) where it
  // leaves one at 0. The reason in words when this server does not host it.
  std::variant<game::Setup, std::string> resolve(const proto::Hello& hello) const;
  // Whether `hello` may join a match of `setup`: every field it sets is
  // `setup`'s (a private match's code names the match; its game is its maker's).
  static bool wants(const proto::Hello& hello, const game::Setup& setup);
  // Whether a match of `setup` (a restored record's) is one this server hosts.
  bool hosts(const game::Setup& setup) const;
  // "every game", "omok (renju, 15x15, opening soosorv8)", "chess".
  std::string describe() const;
  // The narrowing itself makes sense (a rule of the game, an opening of the
  // rule, a size of the game); the reason otherwise.
  std::optional<std::string> check() const;
};

}  // namespace server
