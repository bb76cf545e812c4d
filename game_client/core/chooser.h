// Picks a legal move for a bot without a move generator of its own: it
// offers candidate moves to a scratch copy of the game and keeps the first
// one the rules engine accepts. A refused move leaves a game::Game unchanged
// (game.h's contract), so only the accepted candidate changes the scratch game,
// and it is the move the server will then confirm.
//
// Ownership and threading: owned by the bot's loop, single-threaded; owns its
// scratch game, which it rebuilds from the session's history when they differ.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "shared/game/game.h"

namespace client {

enum class Strategy : std::uint8_t {
  Random,  // candidates in a seeded random order
  First,   // candidates in board order: the same game every time
};

class MoveChooser {
 public:
  MoveChooser(Strategy strategy, std::uint64_t seed);

  // A legal move for the side to move after `history` in the game `setup`
  // describes, or nullopt when there is none (or, with `error` set, when the
  // history cannot be replayed).
  std::optional<game::Move> choose(const game::Setup& setup, const std::vector<game::Move>& history,
                                   std::string& error);

 private:
  bool sync(const game::Setup& setup, const std::vector<game::Move>& history, std::string& error);
  void fillCandidates(const game::Setup& setup);
  std::optional<game::Move> tryPlay(game::Move move);

  Strategy strategy_;
  std::mt19937_64 rng_;
  std::unique_ptr<game::Game> scratch_;
  std::vector<game::Move> played_;  // the moves in scratch_
  std::vector<game::Move> candidates_;
};

}  // namespace client
