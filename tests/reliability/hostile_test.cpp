// Hostile clients against a real server (docs/RELIABILITY.md): impossible
// headers, a body that never comes, a sender of one byte a second, a
// thousand connections opened and dropped at once, a flood of moves. For
// each: the offender gets its error and is let go where the protocol says
// so, a match beside it plays on with moves answered promptly, the memory
// comes back, and the records stay complete.
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "shared/record/reader.h"
#include "tests/reliability/beside.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;
using Clock = std::chrono::steady_clock;

// Plays `coordinate` and checks the round trip to the opponent is prompt.
void playPromptly(Pair& p, Seat seat, std::string_view coordinate) {
  const auto start = Clock::now();
  p.play(seat, coordinate);
  EXPECT_LT(Clock::now() - start, kPrompt) << "a move beside the attack took too long";
}

// How many connections the server's log says it let go.
std::size_t disconnects(const std::string& log) {
  std::size_t n = 0;
  for (std::size_t at = log.find(" disconnected"); at != std::string::npos; at = log.find(" disconnected", at + 1)) ++n;
  return n;
}

void expectCompleteRecord(const Server& server, std::size_t moves) {
  const std::optional<record::Record> loaded = server.onlyRecord();
  ASSERT_TRUE(loaded);
  const record::Record& r = *loaded;
  EXPECT_EQ(r.moves.size(), moves);
  EXPECT_TRUE(r.result.has_value()) << "the record has no end line";
}

TEST(Hostile, HeadersClaimingImpossibleSizesAreRefusedOnTheirFourBytes) {
  Server server({"--game", "omok"});
  Pair p(server);
  const std::uint16_t sizes[] = {0, 3, 65535};
  for (const std::uint16_t size : sizes) {
    RawClient attacker(server.port(), game::Kind::Omok, 15);
    attacker.sendBytes(header(size, proto::Type::Hello));  // nothing after the header
    expectError(attacker, proto::ErrorCode::Malformed);
    EXPECT_TRUE(attacker.closedByServer()) << "size " << size;
  }
  playPromptly(p, Seat::Player1, "h8");
}

TEST(Hostile, ABodyThatNeverComesIsTimedOutAndOthersPlayOn) {
  Server server({"--game", "omok", "--hello-timeout", "1"});
  Pair p(server);
  RawClient attacker(server.port(), game::Kind::Omok, 15);
  const auto h = header(sizeof(proto::Hello), proto::Type::Hello);
  std::vector<std::uint8_t> part(h.begin(), h.end());
  part.resize(14, 0);  // ten bytes of the body, then silence
  attacker.sendBytes(part);
  playPromptly(p, Seat::Player1, "h8");
  expectError(attacker, proto::ErrorCode::Timeout);
  EXPECT_TRUE(attacker.closedByServer());
  playPromptly(p, Seat::Player2, "h9");
}

TEST(Hostile, ASenderOfOneByteASecondIsTimedOutAndOthersPlayOn) {
  Server server({"--game", "omok", "--hello-timeout", "2"});
  Pair p(server);
  RawClient attacker(server.port(), game::Kind::Omok, 15);
  proto::Hello hello;
  proto::setText(hello.name, "sloth");
  const auto bytes = proto::encode(hello);
  const char* moves[] = {"h8", "h9", "i8"};
  for (std::size_t i = 0; i < 3; ++i) {
    attacker.sendBytes(std::span(bytes).subspan(i, 1));
    playPromptly(p, i % 2 == 0 ? Seat::Player1 : Seat::Player2, moves[i]);
    std::this_thread::sleep_for(1s);
  }
  expectError(attacker, proto::ErrorCode::Timeout);
  EXPECT_TRUE(attacker.closedByServer());
}

