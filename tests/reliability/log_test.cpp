// The operator log against a reader of the server's stderr that goes away or
// stops reading (docs/RELIABILITY.md): the server survives the one and is not
// held up by the other, a match beside plays each move promptly, and the
// lines it could not write are counted in the log itself.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;
using Clock = std::chrono::steady_clock;

// As in hostile_test.cpp: both players hear of a move well within this.
constexpr auto kPrompt = 1500ms;

// A game_server whose stderr is a pipe this test reads, stalls or closes;
// like the harness's Server, without a limit per address (every client here
// comes from 127.0.0.1).
class PipedServer {
 public:
  PipedServer()
      : process_(GAME_SERVER_PATH,
                 {"--game", "omok", "--host", "127.0.0.1", "--port", "0", "--threads", "2", "--max-per-address", "0",
                  "--log-dir", (dir_.path() / "records").string()},
                 StderrPipe{}) {
    const std::string prefix = "listening on ";
    const std::optional<std::string> first = process_.readLine(10s);
    if (!first || first->rfind(prefix, 0) != 0) {
      ADD_FAILURE() << "the server did not report its port";
      return;
    }
    port_ = static_cast<std::uint16_t>(std::stoi(first->substr(prefix.size())));
  }

  std::uint16_t port() const { return port_; }
  Process& process() { return process_; }
  // For failure messages: whether the server still runs, or how it ended.
  std::string state() {
    const std::optional<int> status = process_.wait(1s);
    return status ? "the server exited with status " + std::to_string(*status) : "the server still runs";
  }

 private:
  TempDir dir_;
  Process process_;
  std::uint16_t port_ = 0;
};

// Two raw clients seated in an omok match: the harness's Pair, for a server
// that is not its Server.
struct Players {
  RawClient black;
  RawClient white;

  explicit Players(std::uint16_t port) : black(port, game::Kind::Omok, 15), white(port, game::Kind::Omok, 15) {
    black.hello("alice");
    white.hello("bob");
    black.expect<proto::MatchStart>();
    white.expect<proto::MatchStart>();
  }

  RawClient& client(Seat seat) { return seat == Seat::Player1 ? black : white; }

  // `seat`'s opponent tries `coordinate` out of turn (a rejection, which the
  // server logs), then `seat` plays it: whether each was answered within
  // kPrompt.
  bool playPromptly(Seat seat, std::string_view coordinate) {
    auto start = Clock::now();
    client(game::opponent(seat)).move(0, point(coordinate));
    client(game::opponent(seat)).expect<proto::MoveRejected>(2 * kPrompt);
    EXPECT_LT(Clock::now() - start, kPrompt) << "the rejection of " << coordinate << " out of turn took too long";
    start = Clock::now();
    client(seat).move(0, point(coordinate));
    const proto::MoveAccepted a = black.expect<proto::MoveAccepted>(2 * kPrompt);
    const proto::MoveAccepted b = white.expect<proto::MoveAccepted>(2 * kPrompt);
    EXPECT_LT(Clock::now() - start, kPrompt) << "the move " << coordinate << " took too long";
    EXPECT_EQ(proto::text(a.notation), coordinate);
    EXPECT_EQ(+a.ply, +b.ply);
    return !::testing::Test::HasFailure();
  }
};

// Far apart: no line for either side, nothing the renju rule forbids black.
constexpr const char* kMoves[] = {"h8", "e5", "c3", "k5", "m3", "e11", "c13", "k11", "m13", "h1"};

TEST(LogPipe, AReaderThatGoesAwayDoesNotKillTheServer) {
  PipedServer server;
  ASSERT_NE(server.port(), 0);
  const std::optional<std::string> hosting = server.process().readErrorLine(5s);
  ASSERT_TRUE(hosting) << "no log line";
  EXPECT_NE(hosting->find(" hosting omok"), std::string::npos) << *hosting;
  server.process().closeErrors();

  // Each logs "connected" and "disconnected", to a pipe without a reader:
  // before the fix the first such line raised SIGPIPE, which ended the server.
  for (int i = 0; i < 50; ++i) RawClient(server.port(), game::Kind::Omok, 15).close();
  ASSERT_FALSE(HasFailure()) << server.state();
  Players players(server.port());
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(players.playPromptly(i % 2 == 0 ? Seat::Player1 : Seat::Player2, kMoves[i])) << server.state();
  EXPECT_EQ(server.process().stop(), 0);
}

TEST(LogPipe, AStalledReaderStallsNothingAndTheDropsAreCounted) {
  PipedServer server;  // its stderr is not read until the end
  ASSERT_NE(server.port(), 0);
  Players players(server.port());

  // 120 bursts of 51 connections, two lines each: 12,240 lines, more than the
  // pipe (64 KiB, about 1,200 lines), the batch the writer is stuck in and the
  // server's queue (4,096 lines) hold together. Before the fix the first
  // thread to write into the full pipe blocked there holding the log's mutex,
  // and every thread logging after it (taking a connection, letting one go,
  // rejecting a move) blocked behind it: the match's next answer never came.
  // 50 at a time stays far from the usual limit of 1,024 open files. Each
  // burst ends with a ping on one more connection: its pong says the server
  // has accepted (and logged) the burst, since a listener's queue is first
  // come, first served. Otherwise a server slower than this loop (the
  // sanitizer builds, a loaded machine) would still be taking connections
  // from the kernel's queue of 4,096 when the reading starts, and read
  // promptly it would drop nothing.
  for (int burst = 0; burst < 120; ++burst) {
    std::vector<std::unique_ptr<RawClient>> crowd;
    for (int i = 0; i < 50; ++i) crowd.push_back(std::make_unique<RawClient>(server.port(), game::Kind::Omok, 15));
    crowd.clear();
    RawClient last(server.port(), game::Kind::Omok, 15);
    last.send(proto::Ping{{}, static_cast<std::uint64_t>(burst), 0});
    ASSERT_EQ(+last.expect<proto::Pong>(10s).nonce, static_cast<std::uint64_t>(burst)) << server.state();
    if (burst % 12 == 11) {
      const int move = burst / 12;
      ASSERT_TRUE(players.playPromptly(move % 2 == 0 ? Seat::Player1 : Seat::Player2, kMoves[move]))
          << "after burst " << burst + 1 << "; " << server.state();
    }
  }

  // Reading lets the writer on: its next write starts with the count of the
  // lines dropped meanwhile.
  std::string report;
  const auto deadline = Clock::now() + 10s;
  while (report.empty()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    const std::optional<std::string> line = server.process().readErrorLine(left);
    if (!line) break;
    if (line->find(" log: ") != std::string::npos && line->find(" lines dropped") != std::string::npos) report = *line;
  }
  ASSERT_FALSE(report.empty()) << "no \"log: N lines dropped\" line in 10 s of reading";
  const std::string count = report.substr(report.find(" log: ") + 6);
  EXPECT_GT(std::stoull(count), 0u) << report;
  EXPECT_EQ(server.process().stop(), 0) << "the server did not stop with its log stalled";
}

}  // namespace
}  // namespace servertest
