// echo_server: the reference the game server is measured against. Sends back
// every byte it receives; no framing, no game logic, nothing allocated per
// message. One thread per core, each with its own epoll set and its own
// SO_REUSEPORT listener (the kernel spreads connections over them), so the
// threads share nothing. It shows what this machine's loopback TCP and
// system calls allow for the game server's message pattern.
//
//   echo_server [--host 127.0.0.1] [--port 0] [--threads N]
// Prints "listening on PORT" first; SIGINT/SIGTERM stop it.
//
// Ownership and threading: each thread owns its listener, epoll set and the
// connections it accepted; a connection's pending output lives in a map of
// that thread. Linux only (epoll, SO_REUSEPORT).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

volatile std::sig_atomic_t stopRequested = 0;
extern "C" void requestStop(int) { stopRequested = 1; }

int listenOn(const sockaddr_in& address, std::string& error) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  const int one = 1;
  if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0 ||
      ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 4096) != 0) {
    error = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return -1;
  }
  return fd;
}

class EchoLoop {
 public:
  explicit EchoLoop(int listener) : listener_(listener), epoll_(epoll_create1(EPOLL_CLOEXEC)) {
    epoll_event e{};
    e.events = EPOLLIN;
    e.data.fd = listener_;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, listener_, &e);
  }
  ~EchoLoop() {
    for (const auto& [fd, pending] : pending_) ::close(fd);
    ::close(epoll_);
    ::close(listener_);
  }
  EchoLoop(const EchoLoop&) = delete;
  EchoLoop& operator=(const EchoLoop&) = delete;

  void run() {
    std::array<epoll_event, 256> events;
    while (!stopRequested) {
      const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
      for (int i = 0; i < n; ++i) {
        const epoll_event& e = events[static_cast<std::size_t>(i)];
        if (e.data.fd == listener_)
          accept();
        else if (e.events & EPOLLOUT)
          drain(e.data.fd);
        else
          echo(e.data.fd);
      }
    }
  }

 private:
  void accept() {
    for (;;) {
      const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;
      const int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      watch(fd, EPOLLIN, EPOLL_CTL_ADD);
      pending_[fd];
    }
  }

  void watch(int fd, std::uint32_t events, int op) {
    epoll_event e{};
    e.events = events;
    e.data.fd = fd;
    epoll_ctl(epoll_, op, fd, &e);
  }

  void drop(int fd) {
    ::close(fd);
    pending_.erase(fd);
  }

  // Sends bytes back; what the socket does not take waits, and reading stops
  // until it is out, so a peer that does not read cannot grow our memory.
  void send(int fd, const std::uint8_t* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n = ::send(fd, data + done, size - done, MSG_NOSIGNAL);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        pending_[fd].assign(data + done, data + size);
        watch(fd, EPOLLOUT, EPOLL_CTL_MOD);
        return;
      } else if (errno != EINTR) {
        return drop(fd);
      }
    }
  }

  void echo(int fd) {
    const ssize_t n = ::recv(fd, buffer_.data(), buffer_.size(), 0);
    if (n > 0) return send(fd, buffer_.data(), static_cast<std::size_t>(n));
    if (n == 0 || (errno != EAGAIN && errno != EINTR)) drop(fd);
  }

  void drain(int fd) {
    const std::vector<std::uint8_t> bytes = std::move(pending_[fd]);
    pending_[fd].clear();
    watch(fd, EPOLLIN, EPOLL_CTL_MOD);
    send(fd, bytes.data(), bytes.size());
  }

  int listener_;
  int epoll_;
  std::array<std::uint8_t, 16 * 1024> buffer_;
  std::unordered_map<int, std::vector<std::uint8_t>> pending_;  // every connection, with its unsent bytes
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Echo server: the reference for the game server's benchmarks."};
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  app.add_option("--host", host, "numeric IPv4 address to listen on")->capture_default_str();
  app.add_option("--port", port, "TCP port, 0 for any free port")->capture_default_str();
  app.add_option("--threads", threads, "threads (default: one per processor)")->check(CLI::Range(1, 256));
  CLI11_PARSE(app, argc, argv);

  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  if (inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
    std::cerr << "echo_server: not a numeric IPv4 address: " << host << '\n';
    return 1;
  }
  // The first listener picks the port (for --port 0); the others join it.
  std::vector<std::unique_ptr<EchoLoop>> loops;
  for (int i = 0; i < threads; ++i) {
    std::string error;
    const int fd = listenOn(address, error);
    if (fd < 0) {
      std::cerr << "echo_server: cannot listen on " << host << ":" << port << ": " << error << '\n';
      return 1;
    }
    if (i == 0) {
      socklen_t length = sizeof address;
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    }
    loops.push_back(std::make_unique<EchoLoop>(fd));
  }
  std::signal(SIGINT, requestStop);
  std::signal(SIGTERM, requestStop);
  std::printf("listening on %u\n", static_cast<unsigned>(ntohs(address.sin_port)));
  std::fflush(stdout);

  std::vector<std::thread> workers;
  for (auto& loop : loops) workers.emplace_back([&loop] { loop->run(); });
  for (std::thread& t : workers) t.join();
  return 0;
}