TEST(Hostile, AThousandConnectionsOpenedAndDroppedAtOnceLeaveNothingBehind) {
  // The test process and the server it starts need more than the usual 1024 descriptors.
  rlimit files{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
  if (files.rlim_max != RLIM_INFINITY && files.rlim_max < 1200) GTEST_SKIP() << "open-file limit below 1200";
  files.rlim_cur = files.rlim_max == RLIM_INFINITY ? 4096 : std::min<rlim_t>(files.rlim_max, 4096);
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &files), 0);

  Server server({"--game", "omok"});
  Pair p(server);
  playPromptly(p, Seat::Player1, "h8");
  const long before = server.residentKiB();
  // A burst of a thousand, dropped at once without a word; returns once the
  // server has let every one of them go.
  std::size_t dropped = 0;
  auto burst = [&] {
    std::vector<std::unique_ptr<RawClient>> crowd;
    for (int i = 0; i < 1000; ++i) crowd.push_back(std::make_unique<RawClient>(server.port(), game::Kind::Omok, 15));
    crowd.clear();
    dropped += 1000;
    const auto deadline = Clock::now() + 20s;
    while (disconnects(server.log()) < dropped && Clock::now() < deadline) std::this_thread::sleep_for(50ms);
    EXPECT_GE(disconnects(server.log()), dropped) << "the server did not let every connection go";
  };
  std::vector<long> after;
  const char* moves[] = {"h9", "i8", "i9", "j8", "j9", "k8"};
  for (int i = 0; i < 6; ++i) {
    burst();
    playPromptly(p, i % 2 == 0 ? Seat::Player2 : Seat::Player1, moves[i]);
    after.push_back(server.residentKiB());
  }
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  // Sanitizer runtimes hold freed memory back on purpose (quarantine, shadow).
  (void)before;
#else
  ASSERT_GT(before, 0);
  // The allocator keeps a high-water mark (it does not hand freed memory
  // back at once), which moves with how many of a burst's connections the
  // server holds at the same moment, so single figures wander by a MiB or
  // two. What must not happen is memory piling up burst after burst: when
  // the hello timer still held each dropped connection, every burst of a
  // thousand added about 3 MiB (kept for the whole hello timeout), 9 MiB
  // over the last three bursts.
  std::string figures;
  for (const long kib : after) figures += " " + std::to_string(kib);
  EXPECT_LE(after[5], after[2] + 4096) << "KiB before " << before << ", after each burst" << figures;
  EXPECT_LE(after[0], before + 16 * 1024) << "KiB before " << before;
#endif
  p.player2.send(proto::Resign{});
  p.player2.expect<proto::GameOver>();
  EXPECT_EQ(server.stop(), 0);
  expectCompleteRecord(server, 7);
}

// What a flooder hears: the answers it earned, then `rate-limited` once per
// strike, then `flooding` and the end of the connection.
void expectCutOff(RawClient& flooder, int strikes = 10) {
  for (int i = 0; i < strikes; ++i) {
    const proto::Error e = flooder.expect<proto::Error>();
    ASSERT_EQ(e.code, proto::ErrorCode::RateLimited) << "strike " << i << ": " << proto::text(e.text);
  }
  expectError(flooder, proto::ErrorCode::Flooding);
  EXPECT_TRUE(flooder.closedByServer());
}

// Log lines the server wrote about one connection (its "ip:port").
std::size_t linesAbout(const std::string& log, const std::string& peer) {
  std::size_t n = 0;
  for (std::size_t at = log.find(" " + peer + " "); at != std::string::npos; at = log.find(" " + peer + " ", at + 1))
    ++n;
  return n;
}

