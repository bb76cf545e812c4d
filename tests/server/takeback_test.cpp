// Take-backs through the raw protocol: request, accept and decline, what is
// refused, what cancels a request, the clocks, a reconnection afterwards and
// the record.
#include "shared/record/reader.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

// Both players (and `watchers`) get taken-back with `moves` plies, by `by`.
void expectTakenBack(Pair& p, int moves, Seat by, std::vector<RawClient*> watchers = {}) {
  watchers.push_back(&p.player1);
  watchers.push_back(&p.player2);
  for (RawClient* c : watchers) {
    const proto::TakenBack t = c->expect<proto::TakenBack>();
    EXPECT_EQ(+t.moves, moves);
    EXPECT_EQ(t.by, by);
  }
}

// `seat` asks, its opponent hears of it.
void request(Pair& p, Seat seat) {
  p.client(seat).send(proto::TakebackRequest{});
  p.client(game::opponent(seat)).expect<proto::TakebackRequest>();
}

TEST(Takeback, AcceptedTheRequestersMoveGoesAndThePointCanBePlayedAgain) {
  Server server({"--game", "omok"});
  Pair p(server);
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  p.addSpectator(watcher, "carol");
  p.play(Seat::Player1, "h8", {&watcher});
  p.play(Seat::Player2, "h9", {&watcher});
  p.play(Seat::Player1, "j8", {&watcher});
  // Black takes back j8, which white has not answered yet.
  request(p, Seat::Player1);
  p.player2.send(proto::TakebackAccept{});
  expectTakenBack(p, 2, Seat::Player1, {&watcher});
  // Black is to move again, and j8 is free.
  p.player2.move(0, point("j9"));
  expectRejected(p.player2, game::Reject::NotYourTurn);
  EXPECT_EQ(+p.play(Seat::Player1, "j8", {&watcher}).ply, 3);
  EXPECT_TRUE(server.logShows("alice takes back to 2 moves")) << server.log();
}

TEST(Takeback, AcceptedAfterTheOpponentRepliedBothMovesGo) {
  Server server({"--game", "omok"});
  Pair p(server);
  p.play(Seat::Player1, "h8");
  p.play(Seat::Player2, "h9");
  p.play(Seat::Player1, "j8");
  // White asks after black answered its h9 with j8.
  request(p, Seat::Player2);
  p.player1.send(proto::TakebackAccept{});
  expectTakenBack(p, 1, Seat::Player2);
  // White moves again: both h9 and j8 are free.
  EXPECT_EQ(+p.play(Seat::Player2, "h9").ply, 2);
  EXPECT_EQ(+p.play(Seat::Player1, "j8").ply, 3);
}

TEST(Takeback, DeclineIsRelayedAndAnswersNeedARequest) {
  Server server({"--game", "omok"});
  Pair p(server);
  p.player2.send(proto::TakebackAccept{});  // nothing was asked
  expectError(p.player2, proto::ErrorCode::NoTakebackRequest);
  p.player1.send(proto::TakebackRequest{});  // black has no move yet
  expectError(p.player1, proto::ErrorCode::TakebackRefused);
  p.play(Seat::Player1, "h8");
  request(p, Seat::Player1);
  p.player1.send(proto::TakebackRequest{});  // one request at a time
  expectError(p.player1, proto::ErrorCode::TakebackRefused);
  p.player1.send(proto::TakebackAccept{});  // one cannot accept one's own
  expectError(p.player1, proto::ErrorCode::NoTakebackRequest);
  p.player2.send(proto::TakebackDecline{});
  p.player1.expect<proto::TakebackDecline>();
  p.player2.send(proto::TakebackAccept{});  // declined already
  expectError(p.player2, proto::ErrorCode::NoTakebackRequest);
  EXPECT_EQ(+p.play(Seat::Player2, "h9").ply, 2);  // the game goes on unchanged
}

TEST(Takeback, AMoveByTheOpponentDeclinesTheRequest) {
  Server server({"--game", "omok"});
  Pair p(server);
  p.play(Seat::Player1, "h8");
  request(p, Seat::Player1);
  p.play(Seat::Player2, "h9");  // white plays on instead of answering
  p.player2.send(proto::TakebackAccept{});
  expectError(p.player2, proto::ErrorCode::NoTakebackRequest);
  EXPECT_EQ(+p.play(Seat::Player1, "j8").ply, 3);
}

TEST(Takeback, ChessHasNone) {
  Server server({"--game", "chess"});
  Pair p(server.port(), game::Kind::Chess, "alice", "bob");
  RawClient& white = p.player1;
  RawClient& black = p.player2;
  p.move(Seat::Player1, 12, 28);  // e2e4
  white.send(proto::TakebackRequest{});
  expectError(white, proto::ErrorCode::TakebackRefused);
  EXPECT_FALSE(black.receive(300ms).has_value());  // never asked
  black.move(52, 36);  // e7e5: the position is as it was
  EXPECT_EQ(proto::text(white.expect<proto::MoveAccepted>().notation), "e5");
}

