// The server's bounds on connections against a real server: a server of
// 128 descriptors filled by idle connections, the same server told to take
// more connections than it has descriptors for, the limit per address and
// a match that nobody joins. Each refusal is an answer, never silence, and
// a match beside plays on.
#include <sys/resource.h>

#include <cstdio>
#include <memory>
#include <regex>
#include <thread>
#include <vector>

#include "tests/reliability/beside.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;
using Clock = std::chrono::steady_clock;

// Lets this test process hold `n` descriptors (its crowd of clients).
void allowDescriptors(rlim_t n) {
  rlimit files{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
  if (files.rlim_max != RLIM_INFINITY && files.rlim_max < n) GTEST_SKIP() << "open-file limit below " << n;
  files.rlim_cur = n;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &files), 0);
}

// A server whose process may hold `descriptors` descriptors: the limit is
// lowered around the fork, which the child inherits, and taken back after.
std::unique_ptr<Server> serverWithDescriptors(rlim_t descriptors, std::vector<std::string> args) {
  rlimit mine{};
  getrlimit(RLIMIT_NOFILE, &mine);
  rlimit lowered = mine;
  lowered.rlim_cur = descriptors;
  setrlimit(RLIMIT_NOFILE, &lowered);
  auto server = std::make_unique<Server>(std::move(args));
  setrlimit(RLIMIT_NOFILE, &mine);
  return server;
}

// The connection limit the server announced in its log (written off its
// workers, so it may come a moment after the port).
std::size_t announcedLimit(const Server& server) {
  const auto deadline = Clock::now() + 5s;
  do {
    std::smatch m;
    const std::string log = server.log();
    if (std::regex_search(log, m, std::regex("at most ([0-9]+) connections"))) return std::stoul(m[1]);
    std::this_thread::sleep_for(10ms);
  } while (Clock::now() < deadline);
  return 0;
}

// A client that says hello in its own private match and then nothing.
struct Idle {
  std::unique_ptr<RawClient> client;
  std::optional<proto::Packet> answer;
};

Idle idleClient(const Server& server, int i) {
  Idle idle{std::make_unique<RawClient>(server.port(), game::Kind::Omok, 15), std::nullopt};
  proto::Hello hello;
  proto::setText(hello.name, "idle");
  proto::setText(hello.matchCode, "idle-" + std::to_string(i));
  idle.client->send(hello);
  idle.answer = idle.client->receive(2s);
  return idle;
}

// The newcomer's answer: server-full within a second, then the end of the stream.
void expectTurnedAway(const Server& server, std::string_view why) {
  RawClient newcomer(server.port(), game::Kind::Omok, 15);
  const auto start = Clock::now();
  proto::Hello hello;
  proto::setText(hello.name, "newcomer");
  newcomer.send(hello);
  const proto::Error e = newcomer.expect<proto::Error>(1s);
  EXPECT_LT(Clock::now() - start, 1s);
  EXPECT_EQ(e.code, proto::ErrorCode::ServerFull);
  EXPECT_NE(proto::text(e.text).find(why), std::string_view::npos) << proto::text(e.text);
  EXPECT_TRUE(newcomer.closedByServer(1s));
}

TEST(Limits, IdleConnectionsFillAServerOf128DescriptorsAndANewcomerIsToldItIsFull) {
  allowDescriptors(1200);
  auto server = serverWithDescriptors(128, {"--game", "omok"});
  const std::size_t limit = announcedLimit(*server);
  ASSERT_GT(limit, 2u) << server->log();
  EXPECT_LT(limit, 128u);  // room kept for the listener, the port and the records
  Beside beside(*server);
  std::vector<Idle> crowd;
  std::size_t welcomed = 0, full = 0;
  for (int i = 0; i < 400; ++i) {
    crowd.push_back(idleClient(*server, i));
    const std::optional<proto::Packet>& answer = crowd.back().answer;
    ASSERT_TRUE(answer) << "connection " << i << " got no answer at all";
    if (std::holds_alternative<proto::Welcome>(*answer)) ++welcomed;
    if (const auto* e = std::get_if<proto::Error>(&*answer)) {
      EXPECT_EQ(e->code, proto::ErrorCode::ServerFull) << proto::text(e->text);
      ++full;
    }
    if (i % 50 == 0) beside.move();
  }
  std::printf("[ limits   ] at most %zu connections: %zu seated, %zu turned away\n", limit, welcomed, full);
  EXPECT_EQ(welcomed, limit - 2);  // the match beside holds two
  EXPECT_EQ(full, 400 - welcomed);
  expectTurnedAway(*server, "at most " + std::to_string(limit) + " connections");
  beside.move();
  // One log line for the first refusal; the rest are summed up, not one line each.
  EXPECT_EQ(server->stop(), 0);
  const std::string log = server->log();
  std::size_t lines = 0;
  for (std::size_t at = log.find("turned away: "); at != std::string::npos; at = log.find("turned away: ", at + 1))
    ++lines;
  EXPECT_EQ(lines, 1u) << log;
  EXPECT_NE(log.find(std::to_string(full) + " more turned away, not shown"), std::string::npos) << log;
}

