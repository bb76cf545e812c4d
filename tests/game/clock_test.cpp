// Time controls and the game clock (shared/game/clock.h).
#include <gtest/gtest.h>

#include "shared/game/clock.h"

namespace game {
namespace {

using namespace std::chrono_literals;
using Ms = Clock::Ms;

const Clock::TimePoint kStart = Clock::TimePoint{} + 1h;

TEST(TimeControl, ReadsMinutesPlusSeconds) {
  std::string error;
  EXPECT_EQ(parseTimeControl("5+3", error), (TimeControl{300'000, 3'000}));
  EXPECT_EQ(parseTimeControl("0.5+0", error), (TimeControl{30'000, 0}));
  EXPECT_EQ(parseTimeControl("90+30", error), (TimeControl{5'400'000, 30'000}));
  EXPECT_EQ(parseTimeControl("1+0.5", error), (TimeControl{60'000, 500}));
  EXPECT_FALSE(parseTimeControl("", error)->timed());
  EXPECT_FALSE(parseTimeControl("none", error)->timed());
}

TEST(TimeControl, RefusesWhatIsNotATimeControl) {
  for (const char* bad : {"5", "5+", "+3", "a+3", "5+3s", "-1+0", "0+5", "1441+0", "5+3601", "5++3", " 5+3"}) {
    std::string error;
    EXPECT_FALSE(parseTimeControl(bad, error)) << bad;
    EXPECT_NE(error.find("time control"), std::string::npos) << bad << ": " << error;
  }
}

TEST(TimeControl, PgnFormIsInSecondsAndReadsBack) {
  EXPECT_EQ(pgnTimeControl({300'000, 3'000}), "300+3");
  EXPECT_EQ(pgnTimeControl({90'500, 500}), "90.5+0.5");
  EXPECT_EQ(pgnTimeControl({}), "-");
  for (TimeControl tc : {TimeControl{300'000, 3'000}, TimeControl{90'500, 500}, TimeControl{}})
    EXPECT_EQ(parsePgnTimeControl(pgnTimeControl(tc)), tc);
  EXPECT_FALSE(parsePgnTimeControl("300"));
  EXPECT_EQ(describe({300'000, 3'000}), "5+3");
  EXPECT_EQ(describe({30'000, 0}), "0.5+0");
  EXPECT_EQ(describe(TimeControl{}), "untimed");
}

TEST(TimeControl, ClockTextIsHoursMinutesSecondsRoundedDown) {
  EXPECT_EQ(clockText(Ms(297'999)), "0:04:57");
  EXPECT_EQ(clockText(Ms(5'400'000)), "1:30:00");
  EXPECT_EQ(clockText(Ms(999)), "0:00:00");
  EXPECT_EQ(clockText(Ms(-5)), "0:00:00");
}

TEST(Clock, RunsOneSideAtATimeAndAddsTheIncrement) {
  Clock clock({60'000, 2'000});
  EXPECT_TRUE(clock.timed());
  EXPECT_EQ(clock.running(), Seat::None);
  clock.start(Seat::Player1, kStart);
  EXPECT_EQ(clock.remaining(Seat::Player1, kStart + 10s), Ms(50'000));
  EXPECT_EQ(clock.remaining(Seat::Player2, kStart + 10s), Ms(60'000));
  ASSERT_TRUE(clock.press(kStart + 10s));
  EXPECT_EQ(clock.running(), Seat::Player2);
  EXPECT_EQ(clock.remaining(Seat::Player1, kStart + 20s), Ms(52'000));  // 60 - 10 + 2
  EXPECT_EQ(clock.remaining(Seat::Player2, kStart + 20s), Ms(50'000));
  EXPECT_EQ(clock.untilFlag(kStart + 20s), Ms(50'000));
  EXPECT_EQ(clock.remainingMs(kStart + 20s), (std::array<std::uint32_t, 2>{52'000, 50'000}));
  clock.stop(kStart + 25s);
  EXPECT_EQ(clock.running(), Seat::None);
  EXPECT_EQ(clock.remaining(Seat::Player2, kStart + 1h), Ms(45'000));
}

TEST(Clock, APressAfterTheFlagFellFailsAndStops) {
  Clock clock({1'000, 5'000});
  clock.start(Seat::Player1, kStart);
  EXPECT_EQ(clock.untilFlag(kStart + 2s), Ms(0));
  EXPECT_FALSE(clock.press(kStart + 2s));
  EXPECT_EQ(clock.running(), Seat::None);
  EXPECT_EQ(clock.remaining(Seat::Player1, kStart + 2s), Ms(0));  // no increment for a late move
  EXPECT_EQ(clock.remaining(Seat::Player2, kStart + 2s), Ms(1'000));
}

TEST(Clock, SyncTakesTheReportedTimesAndRunsFromThen) {
  Clock clock({60'000, 0});
  clock.sync({Ms(40'000), Ms(30'000)}, Seat::Player2, kStart);
  EXPECT_EQ(clock.remaining(Seat::Player1, kStart + 5s), Ms(40'000));
  EXPECT_EQ(clock.remaining(Seat::Player2, kStart + 5s), Ms(25'000));
  clock.sync({Ms(40'000), Ms(25'000)}, Seat::None, kStart + 5s);
  EXPECT_EQ(clock.remaining(Seat::Player2, kStart + 1h), Ms(25'000));
}

TEST(Clock, AnswersUnderAMillisecondStillCostTime) {
  // A thousand answers of 0.9 ms each: 900 ms in all, not zero. Dropping
  // each charge's sub-millisecond part would leave a fast side untouched.
  Clock clock({60'000, 0});
  Clock::TimePoint now = kStart;
  clock.start(Seat::Player1, now);
  for (int i = 0; i < 2'000; ++i) {
    now += 900us;
    ASSERT_TRUE(clock.press(now));
  }
  EXPECT_EQ(clock.remaining(Seat::Player1, now), Ms(59'100));
  EXPECT_EQ(clock.remaining(Seat::Player2, now), Ms(59'100));
}

TEST(Clock, TimeIsShownToTheNearestMillisecondAndTheFlagFallsOnlyAtZero) {
  Clock clock({1'000, 0});
  clock.start(Seat::Player1, kStart);
  EXPECT_EQ(clock.remaining(Seat::Player1, kStart + 999'600us), Ms(0));  // 0.4 ms left
  EXPECT_EQ(clock.untilFlag(kStart + 999'600us), Ms(1));               // but the flag stands
  EXPECT_EQ(clock.untilFlag(kStart + 1s), Ms(0));
  clock.stop(kStart + 400'400us);
  EXPECT_EQ(clock.remainingMs(kStart + 1h), (std::array<std::uint32_t, 2>{600, 1'000}));
}

TEST(Clock, AnUntimedClockShowsNothingRunning) {
  Clock clock;
  EXPECT_FALSE(clock.timed());
  EXPECT_EQ(clock.untilFlag(kStart), Ms(0));
  EXPECT_EQ(clock.remainingMs(kStart), (std::array<std::uint32_t, 2>{0, 0}));
}

}  // namespace
}  // namespace game
