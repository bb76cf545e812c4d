// Accepts connections on one listening socket with several accept operations
// posted at once (AcceptEx-style), so a burst of connects is taken without
// waiting for each accept to be handled before the next is posted.
//
// Ownership: owned by TcpServer; owns the listening socket and its operations.
// Threading: start() and stop() from the owner's thread; onAccept and onError
// run on worker threads, one at a time (the listener is one registration).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "game_server/net/completion_port.h"
#include "net/socket.h"

namespace server {

class Acceptor final : public CompletionHandler {
 public:
  // How long a failed accept (other than a peer's abort) waits before the
  // next is posted.
  static constexpr std::chrono::milliseconds kRetryPause{50};

  using AcceptCallback = std::function<void(net::Socket)>;
  using ErrorCallback = std::function<void(std::error_code)>;

  Acceptor(CompletionPort& port, net::Socket listener, int pendingAccepts, AcceptCallback onAccept,
           ErrorCallback onError);
  // stop() must have returned (or start() never been called).
  ~Acceptor();
  Acceptor(const Acceptor&) = delete;
  Acceptor& operator=(const Acceptor&) = delete;

  void start();
  // Cancels the accepts and waits until every one of them has come back
  // through a worker; needs the workers running.
  void stop();

 private:
  void onCompletion(Operation& op, std::size_t bytes, std::error_code error) override;

  CompletionPort& port_;
  net::Socket listener_;
  Registration* registration_;
  AcceptCallback onAccept_;
  ErrorCallback onError_;
  std::vector<AcceptOperation> ops_;

  std::mutex mutex_;
  std::condition_variable returned_;
  int pending_ = 0;
  bool stopping_ = false;
};

}  // namespace server
