// The epoll reactor of the Linux completion port (linux_port.h), the
// fallback where io_uring is refused.
//
// epoll reports readiness; this file turns it into completions. One poller
// thread plays the part the kernel plays for IOCP: it waits in epoll_wait and
// performs the I/O of the operations whose socket became ready. Starting an
// operation also attempts it at once, so a send into a socket with room
// completes without a trip through epoll. Per socket, operations wait in two
// FIFO queues (accept/receive and send) and run in order; a send is
// continued until its whole buffer is out, as a TCP WSASend completes.
//
// Sockets are registered EPOLLONESHOT and re-armed with exactly the
// directions that have operations waiting, so an idle connection costs no
// wake-ups and one readiness event is handled once.
//
// Registrations are freed by the poller thread only, between two epoll_wait
// calls: an event already returned for a registration that was dissociated
// meanwhile then still points to live memory and is ignored.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <thread>
#include <vector>

#include "game_server/net/linux_port.h"

namespace server {
namespace {

struct EpollRegistration final : Registration {
  using Registration::Registration;
  std::uint32_t armed = 0;  // directions armed in epoll; 0 once an event fired
  bool inEpoll = false;
  // The last receive left the socket empty (it did not fill its buffer): a
  // receive posted now would most likely find nothing, so it waits for
  // epoll instead of costing a recv that fails with EAGAIN.
  bool drained = false;
};

EpollRegistration& epollOf(Registration& r) { return static_cast<EpollRegistration&>(r); }

class EpollReactor final : public Reactor {
 public:
  explicit EpollReactor(Scheduler& scheduler) : Reactor(scheduler) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) throw std::system_error(systemError(errno), "epoll_create1");
    event_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (event_ < 0) {
      ::close(epoll_);
      throw std::system_error(systemError(errno), "eventfd");
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, event_, &ev);
    poller_ = std::thread([this] { pollLoop(); });
  }

  ~EpollReactor() override {
    stopping_ = true;
    pokePoller();
    poller_.join();
    freeGraveyard();
    ::close(event_);
    ::close(epoll_);
  }

  Registration* associate(int fd, CompletionHandler* key) override {
    auto* r = new EpollRegistration(fd, key);
    epoll_event ev{};
    ev.events = EPOLLONESHOT;  // registered disarmed; posts arm it
    ev.data.ptr = r;
    // An error or hang-up can be reported as soon as the socket is added.
    std::lock_guard lock(r->mutex);
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) == 0) {
      r->inEpoll = true;
    } else {
      r->failure = systemError(errno);
    }
    return r;
  }

  void start(Registration& base, OpQueue& q, Operation& op) override {
    EpollRegistration& r = epollOf(base);
    q.push(&op);
    // Arming epoll is enough for a receive after a drained one: epoll_ctl
    // reports data that is already there at once.
    if (q.head == &op && !(op.kind == OpKind::Receive && r.drained)) drive(r, q);
    rearm(r);
  }

  void fail(Registration& base, std::error_code error) override {
    EpollRegistration& r = epollOf(base);
    assert(r.mutex.heldHere());
    r.failure = error;
    for (OpQueue* q : {&r.reads, &r.writes}) {
      while (!q->empty()) {
        Operation* op = q->pop();
        op->error = error;
        r.done.push(op);
      }
    }
    forget(r);
  }

  void forget(Registration& base) override {
    EpollRegistration& r = epollOf(base);
    assert(r.mutex.heldHere());
    if (r.inEpoll) {
      ::epoll_ctl(epoll_, EPOLL_CTL_DEL, r.fd, nullptr);
      r.inEpoll = false;
    }
  }

  void retire(Registration* r) override {
    {
      std::lock_guard lock(graveMutex_);
      graveyard_.push_back(r);
    }
    pokePoller();
  }

 private:
  void pokePoller() {
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(event_, &one, sizeof one);
  }

  void freeGraveyard() {
    std::vector<Registration*> dead;
    {
      std::lock_guard lock(graveMutex_);
      dead.swap(graveyard_);
    }
    for (Registration* r : dead) delete r;
  }

  // Tries `op` once; true when it finished (successfully or not), false when
  // the socket is not ready for it.
  static bool attempt(EpollRegistration& r, Operation& op) {
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
  static void drive(EpollRegistration& r, OpQueue& q) {
    assert(r.mutex.heldHere());
    while (!q.empty() && attempt(r, *q.head)) r.done.push(q.pop());
  }

  // Arms epoll for exactly the directions with waiting operations.
  void rearm(EpollRegistration& r) {
    assert(r.mutex.heldHere());
    if (!r.inEpoll) return;
    std::uint32_t want = (r.reads.empty() ? 0u : std::uint32_t{EPOLLIN}) |
                         (r.writes.empty() ? 0u : std::uint32_t{EPOLLOUT});
    if (want == 0 || want == r.armed) return;
    epoll_event ev{};
    ev.events = want | EPOLLONESHOT;
    ev.data.ptr = &r;
    if (::epoll_ctl(epoll_, EPOLL_CTL_MOD, r.fd, &ev) == 0) {
      r.armed = want;
    } else {
      fail(r, systemError(errno));
    }
  }

  void pollLoop() {
    constexpr int kEvents = 128;
    epoll_event events[kEvents];
    while (!stopping_.load()) {
      freeGraveyard();
      int n = ::epoll_wait(epoll_, events, kEvents, -1);
      if (n < 0) continue;  // EINTR; nothing else can fail with valid arguments
      for (int i = 0; i < n; ++i) {
        auto* r = static_cast<EpollRegistration*>(events[i].data.ptr);
        if (!r) {
          std::uint64_t count;
          [[maybe_unused]] auto got = ::read(event_, &count, sizeof count);
          continue;
        }
        std::lock_guard lock(r->mutex);
        if (r->released || r->failure) continue;
        r->armed = 0;  // one-shot: the event disarmed it
        drive(*r, r->reads);
        drive(*r, r->writes);
        rearm(*r);
        scheduler_.schedule(*r);
      }
    }
  }

  int epoll_ = -1;
  int event_ = -1;  // eventfd: wakes the poller to free registrations or stop
  std::atomic<bool> stopping_{false};
  std::thread poller_;
  std::mutex graveMutex_;
  std::vector<Registration*> graveyard_;
};

}  // namespace

std::unique_ptr<Reactor> makeEpollReactor(Scheduler& scheduler) { return std::make_unique<EpollReactor>(scheduler); }

}  // namespace server
