// What the benchmark's reference servers (echo_server, relay_server) share:
// a listener, one epoll set and its loop, connections indexed by descriptor
// with the bytes their sockets did not take yet, and the start-up that
// prints "listening on PORT". Each server says only what it does with the
// bytes it receives (Derived::received) and with a connection that comes
// (accepted) or goes (dropping); CRTP, so the message path has no virtual
// call.
//
// Sending: what the socket does not take waits, and reading that connection
// stops until it is out; a connection holding more than kPendingLimit
// unsent bytes is dropped, so a peer that does not read cannot grow our
// memory (in the relay its partner keeps feeding it).
//
// Ownership and threading: a loop owns its listener, its epoll set and the
// connections it accepted, and runs on one thread. Linux only (epoll).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace bench {

inline volatile std::sig_atomic_t stopRequested = 0;
extern "C" inline void requestStop(int) { stopRequested = 1; }

// A listening socket on `address`; `reusePort` lets several share the port
// (the kernel spreads connections over them). -1 with `error` set.
inline int listenOn(const sockaddr_in& address, bool reusePort, std::string& error) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  const int one = 1;
  if (fd < 0 || (reusePort && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) ||
      ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 4096) != 0) {
    error = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return -1;
  }
  return fd;
}

inline std::optional<sockaddr_in> ipv4(const std::string& host, std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  if (inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) return std::nullopt;
  return address;
}

inline std::uint16_t boundPort(int listener) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

// Stop on SIGINT/SIGTERM, and tell scripts the port.
inline void announce(std::uint16_t port) {
  std::signal(SIGINT, requestStop);
  std::signal(SIGTERM, requestStop);
  std::printf("listening on %u\n", static_cast<unsigned>(port));
  std::fflush(stdout);
}

template <typename Derived>
class ReferenceLoop {
 public:
  static constexpr std::size_t kPendingLimit = 64 * 1024;

  explicit ReferenceLoop(int listener) : listener_(listener), epoll_(epoll_create1(EPOLL_CLOEXEC)) {
    watch(listener_, EPOLLIN, EPOLL_CTL_ADD);
  }
  ~ReferenceLoop() {
    for (std::size_t fd = 0; fd < connections_.size(); ++fd)
      if (connections_[fd].open) ::close(static_cast<int>(fd));
    ::close(epoll_);
    ::close(listener_);
  }
  ReferenceLoop(const ReferenceLoop&) = delete;
  ReferenceLoop& operator=(const ReferenceLoop&) = delete;

  void run() {
    std::array<epoll_event, 256> events;
    while (!stopRequested) {
      const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
      for (int i = 0; i < n; ++i) {
        const epoll_event& e = events[static_cast<std::size_t>(i)];
        if (e.data.fd == listener_)
          accept();
        else if (!isOpen(e.data.fd))
          continue;  // dropped by an earlier event of this batch
        else if (e.events & EPOLLOUT)
          drain(e.data.fd);
        else
          receive(e.data.fd);
      }
    }
  }

 protected:
  bool isOpen(int fd) const {
    return static_cast<std::size_t>(fd) < connections_.size() && connections_[static_cast<std::size_t>(fd)].open;
  }

  void send(int fd, std::span<const std::uint8_t> data) {
    Connection& c = connection(fd);
    if (!c.pending.empty()) return queue(fd, data);
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        watch(fd, EPOLLOUT, EPOLL_CTL_MOD);
        return queue(fd, data.subspan(done));
      } else if (errno != EINTR) {
        return drop(fd);
      }
    }
  }

  void drop(int fd) {
    static_cast<Derived*>(this)->dropping(fd);
    connection(fd) = Connection{};
    ::close(fd);
  }

 private:
  struct Connection {
    bool open = false;
    std::vector<std::uint8_t> pending;  // what the socket did not take yet
  };

  // Descriptors are small and dense: a vector indexed by them is the
  // cheapest lookup per message.
  Connection& connection(int fd) {
    if (static_cast<std::size_t>(fd) >= connections_.size()) connections_.resize(static_cast<std::size_t>(fd) + 1);
    return connections_[static_cast<std::size_t>(fd)];
  }

  void watch(int fd, std::uint32_t events, int op) {
    epoll_event e{};
    e.events = events;
    e.data.fd = fd;
    epoll_ctl(epoll_, op, fd, &e);
  }

  void accept() {
    for (;;) {
      const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;
      const int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      watch(fd, EPOLLIN, EPOLL_CTL_ADD);
      connection(fd).open = true;
      static_cast<Derived*>(this)->accepted(fd);
    }
  }

  void queue(int fd, std::span<const std::uint8_t> data) {
    std::vector<std::uint8_t>& pending = connection(fd).pending;
    if (pending.size() + data.size() > kPendingLimit) return drop(fd);
    pending.insert(pending.end(), data.begin(), data.end());
  }

  void receive(int fd) {
    const ssize_t n = ::recv(fd, buffer_.data(), buffer_.size(), 0);
    if (n > 0) return static_cast<Derived*>(this)->received(fd, std::span(buffer_).first(static_cast<std::size_t>(n)));
    if (n == 0 || (errno != EAGAIN && errno != EINTR)) drop(fd);
  }

  void drain(int fd) {
    const std::vector<std::uint8_t> bytes = std::move(connection(fd).pending);
    connection(fd).pending.clear();
    watch(fd, EPOLLIN, EPOLL_CTL_MOD);
    send(fd, bytes);
  }

  int listener_;
  int epoll_;
  std::array<std::uint8_t, 16 * 1024> buffer_;
  std::vector<Connection> connections_;  // indexed by file descriptor
};

}  // namespace bench
