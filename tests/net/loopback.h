// Test helpers: connected loopback socket pairs and a thread-free way to run
// the completion port's queue.
#pragma once

#include <gtest/gtest.h>

#include <chrono>

#include "game_server/net/completion_port.h"
#include "shared/net/socket.h"

namespace nettest {

using namespace std::chrono_literals;

// A connected pair on 127.0.0.1: `served` is non-blocking (for the port),
// `client` blocking (for the test's own thread).
struct Pair {
  net::Socket served;
  net::Socket client;
};

inline Pair loopbackPair() {
  std::error_code error;
  net::Listener l = net::listenTcp("127.0.0.1", 0, error);
  EXPECT_FALSE(error) << error.message();
  Pair p;
  p.client = net::connectTcp("127.0.0.1", l.port, 2s, error);
  EXPECT_TRUE(p.client.valid()) << error.message();
  p.served = net::acceptConnection(l.socket.native(), error);
  EXPECT_TRUE(p.served.valid()) << error.message();
  net::setNonBlocking(p.served.native(), true);
  return p;
}

// Dequeues and dispatches on the calling thread until `count` completions
// were handled or `timeout` passed; returns how many were handled.
inline std::size_t runCompletions(server::CompletionPort& port, std::size_t count,
                                  std::chrono::milliseconds timeout = 10s) {
  server::CompletionBatch batch;
  std::size_t handled = 0;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (handled < count && std::chrono::steady_clock::now() < deadline) {
    port.dequeue(batch, 50ms);
    for (const server::Completion& c : batch.completions()) {
      if (c.isWake()) continue;
      c.key->onCompletion(*c.op, c.bytes, c.error);
      ++handled;
    }
  }
  port.dequeue(batch, 0ms);  // release what the last batch owned
  EXPECT_TRUE(batch.completions().empty());
  return handled;
}

std::vector<std::byte> pattern(std::size_t size, unsigned seed = 1);

}  // namespace nettest
