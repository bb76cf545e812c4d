#include "game_client/app/offer_draft.h"

#include <algorithm>
#include <cassert>

namespace client {

bool OfferDraft::toggle(const game::Game& game, const game::Move& move, int count, std::string& error) {
  assert(count > 0);
  if (const auto at = std::find(points_.begin(), points_.end(), move); at != points_.end()) {
    points_.erase(at);
    return true;
  }
  if (static_cast<int>(points_.size()) >= count) {
    error = "all " + std::to_string(count) + " fifth moves are chosen; click one to take it back";
    return false;
  }
  const game::Played checked = game.checkCandidate(move, points_);
  if (!checked.accepted()) {
    error = checked.why.empty() ? std::string(game::describe(checked.reject)) : checked.why;
    return false;
  }
  points_.push_back(move);
  return true;
}

}  // namespace client
