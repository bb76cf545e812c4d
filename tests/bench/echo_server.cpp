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
// Ownership and threading: each thread runs one ReferenceLoop
// (reference_loop.h), which owns its listener, epoll set and the connections
// it accepted. Linux only (epoll, SO_REUSEPORT).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "tests/bench/reference_loop.h"

namespace {

// Sends back every byte as it comes.
class EchoLoop final : public bench::ReferenceLoop<EchoLoop> {
 public:
  using ReferenceLoop::ReferenceLoop;

  void accepted(int) {}
  void dropping(int) {}
  void received(int fd, std::span<const std::uint8_t> bytes) { send(fd, bytes); }
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

  std::optional<sockaddr_in> address = bench::ipv4(host, port);
  if (!address) {
    std::cerr << "echo_server: not a numeric IPv4 address: " << host << '\n';
    return 1;
  }
  // The first listener picks the port (for --port 0); the others join it.
  std::vector<std::unique_ptr<EchoLoop>> loops;
  for (int i = 0; i < threads; ++i) {
    std::string error;
    const int fd = bench::listenOn(*address, true, error);
    if (fd < 0) {
      std::cerr << "echo_server: cannot listen on " << host << ":" << port << ": " << error << '\n';
      return 1;
    }
    if (i == 0) address->sin_port = htons(bench::boundPort(fd));
    loops.push_back(std::make_unique<EchoLoop>(fd));
  }
  bench::announce(ntohs(address->sin_port));
  std::vector<std::thread> workers;
  for (auto& loop : loops) workers.emplace_back([&loop] { loop->run(); });
  for (std::thread& t : workers) t.join();
  return 0;
}
