// The thin socket/platform shim: an owning socket handle, platform error text
// and the few blocking helpers the headless clients and tests need. Everything
// platform-specific about sockets lives behind this header (and in the
// server's completion-port backends); callers never include <sys/socket.h> or
// <winsock2.h> themselves.
//
// Errors are std::error_code in std::system_category(): errno values on POSIX,
// WSAGetLastError() values on Windows, so error.message() is the platform's own
// text ("Address already in use") on both.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

namespace net {

#ifdef _WIN32
using NativeSocket = std::uintptr_t;  // SOCKET
inline constexpr NativeSocket kInvalidSocket = ~NativeSocket{0};
#else
using NativeSocket = int;
inline constexpr NativeSocket kInvalidSocket = -1;
#endif

// Keeps the socket library initialised while alive (WSAStartup/WSACleanup on
// Windows; nothing to do on POSIX). Create one in main() before any socket.
class Platform {
 public:
  Platform();
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;
};

// Owns one socket; closes it on destruction. Move-only.
class Socket {
 public:
  Socket() = default;
  explicit Socket(NativeSocket s) : s_(s) {}
  ~Socket() { close(); }
  Socket(Socket&& other) noexcept : s_(other.release()) {}
  Socket& operator=(Socket&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  NativeSocket native() const { return s_; }
  bool valid() const { return s_ != kInvalidSocket; }
  explicit operator bool() const { return valid(); }

  // Gives up ownership without closing.
  NativeSocket release() {
    NativeSocket s = s_;
    s_ = kInvalidSocket;
    return s;
  }
  void reset(NativeSocket s = kInvalidSocket) {
    close();
    s_ = s;
  }
  void close();

 private:
  NativeSocket s_ = kInvalidSocket;
};

// The calling thread's last socket error.
std::error_code lastError();
// "Address already in use" and the like; the platform's own words.
std::string errorText(const std::error_code& error);

std::error_code setNonBlocking(NativeSocket s, bool on);
std::error_code setNoDelay(NativeSocket s, bool on);
// Makes close() reset the connection (RST) instead of a graceful FIN; tests use
// it to play a peer that vanishes mid-operation.
std::error_code setAbortiveClose(NativeSocket s);
// Half-closes the sending direction (FIN) so the peer reads end-of-stream
// while data still in flight is delivered.
std::error_code shutdownSend(NativeSocket s);
// Shuts both directions: the peer reads end-of-stream, our pending receive ends.
std::error_code shutdownBoth(NativeSocket s);

struct Listener {
  Socket socket;
  std::uint16_t port = 0;  // the bound port, also when 0 was asked for
};

// A listening TCP socket on `host` ("127.0.0.1", "0.0.0.0", "::", or empty for
// any IPv4 address) and `port` (0: the system picks a free one). A port that
// is taken fails with the platform's "address in use" error, never silently
// shares the port.
Listener listenTcp(std::string_view host, std::uint16_t port, std::error_code& error);

// Connects to host:port, giving up after `timeout`. The returned socket is in
// blocking mode with TCP_NODELAY set.
Socket connectTcp(std::string_view host, std::uint16_t port, std::chrono::milliseconds timeout,
                  std::error_code& error);

// Blocking helpers for the headless clients and tests.
// Takes the next connection from a (blocking) listener.
Socket acceptConnection(NativeSocket listener, std::error_code& error);
// Sends all of `data` or fails.
std::error_code sendAll(NativeSocket s, std::span<const std::byte> data);
// Receives what is available, waiting up to `timeout` for something to
// arrive. Returns the byte count; 0 with no error means the peer closed the
// connection; a timeout is std::errc::timed_out.
std::size_t receiveSome(NativeSocket s, std::span<std::byte> buffer, std::chrono::milliseconds timeout,
                        std::error_code& error);

// One socket waitReadable() watches, and whether it turned ready.
struct Watched {
  NativeSocket socket = kInvalidSocket;
  bool ready = false;
};
// The most sockets one waitReadable() watches.
inline constexpr std::size_t kMaxWatched = 64;
// Waits up to `timeout` until one of `sockets` (at most kMaxWatched) is
// readable: data or the end of the stream to receive, a connection to
// accept, or an error the next call on it reports. Marks those `ready` and
// returns their count: 0 on timeout or failure (then `error` says why).
std::size_t waitReadable(std::span<Watched> sockets, std::chrono::milliseconds timeout, std::error_code& error);

// "127.0.0.1:54321" for logs; empty when the peer is unknown.
std::string peerAddress(NativeSocket s);
// Who a peerAddress() stands for when connections are counted per address:
// an IPv4 address ("127.0.0.1", also when mapped into IPv6), or an IPv6 /64
// ("[2001:db8:1:2::]/64"), since one site holds a whole /64.
std::string addressGroup(std::string_view peerAddress);

// Writes what the socket takes of `lastWords` at once, without waiting, and
// closes it so that the peer reads them and then the end of the stream:
// whatever the peer had already sent is read and dropped first, because
// closing with unread input sends a reset, which may destroy the words in
// flight. For turning a newcomer away: it never waits, whatever the socket's
// mode (an AcceptEx socket on Windows starts out blocking).
void closeWithLastWords(Socket socket, std::span<const std::byte> lastWords);

// One descriptor held in reserve, as libuv does: a process that has run out
// of descriptors lets it go to accept the waiting connection, turns that
// connection away with a word, and takes the reserve back. Without it an
// accept that fails for want of descriptors leaves the newcomer waiting in
// silence. POSIX only; on Windows, where sockets are not bounded that way,
// it holds nothing.
class SpareDescriptor {
 public:
  SpareDescriptor();  // takes it
  ~SpareDescriptor();
  SpareDescriptor(const SpareDescriptor&) = delete;
  SpareDescriptor& operator=(const SpareDescriptor&) = delete;
  void release();
  // Takes it again; false when the descriptor could not be had.
  bool restore();

 private:
  int fd_ = -1;
};

// Whether `error` says the process or the system has no descriptor left
// (EMFILE, ENFILE). Never on Windows.
bool outOfDescriptors(const std::error_code& error);
// How many descriptors the process may have open (the soft RLIMIT_NOFILE);
// 0 where sockets are not bounded that way (Windows) or it is unlimited.
std::size_t descriptorLimit();

}  // namespace net
