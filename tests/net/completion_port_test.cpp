// The completion port itself, driven directly: completion semantics of
// accept, receive and send, cancellation, wake-ups, and one thread per
// registration at a time.
#include <atomic>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/net/loopback.h"

namespace nettest {

std::vector<std::byte> pattern(std::size_t size, unsigned seed) {
  std::vector<std::byte> v(size);
  std::uint32_t x = seed * 2654435761u + 1;
  for (auto& b : v) {
    x = x * 1664525u + 1013904223u;
    b = static_cast<std::byte>(x >> 24);
  }
  return v;
}

namespace {

using server::CompletionPort;
using server::IoBackend;
using server::Operation;

// Every backend this system runs passes the same contract.
class CompletionPortContract : public testing::TestWithParam<IoBackend> {};

// Records every completion it gets.
struct Recorder : server::CompletionHandler {
  struct Got {
    Operation* op;
    std::size_t bytes;
    std::error_code error;
  };
  std::vector<Got> got;
  std::function<void(Operation&, const Got&)> then;

  void onCompletion(Operation& op, std::size_t bytes, std::error_code error) override {
    got.push_back({&op, bytes, error});
    if (then) then(op, got.back());
  }
};

// Reads everything from a blocking socket until the peer closes.
std::vector<std::byte> readAll(net::NativeSocket s, std::size_t expected) {
  std::vector<std::byte> all;
  std::array<std::byte, 64 * 1024> buffer;
  std::error_code error;
  while (all.size() < expected) {
    std::size_t n = net::receiveSome(s, buffer, 10s, error);
    if (n == 0) break;
    all.insert(all.end(), buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n));
  }
  return all;
}

TEST_P(CompletionPortContract, AcceptsManyConnectionsWithSeveralPendingAccepts) {
  CompletionPort port(GetParam());
  std::error_code error;
  net::Listener l = net::listenTcp("127.0.0.1", 0, error);
  net::setNonBlocking(l.socket.native(), true);
  Recorder listener;
  server::Registration* r = port.associate(l.socket.native(), &listener);
  std::vector<net::Socket> accepted;
  listener.then = [&](Operation& op, const Recorder::Got& got) {
    if (got.error) return;
    accepted.emplace_back(op.accepted);
    port.postAccept(r, static_cast<server::AcceptOperation&>(op));
  };
  std::vector<server::AcceptOperation> ops(4);
  for (server::AcceptOperation& op : ops) port.postAccept(r, op);

  constexpr int kClients = 64;
  std::vector<net::Socket> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(net::connectTcp("127.0.0.1", l.port, 2s, error));
    ASSERT_TRUE(clients.back().valid()) << error.message();
  }
  EXPECT_EQ(runCompletions(port, kClients), static_cast<std::size_t>(kClients));
  EXPECT_EQ(accepted.size(), static_cast<std::size_t>(kClients));
  for (const net::Socket& s : accepted) EXPECT_TRUE(s.valid());

  // Cancelling returns the four accepts still posted, with the cancel error.
  listener.got.clear();
  port.cancel(r);
  EXPECT_EQ(runCompletions(port, 4), 4u);
  for (const auto& g : listener.got) EXPECT_EQ(g.error, std::errc::operation_canceled);
  EXPECT_EQ(port.inFlight(), 0u);
  port.dissociate(r);
}

TEST_P(CompletionPortContract, ReceiveCompletesWithTheBytesThenZeroAtEndOfStream) {
  CompletionPort port(GetParam());
  Pair p = loopbackPair();
  Recorder h;
  server::Registration* r = port.associate(p.served.native(), &h);
  std::array<std::byte, 64> buffer;
  Operation op;
  op.buffer = buffer;
  port.postReceive(r, op);
  std::string_view text = "abc";
  ASSERT_FALSE(net::sendAll(p.client.native(), std::as_bytes(std::span(text.data(), text.size()))));
  ASSERT_EQ(runCompletions(port, 1), 1u);
  EXPECT_EQ(h.got[0].bytes, 3u);
  EXPECT_FALSE(h.got[0].error);
  EXPECT_EQ(std::memcmp(buffer.data(), "abc", 3), 0);

  p.client.close();
  port.postReceive(r, op);
  ASSERT_EQ(runCompletions(port, 1), 1u);
  EXPECT_EQ(h.got[1].bytes, 0u);
  EXPECT_FALSE(h.got[1].error);
  port.dissociate(r);
}

