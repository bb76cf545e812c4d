// game_client: play omok or chess against another player through the match
// server, or replay a record the server wrote.
//
//   game_client [--host 127.0.0.1] [--port 9000] [--name NAME] [--seat auto|1|2] [--match CODE]
//   game_client --watch MATCH                 (a spectator, the board from Player1's side)
//   game_client --list                        (the server's matches: join or watch one)
//   game_client --replay FILE [--seat 2]     (F turns the board round)
//   ... [--retry-seconds 120] [--screenshot PATH] [--exit-when-over] [--size 1120x760]
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "game_client/app/app.h"
#include "game_client/app/live_mode.h"
#include "game_client/app/lobby_mode.h"
#include "game_client/app/replay_mode.h"
#include "game_client/ui/resources.h"

int main(int argc, char** argv) {
  CLI::App cli{"Omok and chess client: plays through the match server or replays a game record"};
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
  std::optional<std::uint32_t> watch;
  auto* watchOption = cli.add_option("--watch", watch, "watch this match (its id) instead of playing");
  bool list = false;
  auto* listOption = cli.add_flag("--list", list, "show the server's matches to join or watch");
  auto* replayOption = cli.add_option("--replay", replay, "replay this game record instead of playing")
                           ->check(CLI::ExistingFile);
  cli.add_option("--retry-seconds", live.retrySeconds,
                 "after a lost connection (a drop, a server restart) try again for this long; 0 never")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cli.add_option("--screenshot", screenshot,
                 "save the window as PNG and exit once the replay is shown or the game is over");
  cli.add_flag("--exit-when-over", window.exitWhenOver, "exit when the game is over");
  cli.add_option("--size", size, "window size WIDTHxHEIGHT")->capture_default_str();
  for (const char* o : {"--host", "--port", "--name", "--match", "--watch", "--list", "--retry-seconds"})
    cli.get_option(o)->excludes(replayOption);
  cli.get_option("--seat")->excludes(watchOption);
  watchOption->excludes(listOption);
  CLI11_PARSE(cli, argc, argv);

  if (std::sscanf(size.c_str(), "%ux%u", &window.width, &window.height) != 2 || window.width < 320 ||
      window.height < 240 || window.width > 8192 || window.height > 8192) {
    std::cerr << "game_client: --size wants WIDTHxHEIGHT between 320x240 and 8192x8192, not '" << size << "'\n";
    return 2;
  }
  live.session.seat = seat == "1" ? game::Seat::Player1 : seat == "2" ? game::Seat::Player2 : game::Seat::None;
  if (!screenshot.empty()) window.screenshot = screenshot;

  const auto resources = client::findResourceDir(client::executablePath(argv[0]));
  if (!resources) {
    std::cerr << "game_client: cannot find the resources folder (fonts) next to the program or in its source tree\n";
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
  if (!replay.empty()) mode = std::make_unique<client::ReplayMode>(replay, viewer);
  else if (list) mode = std::make_unique<client::LobbyMode>(live);
  else mode = std::make_unique<client::LiveMode>(live);
  return client::App(std::move(mode), fonts, window).run();
}
