// Omok opening rules through the raw protocol: the opening's stones as
// moves, its decisions as decide packets, opening-status after each, the
// refusals as move-rejected with the opening's reason, the colours each seat
// ends up with, a reconnection's replay with the decisions in their places,
// and the record.
#include "tests/support/files.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

// Every client of `clients` gets an opening-status; the first one's is returned.
proto::OpeningStatus expectStatus(std::vector<RawClient*> clients) {
  proto::OpeningStatus first{};
  for (std::size_t i = 0; i < clients.size(); ++i) {
    const proto::OpeningStatus s = clients[i]->expect<proto::OpeningStatus>();
    if (i == 0) first = s;
  }
  return first;
}

// A stone of the opening: move-accepted and opening-status to both and `watchers`.
proto::OpeningStatus place(Pair& p, Seat seat, std::string_view coordinate, std::vector<RawClient*> watchers = {}) {
  p.play(seat, coordinate, watchers);
  watchers.insert(watchers.begin(), {&p.player1, &p.player2});
  return expectStatus(watchers);
}

proto::OpeningStatus decide(Pair& p, Seat seat, game::Choice choice, int value, std::vector<RawClient*> watchers = {}) {
  proto::Decide d;
  d.choice = choice;
  d.value = static_cast<std::uint8_t>(value);
  p.client(seat).send(d);
  watchers.insert(watchers.begin(), {&p.player1, &p.player2});
  return expectStatus(watchers);
}

TEST(Opening, Swap2ThePlaceTwoOptionThenTheFirstPlayerTakesWhite) {
  Server server({"--game", "omok", "--rule", "freestyle", "--opening", "swap2", "--grace", "30"});
  Pair p(server);
  EXPECT_EQ(p.welcome1.opening, game::Opening::Swap2);
  proto::OpeningStatus s = expectStatus({&p.player1, &p.player2});
  EXPECT_EQ(s.step, game::OpeningStep::Place);
  EXPECT_EQ(s.decider, Seat::Player1);
  EXPECT_EQ(+s.area, -1);

  // The first player puts three stones, black, white, black.
  place(p, Seat::Player1, "h8");
  place(p, Seat::Player1, "h9");
  s = place(p, Seat::Player1, "j8");
  EXPECT_EQ(s.step, game::OpeningStep::ChooseOption);
  EXPECT_EQ(s.decider, Seat::Player2);

  // A stone while a decision is due, and a decision by the wrong seat, change nothing.
  p.player2.move(0, point("k8"));
  expectRejected(p.player2, game::Reject::NotNow);
  proto::Decide early;
  early.choice = game::Choice::ChooseOption;
  early.value = 3;
  p.player1.send(early);
  expectRejected(p.player1, game::Reject::NotYourTurn);
  proto::Decide wrong;
  wrong.choice = game::Choice::ChooseOption;
  wrong.value = 4;
  p.player2.send(wrong);
  const proto::MoveRejected refused = expectRejected(p.player2, game::Reject::NotAChoice);
  EXPECT_NE(proto::text(refused.why).find("not one of the choices"), std::string_view::npos);

  // Option 3: the second player puts white and black stones, then the first chooses.
  s = decide(p, Seat::Player2, game::Choice::ChooseOption, 3);
  EXPECT_EQ(s.by, Seat::Player2);
  EXPECT_EQ(+s.choice, static_cast<int>(game::Choice::ChooseOption));
  EXPECT_EQ(s.decider, Seat::Player2);
  place(p, Seat::Player2, "g7");
  s = place(p, Seat::Player2, "k10");
  EXPECT_EQ(s.step, game::OpeningStep::ChooseColor);
  EXPECT_EQ(s.decider, Seat::Player1);
  s = decide(p, Seat::Player1, game::Choice::ChooseColor, 2);
  EXPECT_EQ(s.step, game::OpeningStep::Done);
  EXPECT_EQ(s.decider, Seat::None);
  EXPECT_EQ(+s.exchanged, 1);  // player 1 plays white, and white plays move 6
  p.player2.move(0, point("a1"));
  expectRejected(p.player2, game::Reject::NotYourTurn);
  EXPECT_EQ(+p.play(Seat::Player1, "a1").ply, 6);
  EXPECT_EQ(+p.play(Seat::Player2, "o15").ply, 7);

  // A reconnection hears the decisions where they were made.
  p.player2.close();
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);
  RawClient back(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(back.hello("bob", Seat::None, p.welcome2.reconnect).resumed, 1);
  back.expect<proto::MatchStart>();
  for (const char* c : {"h8", "h9", "j8"}) EXPECT_EQ(proto::text(back.expect<proto::MoveAccepted>().notation), c);
  EXPECT_EQ(+back.expect<proto::OpeningStatus>().choice, static_cast<int>(game::Choice::ChooseOption));
  for (const char* c : {"g7", "k10"}) EXPECT_EQ(proto::text(back.expect<proto::MoveAccepted>().notation), c);
  EXPECT_EQ(+back.expect<proto::OpeningStatus>().choice, static_cast<int>(game::Choice::ChooseColor));
  for (const char* c : {"a1", "o15"}) EXPECT_EQ(proto::text(back.expect<proto::MoveAccepted>().notation), c);
  EXPECT_EQ(back.expect<proto::OpeningStatus>().step, game::OpeningStep::Done);

  back.send(proto::Resign{});
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  EXPECT_EQ(p.player1.expect<proto::GameOver>().result, game::Result::Player1Wins);
  ASSERT_EQ(server.stop(), 0);
  const auto r = server.onlyRecord();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->setup.opening, game::Opening::Swap2);
  ASSERT_EQ(r->decisions.size(), 2u);
  EXPECT_EQ(r->decisions[0].notation, "option 3");
  EXPECT_EQ(r->decisions[0].seat, Seat::Player2);
  EXPECT_EQ(r->decisions[1].notation, "white");
  EXPECT_EQ(r->moves.size(), 7u);
  EXPECT_TRUE(r->game->opening().exchanged);
}

