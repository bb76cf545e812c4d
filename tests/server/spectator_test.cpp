// Spectators through the raw protocol: watching a running or a waiting
// match, what spectators receive and may not do, the spectator count, the
// keep-alive and the bound on spectators per match.
#include <memory>

#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

TEST(Spectator, JoiningARunningMatchGetsTheGameSoFarThenLiveMovesAndTheEnd) {
  Server server({"--game", "omok", "--rule", "freestyle"});
  Pair p(server);
  p.play(Seat::Player1, "a1");
  p.play(Seat::Player2, "a3");

  RawClient watcher(server.port(), game::Kind::Omok, 15);
  const proto::Welcome w = watcher.watch(p.welcome1.matchId, "carol");
  EXPECT_EQ(w.seat, Seat::None);
  EXPECT_EQ(w.reconnect, proto::Token{});
  EXPECT_EQ(w.resumed, 1);
  EXPECT_EQ(+w.matchId, +p.welcome1.matchId);
  EXPECT_EQ(w.game, game::Kind::Omok);
  const proto::MatchStart start = watcher.expect<proto::MatchStart>();
  EXPECT_EQ(proto::text(start.player1), "alice");
  EXPECT_EQ(proto::text(start.player2), "bob");
  for (const char* coordinate : {"a1", "a3"}) {
    EXPECT_EQ(proto::text(watcher.expect<proto::MoveAccepted>().notation), coordinate);
  }
  expectSpectators({&watcher, &p.player1, &p.player2}, 1);

  // A spectator cannot play, resign or offer; the game goes on.
  watcher.move(0, point("b1"));
  expectRejected(watcher, game::Reject::NotASpectator);
  watcher.send(proto::Resign{});
  expectError(watcher, proto::ErrorCode::NotAPlayer);
  watcher.send(proto::DrawOffer{});
  expectError(watcher, proto::ErrorCode::NotAPlayer);
  watcher.send(proto::TakebackRequest{});
  expectError(watcher, proto::ErrorCode::NotAPlayer);

  // Draw offers are between the players: the spectator sees the next move only.
  p.player1.send(proto::DrawOffer{});
  p.player2.expect<proto::DrawOffer>();
  p.player2.send(proto::DrawDecline{});
  p.player1.expect<proto::DrawDecline>();
  const char* black[] = {"b1", "c1", "d1", "e1"};
  const char* white[] = {"b3", "c3", "d3"};
  for (int i = 0; i < 3; ++i) {
    p.play(Seat::Player1, black[i], {&watcher});
    p.play(Seat::Player2, white[i], {&watcher});
  }
  p.play(Seat::Player1, black[3], {&watcher});
  for (RawClient* c : {&watcher, &p.player1, &p.player2}) {
    const proto::GameOver over = c->expect<proto::GameOver>();
    EXPECT_EQ(over.result, game::Result::Player1Wins);
    EXPECT_EQ(over.reason, game::EndReason::FiveInARow);
    EXPECT_EQ(+over.moves, 9);
    // The spectator's part ends here; the players may agree on a rematch.
    EXPECT_EQ(+over.rematchSeconds, c == &watcher ? 0 : 30);
  }
  EXPECT_TRUE(watcher.closedByServer());
  EXPECT_TRUE(server.logShows("carol watches")) << server.log();
}

TEST(Spectator, PlayersAndSpectatorsLearnTheCountAsSpectatorsComeAndGo) {
  Server server({"--game", "omok"});
  Pair p(server);
  RawClient first(server.port(), game::Kind::Omok, 15);
  p.addSpectator(first, "carol");
  RawClient second(server.port(), game::Kind::Omok, 15);
  second.watch(p.welcome1.matchId, "dave");
  second.expect<proto::MatchStart>();
  expectSpectators({&second, &first, &p.player1, &p.player2}, 2);
  second.close();
  expectSpectators({&first, &p.player1, &p.player2}, 1);
  first.close();
  expectSpectators({&p.player1, &p.player2}, 0);
  p.play(Seat::Player1, "h8");  // the players carry on
  EXPECT_TRUE(server.logShows("dave stops watching")) << server.log();
}

TEST(Spectator, WatchingAnUnknownMatchGetsNoSuchMatchAndTheConnectionCloses) {
  Server server({"--game", "omok"});
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  watcher.send(watchOf(4242, "carol"));
  expectError(watcher, proto::ErrorCode::NoSuchMatch);
  EXPECT_TRUE(watcher.closedByServer());
}

