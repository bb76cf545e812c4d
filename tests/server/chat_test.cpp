// Chat through the raw protocol: relayed with the writer's seat and name to
// everybody in the match, limited per connection, kept in the record.
#include "shared/record/reader.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

proto::ChatMessage expectChat(RawClient& client, Seat seat, std::string_view name, std::string_view text) {
  const proto::ChatMessage m = client.expect<proto::ChatMessage>();
  EXPECT_EQ(m.seat, seat);
  EXPECT_EQ(proto::text(m.name), name);
  EXPECT_EQ(proto::text(m.text), text);
  return m;
}

TEST(Chat, LinesReachPlayersAndSpectatorsTheSixthInTenSecondsIsDroppedAndTheRecordKeepsThem) {
  Server server({"--game", "omok"});
  Pair p(server);
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  p.addSpectator(watcher, "carol");
  const std::vector<RawClient*> everybody{&p.player1, &p.player2, &watcher};

  p.player1.chat("good luck");
  for (RawClient* c : everybody) expectChat(*c, Seat::Player1, "alice", "good luck");
  watcher.chat("다들 화이팅");  // names and lines are UTF-8
  for (RawClient* c : everybody) expectChat(*c, Seat::None, "carol", "다들 화이팅");
  for (int i = 2; i <= 5; ++i) {
    p.player1.chat("line " + std::to_string(i));
    for (RawClient* c : everybody) expectChat(*c, Seat::Player1, "alice", "line " + std::to_string(i));
  }
  // Alice's sixth line within 10 s: refused, not relayed, and she stays.
  p.player1.chat("line 6");
  const proto::Error limited = p.player1.expect<proto::Error>();
  EXPECT_EQ(limited.code, proto::ErrorCode::RateLimited);
  EXPECT_EQ(proto::text(limited.text), "at most 5 chat lines in 10 s; this one was dropped");
  EXPECT_FALSE(p.player2.receive(300ms).has_value());
  EXPECT_FALSE(watcher.receive(100ms).has_value());
  // The limit is per connection: bob still talks, and alice still plays.
  p.player2.chat("thanks");
  for (RawClient* c : everybody) expectChat(*c, Seat::Player2, "bob", "thanks");
  p.play(Seat::Player1, "h8", {&watcher});
  p.player2.send(proto::Resign{});
  for (RawClient* c : everybody) EXPECT_EQ(c->expect<proto::GameOver>().reason, game::EndReason::Resignation);
  EXPECT_TRUE(server.logShows("over the limit: at most 5 chat lines in 10 s")) << server.log();

  ASSERT_EQ(server.stop(), 0);
  const std::optional<record::Record> loaded = server.onlyRecord();
  ASSERT_TRUE(loaded);
  const record::Record& r = *loaded;
  ASSERT_EQ(r.chat.size(), 7u);
  EXPECT_EQ(r.chat[0].seat, Seat::Player1);
  EXPECT_EQ(r.chat[0].name, "alice");
  EXPECT_EQ(r.chat[0].text, "good luck");
  EXPECT_EQ(r.chat[1].seat, Seat::None);
  EXPECT_EQ(r.chat[1].name, "carol");
  EXPECT_EQ(r.chat[1].text, "다들 화이팅");
  EXPECT_EQ(r.chat[5].text, "line 5");
  EXPECT_EQ(r.chat[6].name, "bob");
  EXPECT_EQ(r.moves.size(), 1u);
  EXPECT_EQ(r.result, (game::Status{game::Result::Player1Wins, game::EndReason::Resignation}));
}

TEST(Chat, WorksWhileTheMatchWaitsForItsSecondPlayerAndTheRecordKeepsIt) {
  Server server({"--game", "omok"});
  RawClient black(server.port(), game::Kind::Omok, 15);
  const proto::Welcome wb = black.hello("alice");
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  watcher.watch(wb.matchId, "carol");
  expectSpectators({&watcher, &black}, 1);
  watcher.chat("anyone?");
  for (RawClient* c : {&black, &watcher}) expectChat(*c, Seat::None, "carol", "anyone?");

  // The record is created when the match starts; the early line is in it.
  RawClient white(server.port(), game::Kind::Omok, 15);
  white.hello("bob");
  black.expect<proto::MatchStart>();
  black.send(proto::Resign{});
  black.expect<proto::GameOver>();
  EXPECT_EQ(server.stop(), 0);
  const std::optional<record::Record> loaded = server.onlyRecord();
  ASSERT_TRUE(loaded);
  const record::Record& r = *loaded;
  ASSERT_EQ(r.chat.size(), 1u);
  EXPECT_EQ(r.chat[0].name, "carol");
  EXPECT_EQ(r.chat[0].text, "anyone?");
  EXPECT_EQ(r.chat[0].seat, Seat::None);
}

TEST(Chat, TheSpectatorsOfAMatchWriteAtMostTenLinesInTenSecondsTogether) {
  Server server({"--game", "omok"});
  Pair p(server);
  RawClient a(server.port(), game::Kind::Omok, 15), b(server.port(), game::Kind::Omok, 15),
      c(server.port(), game::Kind::Omok, 15);
  p.addSpectator(a, "ann", 1);
  b.watch(p.welcome1.matchId, "ben");
  b.expect<proto::MatchStart>();
  expectSpectators({&b, &a, &p.player1, &p.player2}, 2);
  c.watch(p.welcome1.matchId, "cat");
  c.expect<proto::MatchStart>();
  expectSpectators({&c, &a, &b, &p.player1, &p.player2}, 3);
  const std::vector<RawClient*> everybody{&p.player1, &p.player2, &a, &b, &c};
  // Four lines each, within each one's own limit of five: ten reach the match.
  int relayed = 0;
  for (RawClient* writer : {&a, &b, &c}) {
    for (int i = 0; i < 4; ++i) {
      writer->chat("line " + std::to_string(i));
      if (relayed < 10) {
        ++relayed;
        for (RawClient* r : everybody) r->expect<proto::ChatMessage>();
      } else {
        const proto::Error e = writer->expect<proto::Error>();
        EXPECT_EQ(e.code, proto::ErrorCode::RateLimited);
        EXPECT_NE(proto::text(e.text).find("at most 10 lines in 10 s together"), std::string_view::npos)
            << proto::text(e.text);
      }
    }
  }
  EXPECT_FALSE(p.player1.receive(200ms).has_value());
  // The players are not spectators: they still talk.
  p.player2.chat("quiet, please");
  for (RawClient* r : everybody) expectChat(*r, Seat::Player2, "bob", "quiet, please");
}

TEST(Chat, BeforeAHelloIsUnexpected) {
  Server server({"--game", "omok"});
  RawClient early(server.port(), game::Kind::Omok, 15);
  early.chat("hello?");
  expectError(early, proto::ErrorCode::UnexpectedPacket);
  EXPECT_EQ(early.hello("alice").seat, Seat::Player1);
}

}  // namespace
}  // namespace servertest