TEST(Opening, Soosorv8RefusesWhatTheRuleForbidsWithItsReason) {
  Server server({"--game", "omok", "--rule", "renju", "--opening", "soosorv8"});
  Pair p(server);
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  expectStatus({&p.player1, &p.player2});
  p.addSpectator(watcher, "carol");
  // Move 1 on the centre, move 2 in the central 3x3, move 3 in the 5x5.
  p.player1.move(0, point("a1"));
  EXPECT_NE(proto::text(expectRejected(p.player1, game::Reject::OutsideArea).why).find("central square"),
            std::string_view::npos);
  place(p, Seat::Player1, "h8", {&watcher});
  place(p, Seat::Player1, "i9", {&watcher});
  const proto::OpeningStatus third = place(p, Seat::Player1, "j10", {&watcher});
  EXPECT_EQ(third.step, game::OpeningStep::Swap);
  decide(p, Seat::Player2, game::Choice::Swap, 0, {&watcher});  // the second player stays white
  place(p, Seat::Player2, "g7", {&watcher});
  proto::OpeningStatus s = decide(p, Seat::Player2, game::Choice::Declare, 2, {&watcher});
  EXPECT_EQ(s.step, game::OpeningStep::Swap);
  EXPECT_EQ(+s.offerCount, 2);
  s = decide(p, Seat::Player1, game::Choice::Swap, 0, {&watcher});
  EXPECT_EQ(s.step, game::OpeningStep::Offer);

  // Black offers two fifth moves: not symmetrical (all four stones stand on
  // the diagonal through the centre, so the position is its own mirror image
  // about it, which maps k8 to h11), not a count other than declared.
  proto::Decide offer;
  offer.choice = game::Choice::Offer;
  offer.count = 2;
  offer.points[0] = {0, point("k8"), game::Promotion::None};
  offer.points[1] = {0, point("h11"), game::Promotion::None};
  p.player1.send(offer);
  expectRejected(p.player1, game::Reject::SymmetricCandidate);
  offer.count = 1;
  offer.points[1] = {};
  p.player1.send(offer);
  expectRejected(p.player1, game::Reject::WrongCount);
  offer.count = 2;
  offer.points[1] = {0, point("h6"), game::Promotion::None};
  p.player1.send(offer);
  s = expectStatus({&p.player1, &p.player2, &watcher});
  EXPECT_EQ(s.step, game::OpeningStep::Pick);
  EXPECT_EQ(s.decider, Seat::Player2);
  EXPECT_EQ(+s.count, 2);

  // White picks one of them: it is move 5, black's stone.
  p.player2.move(0, point("a15"));
  expectRejected(p.player2, game::Reject::NotACandidate);
  const proto::MoveAccepted fifth = p.move(Seat::Player2, 0, point("k8"), {&watcher});
  EXPECT_EQ(+fifth.ply, 5);
  s = expectStatus({&p.player1, &p.player2, &watcher});
  EXPECT_EQ(s.step, game::OpeningStep::Done);
  EXPECT_EQ(+s.exchanged, 0);
  EXPECT_EQ(+p.play(Seat::Player2, "a15", {&watcher}).ply, 6);  // white's move 6
  proto::Decide late;
  late.choice = game::Choice::Swap;
  p.player1.send(late);
  expectRejected(p.player1, game::Reject::NotNow);
}

TEST(Opening, AHelloForAnotherOpeningIsRefused) {
  Server server({"--game", "omok", "--rule", "renju", "--opening", "taraguchi10"});
  RawClient client(server.port(), game::Kind::Omok, 15);
  proto::Hello hello;
  proto::setText(hello.name, "alice");
  hello.opening = game::Opening::Soosorv8;
  client.send(hello);
  const proto::Error e = client.expect<proto::Error>();
  EXPECT_EQ(e.code, proto::ErrorCode::GameUnavailable);
  EXPECT_NE(proto::text(e.text).find("opening taraguchi10"), std::string_view::npos) << proto::text(e.text);
}

TEST(Opening, TheServerRefusesAnOpeningItsRuleDoesNotPlay) {
  TempDir dir;
  Process server(GAME_SERVER_PATH, {"--port", "0", "--rule", "renju", "--opening", "swap2", "--log-dir",
                                    (dir.path() / "records").string()},
                 dir.path() / "err");
  EXPECT_EQ(server.wait(10s), 1);
  const std::string err = testsupport::fileBytes(dir.path() / "err");
  EXPECT_NE(err.find("opening 'swap2' is not played under rule 'renju'"), std::string::npos) << err;
}

}  // namespace
}  // namespace servertest
