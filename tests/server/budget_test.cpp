// A connection's budget: each action within its limit, then rate-limited
// strikes, then flooding; log lines limited on their own.
#include <gtest/gtest.h>

#include "game_server/match/budget.h"

namespace server {
namespace {

using namespace std::chrono_literals;
using Verdict = Budget::Verdict;

const Budget::Clock::time_point kT0{1h};

TEST(Budget, EachActionHasItsOwnLimitThenStrikesThenFlooding) {
  Budget budget;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(budget.spend(Action::DrawOffer, kT0), Verdict::Allowed) << i;
  // Other actions are not touched by the offers.
  EXPECT_EQ(budget.spend(Action::Chat, kT0), Verdict::Allowed);
  for (std::size_t i = 0; i < kStrikes.events; ++i)
    EXPECT_EQ(budget.spend(Action::DrawOffer, kT0 + 1s), Verdict::Limited) << i;
  EXPECT_EQ(budget.spend(Action::DrawOffer, kT0 + 2s), Verdict::Flooding);
  // Any action past its limit counts as a strike: chat within its own limit is still allowed.
  EXPECT_EQ(budget.spend(Action::Chat, kT0 + 2s), Verdict::Allowed);
}

TEST(Budget, StrikesLeaveTheWindowLikeActions) {
  Budget budget;
  for (int i = 0; i < 10; ++i) ASSERT_EQ(budget.spend(Action::Refusal, kT0), Verdict::Allowed);
  for (std::size_t i = 0; i < kStrikes.events; ++i) ASSERT_EQ(budget.spend(Action::Refusal, kT0), Verdict::Limited);
  // A minute later the strikes are forgotten and the refusals allowed again.
  EXPECT_EQ(budget.spend(Action::Refusal, kT0 + kStrikes.window), Verdict::Allowed);
  for (int i = 1; i < 10; ++i) ASSERT_EQ(budget.spend(Action::Refusal, kT0 + kStrikes.window), Verdict::Allowed);
  EXPECT_EQ(budget.spend(Action::Refusal, kT0 + kStrikes.window), Verdict::Limited);
}

TEST(Budget, LogLinesAreLimitedQuietly) {
  Budget budget;
  for (std::size_t i = 0; i < kLogLines.events; ++i) EXPECT_TRUE(budget.mayLog(kT0)) << i;
  EXPECT_FALSE(budget.mayLog(kT0 + 1s));
  EXPECT_EQ(budget.spend(Action::Ping, kT0 + 1s), Verdict::Allowed);  // not a strike
  EXPECT_TRUE(budget.mayLog(kT0 + kLogLines.window));
}

TEST(Budget, DescribesItsLimitsForPeople) {
  EXPECT_EQ(describe(Action::Chat), "at most 5 chat lines in 10 s");
  EXPECT_EQ(describe(Action::DrawOffer), "at most 3 draw offers in 60 s");
  EXPECT_EQ(describe(Action::Refusal), "at most 10 refused packets in 10 s");
  EXPECT_EQ(describe(Action::MatchList), "at most 3 match lists in 10 s");
}

}  // namespace
}  // namespace server
