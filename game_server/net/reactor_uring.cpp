// The io_uring reactor of the Linux completion port (linux_port.h): real
// completion I/O, IOCP's shape call for call. An accept, receive or send is
// submitted with its Operation as the user data; the kernel performs it and
// its completion comes back on the completion queue. The reactor has no
// thread of its own: the scheduler runs it on a worker that found nothing
// ready (asio's reactor task), which waits in the kernel, hands the
// completed operations to the scheduler, starts the next one of each
// direction, and then takes the first ready registration itself, so a
// completion reaches its handler without a hand-off between threads. No
// readiness, no re-arming, no EAGAIN receive.
//
// Per socket the operations still run in order, one at a time per
// direction (accept/receive, send): the head of each queue is in the
// kernel, the rest wait. A send is resubmitted from where it stopped until
// its whole buffer is out, as a TCP WSASend completes. Where a kernel answers
// a socket opened non-blocking with EAGAIN instead of waiting, the operation
// waits for a poll of its direction first.
//
// Submissions: the submission queue is guarded by one mutex. What a
// worker's handlers post during one round of dequeue(), and what one batch of
// completions starts, goes to the kernel in one io_uring_submit. The
// completion queue is read by the worker in the task only, one at a time.
//
// Cancellation: the operations still waiting fail at once; those in the
// kernel get an IORING_OP_ASYNC_CANCEL and complete with the registration's
// failure whatever the kernel reports. After the last completion nothing
// names the registration, so it is freed as soon as it is retired.
#include <liburing.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <cstdint>

#include "game_server/net/linux_port.h"

// ThreadSanitizer cannot see that the kernel orders an operation's
// submission before its completion; these tell it, where it runs.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GAME_TSAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(GAME_TSAN)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#define GAME_TO_KERNEL(op) __tsan_release(op)
#define GAME_FROM_KERNEL(op) __tsan_acquire(op)
#else
#define GAME_TO_KERNEL(op) static_cast<void>(op)
#define GAME_FROM_KERNEL(op) static_cast<void>(op)
#endif

namespace server {
namespace {

constexpr unsigned kEntries = 4096;
// User data that is not an Operation (those are aligned to 8, so the low
// bits of their addresses are free): a poll for the operation at the
// address, a cancel request's own answer, an interruption of the task.
constexpr std::uint64_t kPollBit = 1;
constexpr std::uint64_t kCancelled = 2;
constexpr std::uint64_t kInterrupt = 4;

class UringReactor final : public Reactor {
 public:
  // Throws std::system_error when the system refuses io_uring or lacks an
  // operation this needs.
  explicit UringReactor(Scheduler& scheduler) : Reactor(scheduler) {
    const int rc = io_uring_queue_init(kEntries, &ring_, 0);
    if (rc < 0) throw std::system_error(systemError(-rc), "io_uring_queue_init");
    io_uring_probe* probe = io_uring_get_probe_ring(&ring_);
    // EXT_ARG: a wait with a timeout needs no submission entry, so waiting
    // never touches the submission queue the other threads fill.
    bool supported = probe && (ring_.features & IORING_FEAT_NODROP) && (ring_.features & IORING_FEAT_EXT_ARG);
    for (int op : {IORING_OP_ACCEPT, IORING_OP_RECV, IORING_OP_SEND, IORING_OP_ASYNC_CANCEL, IORING_OP_POLL_ADD})
      supported = supported && io_uring_opcode_supported(probe, op);
    if (probe) io_uring_free_probe(probe);
    if (!supported) {
      io_uring_queue_exit(&ring_);
      throw std::system_error(std::make_error_code(std::errc::function_not_supported), "io_uring operations");
    }
  }

  ~UringReactor() override { io_uring_queue_exit(&ring_); }

  Registration* associate(int fd, CompletionHandler* key) override { return new Registration(fd, key); }