TEST(Hostile, AFloodOfMovesIsCutOffAndTheGameGoesOn) {
  Server server({"--game", "omok"});
  Pair p(server);
  Beside beside(server);
  p.play(Seat::Player1, "h8");
  // White floods: two hundred moves, a taken point and its own legal a1,
  // then out of turn, all in one burst.
  std::vector<std::uint8_t> flood;
  for (int i = 0; i < 200; ++i) proto::append(flood, proto::Move{{}, {0, point(i % 2 == 0 ? "h8" : "a1"), {}}});
  p.player2.sendBytes(flood);
  beside.move();
  // The first a1 is played; ten refusals are answered, then the strikes.
  int rejected = 0;
  for (int i = 0; i < 11; ++i) {
    std::optional<proto::Packet> answer = p.player2.receive();
    ASSERT_TRUE(answer) << "answer " << i << " missing";
    if (std::holds_alternative<proto::MoveRejected>(*answer)) ++rejected;
    if (const auto* a = std::get_if<proto::MoveAccepted>(&*answer)) {
      EXPECT_EQ(+a->ply, 2);
    }
  }
  EXPECT_EQ(rejected, 10);
  expectCutOff(p.player2);
  beside.move();
  // Black heard of the one move and of white's going; white comes back with
  // its token and the game goes on.
  EXPECT_EQ(+p.player1.expect<proto::MoveAccepted>().ply, 2);
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);
  RawClient back(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(back.hello("bob", Seat::None, p.welcome2.reconnect).resumed, 1);
  back.expect<proto::MatchStart>();
  for (int ply = 1; ply <= 2; ++ply) EXPECT_EQ(+back.expect<proto::MoveAccepted>().ply, ply);
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  p.player1.move(0, point("i8"));
  EXPECT_EQ(+p.player1.expect<proto::MoveAccepted>().ply, 3);
  EXPECT_EQ(+back.expect<proto::MoveAccepted>().ply, 3);
  back.send(proto::Resign{});
  back.expect<proto::GameOver>();
  beside.move();
  EXPECT_EQ(server.stop(), 0);
  ASSERT_EQ(server.records().size(), 2u);
  // The flooded game ended by resignation; the one beside it was suspended by the stop.
  std::vector<std::string> endings;
  for (const auto& file : server.records()) {
    auto loaded = record::readFile(file);
    ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
    const auto& result = std::get<record::Record>(loaded).result;
    endings.emplace_back(result ? game::name(result->reason) : "suspended");
  }
  std::sort(endings.begin(), endings.end());
  EXPECT_EQ(endings, (std::vector<std::string>{"resignation", "suspended"}));
}

