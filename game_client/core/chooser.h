// Picks a legal move for a bot without a move generator of its own: it
// offers candidate moves to a scratch copy of the game and keeps the first
// one the rules engine accepts. A refused move leaves a game::Game unchanged
// (game.h's contract), so only the accepted candidate changes the scratch game,
// and it is the move the server will then confirm.
//
// Ownership and threading: owned by the bot's loop, single-threaded; owns its
// scratch game, which goes on with the session's new moves, and is copied
// from the session's game when they differ or an opening is in progress (an
// opening's decisions are not moves).
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

  // A legal move for the side to move in `game` (set up as `setup`, played
  // as `history`), a stone where an opening asks for one, or nullopt when
  // there is none (or, with `error` set, when the history cannot be replayed).
  std::optional<game::Move> choose(const game::Setup& setup, const game::Game& game,
                                   const std::vector<game::Move>& history, std::string& error);
  // A legal decision for the opening decision due in `game`: a swap, a
  // colour, an option or a count at random, an offer of random fifth moves
  // that are not symmetrical to each other; nullopt when none is due.
  std::optional<game::Decision> decide(const game::Setup& setup, const game::Game& game);

 private:
  bool sync(const game::Game& game, const std::vector<game::Move>& history, std::string& error);
  void fillCandidates(const game::Setup& setup);
  std::optional<game::Move> tryPlay(game::Move move);

  Strategy strategy_;
  std::mt19937_64 rng_;
  std::unique_ptr<game::Game> scratch_;
  std::vector<game::Move> played_;  // the moves in scratch_
  std::vector<game::Move> candidates_;
};

}  // namespace client
