// game_server: hosts omok and chess matches over TCP: every game, rule set,
// board size, opening rule and time control at once, each kind with its own
// public queue; --game, --rule, --board-size, --opening and --time narrow it
// to one, and are what a hello that leaves the field at 0 gets (omok, renju,
// 15x15, no opening, untimed when nothing narrows it). After a game its
// players have --rematch-window seconds to agree on a rematch.
//
//   game_server [--game omok|chess] [--rule R] [--port 9000] [--log-dir DIR]
//               [--threads N] [--grace SECONDS] [--host ADDRESS]
//               [--board-size 15|19] [--opening none|swap1|swap2|soosorv8|taraguchi10]
//               [--hello-timeout SECONDS] [--ping-interval SECONDS]
//               [--time MINUTES+SECONDS] [--no-records] [--max-connections N]
//               [--max-per-address N] [--wait-timeout SECONDS]
//               [--resume-grace SECONDS] [--drain-seconds N] [--io auto|epoll|uring]
//               [--http HOST:PORT] [--rematch-window SECONDS]
//
// The first line on stdout is "listening on PORT" (also for --port 0), so
// scripts and tests can find the server; with --http the second is "http on
// PORT", where /healthz, /readyz (503 while starting or draining) and
// /metrics (Prometheus) are served to an orchestrator; keep that on loopback
// or a private network. The operator log goes to stderr.
// Games outlive the process: at start it resumes the unfinished games of its
// record directory. SIGTERM or SIGINT (Ctrl-C or Ctrl-Break on Windows) stop
// it for a restart: clients are told, games go on for up to --drain-seconds,
// then they are suspended in their records for the next start; a second
// request stops at once. Exit status 0.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#ifdef _WIN32
#include <windows.h>
#endif

#include "game_server/match/log.h"
#include "game_server/match/match_server.h"
#include "game_server/status/status_server.h"
#include "shared/game/clock.h"
#include "shared/game/game.h"
#include "shared/net/socket.h"

namespace {

// Stop requests so far: the first drains, the second hurries. The signal may
// be handled on any of the server's threads, not the one that reads it, so a
// lock-free atomic (safe in a handler) rather than a volatile sig_atomic_t,
// which is safe only within one thread.
std::atomic<int> stopRequests{0};
static_assert(std::atomic<int>::is_always_lock_free);

// Descriptors kept back from connections: the listener, the port's own, the
// spare one, standard streams and logs.
constexpr std::size_t kReservedDescriptors = 32;
// Where the platform sets no descriptor limit (Windows).
constexpr std::size_t kDefaultMaxConnections = 10'000;

// What the descriptor limit allows: every running match holds its two
// connections and its record open, so three descriptors serve two connections.
std::size_t defaultMaxConnections() {
  const std::size_t limit = net::descriptorLimit();
  if (limit == 0) return kDefaultMaxConnections;
  return limit > kReservedDescriptors + 3 ? (limit - kReservedDescriptors) * 2 / 3 : 1;
}

extern "C" void requestStop(int) { stopRequests.fetch_add(1, std::memory_order_relaxed); }
int stopsRequested() { return stopRequests.load(std::memory_order_relaxed); }

// On Windows a double-clicked server has a console of its own, which closes
// with it: a failure (the port taken, a bad option) would flash by unread.
// A server started from a prompt or a script shares its console, or has
// none, and exits at once.
int keepOwnConsoleOpen(int status) {
#ifdef _WIN32
  DWORD processes[2];
  if (status != 0 && GetConsoleProcessList(processes, 2) == 1) {
    std::fputs("Press Enter to close this window.\n", stderr);
    std::getchar();
  }
#endif
  return status;
}

int run(int argc, char** argv);

}  // namespace

int main(int argc, char** argv) { return keepOwnConsoleOpen(run(argc, argv)); }

