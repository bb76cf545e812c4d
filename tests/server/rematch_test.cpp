// Rematches: after a game its players may agree on another of the same kind,
// seats exchanged, on the same connections (docs/PROTOCOL.md, "Rematches");
// and a hello's own time control, which is part of the kind of match.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

// Resigns the game for `loser` and reads both game-overs; their rematch window.
int resignAndReadWindow(Pair& p, Seat loser) {
  p.client(loser).send(proto::Resign{});
  const proto::GameOver a = p.player1.expect<proto::GameOver>();
  const proto::GameOver b = p.player2.expect<proto::GameOver>();
  EXPECT_EQ(a.reason, game::EndReason::Resignation);
  EXPECT_EQ(+a.rematchSeconds, +b.rematchSeconds);
  return a.rematchSeconds;
}

bool sameToken(const proto::Token& a, const proto::Token& b) { return std::equal(a.begin(), a.end(), b.begin()); }

TEST(Rematch, BothOfferAndTheNextGameStartsWithTheSeatsExchangedAndItsOwnRecord) {
  Server server({"--game", "omok", "--rule", "freestyle"});
  Pair p(server, "alice", "bob");
  p.play(Seat::Player1, "h8");
  EXPECT_EQ(resignAndReadWindow(p, Seat::Player2), 30);

  // The players may talk while a rematch may be agreed; the ended record keeps none of it.
  p.player2.chat("one more?");
  for (RawClient* c : {&p.player1, &p.player2})
    EXPECT_EQ(proto::text(c->expect<proto::ChatMessage>().text), "one more?");
  p.player2.send(proto::RematchOffer{});  // bob, who lost, asks first
  p.player1.expect<proto::RematchOffer>();
  p.player1.send(proto::RematchOffer{});  // alice accepts
  // The new match: bob is Player1 (black) now, alice Player2.
  const proto::Welcome bob = p.player2.expect<proto::Welcome>();
  const proto::Welcome alice = p.player1.expect<proto::Welcome>();
  EXPECT_EQ(bob.seat, Seat::Player1);
  EXPECT_EQ(alice.seat, Seat::Player2);
  EXPECT_EQ(+bob.matchId, +alice.matchId);
  EXPECT_NE(+bob.matchId, +p.welcome1.matchId);
  EXPECT_EQ(bob.rule, game::Rule::Freestyle);
  EXPECT_EQ(+bob.resumed, 0);
  EXPECT_FALSE(sameToken(bob.reconnect, p.welcome2.reconnect));
  const proto::MatchStart start = p.player1.expect<proto::MatchStart>();
  p.player2.expect<proto::MatchStart>();
  EXPECT_EQ(proto::text(start.player1), "bob");
  EXPECT_EQ(proto::text(start.player2), "alice");

  // Bob opens the rematch; alice's move out of turn is refused.
  p.player1.move(0, point("a1"));
  expectRejected(p.player1, game::Reject::NotYourTurn);
  p.player2.move(0, point("h8"));
  EXPECT_EQ(p.player1.expect<proto::MoveAccepted>().seat, Seat::Player1);
  EXPECT_EQ(p.player2.expect<proto::MoveAccepted>().seat, Seat::Player1);
  EXPECT_TRUE(server.logShows("match " + std::to_string(bob.matchId) + " is the rematch of match " +
                              std::to_string(p.welcome1.matchId)))
      << server.log();

  // The rematch's token is the seat's now: a dropped bob comes back with it.
  p.player2.close();
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);
  RawClient back(server.port(), game::Kind::Omok, 15);
  const proto::Welcome resumed = back.hello("bob", Seat::None, bob.reconnect);
  EXPECT_EQ(+resumed.matchId, +bob.matchId);
  EXPECT_EQ(resumed.seat, Seat::Player1);
  back.send(proto::Resign{});
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  EXPECT_EQ(p.player1.expect<proto::GameOver>().result, game::Result::Player2Wins);  // alice, Player2 now, wins

  ASSERT_EQ(server.stop(), 0);
  const auto files = server.records();
  ASSERT_EQ(files.size(), 2u);
  const auto firstLoaded = record::readFile(files[0]);
  ASSERT_TRUE(std::holds_alternative<record::Record>(firstLoaded))
      << std::get<record::LoadError>(firstLoaded).describe();
  EXPECT_TRUE(std::get<record::Record>(firstLoaded).chat.empty());
  const auto loaded = record::readFile(files[1]);
  const auto* second = std::get_if<record::Record>(&loaded);
  ASSERT_NE(second, nullptr) << std::get<record::LoadError>(loaded).message;
  EXPECT_EQ(second->player1, "bob");
  EXPECT_EQ(second->player2, "alice");
  ASSERT_EQ(second->moves.size(), 1u);
  EXPECT_EQ(second->moves[0].notation, "h8");
}

TEST(Rematch, ADeclineOrALeaverEndsTheWaitAndBothAreHungUpOn) {
  Server server({"--game", "omok"});
  {
    Pair p(server);
    resignAndReadWindow(p, Seat::Player1);
    p.player1.send(proto::RematchOffer{});
    p.player2.expect<proto::RematchOffer>();
    p.player2.send(proto::RematchDecline{});
    p.player1.expect<proto::RematchDecline>();
    EXPECT_TRUE(p.player1.closedByServer());
    EXPECT_TRUE(p.player2.closedByServer());
  }
  {
    Pair p(server);
    resignAndReadWindow(p, Seat::Player2);
    p.player2.close();
    p.player1.expect<proto::RematchDecline>();
    EXPECT_TRUE(p.player1.closedByServer());
  }
  EXPECT_TRUE(server.logShows("declines a rematch")) << server.log();
  EXPECT_EQ(server.records().size(), 2u);  // no third match was made
}

