// What the status endpoint (game_server --http) reports: the server's
// readiness and one reading of its numbers, and the Prometheus text
// exposition of that reading. Every metric name is in the table of
// docs/ARCHITECTURE.md ("Status over HTTP"), and only here in the code.
//
// Plain values: made by the match server, read by the status server's thread.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "game_server/status/counters.h"

namespace server {

// Where the matches stand; each match adds itself (Match::census) and the
// lobby sums them (Lobby::census).
struct MatchCensus {
  std::size_t waiting = 0;      // a player seated, waiting for an opponent
  std::size_t running = 0;      // started and not over (a restored game whose players are not back yet, too)
  std::size_t recordsOpen = 0;  // the record open for writing
  std::size_t spectators = 0;

  MatchCensus& operator+=(const MatchCensus& other);
};

// Whether the server takes new players: /readyz answers 200 only when Serving.
enum class Readiness : std::uint8_t {
  Starting,  // start-up: claiming the port and recovering the unfinished games of its records
  Serving,
  Draining,  // a stop request: no new connections, games finishing or being suspended
};
// The one line /readyz says: "ready", or why not.
std::string_view describe(Readiness readiness);

struct Metrics {
  std::size_t connections = 0;  // open on the game port
  MatchCensus matches;
  std::uint64_t movesAccepted = 0;
  std::uint64_t sendQueueDrops = 0;  // Connection::sendQueueDrops()
  std::array<std::uint64_t, kRefusalReasons> refusals{};  // by refusalName()
  std::chrono::system_clock::time_point start;           // of the process
};

// The most bytes exposition() writes: a fixed set of lines of bounded length.
inline constexpr std::size_t kMaxExposition = 8 * 1024;
// The Prometheus text format (version 0.0.4) of `metrics`: # HELP and
// # TYPE for each family, counters ending in _total.
std::string exposition(const Metrics& metrics);

}  // namespace server
