// The completion-port core: the one interface the server's networking is
// written against, in the style of Windows I/O completion ports.
//
// An operation is posted with its own context (an Operation the caller owns
// and keeps alive until it completes); the port finishes it in the background
// and queues exactly one completion for it (bytes transferred, error);
// worker threads take completions from the queue in batches. Every posted
// operation completes exactly once, also when posting fails or the socket is
// cancelled: errors are completions with an error code, never return values.
//
// How the interface maps onto Win32 (the IOCP backend is a 1:1 translation):
//   CompletionPort()            CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0)
//   associate(socket, key)      CreateIoCompletionPort((HANDLE)socket, port, (ULONG_PTR)key, 0)
//   postAccept(listener, op)    AcceptEx(listener, op.accepted, op.buffer, 0, ..., &op.overlapped)
//   postReceive(r, op)          WSARecv(socket, {op.buffer}, 1, NULL, &flags, &op.overlapped, NULL)
//   postSend(r, op)             WSASend(socket, {op.buffer}, 1, NULL, 0, &op.overlapped, NULL)
//                               (a TCP WSASend completes when the whole buffer is sent; the
//                               epoll backend continues partial sends to give the same result)
//   cancel(r)                   CancelIoEx((HANDLE)socket, NULL): pending operations complete
//                               with operation_canceled (ERROR_OPERATION_ABORTED)
//   wake(n)                     PostQueuedCompletionStatus(port, 0, 0, NULL), n times
//   dequeue(batch, timeout)     GetQueuedCompletionStatusEx(port, entries, n, &count, timeout, FALSE);
//                               each OVERLAPPED_ENTRY gives key, the Operation (the OVERLAPPED is
//                               its first member, so the pointer converts back), bytes and status
//   dissociate(r)               nothing to undo on Windows but freeing the registration; the
//                               association ends when the socket is closed
//
// One guarantee goes beyond raw IOCP and the backends provide it: the
// completions of one registration are handled by one thread at a time. A
// thread owns the registrations of the completions dequeue() gave it until
// its next dequeue() call; meanwhile further completions of those
// registrations wait. Handlers of one connection therefore never race each
// other, without a lock per connection.
//
// Threading: every member function may be called from any thread.
// Ownership: the caller owns Operations and their buffers; a Registration
// belongs to the port and is freed by dissociate().
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "shared/net/socket.h"

namespace server {

enum class OpKind : std::uint8_t { Accept, Receive, Send };

struct Registration;  // one associated socket; backend-defined

// What does the I/O under the port. On Linux epoll (readiness, turned into
// completions) or io_uring (real completions from the kernel); on Windows
// IOCP. Auto: epoll on Linux for now (see CompletionPort's constructor), IOCP on Windows.
enum class IoBackend : std::uint8_t { Auto, Epoll, Uring, Iocp };
inline constexpr std::pair<IoBackend, std::string_view> kIoBackendNames[] = {
    {IoBackend::Auto, "auto"}, {IoBackend::Epoll, "epoll"}, {IoBackend::Uring, "uring"}, {IoBackend::Iocp, "iocp"}};
constexpr std::string_view name(IoBackend backend) {
  for (const auto& [b, text] : kIoBackendNames)
    if (b == backend) return text;
  return "unknown";
}
constexpr std::optional<IoBackend> parseIoBackend(std::string_view text) {
  for (const auto& [b, name] : kIoBackendNames)
    if (name == text) return b;
  return std::nullopt;
}

// The per-operation context. Its first member is room for the OVERLAPPED the
// IOCP backend overlays there (32 bytes on 64-bit Windows); the epoll backend
// leaves it unused.
struct Operation {
  alignas(void*) std::byte overlapped[32] = {};
  OpKind kind = OpKind::Receive;
  // Receive: where the bytes go; Send: the bytes to send, all of them;
  // Accept: unused on Linux, AcceptEx's address buffer on Windows.
  std::span<std::byte> buffer;
  // Accept: the accepted connection once the operation completed
  // successfully; the handler takes ownership of it.
  net::NativeSocket accepted = net::kInvalidSocket;

  // Backend state (OVERLAPPED's Internal/InternalHigh): not for callers.
  std::size_t transferred = 0;
  std::error_code error;
  Operation* next = nullptr;
  Registration* registration = nullptr;  // io_uring: whose operation a completion is
};

// An accept operation: AcceptEx writes the local and the remote address into
// `addresses`, each a sockaddr_storage (128 bytes) plus 16. Not copyable, as
// `buffer` points into the object itself.
struct AcceptOperation : Operation {
  static constexpr std::size_t kAddressBufferSize = 2 * (128 + 16);
  AcceptOperation() { buffer = addresses; }
  AcceptOperation(const AcceptOperation&) = delete;
  AcceptOperation& operator=(const AcceptOperation&) = delete;
  std::array<std::byte, kAddressBufferSize> addresses{};
};

// What a registration's completions are delivered to: the completion key.
class CompletionHandler {
 public:
  virtual void onCompletion(Operation& op, std::size_t bytes, std::error_code error) = 0;

 protected:
  ~CompletionHandler() = default;
};

struct Completion {
  CompletionHandler* key = nullptr;  // null for a wake-up
  Operation* op = nullptr;           // null for a wake-up
  std::size_t bytes = 0;
  std::error_code error;
  bool isWake() const { return op == nullptr; }
};

// The array GetQueuedCompletionStatusEx fills, plus the registrations the
// dequeuing thread owns until its next dequeue.
class CompletionBatch {
 public:
  explicit CompletionBatch(std::size_t capacity = 64) : capacity_(capacity) { items_.reserve(capacity); }
  std::span<const Completion> completions() const { return items_; }

 private:
  friend class CompletionPort;
  std::size_t capacity_;
  std::vector<Completion> items_;
  std::vector<Registration*> owned_;
};

class CompletionPort {
 public:
  // Throws std::system_error if the system refuses the port or the backend
  // asked for (io_uring in a container that forbids it, say).
  explicit CompletionPort(IoBackend backend = IoBackend::Auto);
  ~CompletionPort();
  CompletionPort(const CompletionPort&) = delete;
  CompletionPort& operator=(const CompletionPort&) = delete;

  // Starts delivering completions of `socket` to `key`. The socket must be
  // non-blocking and stay open until dissociate().
  Registration* associate(net::NativeSocket socket, CompletionHandler* key);
  // Ends the association once no operation of `r` is pending any more (the
  // owner knows: every operation it posted has completed). Frees `r`.
  void dissociate(Registration* r);

  void postAccept(Registration* listener, AcceptOperation& op);
  void postReceive(Registration* r, Operation& op);
  void postSend(Registration* r, Operation& op);
  // Completes every pending operation of `r` with operation_canceled, and
  // every later one too: a cancelled registration is finished.
  void cancel(Registration* r);

  // Queues `count` wake-ups; a worker that dequeues one stops. They queue
  // behind the completions already queued, as on Windows.
  void wake(int count = 1);
  // Releases the registrations `batch` owned, then waits up to `timeout` for
  // completions and fills `batch` with up to its capacity. A wake-up comes
  // alone in its batch. Returns the number of completions (0 on timeout).
  std::size_t dequeue(CompletionBatch& batch, std::chrono::milliseconds timeout);

  // Operations posted and not yet handed out by dequeue(): 0 once a server
  // that stopped has every operation back.
  std::size_t inFlight() const;
  // The backend serving this port (never Auto).
  IoBackend backend() const;

  static constexpr std::chrono::milliseconds kInfinite{-1};

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace server
