#include "game_server/match/budget.h"

namespace server {
namespace {

RateLimiter limiter(Limit limit) { return RateLimiter(limit.events, limit.window); }

std::string_view noun(Action action) {
  switch (action) {
    case Action::Chat: return "chat lines";
    case Action::DrawOffer: return "draw offers";
    case Action::TakebackRequest: return "take-back requests";
    case Action::Refusal: return "refused packets";
    case Action::MatchList: return "match lists";
    case Action::Ping: return "pings";
    case Action::RematchOffer: return "rematch offers";
  }
  return "actions";
}

}  // namespace

std::string describe(Action action) {
  const Limit limit = limitOf(action);
  return "at most " + std::to_string(limit.events) + " " + std::string(noun(action)) + " in " +
         std::to_string(limit.window.count()) + " s";
}

Budget::Budget()
    : limits_{limiter(limitOf(Action::Chat)), limiter(limitOf(Action::DrawOffer)),
              limiter(limitOf(Action::TakebackRequest)), limiter(limitOf(Action::Refusal)),
              limiter(limitOf(Action::MatchList)), limiter(limitOf(Action::Ping)),
              limiter(limitOf(Action::RematchOffer))},
      strikes_(limiter(kStrikes)),
      log_(limiter(kLogLines)) {}

Budget::Verdict Budget::spend(Action action, Clock::time_point now) {
  if (limits_[static_cast<std::size_t>(action)].allow(now)) return Verdict::Allowed;
  return strikes_.allow(now) ? Verdict::Limited : Verdict::Flooding;
}

}  // namespace server
