// Timed matches (game_server --time): the server's clock in the welcome,
// clock-sync, move-accepted and game-over, a flag that falls ends the game,
// a reconnecting player learns the clocks, and the record keeps them.
#include <fstream>
#include <iterator>
#include <thread>

#include "shared/record/reader.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

// 1.5 s per side, 0.25 s added per move: short enough to let a flag fall in
// a test, long enough for loopback moves on a loaded machine.
constexpr std::uint32_t kBaseMs = 1'500;
constexpr std::uint32_t kIncrementMs = 250;
const std::vector<std::string> kTimed{"--game", "omok", "--rule", "freestyle", "--time", "0.025+0.25", "--grace", "30"};

// A Pair in a timed match: the welcomes name the time control, and both
// players hear the clocks start with the game.
struct TimedPair : Pair {
  explicit TimedPair(const Server& server) : Pair(server) {
    for (const proto::Welcome& w : {welcome1, welcome2}) {
      EXPECT_EQ(+w.clockBaseMs, kBaseMs);
      EXPECT_EQ(+w.clockIncrementMs, kIncrementMs);
    }
    for (RawClient* c : {&player1, &player2}) {
      const proto::ClockSync sync = c->expect<proto::ClockSync>();
      EXPECT_EQ(sync.running, Seat::Player1);  // black's time starts with the game
      EXPECT_EQ(sync.clocks, (proto::Clocks{kBaseMs, kBaseMs}));
    }
  }

  // `mover` plays `coordinate`; both hear of it. Black's move-accepted.
  proto::MoveAccepted play(RawClient& mover, std::string_view coordinate) {
    mover.move(0, point(coordinate));
    const proto::MoveAccepted a = player1.expect<proto::MoveAccepted>();
    EXPECT_EQ(player2.expect<proto::MoveAccepted>().clocks, a.clocks);
    return a;
  }
};

TEST(TimedMatch, MovesCarryBothClocksAndTheIncrement) {
  Server server(kTimed);
  TimedPair p(server);
  const proto::MoveAccepted a = p.play(p.player1, "h8");
  // Black spent a little and got the increment; white's time has not run.
  EXPECT_GT(+a.clocks.player1Ms, kBaseMs);
  EXPECT_LE(+a.clocks.player1Ms, kBaseMs + kIncrementMs);
  EXPECT_EQ(+a.clocks.player2Ms, kBaseMs);
}

TEST(TimedMatch, TheSideToMoveLosesWhenItsFlagFalls) {
  Server server(kTimed);
  TimedPair p(server);
  p.play(p.player1, "h8");
  // White does not move: its 1.5 s run out and black wins on time.
  for (RawClient* c : {&p.player1, &p.player2}) {
    const proto::GameOver over = c->expect<proto::GameOver>(5s);
    EXPECT_EQ(over.result, game::Result::Player1Wins);
    EXPECT_EQ(over.reason, game::EndReason::Timeout);
    EXPECT_EQ(+over.clocks.player2Ms, 0u);
    EXPECT_GT(+over.clocks.player1Ms, 0u);
  }
  EXPECT_EQ(server.stop(), 0);
  const std::optional<record::Record> loaded = server.onlyRecord();
  ASSERT_TRUE(loaded);
  const record::Record& r = *loaded;
  EXPECT_EQ(r.timeControl, (game::TimeControl{kBaseMs, kIncrementMs}));
  ASSERT_EQ(r.moves.size(), 1u);
  EXPECT_GT(*r.moves[0].clockMs, kBaseMs);
  EXPECT_EQ(r.result, (game::Status{game::Result::Player1Wins, game::EndReason::Timeout}));
  ASSERT_TRUE(r.endClocks);
  EXPECT_EQ((*r.endClocks)[1], 0u);
}

TEST(TimedMatch, AReconnectingPlayerLearnsTheClocksAndTheyKeepRunning) {
  Server server(kTimed);
  TimedPair p(server);
  p.play(p.player1, "h8");
  p.play(p.player2, "h9");
  p.player1.close();  // black's clock runs on while it is away
  p.player2.expect<proto::OpponentStatus>();
  std::this_thread::sleep_for(300ms);

  RawClient back(server.port(), game::Kind::Omok, 15);
  const proto::Welcome w = back.hello("alice", Seat::None, p.welcome1.reconnect);
  EXPECT_EQ(w.resumed, 1);
  EXPECT_EQ(+w.clockBaseMs, kBaseMs);
  back.expect<proto::MatchStart>();
  back.expect<proto::MoveAccepted>();
  const proto::MoveAccepted second = back.expect<proto::MoveAccepted>();
  const proto::ClockSync sync = back.expect<proto::ClockSync>();
  EXPECT_EQ(sync.running, Seat::Player1);
  EXPECT_EQ(+sync.clocks.player2Ms, +second.clocks.player2Ms);  // white's time stands still
  EXPECT_LE(+sync.clocks.player1Ms + 300, +second.clocks.player1Ms);
  // Black still does not move: the flag falls for it too.
  EXPECT_EQ(back.expect<proto::GameOver>(5s).reason, game::EndReason::Timeout);
}

TEST(TimedMatch, UntimedMatchesSendNoClocks) {
  Server server({"--game", "omok"});
  RawClient a(server.port(), game::Kind::Omok, 15);
  RawClient b(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(+a.hello("alice").clockBaseMs, 0u);
  b.hello("bob");
  a.expect<proto::MatchStart>();
  a.move(0, point("h8"));
  const proto::MoveAccepted m = a.expect<proto::MoveAccepted>();  // no clock-sync before it
  EXPECT_EQ(m.clocks, (proto::Clocks{0, 0}));
}

TEST(TimedMatch, ABadTimeControlIsAClearErrorAtStart) {
  TempDir dir;
  Process server(GAME_SERVER_PATH, {"--game", "chess", "--port", "0", "--time", "5"}, dir.path() / "stderr");
  EXPECT_EQ(server.wait(10s), 1);
  std::ifstream err(dir.path() / "stderr");
  const std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find("--time: time control '5' is not MINUTES+SECONDS"), std::string::npos) << message;
}

}  // namespace
}  // namespace servertest
