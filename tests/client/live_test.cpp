// The real client against the real server, under Xvfb. First: the client takes
// black (seat 2) and a game_bot plays white. Nobody clicks for black, so the
// bot gives up (its --timeout) and leaves; the server holds its seat for the
// grace second and then ends the game by opponent-left. The client must show
// that game from black's side, exit by itself (--exit-when-over) and leave a
// screenshot of the final position.
//
// Second: a timed omok game where the bot (black) says a line in the chat and
// plays a1, and the client (white) lets its clock run out: the screenshot
// shows the stone, the flag fallen (the clock at 0:00 in the low-time colour)
// and the chat line.
//
// Reuses the server tests' process harness (a server on an ephemeral port,
// child processes always stopped). POSIX only, like that harness.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/support/harness.h"

namespace {

using namespace std::chrono_literals;
using servertest::Process;
using servertest::Server;
using servertest::TempDir;

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
  ASSERT_TRUE(server.logShows("human takes player2", 20s)) << server.log();
  Process bot(GAME_BOT_PATH, {"--port", port, "--seat", "1", "--name", "bot", "--timeout", "2"},
              dir.path() / "bot.log");

  const auto clientExit = client.wait(40s);
  ASSERT_TRUE(clientExit.has_value()) << "the client did not exit after the game; server log:\n" << server.log();
  EXPECT_EQ(*clientExit, 0);
  EXPECT_TRUE(server.logShows("player2 by opponent-left", 1s)) << server.log();

  // Black's view: the board turned round, both kings home (white's one move
  // cannot have moved its king), the rooks' corners occupied.
  Process check(CLIENT_SCREENSHOT_CHECK_PATH,
                {png.string(), "--size", "1120x760", "--cells", "8", "--flipped", "--white-piece", "e1",
                 "--black-piece", "e8", "--piece", "a8", "--piece", "h8", "--empty", "e4", "--empty", "d5"},
                dir.path() / "check.log");
  EXPECT_EQ(check.wait(20s), 0) << "screenshot check failed; see " << (dir.path() / "check.log").string();
}

TEST(ClientLive, ShowsTheClocksAndTheChatUntilTheFlagFalls) {
  TempDir dir;
  Server server({"--game", "omok", "--time", "0.1+0"});  // six seconds each
  ASSERT_NE(server.port(), 0);
  const std::string port = std::to_string(server.port());
  const auto png = dir.path() / "clocks.png";

  Process client(XVFB_RUN_PATH,
                 {"-a", "-s", "-screen 0 1280x800x24", GAME_CLIENT_PATH, "--port", port, "--name", "human", "--seat",
                  "2", "--exit-when-over", "--screenshot", png.string(), "--size", "1120x760"},
                 dir.path() / "client.log");
  ASSERT_TRUE(server.logShows("human takes player2", 20s)) << server.log();
  Process bot(GAME_BOT_PATH,
              {"--port", port, "--seat", "1", "--name", "bot", "--moves", "first", "--chat", "good luck!", "--timeout",
               "30"},
              dir.path() / "bot.log");

  const auto clientExit = client.wait(40s);
  ASSERT_TRUE(clientExit.has_value()) << "the client did not exit after the game; server log:\n" << server.log();
  EXPECT_EQ(*clientExit, 0);
  EXPECT_TRUE(server.logShows("player1 by timeout", 1s)) << server.log();
  EXPECT_EQ(bot.wait(10s), 0);

  // 230,110,95 is theme::kError, the low-time colour of white's fallen clock.
  Process check(CLIENT_SCREENSHOT_CHECK_PATH,
                {png.string(), "--size", "1120x760", "--cells", "15", "--dark", "a1", "--wood", "h8",
                 "--panel-colour", "230,110,95"},
                dir.path() / "check.log");
  EXPECT_EQ(check.wait(20s), 0) << "screenshot check failed; see " << (dir.path() / "check.log").string();
  std::filesystem::copy_file(png, std::filesystem::path(CLIENT_LIVE_PNG_DIR) / "live_clocks.png",
                             std::filesystem::copy_options::overwrite_existing);
}

}  // namespace
