#include "game_server/net/connection.h"

#include <cassert>

namespace server {
namespace {

std::atomic<std::uint64_t> sendQueueDropped{0};

}  // namespace

std::uint64_t Connection::sendQueueDrops() { return sendQueueDropped.load(std::memory_order_relaxed); }

Connection::Connection(std::shared_ptr<CompletionPort> port, net::Socket socket, std::string peer, std::uint64_t id,
                       ConnectionCallbacks callbacks, std::size_t sendLimit)
    : port_(std::move(port)),
      socket_(std::move(socket)),
      registration_(port_->associate(socket_.native(), this)),
      id_(id),
      peer_(std::move(peer)),
      callbacks_(std::move(callbacks)),
      sendLimit_(sendLimit) {}

Connection::~Connection() { port_->dissociate(registration_); }

void Connection::start() { postReceive(); }

void Connection::postReceive() {
  receiveOp_.buffer = receiveBuffer_;
  receiveOp_.keepAlive = shared_from_this();
  port_->postReceive(registration_, receiveOp_);
}

bool Connection::send(std::span<const std::byte> data) {
  {
    std::lock_guard lock(sendMutex_);
    if (closing_.load() || finishAfterSend_) return false;
    if (sending_.size() + queued_.size() + data.size() <= sendLimit_ + burst_) {
      queued_.insert(queued_.end(), data.begin(), data.end());
      if (!sendInFlight_) postSendLocked();
      return true;
    }
  }
  sendQueueDropped.fetch_add(1, std::memory_order_relaxed);
  close();  // the peer does not read: drop it rather than buffer without end
  return false;
}

bool Connection::sendBurst(std::span<const std::byte> data) {
  std::lock_guard lock(sendMutex_);
  if (closing_.load() || finishAfterSend_) return false;
  burst_ += data.size();
  queued_.insert(queued_.end(), data.begin(), data.end());
  if (!sendInFlight_) postSendLocked();
  return true;
}

void Connection::postSendLocked() {
  assert(sendMutex_.heldHere() && !sendInFlight_ && !queued_.empty());
  sending_.swap(queued_);
  queued_.clear();
  sendInFlight_ = true;
  sendOp_.buffer = sending_;
  sendOp_.keepAlive = shared_from_this();
  port_->postSend(registration_, sendOp_);
}

void Connection::close() {
  if (closing_.exchange(true)) return;
  // Cancelling completes the pending receive, whose handler delivers onClose
  // on this connection's dispatch thread, never concurrently with onMessage.
  port_->cancel(registration_);
  // The peer learns now, not when the last reference goes.
  net::shutdownBoth(socket_.native());
}

bool Connection::finishing() const {
  if (closing_.load()) return true;
  std::lock_guard lock(sendMutex_);
  return finishAfterSend_;
}

void Connection::closeAfterSend() {
  std::lock_guard lock(sendMutex_);
  if (finishAfterSend_ || closing_.load()) return;
  finishAfterSend_ = true;
  if (!sendInFlight_) net::shutdownSend(socket_.native());
}

void Connection::onCompletion(Operation& op, std::size_t bytes, std::error_code error) {
  if (&op == &receiveOp_) {
    onReceived(bytes, error);
  } else {
    onSent(error);
  }
}

void Connection::onReceived(std::size_t bytes, std::error_code error) {
  ConnectionPtr self = std::move(receiveOp_.keepAlive);
  // Any error, or the peer's end of stream, means the connection is gone.
  if (!error && bytes > 0 && !closing_.load()) {
    bool draining;
    {
      std::lock_guard lock(sendMutex_);
      draining = finishAfterSend_;
    }
    if (!draining && callbacks_.onMessage) callbacks_.onMessage(self, std::span(receiveBuffer_.data(), bytes));
    if (!closing_.load()) {
      postReceive();
      return;
    }
  }
  close();
  if (callbacks_.onClose) callbacks_.onClose(self);
}

void Connection::onSent(std::error_code error) {
  ConnectionPtr self = std::move(sendOp_.keepAlive);
  if (error) {
    close();
    return;
  }
  std::lock_guard lock(sendMutex_);
  sending_.clear();
  sendInFlight_ = false;
  if (closing_.load()) return;
  if (!queued_.empty()) {
    postSendLocked();
    return;
  }
  if (burst_ != 0) {
    // Drained: the limit counts from nothing again, and the burst's room is
    // given back rather than kept for the connection's lifetime.
    burst_ = 0;
    std::vector<std::byte>().swap(sending_);
    std::vector<std::byte>().swap(queued_);
  }
  if (finishAfterSend_) net::shutdownSend(socket_.native());
}

}  // namespace server