TEST(Takeback, ATakebackRunsTheRequestersClock) {
  Server server({"--game", "omok", "--time", "1+0"});
  Pair p(server);
  for (RawClient* c : {&p.player1, &p.player2}) c->expect<proto::ClockSync>();
  p.play(Seat::Player1, "h8");
  const proto::MoveAccepted reply = p.play(Seat::Player2, "h9");
  request(p, Seat::Player2);  // black's time runs while white waits for the answer
  p.player1.send(proto::TakebackAccept{});
  for (RawClient* c : {&p.player1, &p.player2}) {
    const proto::TakenBack t = c->expect<proto::TakenBack>();
    EXPECT_EQ(+t.moves, 1);
    EXPECT_LE(+t.clocks.player1Ms, +reply.clocks.player1Ms);  // black was charged until now
    EXPECT_EQ(+t.clocks.player2Ms, +reply.clocks.player2Ms);  // white's runs from now
  }
  // White's clock runs: its next move is charged, black's time stands.
  const proto::MoveAccepted again = p.play(Seat::Player2, "h9");
  EXPECT_LE(+again.clocks.player2Ms, +reply.clocks.player2Ms);
  EXPECT_GT(+again.clocks.player2Ms, 0u);
}

TEST(Takeback, AReconnectingPlayerGetsTheShortenedGameAndThePendingRequest) {
  Server server({"--game", "omok", "--grace", "30"});
  Pair p(server);
  p.play(Seat::Player1, "h8");
  p.play(Seat::Player2, "h9");
  p.play(Seat::Player1, "j8");
  request(p, Seat::Player1);
  p.player2.send(proto::TakebackAccept{});
  expectTakenBack(p, 2, Seat::Player1);
  p.play(Seat::Player1, "k8");
  request(p, Seat::Player1);  // pending while white is away
  p.player2.close();
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);

  RawClient back(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(back.hello("bob", Seat::None, p.welcome2.reconnect).resumed, 1);
  back.expect<proto::MatchStart>();
  for (const char* coordinate : {"h8", "h9", "k8"}) {
    EXPECT_EQ(proto::text(back.expect<proto::MoveAccepted>().notation), coordinate);
  }
  back.expect<proto::TakebackRequest>();
  EXPECT_FALSE(back.receive(200ms).has_value());
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  back.send(proto::TakebackAccept{});
  for (RawClient* c : {&p.player1, &back}) EXPECT_EQ(+c->expect<proto::TakenBack>().moves, 2);
}

TEST(Takeback, TheRecordReplaysToTheFinalGame) {
  Server server({"--game", "omok", "--rule", "freestyle"});
  Pair p(server);
  p.play(Seat::Player1, "a1");
  p.play(Seat::Player2, "a3");
  p.play(Seat::Player1, "o15");  // a slip
  request(p, Seat::Player1);
  p.player2.send(proto::TakebackDecline{});
  p.player1.expect<proto::TakebackDecline>();
  request(p, Seat::Player1);
  p.player2.send(proto::TakebackAccept{});
  expectTakenBack(p, 2, Seat::Player1);
  const char* black[] = {"b1", "c1", "d1", "e1"};
  const char* white[] = {"b3", "c3", "d3"};
  for (int i = 0; i < 3; ++i) {
    p.play(Seat::Player1, black[i]);
    p.play(Seat::Player2, white[i]);
  }
  p.play(Seat::Player1, black[3]);
  for (RawClient* c : {&p.player1, &p.player2}) EXPECT_EQ(+c->expect<proto::GameOver>().moves, 9);

  ASSERT_EQ(server.stop(), 0);
  const std::optional<record::Record> loaded = server.onlyRecord();
  ASSERT_TRUE(loaded);
  const record::Record& r = *loaded;
  const std::vector<std::string> final{"a1", "a3", "b1", "b3", "c1", "c3", "d1", "d3", "e1"};
  ASSERT_EQ(r.moves.size(), final.size());
  for (std::size_t i = 0; i < final.size(); ++i) {
    EXPECT_EQ(r.moves[i].notation, final[i]);
    EXPECT_EQ(r.moves[i].ply, static_cast<int>(i) + 1);
  }
  ASSERT_EQ(r.takebacks.size(), 1u);
  EXPECT_EQ(r.takebacks[0].seat, Seat::Player1);
  EXPECT_EQ(r.takebacks[0].moves, 2);
  ASSERT_EQ(r.takebacks[0].takenBack.size(), 1u);
  EXPECT_EQ(r.takebacks[0].takenBack[0].notation, "o15");
  std::vector<std::string> events;
  for (const record::EventLine& e : r.events) events.push_back(e.what);
  EXPECT_EQ(events, (std::vector<std::string>{"takeback-request", "takeback-decline", "takeback-request"}));
  EXPECT_EQ(r.result, (game::Status{game::Result::Player1Wins, game::EndReason::FiveInARow}));

  // game_replay shows the game as it ended.
  TempDir dir;
  Process replay(GAME_REPLAY_PATH, {server.records().front().string()}, dir.path() / "stderr");
  const std::string out = replay.readAll(10s);
  EXPECT_EQ(replay.wait(10s), 0);
  EXPECT_NE(out.find("1. a1 a3\n2. b1 b3\n3. c1 c3\n4. d1 d3\n5. e1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("result: player1 five-in-a-row after 9 moves"), std::string::npos) << out;
}

}  // namespace
}  // namespace servertest
