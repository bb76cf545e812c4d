// game_client: play omok or chess against another player through the match
// server, or replay a record the server wrote or a game of a PGN file.
//
//   game_client                               (the start screen: a double-click opens it)
//   game_client --start [--log-dir DIR]...    (the same, the records read from DIR; --host, --port,
//                                              --name and --match fill its fields in)
//   game_client [--host 127.0.0.1] [--port 9000] [--name NAME] [--seat auto|1|2] [--match CODE]
//               [--play WORDS] [--time 5+3|none]
//   game_client --watch MATCH                 (a spectator, the board from Player1's side)
//   game_client --list                        (the server's matches: join or watch one)
//   game_client --replay FILE [--seat 2] [--game N]  (a record or a PGN file, its game N; F turns the
//                                                     board round, Page Up/Down the file's other games)
//   ... [--retry-seconds 120] [--screenshot PATH] [--exit-when-over] [--size 1120x760]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "game_client/app/app.h"
#include "game_client/app/live_mode.h"
#include "game_client/app/lobby_mode.h"
#include "game_client/app/replay_mode.h"
#include "game_client/core/game_choice.h"
#include "game_client/app/start_mode.h"
#include "game_client/core/server_address.h"
#include "game_client/core/user_config.h"
#include "game_client/ui/resources.h"

