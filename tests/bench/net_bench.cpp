// net_bench: request/response round trips through the completion-port server
// against a thread-per-connection blocking echo server measured in the same
// run, on 127.0.0.1. The same blocking client threads drive both; rounds
// alternate between the two servers and the best round of each is reported.
//
//   net_bench [--clients 32] [--round-trips 2000] [--workers 2] [--rounds 3] [--size 30]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include "game_server/net/tcp_server.h"
#include "shared/net/socket.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// The reference: one blocking thread per connection echoing what it reads.
class ThreadPerConnectionEcho {
 public:
  ThreadPerConnectionEcho() {
    std::error_code error;
    listener_ = net::listenTcp("127.0.0.1", 0, error);
    acceptor_ = std::thread([this] {
      for (;;) {
        std::error_code e;
        net::Socket s = net::acceptConnection(listener_.socket.native(), e);
        if (!s || stopping_) return;
        net::setNoDelay(s.native(), true);
        std::lock_guard lock(mutex_);
        connections_.emplace_back([socket = std::move(s)] {
          std::array<std::byte, 4096> buffer;
          std::error_code err;
          for (;;) {
            std::size_t n = net::receiveSome(socket.native(), buffer, 60s, err);
            if (n == 0 || net::sendAll(socket.native(), std::span(buffer.data(), n))) return;
          }
        });
      }
    });
  }
  ~ThreadPerConnectionEcho() {
    stopping_ = true;
    std::error_code error;
    net::connectTcp("127.0.0.1", port(), 1s, error);  // wakes the blocking accept
    acceptor_.join();
    for (std::thread& t : connections_) t.join();
  }
  std::uint16_t port() const { return listener_.port; }

 private:
  net::Listener listener_;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  std::mutex mutex_;
  std::vector<std::thread> connections_;
};

// Round trips per second of `clients` threads, each sending `size` bytes and
// waiting for them to come back, `roundTrips` times.
double measure(std::uint16_t port, int clients, int roundTrips, std::size_t size) {
  std::vector<net::Socket> sockets;
  for (int i = 0; i < clients; ++i) {
    std::error_code error;
    sockets.push_back(net::connectTcp("127.0.0.1", port, 5s, error));
    if (!sockets.back()) {
      std::fprintf(stderr, "net_bench: cannot connect: %s\n", error.message().c_str());
      std::exit(1);
    }
  }
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      std::vector<std::byte> message(size, std::byte{0x5a});
      std::vector<std::byte> reply(size);
      ++ready;
      while (!go) std::this_thread::yield();
      std::error_code error;
      for (int r = 0; r < roundTrips; ++r) {
        net::sendAll(sockets[i].native(), message);
        for (std::size_t got = 0; got < size;) {
          std::size_t n = net::receiveSome(sockets[i].native(), std::span(reply).subspan(got), 10s, error);
          if (n == 0) return;
          got += n;
        }
      }
    });
  }
  while (ready < clients) std::this_thread::yield();
  auto start = Clock::now();
  go = true;
  for (std::thread& t : threads) t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return clients * static_cast<double>(roundTrips) / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Round trips through the completion-port server against a thread-per-connection echo server."};
  int clients = 32;
  int roundTrips = 2000;
  int workers = 2;
  int rounds = 3;
  std::size_t size = 30;  // a move-accepted packet
  app.add_option("--clients", clients, "client connections")->capture_default_str()->check(CLI::Range(1, 1000));
  app.add_option("--round-trips", roundTrips, "round trips per client")->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--workers", workers, "completion-port worker threads")->capture_default_str()->check(CLI::Range(1, 64));
  app.add_option("--rounds", rounds, "alternating rounds; the best of each is kept")->capture_default_str()->check(CLI::Range(1, 100));
  app.add_option("--size", size, "message bytes")->capture_default_str()->check(CLI::Range(1, 4096));
  CLI11_PARSE(app, argc, argv);

  net::Platform platform;
  server::TcpServerOptions options;
  options.threads = workers;
  server::TimerQueue timers;
  server::TcpServer port(options, {nullptr,
                                   [](const server::ConnectionPtr& c, std::span<const std::byte> bytes) { c->send(bytes); },
                                   nullptr, nullptr, nullptr}, timers);
  if (std::error_code e = port.start()) {
    std::fprintf(stderr, "net_bench: %s\n", e.message().c_str());
    return 1;
  }
  ThreadPerConnectionEcho reference;

  double bestReference = 0;
  double bestPort = 0;
  for (int r = 0; r < rounds; ++r) {
    bestReference = std::max(bestReference, measure(reference.port(), clients, roundTrips, size));
    bestPort = std::max(bestPort, measure(port.port(), clients, roundTrips, size));
  }
  std::printf("%d clients x %d round trips of %zu bytes, best of %d rounds\n", clients, roundTrips, size, rounds);
  std::printf("thread per connection (reference): %10.0f round trips/s  1.00\n", bestReference);
  std::printf("completion port, %2d workers:       %10.0f round trips/s  %.2f\n", workers, bestPort,
              bestPort / bestReference);
  port.stop();
  return 0;
}