TEST(Rematch, OneOfferPerSideAndNoneAfterTheWindow) {
  Server server({"--game", "omok", "--rematch-window", "1"});
  Pair p(server);
  EXPECT_EQ(resignAndReadWindow(p, Seat::Player1), 1);
  p.player1.send(proto::RematchOffer{});
  p.player2.expect<proto::RematchOffer>();
  p.player1.send(proto::RematchOffer{});
  expectError(p.player1, proto::ErrorCode::RematchRefused);
  // Nobody answers: the window closes and both are told why.
  for (RawClient* c : {&p.player1, &p.player2}) {
    const proto::Error error = c->expect<proto::Error>(3s);
    EXPECT_EQ(error.code, proto::ErrorCode::Timeout);
    EXPECT_NE(proto::text(error.text).find("no rematch was agreed within 1 s"), std::string_view::npos);
    EXPECT_TRUE(c->closedByServer());
  }
}

TEST(Rematch, NoWindowNoRematchAndTheServerHangsUpAtOnce) {
  Server server({"--game", "omok", "--rematch-window", "0"});
  Pair p(server);
  EXPECT_EQ(resignAndReadWindow(p, Seat::Player1), 0);
  EXPECT_TRUE(p.player1.closedByServer());
  EXPECT_TRUE(p.player2.closedByServer());
}

// The rematch is the same kind of match: a private one stays private, a
// timed one keeps its clock, an opening its rule; spectators are let go.
TEST(Rematch, KeepsTheKindOfMatchAndLetsTheSpectatorsGo) {
  Server server({"--time", "1+2"});
  RawClient a(server.port(), game::Kind::Omok, 15);
  RawClient b(server.port(), game::Kind::Omok, 15);
  proto::Hello hello;
  hello.rule = static_cast<std::uint8_t>(game::Rule::Standard);
  hello.opening = game::Opening::Swap1;
  proto::setText(hello.matchCode, "club-7");
  proto::setText(hello.name, "ann");
  a.send(hello);
  const proto::Welcome first = a.expect<proto::Welcome>();
  proto::setText(hello.name, "ben");
  b.send(hello);
  b.expect<proto::Welcome>();
  for (RawClient* c : {&a, &b}) {
    c->expect<proto::MatchStart>();
    c->expect<proto::OpeningStatus>();
    c->expect<proto::ClockSync>();
  }
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  watcher.watch(first.matchId, "cy", "club-7");
  b.send(proto::Resign{});
  for (RawClient* c : {&a, &b}) {
    proto::Packet next;
    do next = *c->receive(); while (!std::holds_alternative<proto::GameOver>(next));
    EXPECT_EQ(+std::get<proto::GameOver>(next).rematchSeconds, 30);
  }
  EXPECT_TRUE(watcher.closedByServer());
  a.send(proto::RematchOffer{});
  b.expect<proto::RematchOffer>();
  b.send(proto::RematchOffer{});
  const proto::Welcome again = b.expect<proto::Welcome>();
  EXPECT_EQ(again.seat, Seat::Player1);
  EXPECT_EQ(again.rule, game::Rule::Standard);
  EXPECT_EQ(again.opening, game::Opening::Swap1);
  EXPECT_EQ(+again.clockBaseMs, 60'000u);
  EXPECT_EQ(+again.clockIncrementMs, 2'000u);
  // Private: not in the match list.
  RawClient lister(server.port(), game::Kind::Omok, 15);
  lister.send(proto::ListMatches{});
  EXPECT_EQ(+lister.expect<proto::MatchListEnd>().count, 0);
}

// A hello's clock is part of its kind of match: two 3+2 players meet, an
// untimed one waits apart; a server with --time hosts that clock only.
TEST(TimeChoice, AHellosClockPicksItsQueueAndTheServersTimeNarrowsIt) {
  Server server({"--game", "omok"});
  const auto asking = [](std::string_view name, std::optional<game::TimeControl> tc) {
    proto::Hello h;
    proto::setText(h.name, name);
    if (tc) proto::askTimeControl(h, *tc);
    return h;
  };
  RawClient untimed(server.port(), game::Kind::Omok, 15);
  untimed.send(asking("plain", std::nullopt));
  EXPECT_EQ(+untimed.expect<proto::Welcome>().clockBaseMs, 0u);
  RawClient a(server.port(), game::Kind::Omok, 15);
  a.send(asking("a", game::TimeControl{180'000, 2'000}));
  const proto::Welcome wa = a.expect<proto::Welcome>();
  EXPECT_EQ(+wa.clockBaseMs, 180'000u);
  EXPECT_EQ(wa.seat, Seat::Player1);  // not the untimed player's match
  RawClient b(server.port(), game::Kind::Omok, 15);
  b.send(asking("b", game::TimeControl{180'000, 2'000}));
  const proto::Welcome wb = b.expect<proto::Welcome>();
  EXPECT_EQ(+wb.matchId, +wa.matchId);
  EXPECT_EQ(wb.seat, Seat::Player2);
  EXPECT_EQ(proto::text(a.expect<proto::MatchStart>().player2), "b");

  Server blitz({"--game", "omok", "--time", "5+3"});
  RawClient c(blitz.port(), game::Kind::Omok, 15);
  c.send(asking("c", game::TimeControl{}));
  const proto::Error refused = c.expect<proto::Error>();
  EXPECT_EQ(refused.code, proto::ErrorCode::GameUnavailable);
  EXPECT_EQ(proto::text(refused.text), "this server hosts omok, 5+3 only");
  RawClient d(blitz.port(), game::Kind::Omok, 15);
  d.send(asking("d", std::nullopt));
  EXPECT_EQ(+d.expect<proto::Welcome>().clockBaseMs, 300'000u);
}

}  // namespace
}  // namespace servertest