namespace {

// The start screen, its fields from the user's configuration unless the
// command line gave them; the records from `logDirs`, else where a server
// writes them by default: ./logs, and <exe dir>/logs for a server started
// by a double-click (it runs in its own folder).
std::unique_ptr<client::Mode> startScreen(const CLI::App& cli, const client::LiveOptions& live,
                                          std::vector<std::filesystem::path> logDirs,
                                          const std::filesystem::path& executable) {
  client::StartOptions start;
  start.configFile = client::userConfigFile();
  std::string problem;
  const client::UserConfig remembered = client::loadUserConfig(start.configFile, problem);
  if (!problem.empty()) std::cerr << "game_client: " << problem << "; the defaults are used\n";
  start.address = remembered.address;
  start.name = remembered.name;
  if (cli.count("--host") || cli.count("--port"))
    start.address = client::formatServerAddress({live.host, live.port});
  if (cli.count("--name")) start.name = live.session.name;
  start.code = live.session.matchCode;
  start.game = client::describeGameChoice(live.session);
  start.time = client::describeTimeChoice(live.session);
  start.live = live;
  if (logDirs.empty()) {
    std::error_code ec;
    const auto here = std::filesystem::absolute("logs", ec);
    logDirs = {ec ? std::filesystem::path("logs") : here, executable.parent_path() / "logs"};
  }
  start.recordDirs = std::move(logDirs);
  return std::make_unique<client::StartMode>(std::move(start));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Omok and chess client: plays through the match server or replays a game record or a PGN file"};
  client::LiveOptions live;
  std::string seat = "auto";
  std::string replay;
  std::string screenshot;
  std::string size = "1120x760";
  client::WindowOptions window;
  live.session.name = "player";
  cli.add_option("--host", live.host, "server address")->capture_default_str();
  cli.add_option("--port", live.port, "server port")->capture_default_str();
  cli.add_option("--name", live.session.name, "your name (1..31 bytes)")->capture_default_str();
  cli.add_option("--seat", seat, "seat to take: auto, 1 (moves first) or 2; with --replay, the side to view from")
      ->check(CLI::IsMember({"auto", "1", "2"}))
      ->capture_default_str();
  cli.add_option("--match", live.session.matchCode,
                 "private match code (empty: the public queue); with --watch, the code of the private match watched");
  std::string play;
  cli.add_option("--play", play,
                 "what to play on a server that hosts several games, in words: chess, renju, \"renju soosorv8\", "
                 "\"freestyle swap2 19\" (default: the server's choice)");
  std::string time;
  cli.add_option("--time", time,
                 "the clock to ask for: MINUTES+SECONDS a move (\"5+3\", \"0.5+0\") or \"none\" for an untimed game "
                 "(default: the server's choice)");
  std::optional<std::uint32_t> watch;
  auto* watchOption = cli.add_option("--watch", watch, "watch this match (its id) instead of playing");
  bool list = false;
  auto* listOption = cli.add_flag("--list", list, "show the server's matches to join or watch");
  auto* replayOption =
      cli.add_option("--replay", replay,
                     "replay this game record, or a PGN file (*.pgn, or text starting with a tag or a move), instead "
                     "of playing")
          ->check(CLI::ExistingFile);
  int game = 1;
  cli.add_option("--game", game, "with --replay, the game of a PGN file to show, 1-based (Page Up/Down: the others)")
      ->needs(replayOption)
      ->capture_default_str();
  cli.add_option("--retry-seconds", live.retrySeconds,
                 "after a lost connection (a drop, a server restart) try again for this long; 0 never")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cli.add_option("--screenshot", screenshot,
                 "save the window as PNG and exit once the replay or the start screen is shown or the game is over "
                 "(as --exit-when-over)");
  cli.add_flag("--exit-when-over", window.exitWhenOver,
               "exit when the game is over and no rematch is to be waited for (none may be agreed, or the "
               "opponent's offer waits for an answer)");
  cli.add_option("--size", size, "window size WIDTHxHEIGHT")->capture_default_str();
  bool start = false;
  auto* startOption =
      cli.add_flag("--start", start, "open the start screen (what no arguments at all do): play, watch or replay");
  std::vector<std::filesystem::path> logDirs;
  cli.add_option("--log-dir", logDirs, "with --start, the folder of the records to replay (default: ./logs and "
                                       "the program's folder's logs)")
      ->needs(startOption);
  for (const char* o :
       {"--host", "--port", "--name", "--match", "--play", "--time", "--watch", "--list", "--retry-seconds"})
    cli.get_option(o)->excludes(replayOption);
  cli.get_option("--seat")->excludes(watchOption);
  watchOption->excludes(listOption);
  for (auto* other : {watchOption, listOption, replayOption}) startOption->excludes(other);
  CLI11_PARSE(cli, argc, argv);

  if (std::sscanf(size.c_str(), "%ux%u", &window.width, &window.height) != 2 || window.width < 320 ||
      window.height < 240 || window.width > 8192 || window.height > 8192) {
    std::cerr << "game_client: --size wants WIDTHxHEIGHT between 320x240 and 8192x8192, not '" << size << "'\n";
    return 2;
  }
  live.session.seat = seat == "1" ? game::Seat::Player1 : seat == "2" ? game::Seat::Player2 : game::Seat::None;
  if (std::string why; !client::parseGameChoice(play, live.session, why)) {
    std::cerr << "game_client: --play: " << why << '\n';
    return 2;
  }
  if (std::string why; !client::parseTimeChoice(time, live.session, why)) {
    std::cerr << "game_client: --time: " << why << '\n';
    return 2;
  }
  if (!screenshot.empty()) window.screenshot = screenshot;

#if !defined(_WIN32) && !defined(__APPLE__)
  // SFML's X11 window aborts the process without a display; say why instead.
  if (!std::getenv("DISPLAY")) {
    std::cerr << "game_client: no display (DISPLAY is not set): the client needs a graphical session "
                 "(game_bot plays without one)\n";
    return 2;
  }
#endif
  const auto executable = client::executablePath(argv[0]);
  const auto resources = client::findResourceDir(executable);
  if (!resources) {
    std::cerr << "game_client: cannot find the resources folder (fonts/DejaVuSans.ttf); looked in:\n";
    for (const auto& dir : client::resourceDirCandidates(executable)) std::cerr << "  " << dir.string() << '\n';
    return 2;
  }
  client::Fonts fonts;
  if (std::string error; !client::loadFonts(*resources, fonts, error)) {
    std::cerr << "game_client: " << error << '\n';
    return 2;
  }

  std::unique_ptr<client::Mode> mode;
  // A replay is seen from Player1's side unless --seat 2 asks for the other.
  const game::Seat viewer = live.session.seat == game::Seat::Player2 ? game::Seat::Player2 : game::Seat::Player1;
  if (watch) {
    live.session.intent = client::Intent::Watch;
    live.session.watchMatch = *watch;
  }
  // No arguments at all is a double-click: the start screen; any keeps the command line's meaning.
  if (argc == 1 || start) mode = startScreen(cli, live, std::move(logDirs), executable);
  else if (!replay.empty()) mode = std::make_unique<client::ReplayMode>(replay, viewer, client::Back{}, game);
  else if (list) mode = std::make_unique<client::LobbyMode>(live);
  else mode = std::make_unique<client::LiveMode>(live);
  return client::App(std::move(mode), fonts, window).run();
}
