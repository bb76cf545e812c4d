#include "game_server/status/metrics.h"

#include <cassert>
#include <cstdio>

namespace server {

MatchCensus& MatchCensus::operator+=(const MatchCensus& other) {
  waiting += other.waiting;
  running += other.running;
  recordsOpen += other.recordsOpen;
  spectators += other.spectators;
  return *this;
}

std::string_view describe(Readiness readiness) {
  switch (readiness) {
    case Readiness::Starting: return "starting: recovering the unfinished games of the record directory";
    case Readiness::Serving: return "ready";
    case Readiness::Draining: return "draining: the server is stopping for a restart";
  }
  return "unknown";
}

namespace {

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, std::string_view labels, std::string_view value) {
  out.append(name).append(labels).append(" ").append(value).append("\n");
}

void sample(std::string& out, std::string_view name, std::string_view labels, std::uint64_t value) {
  sample(out, name, labels, std::to_string(value));
}

// Seconds since the Unix epoch, to the millisecond: "1700000000.123".
std::string epochSeconds(std::chrono::system_clock::time_point at) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%03lld", static_cast<long long>(ms / 1000), static_cast<long long>(ms % 1000));
  return text;
}

}  // namespace

std::string exposition(const Metrics& m) {
  std::string out;
  out.reserve(kMaxExposition);
  family(out, "game_server_connections", "gauge", "Connections open on the game port.");
  sample(out, "game_server_connections", "", m.connections);
  family(out, "game_server_matches", "gauge",
         "Matches by state: waiting (a player waits for an opponent) or running (started, not over).");
  sample(out, "game_server_matches", "{state=\"waiting\"}", m.matches.waiting);
  sample(out, "game_server_matches", "{state=\"running\"}", m.matches.running);
  family(out, "game_server_spectators", "gauge", "Spectators watching a match.");
  sample(out, "game_server_spectators", "", m.matches.spectators);
  family(out, "game_server_records_open", "gauge", "Game records open for writing.");
  sample(out, "game_server_records_open", "", m.matches.recordsOpen);
  family(out, "game_server_moves_accepted_total", "counter", "Moves the rules accepted and the server relayed.");
  sample(out, "game_server_moves_accepted_total", "", m.movesAccepted);
  family(out, "game_server_send_queue_drops_total", "counter",
         "Sends dropped because the send queue was at its limit (a peer that stopped reading); "
         "the connection is closed.");
  sample(out, "game_server_send_queue_drops_total", "", m.sendQueueDrops);
  family(out, "game_server_refusals_total", "counter",
         "Refusals sent to clients, by the protocol's error name (docs/PROTOCOL.md); "
         "move-rejected: a move the rules refused.");
  for (std::size_t reason = 0; reason < kRefusalReasons; ++reason) {
    // Wire names are lower-case words and hyphens: nothing to escape in a label value.
    sample(out, "game_server_refusals_total", "{reason=\"" + std::string(refusalName(reason)) + "\"}",
           m.refusals[reason]);
  }
  family(out, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch in seconds.");
  sample(out, "process_start_time_seconds", "", epochSeconds(m.start));
  assert(out.size() <= kMaxExposition);
  return out;
}

}  // namespace server
