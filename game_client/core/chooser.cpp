#include "game_client/core/chooser.h"

#include <algorithm>
#include <array>

namespace client {

MoveChooser::MoveChooser(Strategy strategy, std::uint64_t seed) : strategy_(strategy), rng_(seed) {}

bool MoveChooser::sync(const game::Setup& setup, const std::vector<game::Move>& history, std::string& error) {
  const bool prefix = scratch_ && played_.size() <= history.size() &&
                      std::equal(played_.begin(), played_.end(), history.begin());
  if (!prefix) {
    scratch_ = game::makeGame(setup, error);
    if (!scratch_) return false;
    played_.clear();
  }
  for (std::size_t i = played_.size(); i < history.size(); ++i) {
    const game::Played p = scratch_->play(history[i]);
    if (!p.accepted()) {
      error = "cannot replay move " + std::to_string(i + 1) + ": " + p.why;
      scratch_.reset();
      return false;
    }
    played_.push_back(history[i]);
  }
  return true;
}

void MoveChooser::fillCandidates(const game::Setup& setup) {
  candidates_.clear();
  if (setup.kind == game::Kind::Chess) {
    for (std::uint16_t from = 0; from < 64; ++from)
      for (std::uint16_t to = 0; to < 64; ++to)
        if (from != to) candidates_.push_back({from, to, 0});
  } else {
    const auto points = static_cast<std::uint16_t>(setup.boardSize * setup.boardSize);
    for (std::uint16_t point = 0; point < points; ++point) candidates_.push_back({0, point, 0});
  }
  if (strategy_ == Strategy::Random) std::shuffle(candidates_.begin(), candidates_.end(), rng_);
}

std::optional<game::Move> MoveChooser::tryPlay(game::Move move) {
  game::Played p = scratch_->play(move);
  if (p.reject == game::Reject::BadPromotion && move.promotion == 0) {
    // A pawn reaching the last rank: pick the piece (the queen for First).
    std::array<std::uint8_t, 4> pieces{4, 3, 2, 1};
    if (strategy_ == Strategy::Random) std::shuffle(pieces.begin(), pieces.end(), rng_);
    for (std::uint8_t piece : pieces) {
      move.promotion = piece;
      p = scratch_->play(move);
      if (p.accepted()) break;
    }
  }
  if (!p.accepted()) return std::nullopt;
  played_.push_back(move);
  return move;
}

std::optional<game::Move> MoveChooser::choose(const game::Setup& setup, const std::vector<game::Move>& history,
                                              std::string& error) {
  error.clear();
  if (!sync(setup, history, error) || scratch_->status().over()) return std::nullopt;
  fillCandidates(setup);
  for (const game::Move& candidate : candidates_)
    if (auto move = tryPlay(candidate)) return move;
  return std::nullopt;
}

}  // namespace client
