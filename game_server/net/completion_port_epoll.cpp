// The Linux backend of the completion port, over epoll.
//
// epoll reports readiness; this file turns it into completions. One poller
// thread plays the part the kernel plays for IOCP: it waits in epoll_wait and
// performs the I/O of the operations whose socket became ready. Posting also
// attempts the operation at once, so a send into a socket with room completes
// without a trip through epoll. Per socket, operations wait in two FIFO
// queues (accept/receive and send) and run in order; a send is continued
// until its whole buffer is out, as a TCP WSASend completes.
//
// Sockets are registered EPOLLONESHOT and re-armed with exactly the
// directions that have operations waiting, so an idle connection costs no
// wake-ups and one readiness event is handled once. A registration's state is
// guarded by its own mutex; the only lock taken inside it is the ready-queue
// lock (order: registration, then queue). Completions of one registration are
// handed to one worker at a time (`owned`), see completion_port.h.
//
// Registrations are freed by the poller thread only, between two epoll_wait
// calls: an event already returned for a registration that was dissociated
// meanwhile then still points to live memory and is ignored.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cassert>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "game_server/net/completion_port.h"
#include "game_server/net/mutex.h"
#include "game_server/net/op_queue.h"

namespace server {
namespace {

std::error_code systemError(int e) { return {e, std::system_category()}; }

}  // namespace

struct Registration {
  Registration(int f, CompletionHandler* k) : fd(f), key(k) {}

  const int fd;
  CompletionHandler* const key;
  Mutex mutex;
  OpQueue reads;   // accepts or receives, in posting order
  OpQueue writes;  // sends, in posting order
  OpQueue done;    // completed, waiting to be dequeued
  std::uint32_t armed = 0;  // directions armed in epoll; 0 once an event fired
  std::error_code failure;  // set: cancelled (or never registered); posts fail with it
  bool inEpoll = false;
  bool owned = false;   // a worker is handling its completions
  bool queued = false;  // it is in the ready queue
  bool released = false;
  // The last receive left the socket empty (it did not fill its buffer): a
  // receive posted now would most likely find nothing, so it waits for
  // epoll instead of costing a recv that fails with EAGAIN.
  bool drained = false;
};

struct CompletionPort::Impl {
  int epoll = -1;
  int event = -1;  // eventfd: wakes the poller to free registrations or stop
  std::atomic<bool> stopping{false};
  std::thread poller;

  std::mutex readyMutex;
  std::condition_variable readyCv;
  std::deque<Registration*> ready;  // nullptr: a wake-up

  std::mutex graveMutex;
  std::vector<Registration*> graveyard;

  std::atomic<std::size_t> inFlight{0};

  void pokePoller() {
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(event, &one, sizeof one);
  }

  void bury(Registration* r) {
    {
      std::lock_guard lock(graveMutex);
      graveyard.push_back(r);
    }
    pokePoller();
  }

  void freeGraveyard() {
    std::vector<Registration*> dead;
    {
      std::lock_guard lock(graveMutex);
      dead.swap(graveyard);
    }
    for (Registration* r : dead) delete r;
  }

  // Queues `r` for a worker if it has completions and no
  // worker has it.
  void schedule(Registration& r) {
    assert(r.mutex.heldHere());
    if (r.done.empty() || r.owned || r.queued) return;
    r.queued = true;
    {
      std::lock_guard lock(readyMutex);
      ready.push_back(&r);
    }
    readyCv.notify_one();
  }

