// The match server: the completion-port TCP server below, sessions (one per
// connection: its framer, its match and seat or spectator place, its chat
// rate limit) and the lobby above.
//
// Ownership: owns the timer thread, the lobby and the TCP server (declared in
// that order so the TCP server stops first and the timers go last).
// Threading: start() and shutdown() from main; everything else runs on worker
// threads as callbacks of one connection at a time, so a session is only ever
// touched by its own connection's callbacks and needs no lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>

#include "game_server/match/lobby.h"
#include "game_server/match/timer_queue.h"
#include "game_server/net/tcp_server.h"
#include "protocol/codec.h"

namespace server {

struct ServerConfig {
  MatchConfig match;
  std::string host = "0.0.0.0";
  std::uint16_t port = 9000;
  int threads = 0;  // 0: one per processor
  // A connection that has not said hello by then is told (timeout) and closed.
  std::chrono::seconds helloTimeout{30};
  // A player's or spectator's connection quiet this long is pinged; quiet for
  // another interval after the ping, it is dropped (a seat's grace period starts).
  std::chrono::seconds pingInterval{15};
};

class MatchServer {
 public:
  explicit MatchServer(ServerConfig config);
  ~MatchServer();

  // Listens; on failure (port in use) says why and nothing runs.
  std::error_code start();
  std::uint16_t port() const { return tcp_.port(); }
  // Graceful stop: no new connections, every game ends with ServerShutdown
  // and its record is finished, every client is told; waits up to `linger`
  // for clients to read that and hang up, then drops the rest.
  void shutdown(std::chrono::milliseconds linger);

 private:
  struct Session;

  void onConnection(const ConnectionPtr& connection);
  void onMessage(const ConnectionPtr& connection, std::span<const std::byte> bytes);
  void onClose(const ConnectionPtr& connection);
  // False once the connection must not read further packets.
  bool handle(Session& session, const ConnectionPtr& connection, const proto::Packet& packet);
  // The lobby's answer to a hello or a watch: the session enters its match,
  // or the connection is told why not. False once the connection closes.
  bool enter(Session& session, const ConnectionPtr& connection, proto::Type asked,
             const std::variant<Lobby::Seated, Refusal>& admitted);
  void sendMatchList(Connection& connection);
  // Runs the keep-alive rounds of a player's or spectator's connection.
  void keepAlive(const ConnectionPtr& connection);
  // The player or spectator is gone for its match (the connection may still be flushing).
  void leaveMatch(Session& session, const ConnectionPtr& connection);

  ServerConfig config_;
  proto::Context context_;
  TimerQueue timers_;
  Lobby lobby_;
  TcpServer tcp_;
};

}  // namespace server