TEST_P(CompletionPortContract, LargeSendCompletesOnlyWhenEveryByteIsSent) {
  CompletionPort port(GetParam());
  Pair p = loopbackPair();
  Recorder h;
  server::Registration* r = port.associate(p.served.native(), &h);
  std::vector<std::byte> data = pattern(8 << 20);  // far beyond the socket buffers: many partial sends
  Operation op;
  op.buffer = data;
  port.postSend(r, op);
  std::vector<std::byte> received;
  std::thread reader([&] { received = readAll(p.client.native(), data.size()); });
  ASSERT_EQ(runCompletions(port, 1), 1u);
  reader.join();
  EXPECT_FALSE(h.got[0].error);
  EXPECT_EQ(h.got[0].bytes, data.size());
  EXPECT_TRUE(received == data);
  port.dissociate(r);
}

TEST_P(CompletionPortContract, PeerThatResetsMidSendCompletesWithAnError) {
  CompletionPort port(GetParam());
  Pair p = loopbackPair();
  Recorder h;
  server::Registration* r = port.associate(p.served.native(), &h);
  std::vector<std::byte> data = pattern(8 << 20);
  std::array<std::byte, 64> buffer;
  Operation send, receive;
  send.buffer = data;
  receive.buffer = buffer;
  port.postSend(r, send);
  port.postReceive(r, receive);
  net::setAbortiveClose(p.client.native());
  p.client.close();  // RST, with the send still far from done
  ASSERT_EQ(runCompletions(port, 2), 2u);
  for (const auto& g : h.got) {
    if (g.op == &send) {
      EXPECT_TRUE(g.error);
      EXPECT_LT(g.bytes, data.size());
    } else {
      EXPECT_TRUE(g.error || g.bytes == 0);  // gone either way
    }
  }
  port.dissociate(r);
}

TEST_P(CompletionPortContract, CancelledRegistrationCompletesLaterPostsWithTheError) {
  CompletionPort port(GetParam());
  Pair p = loopbackPair();
  Recorder h;
  server::Registration* r = port.associate(p.served.native(), &h);
  std::array<std::byte, 16> buffer;
  Operation op;
  op.buffer = buffer;
  port.cancel(r);
  port.postReceive(r, op);
  ASSERT_EQ(runCompletions(port, 1), 1u);
  EXPECT_EQ(h.got[0].error, std::errc::operation_canceled);
  port.dissociate(r);
}

TEST_P(CompletionPortContract, WakeStopsWorkersWithOperationsPendingAndNothingIsLost) {
  CompletionPort port(GetParam());
  constexpr int kPairs = 3;
  std::vector<Pair> pairs;
  std::vector<Recorder> handlers(kPairs);
  std::vector<server::Registration*> regs;
  std::vector<Operation> ops(kPairs);
  std::array<std::byte, 16> buffer;
  for (int i = 0; i < kPairs; ++i) {
    pairs.push_back(loopbackPair());
    regs.push_back(port.associate(pairs[i].served.native(), &handlers[i]));
    ops[i].buffer = buffer;
    port.postReceive(regs[i], ops[i]);
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) {
    workers.emplace_back([&] {
      server::CompletionBatch batch;
      for (;;) {
        port.dequeue(batch, CompletionPort::kInfinite);
        for (const auto& c : batch.completions()) {
          if (c.isWake()) return;
          c.key->onCompletion(*c.op, c.bytes, c.error);
        }
      }
    });
  }
  port.wake(2);
  for (auto& t : workers) t.join();
  EXPECT_EQ(port.inFlight(), static_cast<std::size_t>(kPairs));

  // The operations still belong to their owner: cancelling hands each back.
  for (auto* r : regs) port.cancel(r);
  EXPECT_EQ(runCompletions(port, kPairs), static_cast<std::size_t>(kPairs));
  for (const Recorder& h : handlers) {
    ASSERT_EQ(h.got.size(), 1u);
    EXPECT_EQ(h.got[0].error, std::errc::operation_canceled);
  }
  EXPECT_EQ(port.inFlight(), 0u);
  for (auto* r : regs) port.dissociate(r);
}

