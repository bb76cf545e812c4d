// The reconnection rule both clients follow: which errors are worth a new
// connection, and the pauses and budget of a gap, on a clock moved by hand.
#include <gtest/gtest.h>

#include "game_client/core/retry.h"

namespace client {
namespace {

using namespace std::chrono_literals;
using Time = Backoff::Clock::time_point;

const Time kStart = Time() + 1000s;

TEST(Retry, ARestartADropOrAFullServerIsWorthANewConnection) {
  EXPECT_TRUE(worthRetrying(proto::ErrorCode::ServerRestarting));
  EXPECT_TRUE(worthRetrying(proto::ErrorCode::ServerShutdown));
  EXPECT_TRUE(worthRetrying(proto::ErrorCode::ServerError));  // also what a closed connection reads as
  EXPECT_TRUE(worthRetrying(proto::ErrorCode::ServerFull));
  EXPECT_TRUE(worthRetrying(proto::ErrorCode::Timeout));
}

TEST(Retry, AWrongRequestIsNot) {
  for (auto code : {proto::ErrorCode::UnsupportedVersion, proto::ErrorCode::GameUnavailable,
                    proto::ErrorCode::SeatTaken, proto::ErrorCode::BadReconnectToken, proto::ErrorCode::NoSuchMatch,
                    proto::ErrorCode::Malformed, proto::ErrorCode::Flooding, proto::ErrorCode::UnexpectedPacket})
    EXPECT_FALSE(worthRetrying(code)) << proto::name(code);
}

TEST(Backoff, PausesDoubleFromHalfASecondToFour) {
  Backoff b(120s);
  EXPECT_FALSE(b.inGap());
  Time now = kStart;
  std::vector<Backoff::Clock::duration> pauses;
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(b.failed(now));
    pauses.push_back(b.next() - now);
    EXPECT_FALSE(b.due(b.next() - 1ms));
    EXPECT_TRUE(b.due(b.next()));
    now = b.next() + 10ms;  // the attempt takes a moment and fails
  }
  const std::vector<Backoff::Clock::duration> expected{500ms, 1s, 2s, 4s, 4s, 4s};
  EXPECT_EQ(pauses, expected);
  EXPECT_TRUE(b.inGap());
  EXPECT_EQ(b.lostAt(), kStart);
  EXPECT_EQ(b.since(now), now - kStart);
  EXPECT_EQ(b.left(now), 120s - (now - kStart));
}

TEST(Backoff, GivesUpOnceTheBudgetSinceTheLossIsSpent) {
  Backoff b(5s);
  Time now = kStart;
  std::vector<Time> attempts;
  while (b.failed(now)) {
    ASSERT_LT(attempts.size(), 10u);
    now = b.next();
    attempts.push_back(now);
  }
  // 0.5, 1.5 and 3.5 s after the loss, then the last one when the budget
  // ends rather than 4 s later.
  const std::vector<Time> expected{kStart + 500ms, kStart + 1500ms, kStart + 3500ms, kStart + 5s};
  EXPECT_EQ(attempts, expected);
  EXPECT_EQ(b.left(now), 0s);
  EXPECT_EQ(b.left(now + 1s), 0s);  // never below zero
}

TEST(Backoff, AZeroBudgetNeverRetries) {
  Backoff b(0s);
  EXPECT_FALSE(b.failed(kStart));
}

TEST(Backoff, ARecoveryRestartsTheBudgetAndThePauses) {
  Backoff b(3s);
  ASSERT_TRUE(b.failed(kStart));
  ASSERT_TRUE(b.failed(kStart + 2s));
  b.recovered();
  EXPECT_FALSE(b.inGap());
  // Lost again long after the first loss: a whole new budget, the first pause again.
  const Time later = kStart + 60s;
  ASSERT_TRUE(b.failed(later));
  EXPECT_EQ(b.next() - later, 500ms);
  EXPECT_EQ(b.since(later), 0s);
  EXPECT_EQ(b.left(later), 3s);
}

}  // namespace
}  // namespace client
