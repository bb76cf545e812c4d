// The fifth moves a player is choosing for an opening's offer, a point at a
// time: a click adds a point the game takes as one more candidate
// (Game::checkCandidate) or takes back one chosen already. Plain data over
// game::Game, unit-tested without a window; LiveMode owns one.
#pragma once

#include <string>
#include <vector>

#include "shared/game/game.h"

namespace client {

class OfferDraft {
 public:
  // Adds `move`, or takes it out when chosen already. False, with the reason
  // in `error` and nothing changed, when `game`'s offer due now refuses it
  // or `count` points are chosen already.
  bool toggle(const game::Game& game, const game::Move& move, int count, std::string& error);
  const std::vector<game::Move>& points() const { return points_; }
  // The offer to send once the points are all chosen.
  game::Decision decision() const { return {game::Choice::Offer, 0, points_}; }
  void clear() { points_.clear(); }

 private:
  std::vector<game::Move> points_;
};

}  // namespace client
