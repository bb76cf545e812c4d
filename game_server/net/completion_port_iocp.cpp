// The Windows backend of the completion port: a direct translation onto an
// I/O completion port (see the mapping in completion_port.h).
//
// The kernel does the I/O; this file only posts it and reads completions:
// AcceptEx on pre-created sockets, overlapped WSARecv / WSASend, and
// GetQueuedCompletionStatusEx taking completions in batches. Every Operation
// carries its OVERLAPPED as its first bytes, so the OVERLAPPED* a completion
// returns converts back to the Operation.
//
// Completion keys. A socket is associated with its Registration as key, so a
// completion the kernel queues arrives with that key and its status in the
// OVERLAPPED. An operation that fails while being posted is queued by us
// with PostQueuedCompletionStatus instead, under the key with its low bit set
// and its error in Operation::error: "every posted operation completes
// exactly once" holds either way. Wake-ups are key 0 with no OVERLAPPED.
//
// One thread per registration. IOCP hands completions of the same socket to
// any thread, so the guarantee of completion_port.h is built here: a
// registration is owned by the batch (thread) that took one of its
// completions, until that thread's next dequeue(). A completion dequeued by
// another thread meanwhile is parked on the registration's `deferred` list,
// and the owner takes the parked ones at its next dequeue() before waiting
// for new ones. Both sides decide under the registration's mutex, so nothing
// is parked on a registration nobody owns.
//
// Wine notes (checked with Wine 8.0): a receive pending when the socket is
// closed completes with error 676 rather than Windows' ERROR_NETNAME_DELETED,
// so no code here switches on exact error codes beyond cancellation; and
// DisconnectEx(TF_REUSE_SOCKET) is not supported, so accepted sockets are
// never recycled: every AcceptEx gets a fresh socket.
#include <winsock2.h>
#include <mswsock.h>
#include <windows.h>
#include <ws2tcpip.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <mutex>
#include <vector>

#include "game_server/net/completion_port.h"
#include "game_server/net/mutex.h"
#include "game_server/net/op_queue.h"
#include "shared/net/system.h"

namespace server {
namespace {

static_assert(sizeof(OVERLAPPED) <= sizeof(Operation::overlapped),
              "Operation::overlapped must hold an OVERLAPPED");
static_assert(offsetof(Operation, overlapped) == 0, "the OVERLAPPED must be an Operation's first bytes");

OVERLAPPED* overlappedOf(Operation& op) { return reinterpret_cast<OVERLAPPED*>(op.overlapped); }
Operation* operationOf(OVERLAPPED* ov) { return reinterpret_cast<Operation*>(ov); }

std::error_code windowsError(DWORD e) { return net::sys::makeError(static_cast<int>(e)); }

constexpr ULONG_PTR kFailedTag = 1;  // low bit of a key: the error is in Operation::error

}  // namespace

struct Registration {
  Registration(SOCKET s, CompletionHandler* k) : socket(s), key(k) {}

  const SOCKET socket;
  CompletionHandler* const key;
  Mutex mutex;
  const CompletionBatch* owner = nullptr;  // the batch handling its completions, if any
  OpQueue deferred;                        // completions taken while another batch owned it
  std::error_code failure;                 // set: cancelled or never associated; posts fail with it
  bool released = false;                   // dissociated; freed when no batch owns it
  int family = AF_UNSPEC;                  // listener: the family of sockets to accept into
  LPFN_ACCEPTEX acceptEx = nullptr;        // listener: AcceptEx, looked up on first use
};

struct CompletionPort::Impl {
  HANDLE port = nullptr;
  std::atomic<std::size_t> inFlight{0};

  // Queues `op` as completed with `error` (posting failed, or the
  // registration is finished).
  void fail(Registration& r, Operation& op, std::error_code error) {
    op.error = error;
    op.transferred = 0;
    ::PostQueuedCompletionStatus(port, 0, reinterpret_cast<ULONG_PTR>(&r) | kFailedTag, overlappedOf(op));
  }

  // Posts `op` on `r`: `start` issues the overlapped call and returns its
  // error, if it failed at once. The registration's lock is held across the
  // check and the call, so cancel() cannot slip between them and leave an
  // operation it did not cancel.
  template <typename Start>
  void post(Registration& r, Operation& op, OpKind kind, Start start) {
    op.kind = kind;
    std::memset(op.overlapped, 0, sizeof op.overlapped);
    op.transferred = 0;
    op.error.clear();
    op.next = nullptr;
    inFlight.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(r.mutex);
    if (r.failure) {
      fail(r, op, r.failure);
    } else if (const std::error_code e = start()) {
      fail(r, op, e);
    }
  }

