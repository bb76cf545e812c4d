#include "game_server/net/acceptor.h"

namespace server {

Acceptor::Acceptor(CompletionPort& port, TimerQueue& timers, net::Socket listener, int pendingAccepts,
                   AcceptCallback onAccept, AcceptCallback onTurnAway, ErrorCallback onError)
    : port_(port),
      timers_(timers),
      listener_(std::move(listener)),
      registration_(port_.associate(listener_.native(), this)),
      onAccept_(std::move(onAccept)),
      onTurnAway_(std::move(onTurnAway)),
      onError_(std::move(onError)),
      ops_(static_cast<std::size_t>(pendingAccepts)) {}

Acceptor::~Acceptor() { port_.dissociate(registration_); }

void Acceptor::start() {
  net::setNonBlocking(listener_.native(), true);
  {
    std::lock_guard lock(mutex_);
    pending_ = static_cast<int>(ops_.size());
    posted_ = pending_;
  }
  for (AcceptOperation& op : ops_) port_.postAccept(registration_, op);
}

void Acceptor::stop() {
  std::unique_lock lock(mutex_);
  stopping_ = true;
  pending_ -= static_cast<int>(parked_.size());  // not in the port: handed back here
  parked_.clear();
  lock.unlock();
  port_.cancel(registration_);
  lock.lock();
  returned_.wait(lock, [&] { return pending_ == 0; });
}

void Acceptor::repost(AcceptOperation& op) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      if (--pending_ == 0) returned_.notify_all();
      return;
    }
    ++posted_;
  }
  // A cancelled registration completes this post at once, which then hands it back.
  port_.postAccept(registration_, op);
}

void Acceptor::repostParked() {
  std::vector<AcceptOperation*> parked;
  {
    std::lock_guard lock(mutex_);
    parked.swap(parked_);
  }
  for (AcceptOperation* op : parked) repost(*op);
}

void Acceptor::turnAwayOne() {
  spare_.release();
  std::error_code ignored;
  net::Socket newcomer = net::acceptConnection(listener_.native(), ignored);
  if (newcomer) onTurnAway_(std::move(newcomer));  // answered and closed before the spare is taken back
  spare_.restore();
}

void Acceptor::onCompletion(Operation& op, std::size_t, std::error_code error) {
  auto& accept = static_cast<AcceptOperation&>(op);
  net::Socket accepted(op.accepted);
  {
    std::lock_guard lock(mutex_);
    --posted_;
    if (stopping_ || error == std::errc::operation_canceled) {
      if (--pending_ == 0) returned_.notify_all();
      return;
    }
  }
  if (!error) {
    onAccept_(std::move(accepted));
    repostParked();  // there were descriptors after all
  } else if (net::outOfDescriptors(error)) {
    if (onError_) onError_(error);
    {
      std::lock_guard lock(mutex_);
      parked_.push_back(&accept);
      if (posted_ != 0) return;  // one of ours is in the port and could take the spare's descriptor
    }
    turnAwayOne();
    repostParked();
    return;
  } else if (error != std::errc::connection_aborted && error != std::errc::connection_reset) {
    // The listener is fine but the system is short of something (memory,
    // buffers): try this operation again later, without holding a worker.
    if (onError_) onError_(error);
    timers_.schedule(kRetryPause, [this, &accept](TimerQueue::Id) { repost(accept); });
    return;
  }
  repost(accept);
}

}  // namespace server
