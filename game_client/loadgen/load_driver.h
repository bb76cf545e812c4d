// The load generator's engine: one thread, one epoll set, many non-blocking
// client sockets.
//
// Game mode: `matches` pairs of connections meet by private match codes (one
// code per match and game, so the pairs are exactly ours) and play `games`
// games each with random legal moves, each move sent the moment the mover's
// session allows it. Every connection runs the real client::Session (framer,
// phase table, game mirror), and one client::MoveChooser per match picks the
// moves: its scratch game then follows the game move by move instead of
// being replayed per side.
//
// Echo mode: the same number of connection pairs against an echo server; the
// two connections of a pair take turns sending a Move-sized packet and
// waiting for it to come back, so as many messages are in flight as moves in
// game mode (one per pair).
//
// Relay mode: the same pairs against a relay server, which pairs connections
// in accept order and answers every Move-sized packet with a
// MoveAccepted-sized one to both (a move's one receive and two sends). The
// two connections take turns; the next message goes once both received the
// reply. Connects go one at a time, so the relay's accept order is ours.
//
// Latency: game and relay mode, from the mover's send to the opponent's
// receipt of the move-accepted; echo mode, from the send to the receipt of
// the echo.
//
// Ownership and threading: run() owns every socket and session and returns
// when the work is done or the time is up; nothing is shared with other
// threads. Linux only (epoll).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "shared/game/types.h"

namespace loadgen {

enum class Mode : std::uint8_t { Game, Echo, Relay };

struct LoadOptions {
  Mode mode = Mode::Game;
  std::string host = "127.0.0.1";  // numeric IPv4
  std::uint16_t port = 9000;
  int matches = 1;                 // connection pairs
  int games = 1;                   // games per match (game mode)
  game::Kind game = game::Kind::Omok;
  std::chrono::milliseconds duration{10'000};  // the whole run stops by then
  std::chrono::milliseconds hold{0};           // idle time after "ready" and after "done"
  std::uint64_t seed = 1;
};

struct LoadResult {
  int connections = 0;          // most connections open at once
  int ready = 0;                // connections seated (game) or connected (echo, relay) before play
  std::uint64_t exchanges = 0;  // moves (game) or messages echoed or relayed
  std::uint64_t games = 0;      // games finished
  std::uint64_t errors = 0;
  std::vector<std::string> firstErrors;  // a few, for the log
  double setupSeconds = 0;               // from the first connect to "ready"
  double seconds = 0;                    // play time
  double cpuSeconds = 0;                 // the load generator's own CPU time during play
  std::vector<std::uint32_t> latenciesNs;  // one per exchange; saturates at ~4.3 s
};

// `progress` is told "ready" once every connection is seated (before the
// hold) and "done" when play has stopped (before the second hold), so a
// script can sample the server at those moments.
LoadResult run(const LoadOptions& options, const std::function<void(const std::string&)>& progress);

}  // namespace loadgen
