// The match server: the completion-port TCP server below, sessions (one per
// connection: its framer, its match and seat or spectator place, its budget
// and its timer) and the lobby above.
//
// Every resource a client can make it spend has a bound (docs/RELIABILITY.md):
// connections (maxConnections, maxPerAddress: a newcomer past them is told
// server-full and closed), actions per connection (Budget: rate-limited,
// then flooding and a disconnect), the send queue (Connection), the record
// (kMaxRecordNotes), the log (kLogLines per connection, a bounded queue),
// a waiting match (waitTimeout) and a silent connection (helloTimeout,
// pingInterval).
//
// Games outlive the process (docs/ARCHITECTURE.md, Recovery): start()
// restores the unfinished matches of its record directory, and stop()
// suspends the running ones instead of ending them.
//
// Its numbers and readiness feed the status endpoint (statusSource(),
// game_server --http): refusals are counted where they are sent.
//
// Ownership: owns the match store, the timer thread, the lobby and the TCP
// server (declared in that order so the TCP server stops first, then the
// timers, and the store, which matches write to, goes last).
// Threading: start() and stop() from main; readiness() and metrics() from any
// thread (the status thread); everything else runs on worker
// threads as callbacks of one connection at a time, so a session is only ever
// touched by its own connection's callbacks and needs no lock (its timer and
// its `heard` flag, which the timer thread also touches, excepted).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>

#include "game_server/match/budget.h"
#include "game_server/match/lobby.h"
#include "game_server/match/record_directory.h"
#include "game_server/net/tcp_server.h"
#include "game_server/net/timer_queue.h"
#include "game_server/status/status_server.h"
#include "shared/protocol/codec.h"

namespace server {

struct ServerConfig {
  MatchConfig match;  // every match's, but for its setup (the hello's and the hosting's); its store is the server's own
  Hosting hosting;    // what the server hosts: everything unless narrowed
  std::filesystem::path recordDir = "logs";
  bool records = true;  // false only to measure what durability costs (game_server --no-records)
  std::string host = "0.0.0.0";
  std::uint16_t port = 9000;
  int threads = 0;  // 0: one per processor
  // A connection that has not said hello by then is told (timeout) and closed.
  std::chrono::seconds helloTimeout{30};
  // A player's or spectator's connection quiet this long is pinged; quiet for
  // another interval after the ping, it is dropped (a seat's grace period starts).
  std::chrono::seconds pingInterval{15};
  std::size_t maxConnections = 0;  // 0: no limit
  std::size_t maxPerAddress = 0;   // 0: no limit
  IoBackend io = IoBackend::Auto;  // game_server --io
};

class MatchServer {
 public:
  explicit MatchServer(ServerConfig config);
  ~MatchServer();

  // Claims the port, restores the unfinished matches of the record
  // directory, then accepts. On failure (port in use) says why, and nothing
  // runs or is touched.
  std::error_code start();
  std::uint16_t port() const { return tcp_.port(); }
  IoBackend io() const { return tcp_.io(); }
  // Stops for a restart, the way a deploy does it: no new connections;
  // everybody in a match hears that the server restarts; games go on for up
  // to `drain` so those about to finish can, unless `hurry` says to stop
  // waiting (a second stop request); then every match is suspended (its
  // record kept without an end, for the next server) and every client is
  // hung up on, with up to `linger` to read its last packets.
  void stop(std::chrono::seconds drain, const std::function<bool()>& hurry, std::chrono::milliseconds linger);

  // Starting until start() has recovered the records and accepts, Draining from stop() on.
  Readiness readiness() const { return readiness_.load(); }
  // A reading of the numbers; walks every match (Lobby::census), so the status server asks at most once a second.
  Metrics metrics();
  // readiness() and metrics() for a StatusServer, which must stop before this server is gone.
  StatusSource statusSource();

 private:
  struct Session;
  static Session& sessionOf(Connection& connection);

  // At most one line a second about something a flood of strangers causes
  // (turned-away newcomers, failed accepts); the lines it holds back are
  // counted in the next one.
  class Throttle {
   public:
    // The line to log now, with the count of those held back; empty to hold it back.
    std::string pass(std::string line, TimerQueue::Clock::time_point now);
    std::size_t heldBack();

   private:
    std::mutex mutex_;
    TimerQueue::Clock::time_point last_{};
    std::size_t heldBack_ = 0;
    std::size_t total_ = 0;
  };

  void onConnection(const ConnectionPtr& connection);
  void onMessage(const ConnectionPtr& connection, std::span<const std::byte> bytes);
  void onClose(const ConnectionPtr& connection);
  std::vector<std::byte> onTurnedAway(const TurnedAway& why);
  void onAcceptError(std::error_code error);
  // False once the connection must not read further packets.
  bool handle(Session& session, const ConnectionPtr& connection, const proto::Packet& packet);
  // Spends `action` from the session's budget: true when it may be done;
  // otherwise the sender was told (rate-limited, or flooding and hung up on).
  bool allow(Session& session, const ConnectionPtr& connection, Action action);
  // Sends what a match or the phase table refused, within the budget for refusals.
  void refuse(Session& session, const ConnectionPtr& connection, const PacketRefusal& refused);
  // A log line about this connection, within its budget for log lines.
  void log(Session& session, const ConnectionPtr& connection, std::string_view what);
  // The lobby's answer to a hello or a watch: the session enters its match,
  // or the connection is told why not. False once the connection closes.
  bool enter(Session& session, const ConnectionPtr& connection, proto::Type asked,
             const std::variant<Lobby::Seated, Refusal>& admitted);
  void sendMatchList(Connection& connection);
  // Runs the keep-alive rounds of a player's or spectator's connection.
  void keepAlive(const ConnectionPtr& connection);
  // The player or spectator is gone for its match (the connection may still be flushing).
  void leaveMatch(Session& session, const ConnectionPtr& connection);
  // After a game: the session goes on to the rematch its player was handed
  // over to, if there is one (Match::handOver, on the other player's thread).
  void follow(Session& session, const ConnectionPtr& connection);

  // Says what start-up found in the record directory.
  void recover();

  ServerConfig config_;
  std::unique_ptr<RecordDirectory> store_;  // null with --no-records
  TimerQueue timers_;
  Lobby lobby_;
  Throttle turnedAway_;
  Throttle acceptErrors_;
  std::atomic<Readiness> readiness_{Readiness::Starting};
  TcpServer tcp_;
};

}  // namespace server
