// The timer queue's manual time and the session timer's two races (hello
// timeout against the hello; a keep-alive round against the close), with
// the queue's time moved by the test instead of sleeps.
#include <gtest/gtest.h>

#include <vector>

#include "game_server/match/session_timer.h"
#include "game_server/net/timer_queue.h"

namespace server {
namespace {

using namespace std::chrono_literals;

const TimerQueue::Clock::time_point kT0{1h};

TEST(ManualTimerQueue, RunsWhatFellDueInOrderAtItsOwnTime) {
  TimerQueue timers(TimerQueue::ManualTime{kT0});
  std::vector<std::pair<int, TimerQueue::Clock::time_point>> ran;
  timers.schedule(2s, [&](TimerQueue::Id) { ran.emplace_back(2, timers.now()); });
  timers.schedule(1s, [&](TimerQueue::Id) {
    ran.emplace_back(1, timers.now());
    timers.schedule(500ms, [&](TimerQueue::Id) { ran.emplace_back(3, timers.now()); });  // due at 1.5 s
  });
  const TimerQueue::Id cancelled = timers.schedule(1500ms, [&](TimerQueue::Id) { ran.emplace_back(9, timers.now()); });
  EXPECT_TRUE(timers.cancel(cancelled));
  EXPECT_FALSE(timers.cancel(cancelled));
  timers.advance(999ms);
  EXPECT_TRUE(ran.empty());
  timers.advance(2s);
  ASSERT_EQ(ran.size(), 3u);
  EXPECT_EQ(ran[0], std::pair(1, kT0 + 1s));
  EXPECT_EQ(ran[1], std::pair(3, kT0 + 1500ms));
  EXPECT_EQ(ran[2], std::pair(2, kT0 + 2s));
  EXPECT_EQ(timers.now(), kT0 + 2999ms);
  EXPECT_EQ(timers.pending(), 0u);
}

TEST(SessionTimer, TheHelloBeatsATimeoutThatFiresWhileItIsHandled) {
  TimerQueue timers(TimerQueue::ManualTime{kT0});
  SessionTimer timer(timers);
  bool timedOut = false;
  timer.arm(30s, [&](TimerQueue::Id) { timedOut = timer.expire(); });
  // The hello is being handled when the timeout falls due: the hello wins,
  // the timeout's callback finds it so and does nothing.
  ASSERT_TRUE(timer.greet());
  timers.advance(30s);
  EXPECT_FALSE(timedOut);
  EXPECT_FALSE(timer.greet());  // one hello only
}

TEST(SessionTimer, AHelloThatArrivesAsTheTimeoutFiresSeatsNobody) {
  TimerQueue timers(TimerQueue::ManualTime{kT0});
  SessionTimer timer(timers);
  bool timedOut = false;
  bool greetedDuringTimeout = true;
  timer.arm(30s, [&](TimerQueue::Id) {
    timedOut = timer.expire();
    // The worker handles the hello while the timer thread is still here.
    greetedDuringTimeout = timer.greet();
  });
  timers.advance(30s);
  EXPECT_TRUE(timedOut);
  EXPECT_FALSE(greetedDuringTimeout) << "the connection would be both timed out and seated";
  EXPECT_FALSE(timer.greet());
}

TEST(SessionTimer, AKeepAliveRoundRunningWhenTheConnectionClosesArmsNoOther) {
  TimerQueue timers(TimerQueue::ManualTime{kT0});
  SessionTimer timer(timers);
  int rounds = 0;
  bool rearmed = true;
  std::function<void(TimerQueue::Id)> round = [&](TimerQueue::Id) {
    ++rounds;
    if (rounds == 3) timer.close();  // onClose runs on a worker meanwhile
    rearmed = timer.arm(15s, round);
  };
  ASSERT_TRUE(timer.greet());
  ASSERT_TRUE(timer.arm(15s, round));
  timers.advance(1min);
  EXPECT_EQ(rounds, 3);
  EXPECT_FALSE(rearmed);
  EXPECT_EQ(timers.pending(), 0u) << "a timer outlived its connection";
}

TEST(SessionTimer, CloseCancelsThePendingTimer) {
  TimerQueue timers(TimerQueue::ManualTime{kT0});
  SessionTimer timer(timers);
  bool ran = false;
  timer.arm(30s, [&](TimerQueue::Id) { ran = true; });
  timer.close();
  EXPECT_EQ(timers.pending(), 0u);
  timers.advance(1min);
  EXPECT_FALSE(ran);
  EXPECT_FALSE(timer.arm(1s, [&](TimerQueue::Id) { ran = true; }));
}

}  // namespace
}  // namespace server