  void start(Registration& r, OpQueue& q, Operation& op) override {
    assert(r.mutex.heldHere());
    op.registration = &r;
    q.push(&op);
    if (q.head == &op) submit(r, op);
  }

  void fail(Registration& r, std::error_code error) override {
    assert(r.mutex.heldHere());
    r.failure = error;
    for (OpQueue* q : {&r.reads, &r.writes}) {
      if (q->empty()) continue;
      Operation* inKernel = q->pop();
      while (!q->empty()) {
        Operation* op = q->pop();
        op->error = error;
        r.done.push(op);
      }
      q->push(inKernel);
      // It may be waiting in its own request or in a poll before it.
      std::lock_guard lock(submitMutex_);
      for (std::uint64_t target : {address(*inKernel), address(*inKernel) | kPollBit}) {
        io_uring_sqe* sqe = sqeLocked();
        io_uring_prep_cancel64(sqe, target, 0);
        io_uring_sqe_set_data64(sqe, kCancelled);
      }
      submitLocked();
    }
  }

  void forget(Registration&) override {}  // nothing of it is in the kernel once its operations are back

  void retire(Registration* r) override { delete r; }

  bool runByWorkers() const override { return true; }

  void run(std::chrono::milliseconds timeout) override {
    io_uring_cqe* cqe = nullptr;
    int rc;
    if (timeout < std::chrono::milliseconds::zero()) {
      rc = io_uring_wait_cqe(&ring_, &cqe);
    } else {
      __kernel_timespec ts{};
      ts.tv_sec = timeout.count() / 1000;
      ts.tv_nsec = (timeout.count() % 1000) * 1'000'000;
      rc = io_uring_wait_cqe_timeout(&ring_, &cqe, &ts);
    }
    if (rc < 0) return;  // the time is up, or a signal came
    // What the completions start goes to the kernel together afterwards.
    tDeferring = this;
    unsigned head;
    unsigned seen = 0;
    io_uring_for_each_cqe(&ring_, head, cqe) {
      ++seen;
      const std::uint64_t data = io_uring_cqe_get_data64(cqe);
      if (data == kCancelled || data == kInterrupt) continue;
      auto* op = reinterpret_cast<Operation*>(static_cast<std::uintptr_t>(data & ~kPollBit));
      GAME_FROM_KERNEL(op);
      complete(*op, cqe->res, (data & kPollBit) != 0);
    }
    io_uring_cq_advance(&ring_, seen);
    roundEnds();
  }

  void interrupt() override {
    std::lock_guard lock(submitMutex_);
    io_uring_sqe* sqe = sqeLocked();
    io_uring_prep_nop(sqe);
    io_uring_sqe_set_data64(sqe, kInterrupt);
    io_uring_submit(&ring_);
  }

  void roundBegins() override { tDeferring = this; }
  void roundEnds() override {
    if (tDeferring != this) return;
    tDeferring = nullptr;
    std::lock_guard lock(submitMutex_);
    io_uring_submit(&ring_);
  }

 private:
  static std::uint64_t address(const Operation& op) { return reinterpret_cast<std::uintptr_t>(&op); }

  // A free submission entry; a full queue is submitted to make room. Under submitMutex_.
  io_uring_sqe* sqeLocked() {
    io_uring_sqe* sqe = io_uring_get_sqe(&ring_);
    while (!sqe) {
      io_uring_submit(&ring_);
      sqe = io_uring_get_sqe(&ring_);
    }
    return sqe;
  }

  // Submits now, unless this thread is in a round that submits at its end.
  void submitLocked() {
    if (tDeferring != this) io_uring_submit(&ring_);
  }

