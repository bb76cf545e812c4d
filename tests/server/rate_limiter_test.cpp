// The sliding-window limiter behind the chat limit, on a clock the test sets.
#include <gtest/gtest.h>

#include "game_server/match/rate_limiter.h"

namespace server {
namespace {

using namespace std::chrono_literals;

const RateLimiter::Clock::time_point kT0{1h};

TEST(ChatRateLimiter, AllowsFiveInAnyTenSecondsAndNoMore) {
  RateLimiter limit(5, 10s);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limit.allow(kT0 + i * 1s)) << i;
  EXPECT_FALSE(limit.allow(kT0 + 5s));
  EXPECT_FALSE(limit.allow(kT0 + 9999ms));  // the first is still inside the window
  EXPECT_TRUE(limit.allow(kT0 + 10s));      // the first has left it
  EXPECT_FALSE(limit.allow(kT0 + 10s));     // the second (at 1 s) has not
  EXPECT_TRUE(limit.allow(kT0 + 11s));
}

TEST(ChatRateLimiter, RefusedEventsDoNotCount) {
  RateLimiter limit(2, 10s);
  EXPECT_TRUE(limit.allow(kT0));
  EXPECT_TRUE(limit.allow(kT0));
  for (int i = 1; i < 10; ++i) EXPECT_FALSE(limit.allow(kT0 + i * 1s));  // hammering does not extend the wait
  EXPECT_TRUE(limit.allow(kT0 + 10s));
  EXPECT_TRUE(limit.allow(kT0 + 10s));
  EXPECT_FALSE(limit.allow(kT0 + 19s));
}

TEST(ChatRateLimiter, ASlowSenderIsNeverLimited) {
  RateLimiter limit(5, 10s);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limit.allow(kT0 + i * 2s)) << i;
}

}  // namespace
}  // namespace server
