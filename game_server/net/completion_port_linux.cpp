// The Linux completion port: the scheduler (one ready queue, one ownership
// rule) over a reactor chosen when the port is made: io_uring where the
// system allows it, epoll otherwise (linux_port.h).
#include <cassert>

#include "game_server/net/linux_port.h"

namespace server {

#ifndef GAME_HAVE_URING
std::unique_ptr<Reactor> makeUringReactor(Scheduler&, std::error_code& error) {
  error = std::make_error_code(std::errc::function_not_supported);  // built without liburing
  return nullptr;
}
#endif

void Scheduler::schedule(Registration& r) {
  assert(r.mutex.heldHere());
  if (r.done.empty() || r.owned || r.queued) return;
  r.queued = true;
  {
    std::lock_guard lock(mutex_);
    ready_.push_back(&r);
  }
  cv_.notify_one();
}

void Scheduler::wake(int count) {
  {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < count; ++i) ready_.push_back(nullptr);
  }
  cv_.notify_all();
}

bool Scheduler::next(Registration*& r, std::chrono::milliseconds timeout, bool first) {
  std::unique_lock lock(mutex_);
  if (first) {
    auto hasWork = [&] { return !ready_.empty(); };
    if (timeout < std::chrono::milliseconds::zero()) {
      cv_.wait(lock, hasWork);
    } else if (!cv_.wait_for(lock, timeout, hasWork)) {
      return false;
    }
  }
  if (ready_.empty() || (!first && ready_.front() == nullptr)) return false;  // a wake-up comes alone
  r = ready_.front();
  ready_.pop_front();
  return true;
}

struct CompletionPort::Impl {
  Scheduler scheduler;
  std::unique_ptr<Reactor> reactor;
  IoBackend backend = IoBackend::Epoll;

  void post(Registration& r, Operation& op, bool write) {
    op.transferred = 0;
    op.error.clear();
    op.next = nullptr;
    scheduler.inFlight.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(r.mutex);
    if (r.failure) {
      op.error = r.failure;
      r.done.push(&op);
    } else {
      reactor->start(r, write ? r.writes : r.reads, op);
    }
    scheduler.schedule(r);
  }
};

CompletionPort::CompletionPort(IoBackend backend) : impl_(std::make_unique<Impl>()) {
  if (backend == IoBackend::Iocp) throw std::system_error(std::make_error_code(std::errc::not_supported), "IOCP");
  if (backend != IoBackend::Epoll) {
    std::error_code error;
    impl_->reactor = makeUringReactor(impl_->scheduler, error);
    impl_->backend = IoBackend::Uring;
    if (!impl_->reactor && backend == IoBackend::Uring) throw std::system_error(error, "io_uring");
  }
  if (!impl_->reactor) {
    impl_->reactor = makeEpollReactor(impl_->scheduler);
    impl_->backend = IoBackend::Epoll;
  }
}

CompletionPort::~CompletionPort() = default;

IoBackend CompletionPort::backend() const { return impl_->backend; }

Registration* CompletionPort::associate(net::NativeSocket socket, CompletionHandler* key) {
  return impl_->reactor->associate(socket, key);
}

void CompletionPort::dissociate(Registration* r) {
  bool idle;
  {
    std::lock_guard lock(r->mutex);
    r->released = true;
    impl_->reactor->forget(*r);
    idle = !r->owned && !r->queued;
  }
  if (idle) impl_->reactor->retire(r);
}

void CompletionPort::postAccept(Registration* listener, AcceptOperation& op) {
  op.kind = OpKind::Accept;
  op.accepted = net::kInvalidSocket;
  impl_->post(*listener, op, false);
}

void CompletionPort::postReceive(Registration* r, Operation& op) {
  op.kind = OpKind::Receive;
  impl_->post(*r, op, false);
}

void CompletionPort::postSend(Registration* r, Operation& op) {
  op.kind = OpKind::Send;
  impl_->post(*r, op, true);
}

void CompletionPort::cancel(Registration* r) {
  std::lock_guard lock(r->mutex);
  if (!r->failure) impl_->reactor->fail(*r, std::make_error_code(std::errc::operation_canceled));
  impl_->scheduler.schedule(*r);
}

void CompletionPort::wake(int count) { impl_->scheduler.wake(count); }

std::size_t CompletionPort::dequeue(CompletionBatch& batch, std::chrono::milliseconds timeout) {
  impl_->reactor->roundEnds();
  for (Registration* r : batch.owned_) {
    bool dead;
    {
      std::lock_guard lock(r->mutex);
      r->owned = false;
      dead = r->released;
      if (!dead) impl_->scheduler.schedule(*r);
    }
    if (dead) impl_->reactor->retire(r);
  }
  batch.owned_.clear();
  batch.items_.clear();

  // Registrations are taken one by one so that the queue lock is never held
  // while a registration's lock is taken (the order is the other way round).
  bool first = true;
  Registration* r = nullptr;
  while (batch.items_.size() < batch.capacity_ && impl_->scheduler.next(r, timeout, first)) {
    if (!r) {
      batch.items_.push_back(Completion{});  // a wake-up, alone in its batch
      return 1;
    }
    first = false;
    std::lock_guard lock(r->mutex);
    assert(!r->owned && "one thread at a time handles a registration's completions");
    r->queued = false;
    r->owned = true;
    batch.owned_.push_back(r);
    while (!r->done.empty() && batch.items_.size() < batch.capacity_) {
      Operation* op = r->done.pop();
      batch.items_.push_back(Completion{r->key, op, op->transferred, op->error});
    }
  }
  impl_->scheduler.inFlight.fetch_sub(batch.items_.size());
  if (!batch.items_.empty()) impl_->reactor->roundBegins();
  return batch.items_.size();
}

std::size_t CompletionPort::inFlight() const { return impl_->scheduler.inFlight.load(); }

}  // namespace server