TEST(Spectator, JoiningAWaitingMatchGetsMatchStartWhenItBegins) {
  Server server({"--game", "omok"});
  RawClient black(server.port(), game::Kind::Omok, 15);
  const proto::Welcome wb = black.hello("alice");
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  const proto::Welcome w = watcher.watch(wb.matchId, "carol");
  EXPECT_EQ(w.resumed, 0);  // nothing to replay yet
  expectSpectators({&watcher, &black}, 1);
  RawClient white(server.port(), game::Kind::Omok, 15);
  white.hello("bob");
  for (RawClient* c : {&watcher, &black, &white}) {
    const proto::MatchStart m = c->expect<proto::MatchStart>();
    EXPECT_EQ(proto::text(m.player2), "bob");
  }
  black.move(0, point("h8"));
  for (RawClient* c : {&watcher, &black, &white}) EXPECT_EQ(proto::text(c->expect<proto::MoveAccepted>().notation), "h8");
}

TEST(Spectator, InATimedMatchGetsTheClocks) {
  Server server({"--game", "omok", "--time", "1+0"});
  Pair p(server);
  for (RawClient* c : {&p.player1, &p.player2}) c->expect<proto::ClockSync>();
  p.play(Seat::Player1, "h8");
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(+watcher.watch(p.welcome1.matchId, "carol").clockBaseMs, 60'000u);
  watcher.expect<proto::MatchStart>();
  const proto::MoveAccepted first = watcher.expect<proto::MoveAccepted>();
  const proto::ClockSync sync = watcher.expect<proto::ClockSync>();
  EXPECT_EQ(sync.running, Seat::Player2);
  EXPECT_EQ(+sync.clocks.player1Ms, +first.clocks.player1Ms);  // black's time stands still
  EXPECT_LE(+sync.clocks.player2Ms, 60'000u);
  expectSpectators({&watcher}, 1);
}

TEST(Spectator, AQuietSpectatorIsPingedAndDropped) {
  Server server({"--game", "omok", "--ping-interval", "1", "--grace", "30"});
  RawClient black(server.port(), game::Kind::Omok, 15);
  const proto::Welcome wb = black.hello("alice");
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  watcher.watch(wb.matchId, "carol");
  expectSpectators({&watcher, &black}, 1);
  // The player answers its pings; the spectator does not.
  black.expect<proto::Ping>(3s);
  black.send(proto::Pong{});
  watcher.expect<proto::Ping>(3s);
  expectError(watcher, proto::ErrorCode::Timeout);
  EXPECT_TRUE(watcher.closedByServer());
  for (;;) {
    std::optional<proto::Packet> packet = black.receive(5s);
    ASSERT_TRUE(packet.has_value()) << "the player never heard that the spectator left";
    if (const auto* ping = std::get_if<proto::Ping>(&*packet)) {
      black.send(proto::Pong{{}, ping->nonce, ping->sentAtMs});
      continue;
    }
    const auto* count = std::get_if<proto::Spectators>(&*packet);
    ASSERT_NE(count, nullptr) << RawClient::describe(*packet);
    EXPECT_EQ(+count->count, 0);
    break;
  }
}

TEST(Spectator, AMatchTakesABoundedNumberOfSpectators) {
  Server server({"--game", "omok"});
  RawClient black(server.port(), game::Kind::Omok, 15);
  const proto::Welcome wb = black.hello("alice");
  // Nobody reads the counts meanwhile: each spectator's socket buffer holds them.
  std::vector<std::unique_ptr<RawClient>> watchers;
  for (int i = 0; i < 256; ++i) {
    watchers.push_back(std::make_unique<RawClient>(server.port(), game::Kind::Omok, 15));
    EXPECT_EQ(watchers.back()->watch(wb.matchId, "w" + std::to_string(i)).seat, Seat::None);
  }
  RawClient oneTooMany(server.port(), game::Kind::Omok, 15);
  oneTooMany.send(watchOf(wb.matchId, "late"));
  expectError(oneTooMany, proto::ErrorCode::ServerFull);
  EXPECT_TRUE(oneTooMany.closedByServer());
}

}  // namespace
}  // namespace servertest