TEST(Limits, OutOfDescriptorsANewcomerIsStillAnsweredAndTheServerRecovers) {
  allowDescriptors(1200);
  // More connections allowed than there are descriptors: accept itself fails.
  auto server = serverWithDescriptors(128, {"--game", "omok", "--max-connections", "1000"});
  Beside beside(*server);
  std::vector<Idle> crowd;
  std::size_t welcomed = 0;
  for (int i = 0; i < 200; ++i) {
    crowd.push_back(idleClient(*server, i));
    const std::optional<proto::Packet>& answer = crowd.back().answer;
    ASSERT_TRUE(answer) << "connection " << i << " got no answer at all; the server's log:\n" << server->log();
    if (std::holds_alternative<proto::Welcome>(*answer)) ++welcomed;
    if (i % 50 == 0) beside.move();
  }
  EXPECT_GT(welcomed, 50u);
  EXPECT_LT(welcomed, 128u);
  expectTurnedAway(*server, "no descriptor left");
  beside.move();
  // The crowd goes; descriptors come back and a new match starts and records.
  crowd.clear();
  const auto deadline = Clock::now() + 10s;
  bool back = false;
  while (!back && Clock::now() < deadline) {
    RawClient probe(server->port(), game::Kind::Omok, 15);
    probe.send(watchOf(beside.matchId(), "probe"));
    std::optional<proto::Packet> answer = probe.receive(1s);
    back = answer && std::holds_alternative<proto::Welcome>(*answer);
    if (!back) std::this_thread::sleep_for(50ms);
  }
  ASSERT_TRUE(back) << "the server did not recover its descriptors";
  Pair after(*server, "erin", "frank");
  after.play(Seat::Player1, "h8");
  beside.move();
}

TEST(Limits, ConnectionsFromOneAddressAreBounded) {
  Server server({"--game", "omok", "--max-per-address", "4"});
  Beside beside(server);  // two of the four
  RawClient third(server.port(), game::Kind::Omok, 15);
  third.hello("carol");
  auto fourth = std::make_unique<RawClient>(server.port(), game::Kind::Omok, 15);
  fourth->hello("dave");
  third.expect<proto::MatchStart>();
  expectTurnedAway(server, "too many connections from 127.0.0.1: at most 4 from one address");
  beside.move();
  fourth.reset();  // one goes: room for one more
  third.expect<proto::OpponentStatus>();
  const auto deadline = Clock::now() + 5s;
  bool welcomed = false;
  while (!welcomed && Clock::now() < deadline) {
    RawClient next(server.port(), game::Kind::Omok, 15);
    proto::Hello hello;
    proto::setText(hello.name, "erin");
    next.send(hello);
    std::optional<proto::Packet> answer = next.receive(1s);
    welcomed = answer && std::holds_alternative<proto::Welcome>(*answer);
  }
  EXPECT_TRUE(welcomed);
}

TEST(Limits, AMatchNobodyJoinsEndsAndItsPlayerIsToldWhy) {
  Server server({"--game", "omok", "--wait-timeout", "1"});
  RawClient lonely(server.port(), game::Kind::Omok, 15);
  lonely.hello("lonely");
  const auto start = Clock::now();
  const proto::Error e = lonely.expect<proto::Error>(3s);
  EXPECT_EQ(e.code, proto::ErrorCode::Timeout);
  EXPECT_EQ(proto::text(e.text), "nobody joined match 1 within 1 s");
  EXPECT_GE(Clock::now() - start, 900ms);
  EXPECT_TRUE(lonely.closedByServer());
  // The next two players get a match of their own and play.
  Pair p(server);
  EXPECT_EQ(+p.welcome1.matchId, 2u);
  p.play(Seat::Player1, "h8");
}

}  // namespace
}  // namespace servertest
