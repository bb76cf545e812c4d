#include "game_client/core/chooser.h"

#include <algorithm>
#include <array>

namespace client {

MoveChooser::MoveChooser(Strategy strategy, std::uint64_t seed) : strategy_(strategy), rng_(seed) {}

bool MoveChooser::sync(const game::Game& game, const std::vector<game::Move>& history, std::string& error) {
  const bool prefix = scratch_ && !scratch_->opening().inProgress() && played_.size() <= history.size() &&
                      std::equal(played_.begin(), played_.end(), history.begin());
  if (!prefix) {
    scratch_ = game.clone();
    played_ = history;
    return true;
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

std::optional<game::Move> MoveChooser::choose(const game::Setup& setup, const game::Game& game,
                                              const std::vector<game::Move>& history, std::string& error) {
  error.clear();
  if (!sync(game, history, error) || scratch_->status().over()) return std::nullopt;
  fillCandidates(setup);
  for (const game::Move& candidate : candidates_)
    if (auto move = tryPlay(candidate)) return move;
  return std::nullopt;
}

std::optional<game::Decision> MoveChooser::decide(const game::Setup& setup, const game::Game& game) {
  const game::OpeningState opening = game.opening();
  const auto pick = [&](int low, int high) {
    return strategy_ == Strategy::First ? low : std::uniform_int_distribution<int>(low, high)(rng_);
  };
  switch (opening.step) {
    case game::OpeningStep::Swap: return game::Decision{game::Choice::Swap, pick(0, 1), {}};
    case game::OpeningStep::ChooseColor: return game::Decision{game::Choice::ChooseColor, pick(1, 2), {}};
    case game::OpeningStep::ChooseOption: return game::Decision{game::Choice::ChooseOption, pick(1, 3), {}};
    case game::OpeningStep::Declare: return game::Decision{game::Choice::Declare, pick(1, 8), {}};
    case game::OpeningStep::SwapOrOffer:
      if (pick(0, 1) == 0) return game::Decision{game::Choice::Swap, pick(0, 1), {}};
      [[fallthrough]];
    case game::OpeningStep::Offer: {
      // Points in candidate order, each kept when it is free, legal and not
      // symmetrical to one kept before: a greedy offer, which a board
      // with at most four stones never runs out of.
      game::Decision offer{game::Choice::Offer, 0, {}};
      fillCandidates(setup);
      for (const game::Move& m : candidates_) {
        if (static_cast<int>(offer.points.size()) == opening.offerCount) break;
        if (game.checkCandidate(m, offer.points).accepted()) offer.points.push_back(m);
      }
      return offer;
    }
    case game::OpeningStep::Place:
    case game::OpeningStep::Pick:
    case game::OpeningStep::Done: break;
  }
  return std::nullopt;
}

}  // namespace client