  // Tries `op` once; true when it finished (successfully or
  // not), false when the socket is not ready for it.
  static bool attempt(Registration& r, Operation& op) {
    assert(r.mutex.heldHere());
    for (;;) {
      ssize_t n = 0;
      switch (op.kind) {
        case OpKind::Accept: {
          int s = ::accept4(r.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
          if (s >= 0) {
            op.accepted = s;
            return true;
          }
          n = -1;
          break;
        }
        case OpKind::Receive:
          n = ::recv(r.fd, op.buffer.data(), op.buffer.size(), 0);
          if (n >= 0) {
            op.transferred = static_cast<std::size_t>(n);
            r.drained = op.transferred < op.buffer.size();
            return true;
          }
          break;
        case OpKind::Send:
          while (op.transferred < op.buffer.size()) {
            n = ::send(r.fd, op.buffer.data() + op.transferred, op.buffer.size() - op.transferred, MSG_NOSIGNAL);
            if (n < 0) break;
            op.transferred += static_cast<std::size_t>(n);
          }
          if (n >= 0) return true;
          break;
      }
      int e = errno;
      if (e == EINTR) continue;
      if (e == EAGAIN || e == EWOULDBLOCK) return false;
      op.error = systemError(e);
      return true;
    }
  }

  // Runs the queue's operations in order while they finish.
  static void drive(Registration& r, OpQueue& q) {
    assert(r.mutex.heldHere());
    while (!q.empty() && attempt(r, *q.head)) r.done.push(q.pop());
  }

  // Arms epoll for exactly the directions with waiting operations.
  void rearm(Registration& r) {
    assert(r.mutex.heldHere());
    if (!r.inEpoll) return;
    std::uint32_t want = (r.reads.empty() ? 0u : std::uint32_t{EPOLLIN}) |
                         (r.writes.empty() ? 0u : std::uint32_t{EPOLLOUT});
    if (want == 0 || want == r.armed) return;
    epoll_event ev{};
    ev.events = want | EPOLLONESHOT;
    ev.data.ptr = &r;
    if (::epoll_ctl(epoll, EPOLL_CTL_MOD, r.fd, &ev) == 0) {
      r.armed = want;
    } else {
      failAll(r, systemError(errno));
    }
  }

  // Finishes every waiting operation with `error`, and every
  // later one too.
  void failAll(Registration& r, std::error_code error) {
    assert(r.mutex.heldHere());
    r.failure = error;
    for (OpQueue* q : {&r.reads, &r.writes}) {
      while (!q->empty()) {
        Operation* op = q->pop();
        op->error = error;
        r.done.push(op);
      }
    }
    if (r.inEpoll) {
      ::epoll_ctl(epoll, EPOLL_CTL_DEL, r.fd, nullptr);
      r.inEpoll = false;
    }
  }

  void post(Registration& r, Operation& op, bool write) {
    op.transferred = 0;
    op.error.clear();
    op.next = nullptr;
    inFlight.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(r.mutex);
    if (r.failure) {
      op.error = r.failure;
      r.done.push(&op);
    } else {
      OpQueue& q = write ? r.writes : r.reads;
      q.push(&op);
      // Arming epoll is enough for a receive after a drained one: epoll_ctl
      // reports data that is already there at once.
      if (q.head == &op && !(op.kind == OpKind::Receive && r.drained)) drive(r, q);
      rearm(r);
    }
    schedule(r);
  }

  void pollLoop() {
    constexpr int kEvents = 128;
    epoll_event events[kEvents];
    while (!stopping.load()) {
      freeGraveyard();
      int n = ::epoll_wait(epoll, events, kEvents, -1);
      if (n < 0) continue;  // EINTR; nothing else can fail with valid arguments
      for (int i = 0; i < n; ++i) {
        auto* r = static_cast<Registration*>(events[i].data.ptr);
        if (!r) {
          std::uint64_t count;
          [[maybe_unused]] auto got = ::read(event, &count, sizeof count);
          continue;
        }
        std::lock_guard lock(r->mutex);
        if (r->released || r->failure) continue;
        r->armed = 0;  // one-shot: the event disarmed it
        drive(*r, r->reads);
        drive(*r, r->writes);
        rearm(*r);
        schedule(*r);
      }
    }
  }
};

CompletionPort::CompletionPort() : impl_(std::make_unique<Impl>()) {
  impl_->epoll = ::epoll_create1(EPOLL_CLOEXEC);
  if (impl_->epoll < 0) throw std::system_error(systemError(errno), "epoll_create1");
  impl_->event = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl_->event < 0) {
    ::close(impl_->epoll);
    throw std::system_error(systemError(errno), "eventfd");
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.ptr = nullptr;
  ::epoll_ctl(impl_->epoll, EPOLL_CTL_ADD, impl_->event, &ev);
  impl_->poller = std::thread([this] { impl_->pollLoop(); });
}

CompletionPort::~CompletionPort() {
  impl_->stopping = true;
  impl_->pokePoller();
  impl_->poller.join();
  impl_->freeGraveyard();
  ::close(impl_->event);
  ::close(impl_->epoll);
}

Registration* CompletionPort::associate(net::NativeSocket socket, CompletionHandler* key) {
  auto* r = new Registration(socket, key);
  epoll_event ev{};
  ev.events = EPOLLONESHOT;  // registered disarmed; posts arm it
  ev.data.ptr = r;
  // An error or hang-up can be reported as soon as the socket is added.
  std::lock_guard lock(r->mutex);
  if (::epoll_ctl(impl_->epoll, EPOLL_CTL_ADD, socket, &ev) == 0) {
    r->inEpoll = true;
  } else {
    r->failure = systemError(errno);
  }
  return r;
}

void CompletionPort::dissociate(Registration* r) {
  bool idle;
  {
    std::lock_guard lock(r->mutex);
    r->released = true;
    if (r->inEpoll) {
      ::epoll_ctl(impl_->epoll, EPOLL_CTL_DEL, r->fd, nullptr);
      r->inEpoll = false;
    }
    idle = !r->owned && !r->queued;
  }
  if (idle) impl_->bury(r);
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
  if (!r->failure) impl_->failAll(*r, std::make_error_code(std::errc::operation_canceled));
  impl_->schedule(*r);
}

void CompletionPort::wake(int count) {
  {
    std::lock_guard lock(impl_->readyMutex);
    for (int i = 0; i < count; ++i) impl_->ready.push_back(nullptr);
  }
  impl_->readyCv.notify_all();
}

std::size_t CompletionPort::dequeue(CompletionBatch& batch, std::chrono::milliseconds timeout) {
  for (Registration* r : batch.owned_) {
    bool dead;
    {
      std::lock_guard lock(r->mutex);
      r->owned = false;
      dead = r->released;
      if (!dead) impl_->schedule(*r);
    }
    if (dead) impl_->bury(r);
  }
  batch.owned_.clear();
  batch.items_.clear();

  // Registrations are taken one by one so that the queue lock is never held
  // while a registration's lock is taken (the order is the other way round).
  bool first = true;
  while (batch.items_.size() < batch.capacity_) {
    Registration* r;
    {
      std::unique_lock lock(impl_->readyMutex);
      if (first) {
        auto hasWork = [&] { return !impl_->ready.empty(); };
        if (timeout < std::chrono::milliseconds::zero()) {
          impl_->readyCv.wait(lock, hasWork);
        } else if (!impl_->readyCv.wait_for(lock, timeout, hasWork)) {
          return 0;
        }
      }
      if (impl_->ready.empty()) break;
      r = impl_->ready.front();
      if (!r) {
        if (!first) break;  // a wake-up comes alone
        impl_->ready.pop_front();
        batch.items_.push_back(Completion{});
        return 1;
      }
      impl_->ready.pop_front();
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
  impl_->inFlight.fetch_sub(batch.items_.size());
  return batch.items_.size();
}

std::size_t CompletionPort::inFlight() const { return impl_->inFlight.load(); }

}  // namespace server
