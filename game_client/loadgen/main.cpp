// game_loadgen: drives a game server (or, with --echo or --relay, the
// reference echo or relay server) with many connections from one thread and
// prints throughput and round-trip latency, e.g.
//   game_loadgen --port 9000 --matches 5000 --games 1 --duration 10
// Lines "ready" (every connection seated, before --hold) and "done" (play
// stopped, before the second --hold) let a script sample the server. The
// figures follow as "name: value" lines. Exit status: 0, or 1 when nothing
// could be measured.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "game_client/loadgen/load_driver.h"

namespace {

double percentileUs(const std::vector<std::uint32_t>& sorted, double q) {
  if (sorted.empty()) return 0;
  const auto i = std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size())));
  return sorted[i] / 1000.0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Load generator: many connections playing random legal moves (or echoing or relaying Move-sized packets)."};
  loadgen::LoadOptions options;
  std::string gameName = "omok";
  bool echo = false;
  bool relay = false;
  double duration = 10;
  double hold = 0;
  app.add_option("--host", options.host, "server address (numeric IPv4)")->capture_default_str();
  app.add_option("--port", options.port, "server port")->required();
  app.add_option("--matches", options.matches, "matches (connection pairs)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app.add_option("--games", options.games, "games per match")->capture_default_str()->check(CLI::Range(1, 1000000));
  app.add_option("--game", gameName, "the game the server hosts")
      ->capture_default_str()
      ->check(CLI::IsMember({"omok", "chess"}));
  app.add_option("--duration", duration, "seconds of play at most")->capture_default_str()->check(CLI::Range(0.1, 3600.0));
  app.add_option("--hold", hold, "seconds to stay idle after \"ready\" and after \"done\"")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 600.0));
  app.add_option("--seed", options.seed, "seed of the random moves")->capture_default_str();
  auto* echoFlag = app.add_flag("--echo", echo, "drive an echo server with Move-sized packets instead of playing");
  app.add_flag("--relay", relay, "drive a relay server: Move-sized packets in, MoveAccepted-sized replies to both")
      ->excludes(echoFlag);
  CLI11_PARSE(app, argc, argv);

  options.mode = echo ? loadgen::Mode::Echo : relay ? loadgen::Mode::Relay : loadgen::Mode::Game;
  options.game = *game::parseKind(gameName);
  options.duration = std::chrono::milliseconds(static_cast<std::int64_t>(duration * 1000));
  options.hold = std::chrono::milliseconds(static_cast<std::int64_t>(hold * 1000));

  loadgen::LoadResult r;
  try {
    r = loadgen::run(options, [](const std::string& stage) { std::cout << stage << std::endl; });
  } catch (const std::exception& e) {
    std::cerr << "game_loadgen: " << e.what() << '\n';
    return 1;
  }
  for (const std::string& e : r.firstErrors) std::cerr << "game_loadgen: " << e << '\n';

  std::sort(r.latenciesNs.begin(), r.latenciesNs.end());
  const bool game = options.mode == loadgen::Mode::Game;
  const char* what = game ? "moves" : "messages";
  const double rate = r.seconds > 0 ? static_cast<double>(r.exchanges) / r.seconds : 0;
  std::printf("mode: %s\n", game ? "game" : echo ? "echo" : "relay");
  std::printf("connections: %d\n", r.connections);
  std::printf("ready: %d\n", r.ready);
  std::printf("errors: %llu\n", static_cast<unsigned long long>(r.errors));
  std::printf("setup seconds: %.3f\n", r.setupSeconds);
  if (game) std::printf("games: %llu\n", static_cast<unsigned long long>(r.games));
  std::printf("%s: %llu\n", what, static_cast<unsigned long long>(r.exchanges));
  std::printf("seconds: %.3f\n", r.seconds);
  std::printf("%s per second: %.0f\n", what, rate);
  std::printf("latency p50 us: %.1f\n", percentileUs(r.latenciesNs, 0.50));
  std::printf("latency p99 us: %.1f\n", percentileUs(r.latenciesNs, 0.99));
  std::printf("latency p99.9 us: %.1f\n", percentileUs(r.latenciesNs, 0.999));
  std::printf("loadgen cpu seconds: %.3f\n", r.cpuSeconds);
  return r.exchanges > 0 ? 0 : 1;
}