namespace {

int run(int argc, char** argv) {
#ifndef _WIN32
  // A log reader that goes away must cost log lines (EPIPE), not the process with every match in it.
  std::signal(SIGPIPE, SIG_IGN);
#endif
  CLI::App app{"Hosts omok or chess matches: the first connection of a match plays first, the second second."};
  // Every game unless told: a server started with no arguments (a double-click) hosts them all.
  std::string gameName;
  std::string ruleName;
  std::string openingName;
  std::string host = "0.0.0.0";
  std::uint16_t port = 9000;
  std::string logDir = "logs";
  int threads = 0;
  int grace = 10;
  int boardSize = 0;
  int helloTimeout = 30;
  int pingInterval = 15;
  bool noRecords = false;
  std::string timeText;
  std::size_t maxConnections = defaultMaxConnections();
  std::size_t maxPerAddress = 64;
  int waitTimeout = 30 * 60;
  int rematchWindow = 30;
  int resumeGrace = 120;
  int drainSeconds = 0;
  std::string ioName = "auto";
  app.add_option("--game", gameName, "host omok or chess only (default: both; a hello that names none gets omok)")
      ->check(CLI::IsMember({"omok", "chess"}));
  app.add_option("--rule", ruleName,
                 "host this rule only: omok's freestyle, standard, renju (a hello's default) or omok; chess: fide")
      ->check(CLI::IsMember({"freestyle", "standard", "renju", "omok", "fide"}));
  app.add_option("--board-size", boardSize, "host this omok board size only (default: 15 and 19; a hello's default 15)")
      ->check(CLI::IsMember({15, 19}));
  app.add_option("--opening", openingName,
                 "host this omok opening rule only: none, swap1 or swap2 (freestyle, standard), soosorv8 or "
                 "taraguchi10 (renju); default: all, a hello's default none")
      ->check(CLI::IsMember({"none", "swap1", "swap2", "soosorv8", "taraguchi10"}));
  app.add_option("--host", host, "address to listen on")->capture_default_str();
  app.add_option("--port", port, "TCP port, 0 for any free port")->capture_default_str();
  app.add_option("--log-dir", logDir, "directory of the game records")->capture_default_str();
  app.add_option("--threads", threads, "worker threads (default: one per processor)")->check(CLI::Range(1, 256));
  app.add_option("--grace", grace, "seconds a dropped player's seat is held")
      ->capture_default_str()
      ->check(CLI::Range(0, 3600));
  app.add_option("--hello-timeout", helloTimeout, "seconds a new connection has to say hello")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  app.add_option("--ping-interval", pingInterval,
                 "seconds of silence before a player is pinged; as long again without an answer drops it")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  app.add_option("--time", timeText,
                 "host this clock only: MINUTES+SECONDS added per move, e.g. 5+3 (fractions allowed: 0.5+0), or "
                 "none; default: any a hello asks for, untimed when it asks for none");
  app.add_flag("--no-records", noRecords, "write no game records (benchmarks: the cost of durability)");
  app.add_option("--max-connections", maxConnections,
                 "connections served at once; a newcomer past it is told the server is full "
                 "(default: what the open-file limit allows)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  app.add_option("--max-per-address", maxPerAddress, "connections from one address at once; 0: no limit")
      ->capture_default_str();
  app.add_option("--wait-timeout", waitTimeout, "seconds a match waits for its second player before it ends")
      ->capture_default_str()
      ->check(CLI::Range(1, 7 * 24 * 3600));
  app.add_option("--rematch-window", rematchWindow,
                 "seconds after a game in which its players may agree on a rematch; 0: no rematches")
      ->capture_default_str()
      ->check(CLI::Range(0, 3600));
  app.add_option("--resume-grace", resumeGrace,
                 "seconds the seats of a game resumed at start-up are held for their players to come back")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 3600));
  app.add_option("--drain-seconds", drainSeconds,
                 "on a stop request, seconds the running games may go on to finish before they are suspended")
      ->capture_default_str()
      ->check(CLI::Range(0, 24 * 3600));
#ifdef _WIN32
  const std::vector<std::string> ioChoices{"auto", "iocp"};
#else
  const std::vector<std::string> ioChoices{"auto", "epoll", "uring"};
#endif
  app.add_option("--io", ioName,
                 "the completion port's backend: Linux epoll (auto) or io_uring; Windows IOCP")
      ->capture_default_str()
      ->check(CLI::IsMember(ioChoices));
  std::string http;
  app.add_option("--http", http,
                 "serve /healthz, /readyz and /metrics over HTTP on HOST:PORT (port 0: any free one), e.g. "
                 "127.0.0.1:9100; keep it on loopback or a private network (default: off)")
      ->check([](const std::string& text) {
        std::string error;
        return server::parseHttpAddress(text, error) ? std::string() : error;
      });
  CLI11_PARSE(app, argc, argv);

