// The server loop: a listening socket, an Acceptor, the live connections and
// N worker threads taking completions from the port in batches.
//
// Bounds: at most maxConnections connections at once, and maxPerAddress from
// one address; a newcomer past either, or one that arrives when the process
// has no descriptor left, is turned away: it gets the layer above's last
// words (onTurnedAway) and is closed at once, without becoming a connection.
//
// Ownership: owns the port (shared with its connections, so a connection the
// layer above still holds stays valid after the server is gone), the
// acceptor and the worker threads; holds every live connection until its
// onClose.
// Threading: start(), stopAccepting() and stop() from one controlling thread
// (main); connections() and connectionCount() from any thread; callbacks on worker threads, per
// connection one at a time: onConnection first, then onMessage..., onClose.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

#include "game_server/net/acceptor.h"
#include "game_server/net/completion_port.h"
#include "game_server/net/connection.h"
#include "game_server/net/timer_queue.h"

namespace server {

struct TcpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port, see TcpServer::port()
  int threads = 0;         // 0: one per processor
  int pendingAccepts = 4;
  std::size_t sendLimit = Connection::kDefaultSendLimit;
  std::size_t maxConnections = 0;  // 0: no limit
  std::size_t maxPerAddress = 0;   // 0: no limit
  IoBackend io = IoBackend::Auto;  // the completion port's backend
};

// A newcomer that was not let in, and why.
struct TurnedAway {
  enum class Reason : std::uint8_t {
    ServerFull,        // maxConnections are open
    AddressFull,       // maxPerAddress are open from its address
    OutOfDescriptors,  // the process has no descriptor left
  };
  Reason reason = Reason::ServerFull;
  std::string peer;       // "127.0.0.1:54321"
  std::size_t limit = 0;  // the limit it met (none for OutOfDescriptors)
};

struct TcpServerCallbacks {
  // A new connection; set its context() here. Runs before its first receive.
  std::function<void(const ConnectionPtr&)> onConnection;
  std::function<void(const ConnectionPtr&, std::span<const std::byte>)> onMessage;
  std::function<void(const ConnectionPtr&)> onClose;
  std::function<void(std::error_code)> onAcceptError;
  // A newcomer turned away: returns the bytes it is sent before it is closed.
  std::function<std::vector<std::byte>(const TurnedAway&)> onTurnedAway;
};

class TcpServer {
 public:
  // `timers` outlives the server (the acceptor's retries run on it).
  TcpServer(TcpServerOptions options, TcpServerCallbacks callbacks, TimerQueue& timers);
  ~TcpServer();  // stop()
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  // Binds the port without accepting yet, so a server can claim its port
  // before it touches anything else (its records). On failure (port in
  // use) nothing runs.
  std::error_code listen();
  // Listens (unless listen() did) and starts the workers and accepting.
  std::error_code start();
  std::uint16_t port() const { return boundPort_; }
  IoBackend io() const { return port_->backend(); }

  // No new connections: the port is let go, so a connect is refused (and a
  // server that takes over may listen there); the live ones carry on.
  void stopAccepting();
  // Stops accepting, drops every connection, lets their operations come back
  // and stops the workers. Every onClose has run when it returns.
  void stop();

  std::vector<ConnectionPtr> connections() const;
  std::size_t connectionCount() const;

 private:
  void onAccepted(net::Socket socket);
  void turnAway(net::Socket socket, TurnedAway why);
  void onClosed(const ConnectionPtr& connection);
  void runWorker();
  void dispatch(const CompletionBatch& batch);

  TcpServerOptions options_;
  TcpServerCallbacks callbacks_;
  TimerQueue& timers_;
  std::shared_ptr<CompletionPort> port_;
  net::Socket listener_;  // bound by listen(), handed to the acceptor by start()
  std::unique_ptr<Acceptor> acceptor_;
  std::vector<std::thread> workers_;
  std::uint16_t boundPort_ = 0;
  bool accepting_ = false;
  std::atomic<std::uint64_t> nextId_{1};

  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, ConnectionPtr> connections_;
  std::unordered_map<std::string, std::size_t> perAddress_;  // by net::addressGroup, only with maxPerAddress
};

}  // namespace server
