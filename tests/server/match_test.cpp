// The match server through the raw protocol: seating, move checking by seat
// and turn, parallel matches, reconnection and its grace period, protocol
// errors, shutdown.
#include <cstring>
#include <fstream>
#include <random>
#include <thread>

#include "shared/record/reader.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

TEST(MatchServer, FirstConnectionIsPlayer1SecondPlayer2AndBothLearnTheNames) {
  Server server({"--game", "omok", "--rule", "renju"});
  RawClient a(server.port(), game::Kind::Omok, 15);
  RawClient b(server.port(), game::Kind::Omok, 15);
  proto::Welcome wa = a.hello("alice");
  EXPECT_EQ(wa.seat, Seat::Player1);
  EXPECT_EQ(wa.game, game::Kind::Omok);
  EXPECT_EQ(wa.rule, game::Rule::Renju);
  EXPECT_EQ(wa.boardSize, 15);
  EXPECT_EQ(wa.resumed, 0);
  proto::Welcome wb = b.hello("bob");
  EXPECT_EQ(wb.seat, Seat::Player2);
  EXPECT_EQ(+wb.matchId, +wa.matchId);
  EXPECT_NE(wa.reconnect, wb.reconnect);
  for (RawClient* c : {&a, &b}) {
    proto::MatchStart m = c->expect<proto::MatchStart>();
    EXPECT_EQ(proto::text(m.player1), "alice");
    EXPECT_EQ(proto::text(m.player2), "bob");
  }
}

TEST(MatchServer, RejectsIllegalOutOfTurnAndWrongSeatMovesWhileTheGameGoesOn) {
  Server server({"--game", "omok", "--rule", "renju"});
  Pair p(server);
  // The wrong seat: white tries to open. The seat comes from the connection.
  p.player2.move(0, point("h8"));
  expectRejected(p.player2, game::Reject::NotYourTurn);
  p.play(Seat::Player1, "h8");
  // Out of turn: black again.
  p.player1.move(0, point("a1"));
  expectRejected(p.player1, game::Reject::NotYourTurn);
  // Illegal: the point is taken.
  p.player2.move(0, point("h8"));
  expectRejected(p.player2, game::Reject::Occupied);
  // The game goes on, unchanged by the rejections.
  proto::MoveAccepted a = p.play(Seat::Player2, "h9");
  EXPECT_EQ(+a.ply, 2);
  EXPECT_EQ(a.result, game::Result::Ongoing);
  EXPECT_TRUE(server.logShows("rejected"));
}

TEST(MatchServer, GameEndsOnTheEnginesVerdictAndLaterMovesAreNotPlayed) {
  Server server({"--game", "omok", "--rule", "freestyle"});
  Pair p(server);
  const char* black[] = {"a1", "b1", "c1", "d1", "e1"};
  const char* white[] = {"a3", "b3", "c3", "d3"};
  for (int i = 0; i < 4; ++i) {
    p.play(Seat::Player1, black[i]);
    p.play(Seat::Player2, white[i]);
  }
  proto::MoveAccepted last = p.play(Seat::Player1, black[4]);
  EXPECT_EQ(last.result, game::Result::Player1Wins);
  EXPECT_EQ(last.reason, game::EndReason::FiveInARow);
  for (RawClient* c : {&p.player1, &p.player2}) {
    proto::GameOver over = c->expect<proto::GameOver>();
    EXPECT_EQ(over.result, game::Result::Player1Wins);
    EXPECT_EQ(over.reason, game::EndReason::FiveInARow);
    EXPECT_EQ(+over.moves, 9);
    EXPECT_EQ(+over.rematchSeconds, 30);  // both players are here: a rematch may be agreed
  }
  // A move after the end is not played: no move-accepted, only unexpected-packet.
  p.player2.move(0, point("e3"));
  EXPECT_EQ(p.player2.expect<proto::Error>().code, proto::ErrorCode::UnexpectedPacket);
  // One player goes: the other hears there is no rematch and is hung up on.
  p.player1.close();
  p.player2.expect<proto::RematchDecline>();
  EXPECT_TRUE(p.player2.closedByServer());

  // The record has exactly the nine moves and the result.
  ASSERT_EQ(server.stop(), 0);
  auto files = server.records();
  ASSERT_EQ(files.size(), 1u);
  auto loaded = record::readFile(files[0]);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
  const record::Record& r = std::get<record::Record>(loaded);
  EXPECT_EQ(r.moves.size(), 9u);
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->result, game::Result::Player1Wins);
  EXPECT_EQ(r.game->status(), *r.result);
  EXPECT_EQ(r.player1, "alice");
  EXPECT_EQ(r.player2, "bob");
}