  // The error of a WSA call that may have started overlapped I/O: none when
  // it succeeded or is pending (both queue a completion).
  static std::error_code started(bool ok) {
    if (ok) return {};
    const int e = ::WSAGetLastError();
    return e == WSA_IO_PENDING ? std::error_code{} : windowsError(static_cast<DWORD>(e));
  }

  // Issues AcceptEx into a fresh socket.
  std::error_code startAccept(Registration& r, AcceptOperation& op) {
    assert(r.mutex.heldHere());
    if (r.family == AF_UNSPEC) {
      sockaddr_storage local{};
      int length = sizeof local;
      GUID guid = WSAID_ACCEPTEX;
      DWORD got = 0;
      if (::getsockname(r.socket, reinterpret_cast<sockaddr*>(&local), &length) != 0 ||
          ::WSAIoctl(r.socket, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof guid, &r.acceptEx,
                     sizeof r.acceptEx, &got, nullptr, nullptr) != 0)
        return windowsError(static_cast<DWORD>(::WSAGetLastError()));
      r.family = local.ss_family;
    }
    // AcceptEx writes both addresses, each with 16 bytes of its own overhead.
    constexpr DWORD kAddressLength = sizeof(sockaddr_storage) + 16;
    static_assert(2 * kAddressLength <= AcceptOperation::kAddressBufferSize);
    const SOCKET s = ::WSASocketW(r.family, SOCK_STREAM, IPPROTO_TCP, nullptr, 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET) return windowsError(static_cast<DWORD>(::WSAGetLastError()));
    op.accepted = static_cast<net::NativeSocket>(s);
    DWORD received = 0;
    return started(r.acceptEx(r.socket, s, op.addresses.data(), 0, kAddressLength, kAddressLength, &received,
                              overlappedOf(op)));
  }

  // The result of a completion the kernel queued for `op`.
  static std::error_code resultOf(const Registration& r, Operation& op, DWORD& bytes) {
    DWORD flags = 0;
    if (::WSAGetOverlappedResult(r.socket, overlappedOf(op), &bytes, FALSE, &flags)) return {};
    return windowsError(static_cast<DWORD>(::WSAGetLastError()));
  }

