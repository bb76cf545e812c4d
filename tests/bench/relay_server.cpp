// relay_server: the fair reference for a move. A move is one receive and two
// sends (the move-accepted goes to both players); an echo is one of each, so
// the relay does what the match server does with a move and nothing else:
// connections are paired in accept order (1st with 2nd, 3rd with 4th, ...)
// and every Move-sized message (9 bytes) one of them sends is answered with
// a MoveAccepted-sized packet (38 bytes) to both members of the pair. The
// messages are fixed-size, so it frames by counting bytes; no validation, no
// game logic, nothing allocated per message.
//
//   relay_server [--host 127.0.0.1] [--port 0]
// Prints "listening on PORT" first; SIGINT/SIGTERM stop it.
//
// Single-threaded, one epoll set: pairing in accept order needs one accept
// queue, and one thread is the least a relay can spend per message (no
// hand-off, no lock). That is the fair floor: the match server's N workers
// plus its poller are its own design, and their hand-offs are part of what
// a move costs it; the figure compared is the rate at the same pairs and,
// independent of threads, the CPU per 1,000 messages. On the benchmark's
// two cores the single-threaded load generator needs one of them anyway.
// The loop itself is reference_loop.h's, as the echo server's. Linux only (epoll).
#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "shared/protocol/codec.h"
#include "tests/bench/reference_loop.h"

namespace {

constexpr std::size_t kMessageSize = sizeof(proto::Move);
const auto kReply = proto::encode(proto::MoveAccepted{});

class RelayLoop final : public bench::ReferenceLoop<RelayLoop> {
 public:
  using ReferenceLoop::ReferenceLoop;

  void accepted(int fd) {
    Pair& p = pair(fd);
    p = Pair{waiting_, 0};
    if (waiting_ >= 0) {
      pair(waiting_).partner = fd;
      waiting_ = -1;
    } else {
      waiting_ = fd;
    }
  }

  // The partner stays, alone: its messages are then answered to it only.
  void dropping(int fd) {
    Pair& p = pair(fd);
    if (p.partner >= 0) pair(p.partner).partner = -1;
    if (waiting_ == fd) waiting_ = -1;
    p = Pair{};
  }

  void received(int fd, std::span<const std::uint8_t> bytes) {
    for (pair(fd).received += bytes.size(); pair(fd).received >= kMessageSize; pair(fd).received -= kMessageSize) {
      // Read the partner first: a failed send drops fd and clears its pair.
      const int partner = pair(fd).partner;
      send(fd, kReply);
      if (partner >= 0 && isOpen(partner)) send(partner, kReply);
      if (!isOpen(fd)) return;
    }
  }

 private:
  struct Pair {
    int partner = -1;           // -1 until the next connection arrives, or once it left
    std::size_t received = 0;  // bytes of the message being received
  };

  Pair& pair(int fd) {
    if (static_cast<std::size_t>(fd) >= pairs_.size()) pairs_.resize(static_cast<std::size_t>(fd) + 1);
    return pairs_[static_cast<std::size_t>(fd)];
  }

  int waiting_ = -1;         // the last connection accepted while it has no partner
  std::vector<Pair> pairs_;  // indexed by file descriptor
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Relay server: pairs connections and answers every move to both, the game server's fair reference."};
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  app.add_option("--host", host, "numeric IPv4 address to listen on")->capture_default_str();
  app.add_option("--port", port, "TCP port, 0 for any free port")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const std::optional<sockaddr_in> address = bench::ipv4(host, port);
  if (!address) {
    std::cerr << "relay_server: not a numeric IPv4 address: " << host << '\n';
    return 1;
  }
  std::string error;
  const int fd = bench::listenOn(*address, false, error);
  if (fd < 0) {
    std::cerr << "relay_server: cannot listen on " << host << ":" << port << ": " << error << '\n';
    return 1;
  }
  RelayLoop loop(fd);
  bench::announce(bench::boundPort(fd));
  loop.run();
  return 0;
}