TEST(MatchServer, ThirdAndFourthClientsFormASecondMatch) {
  Server server({"--game", "omok"});
  Pair first(server, "a", "b");
  Pair second(server, "c", "d");
  EXPECT_NE(+first.welcome1.matchId, +second.welcome1.matchId);
  EXPECT_EQ(second.welcome1.seat, Seat::Player1);
  EXPECT_EQ(second.welcome2.seat, Seat::Player2);
  // Moves in one match are not seen in the other.
  first.play(Seat::Player1, "h8");
  second.play(Seat::Player1, "a1");
  EXPECT_FALSE(first.player2.receive(200ms).has_value());
}

TEST(MatchServer, ASeatCanBeAskedForAndATakenSeatIsRefused) {
  Server server({"--game", "omok"});
  RawClient a(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(a.hello("second", Seat::Player2).seat, Seat::Player2);
  RawClient b(server.port(), game::Kind::Omok, 15);
  proto::Hello h;
  h.seat = Seat::Player2;
  proto::setText(h.name, "also-second");
  b.send(h);
  proto::Error e = b.expect<proto::Error>();
  EXPECT_EQ(e.code, proto::ErrorCode::SeatTaken);
  EXPECT_TRUE(b.closedByServer());
  RawClient c(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(c.hello("first").seat, Seat::Player1);
  a.expect<proto::MatchStart>();
  c.expect<proto::MatchStart>();
}

TEST(MatchServer, PrivateMatchCodesPairTheirOwnPlayers) {
  Server server({"--game", "omok"});
  RawClient a(server.port(), game::Kind::Omok, 15);
  RawClient pub(server.port(), game::Kind::Omok, 15);
  RawClient b(server.port(), game::Kind::Omok, 15);
  proto::Welcome wa = a.hello("a", Seat::None, {}, "room-7");
  proto::Welcome wp = pub.hello("public");
  proto::Welcome wb = b.hello("b", Seat::None, {}, "room-7");
  EXPECT_EQ(+wa.matchId, +wb.matchId);
  EXPECT_NE(+wa.matchId, +wp.matchId);
  EXPECT_EQ(wb.seat, Seat::Player2);
  a.expect<proto::MatchStart>();
  EXPECT_FALSE(pub.receive(200ms).has_value());  // still waiting for its opponent
}

TEST(MatchServer, WrongGameOrVersionIsRefused) {
  Server server({"--game", "omok"});
  RawClient a(server.port(), game::Kind::Omok, 15);
  proto::Hello h;
  h.game = static_cast<std::uint8_t>(game::Kind::Chess);
  proto::setText(h.name, "chess-player");
  a.send(h);
  EXPECT_EQ(a.expect<proto::Error>().code, proto::ErrorCode::GameUnavailable);
  EXPECT_TRUE(a.closedByServer());

  RawClient b(server.port(), game::Kind::Omok, 15);
  h = {};
  h.version = 99;
  proto::setText(h.name, "future");
  b.send(h);
  EXPECT_EQ(b.expect<proto::Error>().code, proto::ErrorCode::UnsupportedVersion);
  EXPECT_TRUE(b.closedByServer());
}

TEST(MatchServer, PacketsOutOfPhaseGetUnexpectedPacketWithoutADisconnect) {
  Server server({"--game", "omok"});
  RawClient a(server.port(), game::Kind::Omok, 15);
  // A move before the hello, and before the match started.
  a.move(0, point("h8"));
  EXPECT_EQ(a.expect<proto::Error>().code, proto::ErrorCode::UnexpectedPacket);
  a.hello("early");
  a.move(0, point("h8"));
  EXPECT_EQ(a.expect<proto::Error>().code, proto::ErrorCode::UnexpectedPacket);
  // Hello twice.
  proto::Hello again;
  proto::setText(again.name, "early");
  a.send(again);
  EXPECT_EQ(a.expect<proto::Error>().code, proto::ErrorCode::UnexpectedPacket);
  // Still seated: the opponent arrives and the game starts.
  RawClient b(server.port(), game::Kind::Omok, 15);
  b.hello("late");
  a.expect<proto::MatchStart>();
  // And a ping is answered in any phase.
  proto::Ping ping;
  ping.nonce = 42;
  a.send(ping);
  EXPECT_EQ(+a.expect<proto::Pong>().nonce, 42u);
}

TEST(MatchServer, MalformedPacketGetsAnErrorAndADisconnectWhileOtherMatchesGoOn) {
  Server server({"--game", "omok"});
  Pair first(server, "a", "b");
  Pair second(server, "c", "d");
  first.play(Seat::Player1, "h8");
  // A header announcing a size no packet has.
  const std::uint8_t garbage[] = {0xff, 0x00, 0x01, 0x01, 0xde, 0xad, 0xbe, 0xef};
  first.player2.sendBytes(garbage);
  proto::Error e = first.player2.expect<proto::Error>();
  EXPECT_EQ(e.code, proto::ErrorCode::Malformed);
  EXPECT_TRUE(first.player2.closedByServer());
  // The other match is untouched.
  second.play(Seat::Player1, "h8");
  second.play(Seat::Player2, "g7");
  // The offender's opponent is told the seat is held for the grace period.
  proto::OpponentStatus s = first.player1.expect<proto::OpponentStatus>();
  EXPECT_EQ(s.state, proto::OpponentState::Disconnected);
  EXPECT_TRUE(server.logShows("protocol error"));
}

TEST(MatchServer, RandomBytesFromManyClientsNeitherCrashNorStallTheServer) {
  Server server({"--game", "omok"});
  Pair p(server);
  std::mt19937 random(20261123);
  for (int round = 0; round < 40; ++round) {
    RawClient noise(server.port(), game::Kind::Omok, 15);
    // A valid-looking header half the time, so the bytes reach the field checks too.
    std::vector<std::uint8_t> bytes(1 + random() % 300);
    for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
    if (round % 2 == 0) {
      const proto::Type types[] = {proto::Type::Hello, proto::Type::Move, proto::Type::DrawClaim, proto::Type::Ping};
      const proto::Type t = types[random() % 4];
      const auto size = static_cast<std::uint16_t>(proto::sizeOf(t));
      bytes.resize(std::max<std::size_t>(bytes.size(), size));
      std::memcpy(bytes.data(), &size, 2);
      std::memcpy(bytes.data() + 2, &t, 2);
    }
    noise.sendBytes(bytes);
    // Whatever it sent, the server answers within the protocol or hangs up.
    while (std::optional<proto::Packet> reply = noise.receive(300ms)) {
      EXPECT_TRUE(std::holds_alternative<proto::Error>(*reply) || std::holds_alternative<proto::Welcome>(*reply) ||
                  std::holds_alternative<proto::Pong>(*reply) || std::holds_alternative<proto::MatchStart>(*reply))
          << RawClient::describe(*reply);
    }
  }
  // The match that was playing all along is unharmed.
  p.play(Seat::Player1, "h8");
  p.play(Seat::Player2, "g7");
}

TEST(MatchServer, InvalidFieldIsMalformed) {
  Server server({"--game", "omok"});
  Pair p(server);
  p.player1.move(0, 15 * 15);  // off the 15x15 board: a protocol error, not an illegal move
  EXPECT_EQ(p.player1.expect<proto::Error>().code, proto::ErrorCode::Malformed);
  EXPECT_TRUE(p.player1.closedByServer());
}

TEST(MatchServer, DroppedPlayerReconnectsWithItsTokenAndResumes) {
  Server server({"--game", "omok", "--grace", "30"});
  Pair p(server);
  p.play(Seat::Player1, "h8");
  p.play(Seat::Player2, "h9");
  const proto::Token token = p.welcome1.reconnect;
  p.player1.close();
  proto::OpponentStatus away = p.player2.expect<proto::OpponentStatus>();
  EXPECT_EQ(away.state, proto::OpponentState::Disconnected);
  EXPECT_EQ(+away.graceSeconds, 30);

  RawClient back(server.port(), game::Kind::Omok, 15);
  proto::Welcome w = back.hello("alice", Seat::None, token);
  EXPECT_EQ(w.resumed, 1);
  EXPECT_EQ(w.seat, Seat::Player1);
  EXPECT_EQ(+w.matchId, +p.welcome1.matchId);
  back.expect<proto::MatchStart>();
  // The moves so far, in order, to rebuild the position.
  proto::MoveAccepted m1 = back.expect<proto::MoveAccepted>();
  proto::MoveAccepted m2 = back.expect<proto::MoveAccepted>();
  EXPECT_EQ(+m1.ply, 1);
  EXPECT_EQ(proto::text(m1.notation), "h8");
  EXPECT_EQ(+m2.ply, 2);
  EXPECT_EQ(proto::text(m2.notation), "h9");
  EXPECT_EQ(p.player2.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);

  // Play resumes where it was.
  back.move(0, point("g8"));
  EXPECT_EQ(+back.expect<proto::MoveAccepted>().ply, 3);
  EXPECT_EQ(+p.player2.expect<proto::MoveAccepted>().ply, 3);

  // The token is the seat's: a stranger's token is refused.
  RawClient stranger(server.port(), game::Kind::Omok, 15);
  proto::Hello h;
  h.reconnect.fill(7);
  proto::setText(h.name, "mallory");
  stranger.send(h);
  EXPECT_EQ(stranger.expect<proto::Error>().code, proto::ErrorCode::BadReconnectToken);
}

TEST(MatchServer, PlayerWhoDoesNotComeBackLosesAfterTheGracePeriod) {
  Server server({"--game", "omok", "--grace", "1"});
  Pair p(server);
  p.play(Seat::Player1, "h8");
  const proto::Token token = p.welcome2.reconnect;
  p.player2.close();
  EXPECT_EQ(+p.player1.expect<proto::OpponentStatus>().graceSeconds, 1);
  proto::GameOver over = p.player1.expect<proto::GameOver>(5s);
  EXPECT_EQ(over.result, game::Result::Player1Wins);
  EXPECT_EQ(over.reason, game::EndReason::OpponentLeft);
  EXPECT_TRUE(p.player1.closedByServer());
  // Too late: the seat is no longer held.
  RawClient late(server.port(), game::Kind::Omok, 15);
  proto::Hello h;
  h.reconnect = token;
  proto::setText(h.name, "bob");
  late.send(h);
  EXPECT_EQ(late.expect<proto::Error>().code, proto::ErrorCode::BadReconnectToken);
}

TEST(MatchServer, ResignationAndDrawAgreementEndTheGame) {
  Server server({"--game", "omok"});
  {
    Pair p(server);
    p.play(Seat::Player1, "h8");
    p.player2.send(proto::Resign{});
    for (RawClient* c : {&p.player1, &p.player2}) {
      proto::GameOver over = c->expect<proto::GameOver>();
      EXPECT_EQ(over.result, game::Result::Player1Wins);
      EXPECT_EQ(over.reason, game::EndReason::Resignation);
    }
  }
  Pair p(server);
  p.player1.send(proto::DrawAccept{});  // nothing was offered
  EXPECT_EQ(p.player1.expect<proto::Error>().code, proto::ErrorCode::NoDrawOffer);
  p.player1.send(proto::DrawOffer{});
  p.player2.expect<proto::DrawOffer>();
  p.player2.send(proto::DrawDecline{});
  p.player1.expect<proto::DrawDecline>();
  p.player1.send(proto::DrawOffer{});
  p.player2.expect<proto::DrawOffer>();
  p.player2.send(proto::DrawAccept{});
  for (RawClient* c : {&p.player1, &p.player2}) {
    proto::GameOver over = c->expect<proto::GameOver>();
    EXPECT_EQ(over.result, game::Result::Draw);
    EXPECT_EQ(over.reason, game::EndReason::Agreement);
  }
  p.player1.send(proto::DrawClaim{});  // nothing to claim in omok, and the game is over anyway
}

// A stop request tells every player (server-restarting, which does not
// close), ends no game, suspends the record without an end line for the
// next server, hangs up and exits 0.
void expectSuspendedOn(int signal) {
  Server server({"--game", "omok"});
  Pair p(server);
  p.play(Seat::Player1, "h8");
  RawClient waiting(server.port(), game::Kind::Omok, 15);
  waiting.hello("lonely");
  EXPECT_EQ(server.stop(signal), 0);
  for (RawClient* c : {&p.player1, &p.player2, &waiting}) {
    EXPECT_EQ(c->expect<proto::Error>().code, proto::ErrorCode::ServerRestarting);
    EXPECT_TRUE(c->closedByServer());  // and no game-over before it
  }
  auto r = server.onlyRecord();
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->result.has_value());
  EXPECT_FALSE(r->adjourned);
  EXPECT_EQ(r->moves.size(), 1u);
  ASSERT_FALSE(r->events.empty());
  EXPECT_EQ(r->events.back().what, "suspended");
  EXPECT_FALSE(r->resume[0].empty());
  EXPECT_NE(r->resume[0], r->resume[1]);
}

TEST(MatchServer, StopOnSigintSuspendsGamesTellsPlayersAndExitsZero) { expectSuspendedOn(SIGINT); }

// POSIX only: a Windows server has no SIGTERM (the Wine run leaves this out).
TEST(MatchServer, StopOnSigtermSuspendsGamesTellsPlayersAndExitsZero) { expectSuspendedOn(SIGTERM); }

TEST(MatchServer, MatchWhoseRecordCannotBeOpenedIsRefused) {
  TempDir dir;
  const auto blocker = dir.path() / "not-a-directory";
  { std::ofstream(blocker) << "a file where the record directory should be"; }
  Server server({"--game", "omok", "--log-dir", blocker.string()});
  RawClient a(server.port(), game::Kind::Omok, 15);
  RawClient b(server.port(), game::Kind::Omok, 15);
  a.hello("a");
  b.send([] {
    proto::Hello h;
    proto::setText(h.name, "b");
    return h;
  }());
  b.expect<proto::Welcome>();
  for (RawClient* c : {&a, &b}) {
    proto::Error e = c->expect<proto::Error>();
    EXPECT_EQ(e.code, proto::ErrorCode::ServerError);
    EXPECT_TRUE(c->closedByServer());
  }
}

TEST(MatchServer, SilentConnectionTimesOut) {
  Server server({"--game", "omok", "--hello-timeout", "1"});
  RawClient silent(server.port(), game::Kind::Omok, 15);
  RawClient polite(server.port(), game::Kind::Omok, 15);
  polite.hello("polite");
  EXPECT_EQ(silent.expect<proto::Error>(5s).code, proto::ErrorCode::Timeout);
  EXPECT_TRUE(silent.closedByServer());
  EXPECT_FALSE(polite.receive(500ms).has_value());  // the greeted one is left alone
}

TEST(MatchServer, QuietPlayerIsPingedAndDroppedWhenItDoesNotAnswer) {
  Server server({"--game", "omok", "--ping-interval", "1", "--grace", "30"});
  Pair p(server);
  // White answers every ping, at once, until it hears that black is gone.
  std::optional<proto::OpponentStatus> heard;
  std::thread white([&] {
    while (std::optional<proto::Packet> packet = p.player2.receive(10s)) {
      if (const auto* ping = std::get_if<proto::Ping>(&*packet)) {
        p.player2.send(proto::Pong{{}, ping->nonce, ping->sentAtMs});
      } else if (const auto* status = std::get_if<proto::OpponentStatus>(&*packet)) {
        heard = *status;
        return;
      } else {
        ADD_FAILURE() << "white got " << RawClient::describe(*packet);
        return;
      }
    }
  });
  // Black never answers.
  p.player1.expect<proto::Ping>(3s);
  EXPECT_EQ(p.player1.expect<proto::Error>(3s).code, proto::ErrorCode::Timeout);
  EXPECT_TRUE(p.player1.closedByServer());
  white.join();
  ASSERT_TRUE(heard.has_value());
  EXPECT_EQ(heard->state, proto::OpponentState::Disconnected);
  EXPECT_TRUE(server.logShows("no pong in time"));
}

TEST(MatchServer, PortInUseIsAClearErrorAndExitStatus1) {
  Server first({"--game", "chess"});
  TempDir dir;
  Process second(GAME_SERVER_PATH,
                 {"--game", "chess", "--host", "127.0.0.1", "--port", std::to_string(first.port()), "--log-dir",
                  (dir.path() / "records").string()},
                 dir.path() / "stderr");
  EXPECT_EQ(second.wait(10s), 1);
  EXPECT_EQ(second.readAll(1s), "");  // no "listening on" line
  std::ifstream err(dir.path() / "stderr");
  std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find("in use"), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(first.port())), std::string::npos) << message;
}

TEST(MatchServer, BadCommandLineIsRefused) {
  TempDir dir;
  Process server(GAME_SERVER_PATH, {"--game", "chess", "--rule", "renju", "--port", "0"}, dir.path() / "stderr");
  EXPECT_EQ(server.wait(10s), 1);
  std::ifstream err(dir.path() / "stderr");
  std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find("renju"), std::string::npos) << message;
}

}  // namespace
}  // namespace servertest