  // Finishes an accepted socket: it inherits the listener's properties so
  // getpeername and shutdown work on it.
  static std::error_code finishAccept(const Registration& listener, Operation& op) {
    const SOCKET accepted = static_cast<SOCKET>(op.accepted);
    if (::setsockopt(accepted, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, reinterpret_cast<const char*>(&listener.socket),
                     sizeof listener.socket) != 0)
      return windowsError(static_cast<DWORD>(::WSAGetLastError()));
    return {};
  }
};

CompletionPort::CompletionPort(IoBackend backend) : impl_(std::make_unique<Impl>()) {
  if (backend != IoBackend::Auto && backend != IoBackend::Iocp)
    throw std::system_error(std::make_error_code(std::errc::not_supported), std::string(name(backend)));
  impl_->port = ::CreateIoCompletionPort(INVALID_HANDLE_VALUE, nullptr, 0, 0);
  if (!impl_->port) throw std::system_error(windowsError(::GetLastError()), "CreateIoCompletionPort");
}

CompletionPort::~CompletionPort() { ::CloseHandle(impl_->port); }

IoBackend CompletionPort::backend() const { return IoBackend::Iocp; }

Registration* CompletionPort::associate(net::NativeSocket socket, CompletionHandler* key) {
  auto* r = new Registration(static_cast<SOCKET>(socket), key);
  if (!::CreateIoCompletionPort(reinterpret_cast<HANDLE>(r->socket), impl_->port, reinterpret_cast<ULONG_PTR>(r), 0))
    r->failure = windowsError(::GetLastError());
  return r;
}

void CompletionPort::dissociate(Registration* r) {
  bool idle;
  {
    std::lock_guard lock(r->mutex);
    r->released = true;
    idle = r->owner == nullptr;
  }
  if (idle) delete r;  // else its owner frees it when it lets go (dequeue)
}

void CompletionPort::postAccept(Registration* listener, AcceptOperation& op) {
  op.accepted = net::kInvalidSocket;
  impl_->post(*listener, op, OpKind::Accept, [&] { return impl_->startAccept(*listener, op); });
}

void CompletionPort::postReceive(Registration* r, Operation& op) {
  impl_->post(*r, op, OpKind::Receive, [&] {
    WSABUF buf{static_cast<ULONG>(op.buffer.size()), reinterpret_cast<char*>(op.buffer.data())};
    DWORD flags = 0;
    return Impl::started(::WSARecv(r->socket, &buf, 1, nullptr, &flags, overlappedOf(op), nullptr) == 0);
  });
}

void CompletionPort::postSend(Registration* r, Operation& op) {
  // A TCP WSASend completes when the whole buffer is sent (or fails).
  impl_->post(*r, op, OpKind::Send, [&] {
    WSABUF buf{static_cast<ULONG>(op.buffer.size()), reinterpret_cast<char*>(op.buffer.data())};
    return Impl::started(::WSASend(r->socket, &buf, 1, nullptr, 0, overlappedOf(op), nullptr) == 0);
  });
}

void CompletionPort::cancel(Registration* r) {
  std::lock_guard lock(r->mutex);
  if (r->failure) return;
  // Pending operations complete with ERROR_OPERATION_ABORTED; later posts
  // fail with this (post()).
  r->failure = std::make_error_code(std::errc::operation_canceled);
  ::CancelIoEx(reinterpret_cast<HANDLE>(r->socket), nullptr);
}

void CompletionPort::wake(int count) {
  for (int i = 0; i < count; ++i) ::PostQueuedCompletionStatus(impl_->port, 0, 0, nullptr);
}

std::size_t CompletionPort::dequeue(CompletionBatch& batch, std::chrono::milliseconds timeout) {
  batch.items_.clear();

  // Let go of the registrations of the last batch, unless completions were
  // parked on them meanwhile: those are this batch's, handled at once.
  std::vector<Registration*> keep;
  for (Registration* r : batch.owned_) {
    bool dead = false;
    {
      std::lock_guard lock(r->mutex);
      if (!r->deferred.empty()) {
        while (!r->deferred.empty()) {
          Operation* op = r->deferred.pop();
          batch.items_.push_back(Completion{r->key, op, op->transferred, op->error});
        }
        keep.push_back(r);
        continue;
      }
      r->owner = nullptr;
      dead = r->released;
    }
    if (dead) delete r;
  }
  batch.owned_.swap(keep);
  if (!batch.items_.empty()) {
    impl_->inFlight.fetch_sub(batch.items_.size());
    return batch.items_.size();
  }

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<OVERLAPPED_ENTRY> entries(batch.capacity_);
  for (;;) {
    DWORD wait = INFINITE;
    if (timeout >= std::chrono::milliseconds::zero()) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      wait = static_cast<DWORD>(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
    }
    ULONG count = 0;
    if (!::GetQueuedCompletionStatusEx(impl_->port, entries.data(), static_cast<ULONG>(entries.size()), &count, wait,
                                       FALSE))
      return 0;  // timed out (or the port is gone)

    int wakes = 0;
    for (ULONG i = 0; i < count; ++i) {
      OVERLAPPED_ENTRY& e = entries[i];
      if (!e.lpOverlapped) {
        ++wakes;
        continue;
      }
      auto* r = reinterpret_cast<Registration*>(e.lpCompletionKey & ~kFailedTag);
      Operation* op = operationOf(e.lpOverlapped);
      if (!(e.lpCompletionKey & kFailedTag)) {
        DWORD bytes = e.dwNumberOfBytesTransferred;
        op->error = Impl::resultOf(*r, *op, bytes);
        op->transferred = bytes;
        if (!op->error && op->kind == OpKind::Accept) op->error = Impl::finishAccept(*r, *op);
      }
      if (op->error && op->kind == OpKind::Accept && op->accepted != net::kInvalidSocket) {
        ::closesocket(static_cast<SOCKET>(op->accepted));
        op->accepted = net::kInvalidSocket;
      }

      std::lock_guard lock(r->mutex);
      // A cancelled registration reports cancellation, whatever code the
      // aborted operation carried (Wine and Windows differ there).
      if (op->error && r->failure) op->error = r->failure;
      if (r->owner && r->owner != &batch) {
        r->deferred.push(op);
        continue;
      }
      if (!r->owner) {
        r->owner = &batch;
        batch.owned_.push_back(r);
      }
      batch.items_.push_back(Completion{r->key, op, op->transferred, op->error});
    }

    // A wake-up comes alone in its batch and queues behind completions:
    // with completions in hand, the wake-ups go back to the end of the queue.
    if (!batch.items_.empty()) {
      wake(wakes);
      impl_->inFlight.fetch_sub(batch.items_.size());
      return batch.items_.size();
    }
    if (wakes > 0) {
      wake(wakes - 1);
      batch.items_.push_back(Completion{});
      return 1;
    }
    // Everything taken was parked on registrations other threads own.
  }
}

std::size_t CompletionPort::inFlight() const { return impl_->inFlight.load(); }

}  // namespace server
