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
// Third: the server restarts (SIGINT) while the client (white) is to move,
// and does not come back. The client says so in the panel, counting the
// seconds of --retry-seconds down, keeps the board, gives up when they are
// spent and exits 1; the panel's texts are printed to its stderr as well.
//
// Fourth: the server is killed (SIGKILL) in a timed game while the client
// (white) is to move, and a new one starts on the same port and record
// directory a moment later. The client and the bot come back by themselves
// with their tokens, the game goes on from the restored record, and white's
// clock (running again once both are back) falls: one record, resumed, with
// its end line.
//
// Fifth: a Soosorv-8 opening in a timed renju game. The bot (player 1)
// places its three stones (the first legal points of the areas: h8, g7, f6),
// then the client (player 2) is asked whether to swap; nobody clicks, so its
// flag falls in the opening. The client follows the opening's stones and
// statuses without falling out of step and shows them with the result.
//
// Sixth: after the game a raw client (black) resigns, the client (white)
// wins and the opponent offers a rematch: the client waits for our answer
// with the offer said and its Accept rematch and Decline buttons, keys on
// them, in the screenshot.
//
// Reuses the server tests' process harness (a server on an ephemeral port,
// child processes always stopped). POSIX only, like that harness.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/harness.h"

namespace {

using namespace std::chrono_literals;
using servertest::Process;
using servertest::Server;
using servertest::TempDir;

// The client under Xvfb: this build's, or another's when GAME_CLIENT_COMMAND
// names one (the Windows client under Wine).
Process startClient(std::vector<std::string> args, const std::filesystem::path& log) {
  std::vector<std::string> words{"-a", "-s", "-screen 0 1280x800x24"};
  for (auto& word : servertest::command(GAME_CLIENT_PATH)) words.push_back(std::move(word));
  words.insert(words.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
  return Process(XVFB_RUN_PATH, words, log);
}

// A file's text with its line ends as \n (a Windows build's text-mode output ends them \r\n).
std::string fileText(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::erase(text, '\r');
  return text;
}

TEST(ClientLive, PlaysBlackAgainstABotAndExitsWhenTheGameIsOver) {
  TempDir dir;
  Server server({"--game", "chess", "--grace", "1"});
  ASSERT_NE(server.port(), 0);
  const std::string port = std::to_string(server.port());
  const auto png = dir.path() / "live.png";

  Process client = startClient({"--port", port, "--name", "human", "--seat", "2", "--exit-when-over", "--screenshot",
                                 png.string(), "--size", "1120x760"},
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

  Process client = startClient({"--port", port, "--name", "human", "--seat", "2", "--exit-when-over", "--screenshot",
                                 png.string(), "--size", "1120x760"},
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

TEST(ClientLive, CountsDownWhileTheServerRestartsAndKeepsTheBoard) {
  TempDir dir;
  Server server({"--game", "omok", "--rule", "freestyle"});
  ASSERT_NE(server.port(), 0);
  const std::string port = std::to_string(server.port());
  const auto png = dir.path() / "reconnecting.png";
  const auto clientLog = dir.path() / "client.log";

  Process client = startClient({"--port", port, "--name", "human", "--seat", "2", "--retry-seconds", "3",
                                 "--exit-when-over", "--screenshot", png.string(), "--size", "1120x760"},
                                clientLog);
  ASSERT_TRUE(server.logShows("human takes player2", 20s)) << server.log();
  Process bot(GAME_BOT_PATH, {"--port", port, "--seat", "1", "--name", "bot", "--moves", "first", "--retry-seconds",
                              "0", "--timeout", "20"},
              dir.path() / "bot.log");
  // Black's a1 is in the record (and so on its way to the client) before the server goes.
  const auto records = [&] {
    std::string all;
    for (const auto& file : server.records()) all += fileText(file);
    return all;
  };
  ASSERT_TRUE(servertest::showsWithin(records, "\"notation\":\"a1\"", 10s)) << server.log();
  EXPECT_EQ(server.stop(), 0) << server.log();

  const auto clientExit = client.wait(20s);
  ASSERT_TRUE(clientExit.has_value()) << "the client did not give up; its log:\n" << fileText(clientLog);
  EXPECT_EQ(*clientExit, 1);
  const std::string said = fileText(clientLog);
  EXPECT_NE(said.find("game_client: Server restarting, reconnecting… 3 s left\n"), std::string::npos) << said;
  EXPECT_NE(said.find("game_client: Gave up reconnecting after 3 s. cannot connect to 127.0.0.1:" + port),
            std::string::npos)
      << said;

  // The last position stays on the board: black's stone, the centre bare.
  Process check(CLIENT_SCREENSHOT_CHECK_PATH,
                {png.string(), "--size", "1120x760", "--cells", "15", "--dark", "a1", "--wood", "h8"},
                dir.path() / "check.log");
  EXPECT_EQ(check.wait(20s), 0) << "screenshot check failed: " << fileText(dir.path() / "check.log") << "\nclient:\n"
                                << fileText(clientLog);
  std::filesystem::copy_file(png, std::filesystem::path(CLIENT_LIVE_PNG_DIR) / "live_reconnecting.png",
                             std::filesystem::copy_options::overwrite_existing);
}

// A game_server of this test's own: its record directory given (so that a
// second one can take the first one's games over) and its port, 0 for any.
struct OwnServer {
  Process process;
  std::uint16_t port = 0;

  OwnServer(const std::filesystem::path& records, const std::filesystem::path& log, std::uint16_t wanted)
      : process(GAME_SERVER_PATH,
                {"--game", "omok", "--rule", "freestyle", "--time", "0.1+0", "--host", "127.0.0.1", "--port",
                 std::to_string(wanted), "--threads", "2", "--log-dir", records.string()},
                log) {
    const std::string prefix = "listening on ";
    const std::optional<std::string> first = process.readLine(10s);
    if (first && first->rfind(prefix, 0) == 0)
      port = static_cast<std::uint16_t>(std::stoi(first->substr(prefix.size())));
  }
};

TEST(ClientLive, GoesOnWithTheSameGameAfterTheServerIsKilledAndRestarted) {
  TempDir dir;
  const auto recordDir = dir.path() / "records";
  const auto png = dir.path() / "resumed.png";
  const auto clientLog = dir.path() / "client.log";
  const auto serverLog = [&] {
    return fileText(dir.path() / "server1.log") + "--- restarted ---\n" + fileText(dir.path() / "server2.log");
  };
  const auto jsonl = [&] {
    std::vector<std::filesystem::path> all;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(recordDir, ignored))
      if (entry.path().extension() == ".jsonl") all.push_back(entry.path());
    return all;
  };
  const auto records = [&] {
    std::string all;
    for (const auto& file : jsonl()) all += fileText(file);
    return all;
  };

  std::optional<OwnServer> first(std::in_place, recordDir, dir.path() / "server1.log", 0);
  ASSERT_NE(first->port, 0) << serverLog();
  const std::uint16_t portNumber = first->port;
  const std::string port = std::to_string(portNumber);

  Process client = startClient({"--port", port, "--name", "human", "--seat", "2", "--retry-seconds", "30",
                                 "--exit-when-over", "--screenshot", png.string(), "--size", "1120x760"},
                                clientLog);
  ASSERT_TRUE(servertest::showsWithin([&] { return fileText(dir.path() / "server1.log"); }, "human takes player2",
                                      20s))
      << serverLog();
  Process bot(GAME_BOT_PATH, {"--port", port, "--seat", "1", "--name", "bot", "--moves", "first", "--retry-seconds",
                              "60", "--timeout", "40"},
              dir.path() / "bot.log");
  // Black's a1 is in the record, and white's clock running, when the server dies.
  ASSERT_TRUE(servertest::showsWithin(records, "\"notation\":\"a1\"", 10s)) << serverLog();
  std::this_thread::sleep_for(300ms);
  first->process.signal(SIGKILL);
  EXPECT_EQ(first->process.wait(5s), 128 + SIGKILL);
  first.reset();
  std::this_thread::sleep_for(500ms);

  OwnServer second(recordDir, dir.path() / "server2.log", portNumber);
  ASSERT_EQ(second.port, portNumber) << serverLog();
  EXPECT_TRUE(servertest::showsWithin([&] { return fileText(dir.path() / "server2.log"); },
                                      "both players are back; the game goes on", 15s))
      << serverLog();

  // Six seconds for white once both are back; nobody clicks, so the flag falls.
  const auto clientExit = client.wait(30s);
  ASSERT_TRUE(clientExit.has_value()) << "the client did not exit after the game; its log:\n"
                                      << fileText(clientLog) << "\nservers:\n"
                                      << serverLog();
  EXPECT_EQ(*clientExit, 0) << fileText(clientLog);
  const std::string said = fileText(clientLog);
  const auto gap = said.find("game_client: Connection lost: ");
  const auto back = said.find("game_client: Reconnected: the game goes on.\n");
  EXPECT_NE(gap, std::string::npos) << said;
  EXPECT_NE(said.find("Reconnecting… ", gap == std::string::npos ? 0 : gap), std::string::npos) << said;
  EXPECT_NE(back, std::string::npos) << said;
  EXPECT_LT(gap, back) << said;
  EXPECT_EQ(said.find("Gave up"), std::string::npos) << said;

  EXPECT_EQ(bot.wait(10s), 0) << fileText(dir.path() / "bot.log");
  const std::string botSaid = bot.readAll(2s);
  EXPECT_NE(botSaid.find("connection lost ("), std::string::npos) << botSaid;
  EXPECT_NE(botSaid.find("reconnected after "), std::string::npos) << botSaid;
  EXPECT_NE(botSaid.find("result: player1 timeout after 1 moves"), std::string::npos) << botSaid;

  EXPECT_EQ(second.process.stop(), 0) << serverLog();
  const auto files = jsonl();
  ASSERT_EQ(files.size(), 1u) << records();
  const std::string record = fileText(files[0]);
  EXPECT_NE(record.find("\"event\":\"resumed\""), std::string::npos) << record;
  EXPECT_NE(record.find("\"reason\":\"timeout\",\"result\":\"player1\""), std::string::npos) << record;
  EXPECT_NE(record.find("\"type\":\"end\""), std::string::npos) << record;

  // The game as it went on: black's stone, the centre bare, white's fallen
  // clock in the low-time colour.
  Process check(CLIENT_SCREENSHOT_CHECK_PATH,
                {png.string(), "--size", "1120x760", "--cells", "15", "--dark", "a1", "--wood", "h8",
                 "--panel-colour", "230,110,95"},
                dir.path() / "check.log");
  EXPECT_EQ(check.wait(20s), 0) << "screenshot check failed; see " << (dir.path() / "check.log").string();
  std::filesystem::copy_file(png, std::filesystem::path(CLIENT_LIVE_PNG_DIR) / "live_resumed.png",
                             std::filesystem::copy_options::overwrite_existing);
}

TEST(ClientLive, FollowsAnOpeningUntilItsFlagFallsOnTheSwap) {
  TempDir dir;
  Server server({"--game", "omok", "--rule", "renju", "--opening", "soosorv8", "--time", "0.1+0"});
  ASSERT_NE(server.port(), 0);
  const std::string port = std::to_string(server.port());
  const auto png = dir.path() / "opening.png";
  const auto clientLog = dir.path() / "client.log";

  Process client = startClient({"--port", port, "--name", "human", "--seat", "2", "--exit-when-over", "--screenshot",
                                 png.string(), "--size", "1120x760"},
                                clientLog);
  ASSERT_TRUE(server.logShows("human takes player2", 20s)) << server.log();
  Process bot(GAME_BOT_PATH, {"--port", port, "--seat", "1", "--name", "bot", "--moves", "first", "--timeout", "30"},
              dir.path() / "bot.log");

  const auto clientExit = client.wait(40s);
  ASSERT_TRUE(clientExit.has_value()) << "the client did not exit after the game; server log:\n" << server.log();
  EXPECT_EQ(*clientExit, 0) << fileText(clientLog);
  EXPECT_TRUE(server.logShows("player1 by timeout", 1s)) << server.log();
  EXPECT_EQ(bot.wait(10s), 0);
  EXPECT_EQ(fileText(clientLog).find("out of step"), std::string::npos) << fileText(clientLog);

  Process check(CLIENT_SCREENSHOT_CHECK_PATH,
                {png.string(), "--size", "1120x760", "--cells", "15", "--dark", "h8", "--light", "g7", "--dark", "f6",
                 "--wood", "i9", "--panel-colour", "230,110,95"},
                dir.path() / "check.log");
  EXPECT_EQ(check.wait(20s), 0) << "screenshot check failed: " << fileText(dir.path() / "check.log");
  std::filesystem::copy_file(png, std::filesystem::path(CLIENT_LIVE_PNG_DIR) / "live_opening.png",
                             std::filesystem::copy_options::overwrite_existing);
}

TEST(ClientLive, ShowsTheOpponentsRematchOfferAfterTheGame) {
  TempDir dir;
  Server server({"--game", "omok", "--rule", "freestyle"});
  ASSERT_NE(server.port(), 0);
  const std::string port = std::to_string(server.port());
  const auto png = dir.path() / "rematch.png";
  const auto clientLog = dir.path() / "client.log";

  Process client = startClient({"--port", port, "--name", "human", "--seat", "2", "--exit-when-over", "--screenshot",
                                 png.string(), "--size", "1120x760"},
                                clientLog);
  ASSERT_TRUE(server.logShows("human takes player2", 20s)) << server.log();
  servertest::RawClient alice(server.port(), game::Kind::Omok, 15);
  alice.hello("alice", game::Seat::Player1);
  alice.expect<proto::MatchStart>();
  alice.move(0, servertest::point("h8"));
  EXPECT_EQ(alice.expect<proto::MoveAccepted>().ply, 1);
  alice.send(proto::Resign{});
  EXPECT_EQ(alice.expect<proto::GameOver>().rematchSeconds, 30);
  alice.send(proto::RematchOffer{});

  // The offer waits for the client's answer: it has settled, and the screenshot is taken.
  const auto clientExit = client.wait(40s);
  ASSERT_TRUE(clientExit.has_value()) << "the client did not exit; server log:\n" << server.log();
  EXPECT_EQ(*clientExit, 0) << fileText(clientLog);
  EXPECT_TRUE(server.logShows("alice offers a rematch", 1s)) << server.log();
  // The client went without answering: the wait is over for alice too.
  alice.expect<proto::RematchDecline>(10s);

  // Black's stone, and the accent of the primary Accept rematch button in the panel.
  Process check(CLIENT_SCREENSHOT_CHECK_PATH,
                {png.string(), "--size", "1120x760", "--cells", "15", "--dark", "h8", "--wood", "h9",
                 "--panel-colour", "129,182,76"},
                dir.path() / "check.log");
  EXPECT_EQ(check.wait(20s), 0) << "screenshot check failed: " << fileText(dir.path() / "check.log");
  std::filesystem::copy_file(png, std::filesystem::path(CLIENT_LIVE_PNG_DIR) / "live_rematch.png",
                             std::filesystem::copy_options::overwrite_existing);
}

}  // namespace