  server::Hosting hosting;
  if (!gameName.empty()) hosting.kind = *game::parseKind(gameName);
  if (!ruleName.empty()) hosting.rule = *game::parseRule(ruleName);
  if (boardSize != 0) hosting.boardSize = boardSize;
  if (!openingName.empty()) hosting.opening = *game::parseOpening(openingName);
  if (const auto problem = hosting.check()) {
    std::cerr << "game_server: " << *problem << "\n";
    return 1;
  }
  std::string error;
  const auto timeControl = game::parseTimeControl(timeText, error);
  if (!timeControl) {
    std::cerr << "game_server: --time: " << error << "\n";
    return 1;
  }
  if (!timeText.empty()) hosting.time = *timeControl;

  net::Platform platform;
  server::ServerConfig config;
  config.hosting = hosting;
  config.recordDir = logDir;
  config.records = !noRecords;
  config.match.grace = std::chrono::seconds(grace);
  config.match.resumeGrace = std::chrono::seconds(resumeGrace);
  config.match.waitTimeout = std::chrono::seconds(waitTimeout);
  config.match.rematchWindow = std::chrono::seconds(rematchWindow);
  config.maxConnections = maxConnections;
  config.maxPerAddress = maxPerAddress;
  config.io = *server::parseIoBackend(ioName);
  config.host = host;
  config.port = port;
  config.threads = threads;
  config.helloTimeout = std::chrono::seconds(helloTimeout);
  config.pingInterval = std::chrono::seconds(pingInterval);
  std::unique_ptr<server::MatchServer> made;
  try {
    made = std::make_unique<server::MatchServer>(config);
  } catch (const std::system_error& refused) {
    std::cerr << "game_server: --io " << ioName << ": " << refused.what() << "\n";
    return 1;
  }
  server::MatchServer& matchServer = *made;
  // Serving before the start, so /readyz says 503 while the records are recovered; stopped before the server goes.
  server::StatusServer status(matchServer.statusSource());
  if (!http.empty()) {
    std::string ignored;
    if (std::error_code e = status.start(*server::parseHttpAddress(http, ignored))) {
      std::cerr << "game_server: cannot listen for --http on " << http << ": " << net::errorText(e) << "\n";
      return 1;
    }
  }
  if (std::error_code e = matchServer.start()) {
    std::cerr << "game_server: cannot listen on " << host << ":" << port << ": " << net::errorText(e) << "\n";
    return 1;
  }
  std::signal(SIGINT, requestStop);
  std::signal(SIGTERM, requestStop);
#ifdef SIGBREAK
  std::signal(SIGBREAK, requestStop);  // Ctrl-Break in a Windows console
#endif
  std::printf("listening on %u\n", static_cast<unsigned>(matchServer.port()));
  if (!http.empty()) std::printf("http on %u\n", static_cast<unsigned>(status.port()));
  std::fflush(stdout);
  server::logEvent({}, "hosting " + hosting.describe() + (hosting.time ? "" : ", any clock") + ", on " + host + ":" +
                           std::to_string(matchServer.port()) + " (" + std::string(server::name(matchServer.io())) +
                           ")" +
                           (noRecords ? ", no records" : ", records in " + logDir) + "; at most " +
                           std::to_string(maxConnections) + " connections" +
                           (maxPerAddress == 0 ? "" : ", " + std::to_string(maxPerAddress) + " per address"));

  // A signal handler may only set a flag; main looks at it ten times a second.
  while (stopsRequested() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server::logEvent({}, "stopping for a restart" + (drainSeconds == 0 ? std::string()
                                                                     : ": games may finish within " +
                                                                           std::to_string(drainSeconds) + " s"));
  matchServer.stop(std::chrono::seconds(drainSeconds), [] { return stopsRequested() > 1; }, std::chrono::seconds(2));
  server::logEvent({}, stopsRequested() > 1 ? "stopped at once, on a second request" : "stopped");
  // The log is written by its own thread: give the last lines a bounded time to get out.
  server::flushLog(std::chrono::seconds(1));
  return 0;
}

}  // namespace