// An echo handler that keeps a receive and a send outstanding at once, so
// its completions often become ready together, and flags any overlap of two
// of its completions on different threads.
struct EchoHandler : server::CompletionHandler {
  CompletionPort* port = nullptr;
  server::Registration* reg = nullptr;
  std::atomic<bool> inHandler{false};
  std::atomic<int>* overlaps = nullptr;
  std::array<std::byte, 512> receiveBuffer;
  Operation receive, send;
  std::vector<std::byte> sending, pending;
  bool sendBusy = false;  // touched by the handler only: serialised by the port

  void startSend() {
    sending.swap(pending);
    pending.clear();
    send.buffer = sending;
    sendBusy = true;
    port->postSend(reg, send);
  }

  void onCompletion(Operation& op, std::size_t bytes, std::error_code error) override {
    if (inHandler.exchange(true)) ++*overlaps;
    std::this_thread::yield();  // widen the window a second thread would need
    if (&op == &receive) {
      if (!error && bytes > 0) {
        pending.insert(pending.end(), receiveBuffer.begin(), receiveBuffer.begin() + static_cast<std::ptrdiff_t>(bytes));
        if (!sendBusy) startSend();
        receive.buffer = receiveBuffer;
        port->postReceive(reg, receive);
      }
    } else {
      sendBusy = false;
      if (!error && !pending.empty()) startSend();
    }
    inHandler = false;
  }
};

TEST_P(CompletionPortContract, OneRegistrationIsNeverHandledOnTwoThreadsAtOnce) {
  CompletionPort port(GetParam());
  constexpr int kClients = 8;
  constexpr std::size_t kBytes = 64 * 1024;
  std::atomic<int> overlaps{0};
  std::vector<Pair> pairs;
  std::vector<std::unique_ptr<EchoHandler>> handlers;
  for (int i = 0; i < kClients; ++i) {
    pairs.push_back(loopbackPair());
    auto h = std::make_unique<EchoHandler>();
    h->port = &port;
    h->overlaps = &overlaps;
    h->reg = port.associate(pairs[i].served.native(), h.get());
    h->receive.buffer = h->receiveBuffer;
    port.postReceive(h->reg, h->receive);
    handlers.push_back(std::move(h));
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i) {
    workers.emplace_back([&] {
      server::CompletionBatch batch(8);
      for (;;) {
        port.dequeue(batch, CompletionPort::kInfinite);
        for (const auto& c : batch.completions()) {
          if (c.isWake()) return;
          c.key->onCompletion(*c.op, c.bytes, c.error);
        }
      }
    });
  }
  std::vector<std::thread> clients;
  std::vector<int> intact(kClients, 0);
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      std::vector<std::byte> data = pattern(kBytes, static_cast<unsigned>(i + 1));
      std::vector<std::byte> echoed;
      std::thread reader([&] { echoed = readAll(pairs[i].client.native(), kBytes); });
      for (std::size_t at = 0; at < kBytes; at += 100) {
        std::size_t n = std::min<std::size_t>(100, kBytes - at);
        if (net::sendAll(pairs[i].client.native(), std::span(data).subspan(at, n))) break;
      }
      reader.join();
      intact[i] = echoed == data;
    });
  }
  for (auto& t : clients) t.join();
  for (auto& h : handlers) port.cancel(h->reg);
  port.wake(4);
  for (auto& t : workers) t.join();
  runCompletions(port, port.inFlight(), 2s);
  EXPECT_EQ(port.inFlight(), 0u);
  for (auto& h : handlers) port.dissociate(h->reg);

  EXPECT_EQ(overlaps.load(), 0);
  for (int i = 0; i < kClients; ++i) EXPECT_TRUE(intact[i]) << "client " << i;
}

std::vector<IoBackend> backendsHere() {
#ifdef _WIN32
  return {IoBackend::Iocp};
#else
  std::vector<IoBackend> here{IoBackend::Epoll};
  try {
    CompletionPort probe(IoBackend::Uring);
    here.push_back(IoBackend::Uring);
  } catch (const std::system_error&) {
    // io_uring refused here (an old kernel, a container's policy): epoll alone.
  }
  return here;
#endif
}

INSTANTIATE_TEST_SUITE_P(Backends, CompletionPortContract, testing::ValuesIn(backendsHere()),
                         [](const testing::TestParamInfo<IoBackend>& info) {
                           return std::string(server::name(info.param));
                         });

}  // namespace
}  // namespace nettest
