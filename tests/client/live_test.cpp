// The real client against the real server, under Xvfb: the client takes
// black (seat 2) and a game_bot plays white. Nobody clicks for black, so the
// bot gives up (its --timeout) and leaves; the server holds its seat for the
// grace second and then ends the game by opponent-left. The client must show
// that game from black's side, exit by itself (--exit-when-over) and leave a
// screenshot of the final position.
//
// Reuses the server tests' process harness (a server on an ephemeral port,
// child processes always stopped). POSIX only, like that harness.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "harness.h"

namespace {

using namespace std::chrono_literals;
using servertest::Process;
using servertest::Server;
using servertest::TempDir;

bool waitForLog(const Server& server, const std::string& text, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (server.log().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

TEST(ClientLive, PlaysBlackAgainstABotAndExitsWhenTheGameIsOver) {
  TempDir dir;
  Server server({"--game", "chess", "--grace", "1"});
  ASSERT_NE(server.port(), 0);
  const std::string port = std::to_string(server.port());
  const auto png = dir.path() / "live.png";

  Process client(XVFB_RUN_PATH,
                 {"-a", "-s", "-screen 0 1280x800x24", GAME_CLIENT_PATH, "--port", port, "--name", "human", "--seat",
                  "2", "--exit-when-over", "--screenshot", png.string(), "--size", "1120x760"},
                 dir.path() / "client.log");
  // The bot's patience starts when it does, so it starts once black is seated.
  ASSERT_TRUE(waitForLog(server, "human takes player2", 20s)) << server.log();
  Process bot(GAME_BOT_PATH, {"--port", port, "--seat", "1", "--name", "bot", "--timeout", "2"},
              dir.path() / "bot.log");

  const auto clientExit = client.wait(40s);
  ASSERT_TRUE(clientExit.has_value()) << "the client did not exit after the game; server log:\n" << server.log();
  EXPECT_EQ(*clientExit, 0);
  EXPECT_TRUE(waitForLog(server, "player2 by opponent-left", 1s)) << server.log();

  // Black's view: the board turned round, both kings home (white's one move
  // cannot have moved its king), the rooks' corners occupied.
  Process check(CLIENT_SCREENSHOT_CHECK_PATH,
                {png.string(), "--size", "1120x760", "--cells", "8", "--flipped", "--white-piece", "e1",
                 "--black-piece", "e8", "--piece", "a8", "--piece", "h8", "--empty", "e4", "--empty", "d5"},
                dir.path() / "check.log");
  EXPECT_EQ(check.wait(20s), 0) << "screenshot check failed; see " << (dir.path() / "check.log").string();
}

}  // namespace
