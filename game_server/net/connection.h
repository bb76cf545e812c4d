// One accepted TCP connection on the completion port.
//
// Ownership: shared (ConnectionPtr). Every operation in flight holds a
// reference, so the object outlives its last completion whoever else lets go;
// the socket is closed and the registration dissociated in the destructor,
// when no operation can be pending any more.
//
// Threading: send(), close() and closeAfterSend() may be called from any
// thread. The callbacks run on worker threads, one at a time per connection
// (the port's per-registration guarantee): onMessage for each received chunk,
// in order, then onClose exactly once, after which nothing more is received.
//
// Sending: a bounded queue (limit bytes) double-buffered into one WSASend at
// a time. A peer that stops reading fills it; the next send() that would pass
// the limit closes the connection instead of growing memory. A burst
// (sendBurst) is let past the limit once; its sender bounds its size.
#pragma once

#include <any>
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "game_server/net/completion_port.h"
#include "game_server/net/mutex.h"
#include "shared/net/socket.h"

namespace server {

class Connection;
using ConnectionPtr = std::shared_ptr<Connection>;

struct ConnectionCallbacks {
  std::function<void(const ConnectionPtr&, std::span<const std::byte>)> onMessage;
  std::function<void(const ConnectionPtr&)> onClose;
};

class Connection final : public CompletionHandler, public std::enable_shared_from_this<Connection> {
 public:
  static constexpr std::size_t kDefaultSendLimit = 64 * 1024;
  // One receive's worth: four of the protocol's largest packets (256 bytes),
  // what a session's framer holds at once. Larger only costs memory per idle
  // connection (this buffer lives as long as the connection); a burst that
  // does not fit is simply read by the next receive.
  static constexpr std::size_t kReceiveBufferSize = 1024;

  // `socket` is connected and non-blocking, `peer` its address for logs.
  // Call start() to begin receiving.
  Connection(std::shared_ptr<CompletionPort> port, net::Socket socket, std::string peer, std::uint64_t id,
             ConnectionCallbacks callbacks, std::size_t sendLimit = kDefaultSendLimit);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start();

  // Queues `data` for sending. False (and the connection is closing) when it
  // is already closing or the queue would pass its limit.
  bool send(std::span<const std::byte> data);
  // Queues `data` beyond the limit: a burst whose size its sender bounds
  // (the game so far, for a player who comes back or a spectator who
  // arrives). Until the queue has drained, later sends may add the limit's
  // worth on top of it. False when the connection is already closing.
  bool sendBurst(std::span<const std::byte> data);
  // Drops the connection now; onClose follows on a worker.
  void close();
  // Sends what is queued, then half-closes (FIN) and discards further input
  // until the peer closes: a final message (an error, the game's end) reaches
  // the peer instead of being cut off by a reset.
  void closeAfterSend();

  std::uint64_t id() const { return id_; }
  const std::string& peer() const { return peer_; }
  bool closing() const { return closing_.load(); }
  // Sends this process dropped because they would pass a connection's limit
  // (a peer that stopped reading; the connection closes), for the server's
  // metrics; any thread.
  static std::uint64_t sendQueueDrops();
  // Closing, or hung up after its last sends: nothing more will go out.
  bool finishing() const;

  // Per-connection state of the layer above (its session), set before start().
  std::any& context() { return context_; }

 private:
  // An operation that keeps its connection alive while pending.
  struct Op : Operation {
    ConnectionPtr keepAlive;
  };

  void onCompletion(Operation& op, std::size_t bytes, std::error_code error) override;
  void onReceived(std::size_t bytes, std::error_code error);
  void onSent(std::error_code error);
  void postReceive();
  void postSendLocked();

  std::shared_ptr<CompletionPort> port_;
  net::Socket socket_;
  Registration* registration_;
  const std::uint64_t id_;
  const std::string peer_;
  ConnectionCallbacks callbacks_;
  const std::size_t sendLimit_;
  std::any context_;

  std::atomic<bool> closing_{false};

  Op receiveOp_;
  std::array<std::byte, kReceiveBufferSize> receiveBuffer_;

  mutable Mutex sendMutex_;
  Op sendOp_;
  std::vector<std::byte> sending_;  // the buffer of the WSASend in flight
  std::vector<std::byte> queued_;   // what waits for it
  std::size_t burst_ = 0;  // bytes queued by sendBurst since the queue last drained
  bool sendInFlight_ = false;
  bool finishAfterSend_ = false;
};

}  // namespace server
