// Games outlive the server: killed (SIGKILL) or stopped (SIGINT, SIGTERM),
// a game_server restarted on the same port and record directory restores
// every unfinished game, its players come back with the tokens they hold,
// and the game goes on as one continuous record. Raw clients here; the bots
// and engines over a restart are in bot_restart_test.cpp.
#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "shared/record/reader.h"
#include "tests/reliability/server_process.h"

namespace servertest {
namespace {

using game::Seat;

// A player coming back to a restarted server with its token: the welcome
// must resume the same match, and the game so far arrive again.
struct Returning {
  RawClient client;
  proto::Welcome welcome;

  Returning(std::uint16_t port, const proto::Welcome& before, std::string_view name, int moves)
      : client(port, game::Kind::Omok, 15), welcome(client.hello(name, Seat::None, before.reconnect)) {
    EXPECT_EQ(welcome.resumed, 1);
    EXPECT_EQ(+welcome.matchId, +before.matchId);  // +: copies, packed fields must not be bound to references
    EXPECT_EQ(welcome.seat, before.seat);
    client.expect<proto::MatchStart>();
    for (int ply = 1; ply <= moves; ++ply) EXPECT_EQ(+client.expect<proto::MoveAccepted>().ply, ply);
  }
};

// The game so far: points that never make five whatever the order, then a
// five for black on row 8 (a8..e8, white answering on row 1).
constexpr const char* kOpening[] = {"a8", "a1", "b8", "c1"};
constexpr const char* kFinish[] = {"c8", "e1", "d8", "g1", "e8"};

record::Record onlyRecordIn(const std::filesystem::path& dir) {
  const auto files = recordsIn(dir);
  if (files.size() != 1) {
    ADD_FAILURE() << files.size() << " records in " << dir;
    return {};
  }
  auto loaded = record::readFile(files[0]);
  if (const auto* error = std::get_if<record::LoadError>(&loaded)) {
    ADD_FAILURE() << files[0] << ": " << error->describe() << "\n" << contentsOf(files[0]);
    return {};
  }
  return std::move(std::get<record::Record>(loaded));
}

// Plies 1..N once each, as the reader keeps them: no duplicate, no gap.
void expectContinuous(const record::Record& r, std::size_t plies) {
  ASSERT_EQ(r.moves.size(), plies);
  for (std::size_t i = 0; i < plies; ++i) EXPECT_EQ(r.moves[i].ply, static_cast<int>(i + 1));
}

int countEvents(const record::Record& r, std::string_view what) {
  return static_cast<int>(std::count_if(r.events.begin(), r.events.end(), [&](const auto& e) { return e.what == what; }));
}

// A game an earlier server left behind: a first server on a free port, a
// match in which black played a8, then SIGKILL. What the server after needs:
// the port and the players' welcomes (their tokens).
struct LeftBehind {
  std::uint16_t port = 0;
  proto::Welcome player1, player2;
};

LeftBehind killedAfterBlacksFirstMove(const TempDir& work, const std::filesystem::path& records) {
  KillableServer first("omok", records, work.path() / "first.log");
  LeftBehind left{first.port(), {}, {}};
  if (left.port == 0) return left;
  Pair p(left.port, game::Kind::Omok, "ann", "ben");
  left.player1 = p.welcome1;
  left.player2 = p.welcome2;
  p.play(Seat::Player1, "a8");
  first.kill();
  return left;
}

// Kills or stops `server` mid-game, restarts one on the same port and
// directory, brings both players back and finishes the game by the rules.
void restartMidGame(int signal) {
  TempDir work;
  const auto records = work.path() / "records";
  std::uint16_t port = 0;
  proto::Welcome before1, before2;
  {
    KillableServer first("omok", records, work.path() / "first.log");
    ASSERT_NE(port = first.port(), 0);
    Pair p(port, game::Kind::Omok, "ann", "ben");
    before1 = p.welcome1;
    before2 = p.welcome2;
    for (std::size_t i = 0; i < std::size(kOpening); ++i) p.play(i % 2 == 0 ? Seat::Player1 : Seat::Player2, kOpening[i]);
    if (signal == SIGKILL) {
      first.kill();
    } else {
      EXPECT_EQ(first.stop(signal), 0);
      for (RawClient* c : {&p.player1, &p.player2}) {
        EXPECT_EQ(c->expect<proto::Error>().code, proto::ErrorCode::ServerRestarting);
        EXPECT_TRUE(c->closedByServer());  // no game-over: the game is not over
      }
    }
  }
  KillableServer second("omok", records, work.path() / "second.log", {}, port);
  ASSERT_EQ(second.port(), port);
  EXPECT_TRUE(second.logShows("match 1 restored")) << second.log();

  Returning ann(port, before1, "ann", std::size(kOpening));
  const auto away = ann.client.expect<proto::OpponentStatus>();
  EXPECT_EQ(away.state, proto::OpponentState::Disconnected);
  EXPECT_GT(+away.graceSeconds, 100);  // the resume grace, 120 s by default
  Returning ben(port, before2, "ben", std::size(kOpening));
  EXPECT_EQ(ann.client.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);

  for (std::size_t i = 0; i < std::size(kFinish); ++i) {
    RawClient& mover = i % 2 == 0 ? ann.client : ben.client;
    mover.move(0, point(kFinish[i]));
    for (RawClient* c : {&ann.client, &ben.client})
      EXPECT_EQ(+c->expect<proto::MoveAccepted>().ply, static_cast<int>(std::size(kOpening) + i + 1));
  }
  for (RawClient* c : {&ann.client, &ben.client}) {
    const auto over = c->expect<proto::GameOver>();
    EXPECT_EQ(over.result, game::Result::Player1Wins);
    EXPECT_EQ(over.reason, game::EndReason::FiveInARow);
  }
  EXPECT_EQ(second.stop(), 0);

  const record::Record r = onlyRecordIn(records);
  expectContinuous(r, std::size(kOpening) + std::size(kFinish));
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->reason, game::EndReason::FiveInARow);
  EXPECT_EQ(countEvents(r, "resumed"), 1);
  EXPECT_EQ(countEvents(r, "suspended"), signal == SIGKILL ? 0 : 1);
  // game_replay shows the gap.
  Process replay(GAME_REPLAY_PATH, {recordsIn(records)[0].string()}, work.path() / "replay.err");
  const std::string shown = replay.readAll(20s);
  EXPECT_EQ(replay.wait(20s), 0) << contentsOf(work.path() / "replay.err");
  EXPECT_NE(shown.find("the server restarted after ply 4"), std::string::npos) << shown;
  // The record never holds a token, only its digest.
  const std::string bytes = contentsOf(recordsIn(records)[0]);
  for (const proto::Token& t : {before1.reconnect, before2.reconnect}) {
    std::string hexToken;
    for (std::uint8_t b : t) hexToken += "0123456789abcdef"[b >> 4], hexToken += "0123456789abcdef"[b & 15];
    EXPECT_EQ(bytes.find(hexToken), std::string::npos);
  }
}

TEST(Restart, AfterSigkillBothPlayersComeBackAndTheGameEndsByTheRules) { restartMidGame(SIGKILL); }
TEST(Restart, AfterSigintBothPlayersComeBackAndTheGameEndsByTheRules) { restartMidGame(SIGINT); }
// POSIX only: a Windows server has no SIGTERM (the Wine run leaves this out).
TEST(Restart, AfterSigtermBothPlayersComeBackAndTheGameEndsByTheRules) { restartMidGame(SIGTERM); }

// A take-back asked for before a stop is still pending after it, and the
// clocks stood still while the server was away and until both were back.
TEST(Restart, APendingTakebackAndTheClocksSurviveAStop) {
  TempDir work;
  const auto records = work.path() / "records";
  const std::vector<std::string> timed{"--time", "1+0", "--rule", "freestyle"};
  std::uint16_t port = 0;
  proto::Welcome before1, before2;
  {
    KillableServer first("omok", records, work.path() / "first.log", timed);
    ASSERT_NE(port = first.port(), 0);
    Pair p(port, game::Kind::Omok, "ann", "ben");
    p.player1.expect<proto::ClockSync>();
    p.player2.expect<proto::ClockSync>();
    before1 = p.welcome1;
    before2 = p.welcome2;
    p.play(Seat::Player1, "a8");
    p.play(Seat::Player2, "a1");
    p.player2.send(proto::TakebackRequest{});
    p.player1.expect<proto::TakebackRequest>();
    EXPECT_EQ(first.stop(), 0);
  }
  const record::Record suspended = onlyRecordIn(records);
  ASSERT_TRUE(suspended.clocks.has_value());
  EXPECT_EQ(suspended.takebackBy, Seat::Player2);
  const auto clocks = *suspended.clocks;

  KillableServer second("omok", records, work.path() / "second.log", timed, port);
  ASSERT_EQ(second.port(), port);
  Returning ann(port, before1, "ann", 2);
  ann.client.expect<proto::TakebackRequest>();  // ben's, still waiting for an answer
  EXPECT_EQ(proto::fromWire(ann.client.expect<proto::ClockSync>().clocks), clocks);
  EXPECT_EQ(ann.client.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // nobody's time runs meanwhile
  Returning ben(port, before2, "ben", 2);
  EXPECT_EQ(proto::fromWire(ben.client.expect<proto::ClockSync>().clocks), clocks);
  EXPECT_EQ(ann.client.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  // Both back: the running side's time starts again, from where it stood.
  for (RawClient* c : {&ann.client, &ben.client}) {
    const auto sync = c->expect<proto::ClockSync>();
    EXPECT_EQ(proto::fromWire(sync.clocks), clocks);
    EXPECT_EQ(sync.running, Seat::Player1);
  }
  ann.client.send(proto::TakebackAccept{});
  for (RawClient* c : {&ann.client, &ben.client}) {
    const auto t = c->expect<proto::TakenBack>();
    EXPECT_EQ(+t.moves, 1);
    EXPECT_EQ(t.by, Seat::Player2);
  }
  EXPECT_EQ(second.stop(), 0);
  const record::Record r = onlyRecordIn(records);
  expectContinuous(r, 1);
  ASSERT_EQ(r.takebacks.size(), 1u);
  EXPECT_FALSE(r.result.has_value());
  EXPECT_EQ(countEvents(r, "suspended"), 2);  // the second stop suspends the game again
  EXPECT_EQ(countEvents(r, "resumed"), 1);
}

// --drain-seconds: a stop request lets the games go on, so one about to end
// ends by the rules; the server exits as soon as no game is left, not after
// the whole drain.
TEST(Restart, DrainingLetsAGameFinishAndTheServerExitsWhenItHas) {
  TempDir work;
  KillableServer server("omok", work.path() / "records", work.path() / "server.log", {"--drain-seconds", "60"});
  ASSERT_NE(server.port(), 0);
  Pair p(server.port(), game::Kind::Omok, "ann", "ben");
  for (std::size_t i = 0; i < std::size(kOpening); ++i) p.play(i % 2 == 0 ? Seat::Player1 : Seat::Player2, kOpening[i]);
  server.signal(SIGINT);
  for (RawClient* c : {&p.player1, &p.player2})
    EXPECT_EQ(c->expect<proto::Error>().code, proto::ErrorCode::ServerRestarting);
  // The port is let go at once: a newcomer is refused, and the next server may take it.
  std::error_code refused;
  EXPECT_FALSE(net::connectTcp("127.0.0.1", server.port(), 1s, refused));
  EXPECT_EQ(refused, std::errc::connection_refused) << refused.message();
  for (std::size_t i = 0; i < std::size(kFinish); ++i)
    p.play(i % 2 == 0 ? Seat::Player1 : Seat::Player2, kFinish[i]);
  for (RawClient* c : {&p.player1, &p.player2}) EXPECT_EQ(c->expect<proto::GameOver>().reason, game::EndReason::FiveInARow);
  EXPECT_EQ(server.wait(10s), 0) << server.log();
  const record::Record r = onlyRecordIn(work.path() / "records");
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->reason, game::EndReason::FiveInARow);
  EXPECT_EQ(countEvents(r, "suspended"), 0);
}

// A second stop request ends the drain at once: the game is suspended.
TEST(Restart, ASecondStopRequestEndsTheDrainAtOnce) {
  TempDir work;
  KillableServer server("omok", work.path() / "records", work.path() / "server.log", {"--drain-seconds", "60"});
  ASSERT_NE(server.port(), 0);
  Pair p(server.port(), game::Kind::Omok, "ann", "ben");
  p.play(Seat::Player1, "a8");
  server.signal(SIGINT);
  EXPECT_EQ(p.player1.expect<proto::Error>().code, proto::ErrorCode::ServerRestarting);
  EXPECT_FALSE(server.wait(500ms).has_value());  // draining: the game may go on
  server.signal(SIGINT);
  EXPECT_EQ(server.wait(5s), 0) << server.log();
  EXPECT_TRUE(server.logShows("stopped at once")) << server.log();
  const record::Record r = onlyRecordIn(work.path() / "records");
  EXPECT_FALSE(r.result.has_value());
  EXPECT_EQ(countEvents(r, "suspended"), 1);
}

// One player comes back, the other never does: after --resume-grace the
// absent one loses by opponent-left, as after a dropped connection.
TEST(Restart, APlayerWhoNeverComesBackLosesAfterTheResumeGrace) {
  TempDir work;
  const auto records = work.path() / "records";
  const LeftBehind left = killedAfterBlacksFirstMove(work, records);
  ASSERT_NE(left.port, 0);
  const std::uint16_t port = left.port;
  KillableServer second("omok", records, work.path() / "second.log", {"--resume-grace", "1"}, port);
  Returning ben(port, left.player2, "ben", 1);
  EXPECT_EQ(ben.client.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);
  const auto over = ben.client.expect<proto::GameOver>(3s);
  EXPECT_EQ(over.result, game::Result::Player2Wins);
  EXPECT_EQ(over.reason, game::EndReason::OpponentLeft);
  EXPECT_EQ(second.stop(), 0);
  const record::Record r = onlyRecordIn(records);
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->reason, game::EndReason::OpponentLeft);
}

// Nobody comes back: the game is adjourned, not decided, and the next start
// resumes it again.
TEST(Restart, NobodyBackAdjournsTheGameAndALaterStartResumesIt) {
  TempDir work;
  const auto records = work.path() / "records";
  const LeftBehind left = killedAfterBlacksFirstMove(work, records);
  ASSERT_NE(left.port, 0);
  const std::uint16_t port = left.port;
  {
    KillableServer second("omok", records, work.path() / "second.log", {"--resume-grace", "1"}, port);
    EXPECT_TRUE(second.logShows("match 1 adjourned", 4s)) << second.log();
    EXPECT_EQ(second.stop(), 0);
  }
  const record::Record adjourned = onlyRecordIn(records);
  EXPECT_TRUE(adjourned.adjourned);
  EXPECT_FALSE(adjourned.result.has_value());

  KillableServer third("omok", records, work.path() / "third.log", {}, port);
  Returning ann(port, left.player1, "ann", 1);
  ann.client.expect<proto::OpponentStatus>();
  Returning ben(port, left.player2, "ben", 1);
  ben.client.send(proto::Resign{});
  EXPECT_EQ(ann.client.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  EXPECT_EQ(ann.client.expect<proto::GameOver>().reason, game::EndReason::Resignation);
  EXPECT_EQ(third.stop(), 0);
  const record::Record r = onlyRecordIn(records);
  expectContinuous(r, 1);
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->reason, game::EndReason::Resignation);
  EXPECT_EQ(countEvents(r, "resumed"), 2);
}

// A spectator (game_bot --watch) watches the same match again after a
// restart by itself, and sees every move once and the result.
TEST(Restart, ASpectatorWatchesTheSameMatchAgain) {
  TempDir work;
  const auto records = work.path() / "records";
  std::optional<KillableServer> first(std::in_place, "omok", records, work.path() / "first.log");
  const std::uint16_t port = first->port();
  ASSERT_NE(port, 0);
  Pair p(port, game::Kind::Omok, "ann", "ben");
  Process spectator(GAME_BOT_PATH,
                    {"--port", std::to_string(port), "--watch", std::to_string(p.welcome1.matchId), "--name", "cy",
                     "--retry-seconds", "30", "--timeout", "60"},
                    work.path() / "spectator.err");
  p.player1.expect<proto::Spectators>();
  p.player2.expect<proto::Spectators>();
  // The spectator has read its replay of the match before the server goes:
  // one that never saw the game start comes back as a first connection, not
  // as a reconnection (seen under ASan, where it reads slowly).
  std::string out;
  while (out.find("match: ann vs ben") == std::string::npos) {
    const auto line = spectator.readLine(10s);
    ASSERT_TRUE(line.has_value()) << out << contentsOf(work.path() / "spectator.err");
    out += *line + "\n";
  }
  p.play(Seat::Player1, "a8");
  first->kill();
  first.reset();
  KillableServer second("omok", records, work.path() / "second.log", {}, port);
  Returning ann(port, p.welcome1, "ann", 1);
  ann.client.expect<proto::OpponentStatus>();
  Returning ben(port, p.welcome2, "ben", 1);
  EXPECT_EQ(ann.client.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  // Within its retries' bound: the pauses between them grow to 4 s, and a
  // server under Wine on a busy machine may take seconds to listen again.
  ASSERT_TRUE(second.logShows("cy watches", 30s)) << second.log();
  ben.client.send(proto::Resign{});
  out += spectator.readAll(30s);
  EXPECT_EQ(spectator.wait(10s), 0) << out << contentsOf(work.path() / "spectator.err");
  EXPECT_NE(out.find("reconnected after"), std::string::npos) << out;
  ASSERT_NE(out.find("1. a8"), std::string::npos) << out;
  EXPECT_EQ(out.find("1. a8"), out.rfind("1. a8")) << "a move shown twice:\n" << out;
  EXPECT_NE(out.find("result: player1 resignation after 1 moves"), std::string::npos) << out;
}

// A start on a directory with bad records names each one and why, leaves it
// as it was, and resumes the good ones; a record whose last line a crash cut
// is good (the cut line goes).
TEST(Restart, BadRecordsAreNamedAndLeftAloneAndTheGoodOnesResume) {
  TempDir work;
  const auto records = work.path() / "records";
  const LeftBehind left = killedAfterBlacksFirstMove(work, records);
  ASSERT_NE(left.port, 0);
  const std::uint16_t port = left.port;
  const auto good = recordsIn(records).at(0);
  std::string start;
  std::getline(std::ifstream(good) >> std::ws, start);
  { std::ofstream(good, std::ios::app) << R"({"notation":"b1","ply":2,"se)"; }  // cut by the crash
  const std::map<std::string, std::string> bad{
      {"2026-01-01T00-00-00Z_m000900.jsonl", "not json at all\n"},
      {"2026-01-01T00-00-01Z_m000901.jsonl", start + "\n" + R"({"notation":"z99","ply":1,"seat":1,"time":"2026-01-01T00:00:01.000Z","type":"move"})" + "\n"},
      {"2026-01-01T00-00-02Z_m000902.jsonl", ""},
  };
  for (const auto& [name, text] : bad) std::ofstream(records / name) << text;

  KillableServer second("omok", records, work.path() / "second.log", {}, port);
  ASSERT_EQ(second.port(), port);
  EXPECT_TRUE(second.logShows("recovery: 1 unfinished matches found, 3 records left as they are")) << second.log();
  EXPECT_TRUE(second.logShows("m000900.jsonl: line 1: not a JSON object")) << second.log();
  EXPECT_TRUE(second.logShows("m000901.jsonl: line 2: illegal move 'z99'")) << second.log();
  EXPECT_TRUE(second.logShows("m000902.jsonl: the record is empty")) << second.log();
  for (const auto& [name, text] : bad) EXPECT_EQ(contentsOf(records / name), text) << name << " was touched";

  Returning ann(port, left.player1, "ann", 1);
  ann.client.send(proto::Resign{});
  ann.client.expect<proto::OpponentStatus>();
  EXPECT_EQ(ann.client.expect<proto::GameOver>().reason, game::EndReason::Resignation);
  // A new match is numbered above every recorded one.
  Pair fresh(port, game::Kind::Omok, "cy", "di");
  EXPECT_EQ(+fresh.welcome1.matchId, 903);
  EXPECT_EQ(second.stop(), 0);
  auto loaded = record::readFile(good);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
  EXPECT_EQ(std::get<record::Record>(loaded).result->reason, game::EndReason::Resignation);
}

}  // namespace
}  // namespace servertest