  // Hands `op`, the head of its queue, to the kernel. Under r.mutex.
  void submit(Registration& r, Operation& op) {
    assert(r.mutex.heldHere());
    std::lock_guard lock(submitMutex_);
    io_uring_sqe* sqe = sqeLocked();
    switch (op.kind) {
      case OpKind::Accept: io_uring_prep_accept(sqe, r.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC); break;
      case OpKind::Receive: io_uring_prep_recv(sqe, r.fd, op.buffer.data(), op.buffer.size(), 0); break;
      case OpKind::Send:
        io_uring_prep_send(sqe, r.fd, op.buffer.data() + op.transferred, op.buffer.size() - op.transferred,
                           MSG_NOSIGNAL);
        break;
    }
    io_uring_sqe_set_data64(sqe, address(op));
    GAME_TO_KERNEL(&op);
    submitLocked();
  }

  // Waits until the socket is ready for `op`'s direction, then submits it again.
  void pollFor(Registration& r, Operation& op) {
    std::lock_guard lock(submitMutex_);
    io_uring_sqe* sqe = sqeLocked();
    io_uring_prep_poll_add(sqe, r.fd, op.kind == OpKind::Send ? POLLOUT : POLLIN);
    io_uring_sqe_set_data64(sqe, address(op) | kPollBit);
    GAME_TO_KERNEL(&op);
    submitLocked();
  }

  // One completion of the kernel's: `op` finished (or its poll did).
  void complete(Operation& op, int result, bool poll) {
    Registration& r = *op.registration;
    std::lock_guard lock(r.mutex);
    OpQueue& q = op.kind == OpKind::Send ? r.writes : r.reads;
    assert(q.head == &op && "only the head of a queue is in the kernel");
    if (!r.failure) {
      if (poll || result == -EAGAIN) {
        poll ? submit(r, op) : pollFor(r, op);
        return;
      }
      if (result == -EINTR) {
        submit(r, op);
        return;
      }
      // Out of descriptors, io_uring says at once, newcomer or not (it takes
      // the descriptor first), and the acceptor would turn away nobody in a
      // loop; as with epoll, the failure is told once a newcomer waits.
      const bool outOfDescriptors = result == -EMFILE || result == -ENFILE;
      if (op.kind == OpKind::Accept && outOfDescriptors && op.transferred == 0) {
        op.transferred = 1;  // polled once: the next failure is told
        pollFor(r, op);
        return;
      }
      if (result < 0) {
        op.error = systemError(-result);
        if (op.kind == OpKind::Accept) op.transferred = 0;
      } else if (op.kind == OpKind::Accept) {
        op.accepted = result;
        op.transferred = 0;
      } else {
        op.transferred += static_cast<std::size_t>(result);
        if (op.kind == OpKind::Send && op.transferred < op.buffer.size()) {
          if (result > 0) {
            submit(r, op);  // the rest of the buffer
            return;
          }
          op.error = systemError(EPIPE);
        }
      }
    } else {
      // A cancelled registration's operations report its failure, whatever
      // came back; a connection the kernel accepted meanwhile is closed.
      if (op.kind == OpKind::Accept && !poll && result >= 0) ::close(result);
      op.error = r.failure;
    }
    r.done.push(q.pop());
    if (op.kind == OpKind::Accept && (op.error == std::errc::too_many_files_open ||
                                      op.error == std::errc::too_many_files_open_in_system)) {
      // The accepts behind it would fail the same way; they are told at once,
      // as epoll tells them, so that none is in the kernel, taking the
      // descriptor the acceptor frees to turn the newcomer away.
      while (!q.empty()) {
        Operation* next = q.pop();
        next->error = op.error;
        r.done.push(next);
      }
    }
    if (!q.empty() && !r.failure) submit(r, *q.head);
    scheduler_.schedule(r);
  }

  static thread_local UringReactor* tDeferring;  // the reactor whose round this thread is in

  io_uring ring_;
  std::mutex submitMutex_;
};

thread_local UringReactor* UringReactor::tDeferring = nullptr;

}  // namespace

std::unique_ptr<Reactor> makeUringReactor(Scheduler& scheduler, std::error_code& error) {
  try {
    return std::make_unique<UringReactor>(scheduler);
  } catch (const std::system_error& refused) {
    error = refused.code();
    return nullptr;
  }
}

}  // namespace server
