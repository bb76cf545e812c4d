#include "game_server/net/acceptor.h"

#include <thread>

namespace server {

Acceptor::Acceptor(CompletionPort& port, net::Socket listener, int pendingAccepts, AcceptCallback onAccept,
                   ErrorCallback onError)
    : port_(port),
      listener_(std::move(listener)),
      registration_(port_.associate(listener_.native(), this)),
      onAccept_(std::move(onAccept)),
      onError_(std::move(onError)),
      ops_(static_cast<std::size_t>(pendingAccepts)) {}

Acceptor::~Acceptor() { port_.dissociate(registration_); }

void Acceptor::start() {
  net::setNonBlocking(listener_.native(), true);
  {
    std::lock_guard lock(mutex_);
    pending_ = static_cast<int>(ops_.size());
  }
  for (AcceptOperation& op : ops_) port_.postAccept(registration_, op);
}

void Acceptor::stop() {
  std::unique_lock lock(mutex_);
  stopping_ = true;
  lock.unlock();
  port_.cancel(registration_);
  lock.lock();
  returned_.wait(lock, [&] { return pending_ == 0; });
}

void Acceptor::onCompletion(Operation& op, std::size_t, std::error_code error) {
  net::Socket accepted(op.accepted);
  bool stopping;
  {
    std::lock_guard lock(mutex_);
    stopping = stopping_ || error == std::errc::operation_canceled;
    if (stopping && --pending_ == 0) returned_.notify_all();
  }
  if (stopping) return;
  if (error) {
    // A connection aborted before it was accepted, or out of descriptors:
    // the listener itself is fine, so report and keep accepting. Out of
    // descriptors the waiting connection stays queued and the next accept
    // fails at once; the pause keeps that from spinning a worker and
    // flooding the log until descriptors are free again.
    if (onError_) onError_(error);
    if (error != std::errc::connection_aborted && error != std::errc::connection_reset)
      std::this_thread::sleep_for(kRetryPause);
  } else {
    onAccept_(std::move(accepted));
  }
  port_.postAccept(registration_, static_cast<AcceptOperation&>(op));
}

}  // namespace server
