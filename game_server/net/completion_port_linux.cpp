// The Linux completion port: the scheduler (one ready queue, one ownership
// rule) over a reactor chosen when the port is made: epoll, or io_uring when
// asked for (linux_port.h).
#include <cassert>

#include "game_server/net/linux_port.h"

namespace server {

#ifndef GAME_HAVE_URING
std::unique_ptr<Reactor> makeUringReactor(Scheduler&, std::error_code& error) {
  error = std::make_error_code(std::errc::function_not_supported);  // built without liburing
  return nullptr;
}
#endif

namespace {

// The worker now in the task: what it makes ready, it takes or passes on itself.
thread_local bool tInTask = false;

}  // namespace

void Scheduler::wakeOne() {
  if (idle_ > 0) {
    cv_.notify_one();
  } else if (taskRunning_ && !interrupted_ && !tInTask) {
    interrupted_ = true;
    task_->interrupt();
  }
}

void Scheduler::schedule(Registration& r) {
  assert(r.mutex.heldHere());
  if (r.done.empty() || r.owned || r.queued) return;
  r.queued = true;
  std::lock_guard lock(mutex_);
  ready_.push_back(&r);
  if (!tInTask) wakeOne();  // the task's own worker looks when it comes out
}

void Scheduler::wake(int count) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < count; ++i) ready_.push_back(nullptr);
  cv_.notify_all();
  if (taskRunning_ && !interrupted_) {
    interrupted_ = true;
    task_->interrupt();
  }
}

bool Scheduler::next(Registration*& r, std::chrono::milliseconds timeout, bool first) {
  using Clock = std::chrono::steady_clock;
  const bool forever = timeout < std::chrono::milliseconds::zero();
  const auto deadline = forever ? Clock::time_point::max() : Clock::now() + timeout;
  std::unique_lock lock(mutex_);
  while (ready_.empty()) {
    if (!first) return false;
    const auto left = forever ? timeout : std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (!forever && left <= std::chrono::milliseconds::zero()) {
      if (task_ && !taskRunning_) {
        // One look at the kernel's queue before giving up (a stopping server drains it so).
        taskRunning_ = true;
        lock.unlock();
        tInTask = true;
        task_->run(std::chrono::milliseconds::zero());
        tInTask = false;
        lock.lock();
        taskRunning_ = interrupted_ = false;
      }
      if (ready_.empty()) return false;
      break;
    }
    if (task_ && !taskRunning_) {
      taskRunning_ = true;
      lock.unlock();
      tInTask = true;
      task_->run(left);
      tInTask = false;
      lock.lock();
      taskRunning_ = interrupted_ = false;
      continue;
    }
    ++idle_;
    if (forever) {
      cv_.wait(lock);
    } else {
      cv_.wait_until(lock, deadline);
    }
    --idle_;
  }
  if (!first && ready_.front() == nullptr) return false;  // a wake-up comes alone
  r = ready_.front();
  ready_.pop_front();
  // More is ready than this worker takes: another one (or the task) looks.
  if (!ready_.empty()) wakeOne();
  // Nobody waits in the kernel now: an idle worker takes the task over.
  else if (task_ && !taskRunning_ && idle_ > 0) cv_.notify_one();
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
  // Auto is epoll for now, the backend with the longest record; io_uring
  // serves whoever asks for it and runs the same tests in CI.
  if (backend == IoBackend::Uring) {
    std::error_code error;
    impl_->reactor = makeUringReactor(impl_->scheduler, error);
    impl_->backend = IoBackend::Uring;
    if (!impl_->reactor) throw std::system_error(error, "io_uring");
  }
  if (!impl_->reactor) {
    impl_->reactor = makeEpollReactor(impl_->scheduler);
    impl_->backend = IoBackend::Epoll;
  }
  if (impl_->reactor->runByWorkers()) impl_->scheduler.setTask(impl_->reactor.get());
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
