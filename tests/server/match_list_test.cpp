// The match list through the raw protocol: which matches it shows and how,
// and that the connection that asked still says hello (or times out).
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

TEST(MatchList, ShowsThePublicMatchesNewestFirstThenTheConnectionCanPlay) {
  Server server({"--game", "omok", "--rule", "freestyle", "--time", "2+1"});
  Pair running(server, "alice", "bob");  // match 1, public, playing
  for (RawClient* c : {&running.player1, &running.player2}) c->expect<proto::ClockSync>();
  running.play(Seat::Player1, "h8");
  RawClient hidden(server.port(), game::Kind::Omok, 15);
  hidden.hello("eve", Seat::None, {}, "secret-room");  // match 2, private, waiting
  RawClient waiting(server.port(), game::Kind::Omok, 15);
  const proto::Welcome ww = waiting.hello("carol", Seat::Player2);  // match 3, public, waiting
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  watcher.watch(running.welcome1.matchId, "dave");

  RawClient lister(server.port(), game::Kind::Omok, 15);
  lister.send(proto::ListMatches{});
  const proto::MatchEntry newest = lister.expect<proto::MatchEntry>();
  EXPECT_EQ(+newest.matchId, +ww.matchId);
  EXPECT_EQ(newest.state, proto::MatchState::Waiting);
  EXPECT_EQ(proto::text(newest.player1), "");
  EXPECT_EQ(proto::text(newest.player2), "carol");
  EXPECT_EQ(+newest.moves, 0);
  EXPECT_EQ(+newest.spectators, 0);
  const proto::MatchEntry older = lister.expect<proto::MatchEntry>();
  EXPECT_EQ(+older.matchId, +running.welcome1.matchId);
  EXPECT_EQ(older.state, proto::MatchState::Playing);
  EXPECT_EQ(proto::text(older.player1), "alice");
  EXPECT_EQ(proto::text(older.player2), "bob");
  EXPECT_EQ(+older.moves, 1);
  EXPECT_EQ(+older.spectators, 1);
  for (const proto::MatchEntry& e : {newest, older}) {
    EXPECT_EQ(e.game, game::Kind::Omok);
    EXPECT_EQ(e.rule, game::Rule::Freestyle);
    EXPECT_EQ(e.boardSize, 15);
    EXPECT_EQ(+e.clockBaseMs, 120'000u);
    EXPECT_EQ(+e.clockIncrementMs, 1'000u);
  }
  EXPECT_EQ(+lister.expect<proto::MatchListEnd>().count, 2);

  // Still awaiting its hello: it joins the waiting public match and plays.
  const proto::Welcome w = lister.hello("frank");
  EXPECT_EQ(+w.matchId, +ww.matchId);
  EXPECT_EQ(w.seat, Seat::Player1);
  for (RawClient* c : {&lister, &waiting}) {
    const proto::MatchStart m = c->expect<proto::MatchStart>();
    EXPECT_EQ(proto::text(m.player1), "frank");
    c->expect<proto::ClockSync>();
  }
  lister.move(0, point("h8"));
  EXPECT_EQ(+lister.expect<proto::MoveAccepted>().ply, 1);
  EXPECT_EQ(+waiting.expect<proto::MoveAccepted>().ply, 1);
}

TEST(MatchList, AnEmptyServerListsNothingAndTheHelloTimeoutStillApplies) {
  Server server({"--game", "omok", "--hello-timeout", "1"});
  RawClient lister(server.port(), game::Kind::Omok, 15);
  lister.send(proto::ListMatches{});
  EXPECT_EQ(+lister.expect<proto::MatchListEnd>().count, 0);
  lister.send(proto::ListMatches{});  // asking again is fine
  EXPECT_EQ(+lister.expect<proto::MatchListEnd>().count, 0);
  expectError(lister, proto::ErrorCode::Timeout);
  EXPECT_TRUE(lister.closedByServer());
}

TEST(MatchList, ListingIsOnlyForConnectionsOutsideAMatch) {
  Server server({"--game", "omok"});
  Pair p(server);
  p.player1.send(proto::ListMatches{});
  expectError(p.player1, proto::ErrorCode::UnexpectedPacket);
  p.play(Seat::Player1, "h8");
}

}  // namespace
}  // namespace servertest