TEST(Hostile, AHundredThousandDrawOffersAreOneOfferAndASmallRecord) {
  Server server({"--game", "omok"});
  Pair p(server);
  Beside beside(server);
  p.play(Seat::Player1, "h8");
  std::vector<std::uint8_t> flood;
  for (int i = 0; i < 100'000; ++i) proto::append(flood, proto::DrawOffer{});
  ASSERT_EQ(flood.size(), 400'000u);
  std::thread sender([&] { p.player2.sendBytes(flood); });  // the server stops reading it: send from aside
  beside.move();
  // The first is relayed; two more fit the offers' budget and are refused
  // (one is pending already); the rest are strikes.
  for (int i = 0; i < 2; ++i) expectError(p.player2, proto::ErrorCode::UnexpectedPacket);
  expectCutOff(p.player2);
  sender.join();
  beside.move();
  p.player1.expect<proto::DrawOffer>();
  EXPECT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);
  p.player1.send(proto::Resign{});
  p.player1.expect<proto::GameOver>();
  beside.move();
  EXPECT_EQ(server.stop(), 0);

  const std::string log = server.log();
  const std::string peer = [&] {
    const std::size_t at = log.find(" match 1: bob takes player2");
    const std::size_t start = log.rfind(' ', at - 1) + 1;
    return log.substr(start, at - start);
  }();
  EXPECT_LE(linesAbout(log, peer), 24u) << "the flooder's log lines are not bounded:\n" << log;
  std::optional<std::filesystem::path> flooded;
  for (const auto& file : server.records())
    if (file.filename().string().find("_m000001") != std::string::npos) flooded = file;
  ASSERT_TRUE(flooded);
  const auto bytes = std::filesystem::file_size(*flooded);
  std::printf("[ record   ] %ju bytes after 100,000 draw offers\n", static_cast<std::uintmax_t>(bytes));
  EXPECT_LT(bytes, 64u * 1024);
  auto loaded = record::readFile(*flooded);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
  const record::Record& r = std::get<record::Record>(loaded);
  EXPECT_EQ(std::count_if(r.events.begin(), r.events.end(), [](const auto& e) { return e.what == "draw-offer"; }), 1);
  EXPECT_TRUE(r.result.has_value());
}

// Rematches make matches and records: a flood of offers is one offer, and a
// pair that rematches as fast as it can makes at most one match a rematch
// offer's budget allows (3 a minute per connection) past the first.
TEST(Hostile, RematchFloodsAreOneOfferAndRematchesAreBounded) {
  Server server({"--game", "omok"});
  Beside beside(server);
  {
    Pair p(server);
    p.player1.send(proto::Resign{});
    p.player1.expect<proto::GameOver>();
    p.player2.expect<proto::GameOver>();
    std::vector<std::uint8_t> flood;
    for (int i = 0; i < 10'000; ++i) proto::append(flood, proto::RematchOffer{});
    std::thread sender([&] { p.player2.sendBytes(flood); });
    beside.move();
    // The first is relayed; two more fit the budget and are refused (one is pending); the rest are strikes.
    for (int i = 0; i < 2; ++i) expectError(p.player2, proto::ErrorCode::RematchRefused);
    expectCutOff(p.player2);
    sender.join();
    p.player1.expect<proto::RematchOffer>();
    p.player1.expect<proto::RematchDecline>();  // the flooder is gone: no rematch
    EXPECT_TRUE(p.player1.closedByServer());
    beside.move();
  }
  {
    Pair p(server, "ann", "ben");
    RawClient* seat[] = {&p.player1, &p.player2};  // the seats exchange with every rematch
    int games = 1;
    for (;; ++games) {
      SCOPED_TRACE("game " + std::to_string(games));
      seat[0]->send(proto::Resign{});
      seat[0]->expect<proto::GameOver>();
      seat[1]->expect<proto::GameOver>();
      // Each connection offers once a game, by turns: the ping after an offer
      // says whether the offer was taken (its answer comes after the offer's).
      seat[0]->send(proto::RematchOffer{});
      seat[0]->send(proto::Ping{});
      const std::optional<proto::Packet> answer = seat[0]->receive();
      ASSERT_TRUE(answer.has_value());
      if (const auto* error = std::get_if<proto::Error>(&*answer)) {
        EXPECT_EQ(error->code, proto::ErrorCode::RateLimited) << proto::text(error->text);
        EXPECT_NE(proto::text(error->text).find("at most 3 rematch offers in 60 s"), std::string_view::npos);
        break;
      }
      ASSERT_TRUE(std::holds_alternative<proto::Pong>(*answer)) << RawClient::describe(*answer);
      seat[1]->expect<proto::RematchOffer>();
      seat[1]->send(proto::RematchOffer{});
      seat[1]->expect<proto::Welcome>();
      seat[0]->expect<proto::Welcome>();
      for (RawClient* c : seat) c->expect<proto::MatchStart>();
      std::swap(seat[0], seat[1]);
      beside.move();
    }
    EXPECT_EQ(games, 4);  // the first game and three rematches, within a minute
  }
  beside.move();
  ASSERT_EQ(server.stop(), 0);
  EXPECT_EQ(server.records().size(), 1u + 1u + 4u);  // the match beside, the flooder's, the pair's four
}

TEST(Hostile, FloodsOfListsAndUnexpectedPacketsAreCutOff) {
  Server server({"--game", "omok"});
  Beside beside(server);
  // Lists before a hello: three are answered.
  RawClient lister(server.port(), game::Kind::Omok, 15);
  std::vector<std::uint8_t> lists;
  for (int i = 0; i < 1'000; ++i) proto::append(lists, proto::ListMatches{});
  lister.sendBytes(lists);
  beside.move();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(+lister.expect<proto::MatchEntry>().matchId, beside.matchId());
    EXPECT_EQ(+lister.expect<proto::MatchListEnd>().count, 1);
  }
  expectCutOff(lister);
  beside.move();
  // Moves before a hello: ten unexpected-packet errors, then the strikes.
  RawClient early(server.port(), game::Kind::Omok, 15);
  std::vector<std::uint8_t> moves;
  for (int i = 0; i < 1'000; ++i) proto::append(moves, proto::Move{{}, {0, point("h8"), {}}});
  early.sendBytes(moves);
  beside.move();
  for (int i = 0; i < 10; ++i) expectError(early, proto::ErrorCode::UnexpectedPacket);
  expectCutOff(early);
  // Pings: ten pongs.
  RawClient pinger(server.port(), game::Kind::Omok, 15);
  std::vector<std::uint8_t> pings;
  for (int i = 0; i < 1'000; ++i) proto::append(pings, proto::Ping{{}, static_cast<std::uint64_t>(i), 0});
  pinger.sendBytes(pings);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(+pinger.expect<proto::Pong>().nonce, static_cast<std::uint64_t>(i));
  expectCutOff(pinger);
  beside.move();
}

TEST(Hostile, APrivateMatchIsHiddenFromWhoeverLacksItsCode) {
  Server server({"--game", "omok"});
  RawClient alice(server.port(), game::Kind::Omok, 15);
  RawClient bob(server.port(), game::Kind::Omok, 15);
  const proto::Welcome w = alice.hello("alice", Seat::None, {}, "friends-only");
  const proto::Welcome wb = bob.hello("bob", Seat::None, {}, "friends-only");
  alice.expect<proto::MatchStart>();
  bob.expect<proto::MatchStart>();
  Beside open(server);  // a public match: watchable by anybody

  // A stranger tries ids one by one: the private one looks like none at all.
  for (std::uint32_t id : {w.matchId, w.matchId + 100}) {
    RawClient stranger(server.port(), game::Kind::Omok, 15);
    stranger.send(watchOf(id, "eve"));
    const proto::Error e = stranger.expect<proto::Error>();
    EXPECT_EQ(e.code, proto::ErrorCode::NoSuchMatch);
    EXPECT_EQ(proto::text(e.text), "no match " + std::to_string(id) + " is waiting or playing");
    EXPECT_TRUE(stranger.closedByServer());
  }
  // A wrong code is no better.
  RawClient guesser(server.port(), game::Kind::Omok, 15);
  guesser.send(watchOf(w.matchId, "eve", "friends"));
  expectError(guesser, proto::ErrorCode::NoSuchMatch);
  // Not in the list either.
  RawClient lister(server.port(), game::Kind::Omok, 15);
  lister.send(proto::ListMatches{});
  EXPECT_EQ(+lister.expect<proto::MatchEntry>().matchId, open.matchId());
  EXPECT_EQ(+lister.expect<proto::MatchListEnd>().count, 1);

  // A friend who knows the code watches; the public match is watched by id.
  RawClient friendly(server.port(), game::Kind::Omok, 15);
  EXPECT_EQ(friendly.watch(w.matchId, "carol", "friends-only").seat, Seat::None);
  friendly.expect<proto::MatchStart>();
  RawClient kibitzer(server.port(), game::Kind::Omok, 15);
  kibitzer.watch(open.matchId(), "dave");
  kibitzer.expect<proto::MatchStart>();
  open.move();

  // Reconnection tokens are 128 random bits: none zero, no two alike.
  EXPECT_NE(w.reconnect, proto::Token{});
  EXPECT_NE(w.reconnect, wb.reconnect);
}

TEST(Hostile, ReconnectingAgainAndAgainLeavesARecordOfBoundedSize) {
  Server server({"--game", "omok", "--grace", "60"});
  Pair p(server);
  p.play(Seat::Player1, "h8");
  // Each drop and return is two event lines; 520 of them pass the bound.
  constexpr int kCycles = 520;
  for (int i = 0; i < kCycles; ++i) {
    RawClient back(server.port(), game::Kind::Omok, 15);
    if (i == 0) p.player2.close();
    ASSERT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected) << i;
    back.hello("bob", Seat::None, p.welcome2.reconnect);
    back.expect<proto::MatchStart>();
    back.expect<proto::MoveAccepted>();
    ASSERT_EQ(p.player1.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected) << i;
    if (i + 1 == kCycles) {
      back.send(proto::Resign{});
      back.expect<proto::GameOver>();
    }
  }
  p.player1.expect<proto::GameOver>();
  EXPECT_EQ(server.stop(), 0);
  const std::optional<record::Record> loaded = server.onlyRecord();
  ASSERT_TRUE(loaded);
  const auto& events = loaded->events;
  EXPECT_EQ(events.size(), 1000u + 1);  // the bound (kMaxRecordNotes), then the one line saying so
  EXPECT_EQ(std::count_if(events.begin(), events.end(), [](const auto& e) { return e.what == "record-full"; }), 1);
  EXPECT_EQ(events.back().what, "record-full");
  EXPECT_EQ(loaded->result->reason, game::EndReason::Resignation);
  EXPECT_LT(std::filesystem::file_size(server.records()[0]), 128u * 1024);
  EXPECT_TRUE(server.logShows("events and chat lines left out"));
}

}  // namespace
}  // namespace servertest
