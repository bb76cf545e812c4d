// The Linux completion port in two halves, as asio splits its scheduler from
// its reactors: the Scheduler keeps the one ready queue and the one
// ownership rule (a registration's completions are handled by one thread at
// a time, completion_port.h), and a Reactor does the I/O and hands finished
// operations to the scheduler. Two reactors: epoll (readiness; its poller
// thread performs the I/O) and io_uring (the kernel performs it and reports
// completions). Private to the Linux backend.
//
// Threading: every Registration's queues and flags are guarded by its own
// mutex; the scheduler's queue lock is taken inside it, never the other way
// round (order: registration, then ready queue).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <system_error>

#include "game_server/net/completion_port.h"
#include "game_server/net/mutex.h"
#include "game_server/net/op_queue.h"

namespace server {

struct Registration {
  Registration(int f, CompletionHandler* k) : fd(f), key(k) {}
  virtual ~Registration() = default;

  const int fd;
  CompletionHandler* const key;
  Mutex mutex;
  OpQueue reads;   // accepts or receives, in posting order
  OpQueue writes;  // sends, in posting order
  OpQueue done;    // completed, waiting to be dequeued
  std::error_code failure;  // set: cancelled (or never registered); posts fail with it
  bool owned = false;     // a worker is handling its completions
  bool queued = false;    // it is in the ready queue
  bool released = false;  // dissociated: freed once no worker has it and no event can name it
};

class Reactor;

// With a reactor that has no thread of its own (io_uring), the scheduler
// runs it as asio runs its reactor task: a worker that finds nothing ready
// waits in the reactor for the kernel's completions, takes the first
// registration that becomes ready itself (no hand-off) and wakes another
// worker for the rest; the others wait on the condition variable. Something
// made ready by any other thread wakes an idle worker, or interrupts the one
// waiting in the reactor when none is idle.
class Scheduler {
 public:
  // The reactor the workers wait in; null: it has a thread of its own.
  void setTask(Reactor* task) { task_ = task; }
  // Queues `r` for a worker if it has completions and no worker has it. Under r.mutex.
  void schedule(Registration& r);
  void wake(int count);
  // The next registration with completions, or a wake-up (nullptr), waiting
  // up to `timeout` for the first; `first` false: only what is there now.
  // False when there is none.
  bool next(Registration*& r, std::chrono::milliseconds timeout, bool first);

  std::atomic<std::size_t> inFlight{0};  // posted, not yet dequeued

 private:
  // Someone must look at the ready queue: an idle worker, or the one in the task. Under mutex_.
  void wakeOne();

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Registration*> ready_;  // nullptr: a wake-up
  Reactor* task_ = nullptr;
  int idle_ = 0;               // workers waiting on cv_
  bool taskRunning_ = false;   // a worker waits in the task
  bool interrupted_ = false;   // and has been asked to come out
};

class Reactor {
 public:
  explicit Reactor(Scheduler& scheduler) : scheduler_(scheduler) {}
  virtual ~Reactor() = default;
  Reactor(const Reactor&) = delete;
  Reactor& operator=(const Reactor&) = delete;

  virtual Registration* associate(int fd, CompletionHandler* key) = 0;
  // Under r.mutex, r not failed: `op` joins `q` (r.reads or r.writes) and
  // runs once the operations before it in `q` have finished.
  virtual void start(Registration& r, OpQueue& q, Operation& op) = 0;
  // Under r.mutex: finishes every waiting operation with `error`, and every
  // later one too (sets r.failure).
  virtual void fail(Registration& r, std::error_code error) = 0;
  // Under r.mutex: r is dissociated; report nothing more for it.
  virtual void forget(Registration& r) = 0;
  // `r` is released and no worker has it: free it once nothing can name it.
  virtual void retire(Registration* r) = 0;
  // A dequeuing thread hands out a batch / comes back for the next one: a
  // reactor may hold the operations its handlers post in between and start
  // them together.
  virtual void roundBegins() {}
  virtual void roundEnds() {}
  // A reactor without a thread of its own is run by the workers (Scheduler):
  // run() waits up to `timeout` for the kernel's completions and hands them
  // to the scheduler; interrupt() makes a run() under way return soon. Any thread.
  virtual bool runByWorkers() const { return false; }
  virtual void run(std::chrono::milliseconds) {}
  virtual void interrupt() {}

 protected:
  Scheduler& scheduler_;
};

std::unique_ptr<Reactor> makeEpollReactor(Scheduler& scheduler);
// Null, with `error` set, when the system refuses io_uring (old kernel, a
// container's seccomp policy) or the build has no liburing.
std::unique_ptr<Reactor> makeUringReactor(Scheduler& scheduler, std::error_code& error);

inline std::error_code systemError(int e) { return {e, std::system_category()}; }

}  // namespace server
