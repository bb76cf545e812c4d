// Accepts connections on one listening socket with several accept operations
// posted at once (AcceptEx-style), so a burst of connects is taken without
// waiting for each accept to be handled before the next is posted.
//
// A failed accept never puts a worker to sleep. Out of descriptors, the
// spare descriptor is let go to take the waiting connection, which goes to
// onTurnAway, and is taken back (libuv's way); that also empties the backlog
// one connection at a time, so re-posting at once cannot spin. The spare is
// let go only while none of our accepts is in the port: one there could take
// the freed descriptor itself (io_uring's accept takes it before it waits)
// and leave the spare lost. So an accept that failed for want of
// descriptors is parked until the others are back, then the newcomer is
// turned away and they all go again. Any other failure re-posts the
// operation after kRetryPause, on the timer queue.
//
// Ownership: owned by TcpServer; owns the listening socket, its operations
// and the spare descriptor.
// Threading: start() and stop() from the owner's thread; the callbacks run
// on worker threads, one at a time (the listener is one registration).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "game_server/net/completion_port.h"
#include "game_server/net/timer_queue.h"
#include "shared/net/socket.h"

namespace server {

class Acceptor final : public CompletionHandler {
 public:
  // How long an operation whose accept failed (other than a peer's abort or
  // a lack of descriptors) waits before it is posted again.
  static constexpr std::chrono::milliseconds kRetryPause{50};

  using AcceptCallback = std::function<void(net::Socket)>;
  using ErrorCallback = std::function<void(std::error_code)>;

  // onTurnAway gets the connections taken with the spare descriptor: it
  // must answer and close them before it returns.
  Acceptor(CompletionPort& port, TimerQueue& timers, net::Socket listener, int pendingAccepts,
           AcceptCallback onAccept, AcceptCallback onTurnAway, ErrorCallback onError);
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
  // Posts `op` again, or hands it back to stop() when stopping.
  void repost(AcceptOperation& op);
  void repostParked();
  void turnAwayOne();

  CompletionPort& port_;
  TimerQueue& timers_;
  net::Socket listener_;
  Registration* registration_;
  AcceptCallback onAccept_;
  AcceptCallback onTurnAway_;
  ErrorCallback onError_;
  std::vector<AcceptOperation> ops_;
  net::SpareDescriptor spare_;

  std::mutex mutex_;
  std::condition_variable returned_;
  int pending_ = 0;  // operations posted or waiting to be posted again
  int posted_ = 0;   // operations in the port, not yet completed
  std::vector<AcceptOperation*> parked_;  // out of descriptors, waiting for the others to come back
  bool stopping_ = false;
};

}  // namespace server
