// The connection layer on the port: echo through the bounded send queue,
// callbacks serialised per connection, a peer that stops reading, and stop()
// with connections open.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "game_server/net/tcp_server.h"
#include "tests/net/loopback.h"

namespace nettest {
namespace {

using server::ConnectionPtr;
using server::TcpServer;

// Waits (bounded) until `done()` holds.
template <typename F>
bool eventually(F done, std::chrono::milliseconds timeout = 5s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

TEST(TcpServer, EchoesLargeMessagesWithCallbacksSerialisedPerConnection) {
  std::atomic<int> overlaps{0};
  server::TcpServerOptions options;
  options.threads = 4;
  options.sendLimit = 16 << 20;
  server::TimerQueue timers;
  TcpServer echo(options, {
      [](const ConnectionPtr& c) { c->context() = std::make_shared<std::atomic<bool>>(false); },
      [&](const ConnectionPtr& c, std::span<const std::byte> bytes) {
        auto busy = std::any_cast<std::shared_ptr<std::atomic<bool>>>(c->context());
        if (busy->exchange(true)) ++overlaps;
        std::this_thread::yield();
        c->send(bytes);
        *busy = false;
      },
      nullptr, nullptr, nullptr}, timers);
  ASSERT_FALSE(echo.start());

  constexpr int kClients = 4;
  constexpr std::size_t kBytes = 512 * 1024;
  std::vector<int> intact(kClients, 0);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      std::error_code error;
      net::Socket s = net::connectTcp("127.0.0.1", echo.port(), 2s, error);
      if (!s) return;
      std::vector<std::byte> data = pattern(kBytes, static_cast<unsigned>(i + 7));
      std::vector<std::byte> echoed;
      std::thread reader([&] {
        std::array<std::byte, 64 * 1024> buffer;
        std::error_code e;
        while (echoed.size() < kBytes) {
          std::size_t n = net::receiveSome(s.native(), buffer, 10s, e);
          if (n == 0) break;
          echoed.insert(echoed.end(), buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n));
        }
      });
      net::sendAll(s.native(), data);
      reader.join();
      intact[i] = echoed == data;
    });
  }
  for (auto& t : clients) t.join();
  echo.stop();
  EXPECT_EQ(overlaps.load(), 0);
  for (int i = 0; i < kClients; ++i) EXPECT_TRUE(intact[i]) << "client " << i;
}

TEST(TcpServer, PeerThatStopsReadingIsDisconnectedNotBuffered) {
  std::mutex m;
  ConnectionPtr connection;
  std::atomic<bool> closed{false};
  server::TcpServerOptions options;
  options.threads = 2;
  options.sendLimit = 64 * 1024;
  server::TimerQueue timers;
  TcpServer srv(options, {[&](const ConnectionPtr& c) {
                            std::lock_guard lock(m);
                            connection = c;
                          },
                          nullptr, [&](const ConnectionPtr&) { closed = true; }, nullptr, nullptr}, timers);
  ASSERT_FALSE(srv.start());
  std::error_code error;
  net::Socket idle = net::connectTcp("127.0.0.1", srv.port(), 2s, error);
  ASSERT_TRUE(idle.valid());
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(m);
    return connection != nullptr;
  }));

  // The client never reads: the kernel buffers fill, then the 64 KiB queue.
  std::vector<std::byte> chunk = pattern(8 * 1024);
  std::size_t accepted = 0;
  bool refused = false;
  for (int i = 0; i < 100000 && !refused; ++i) {
    if (connection->send(chunk)) {
      accepted += chunk.size();
    } else {
      refused = true;
    }
    if (i % 64 == 0) std::this_thread::sleep_for(1ms);  // let the kernel take what it will
  }
  EXPECT_TRUE(refused) << accepted << " bytes queued without limit";
  EXPECT_TRUE(eventually([&] { return closed.load(); }));
  EXPECT_TRUE(connection->closing());
  EXPECT_TRUE(srv.connections().empty());
  connection.reset();
  srv.stop();
}

TEST(TcpServer, PeerThatDisconnectsIsClosedOnce) {
  std::atomic<int> closes{0};
  std::atomic<int> connects{0};
  std::atomic<int> failedAccepts{0};
  server::TcpServerOptions options;
  options.threads = 2;
  server::TimerQueue timers;
  TcpServer srv(options, {[&](const ConnectionPtr&) { ++connects; }, nullptr,
                          [&](const ConnectionPtr&) { ++closes; }, [&](std::error_code) { ++failedAccepts; }, nullptr}, timers);
  ASSERT_FALSE(srv.start());
  std::error_code error;
  for (int i = 0; i < 20; ++i) {
    net::Socket s = net::connectTcp("127.0.0.1", srv.port(), 2s, error);
    ASSERT_TRUE(s.valid());
    if (i % 2) net::setAbortiveClose(s.native());  // half of them vanish with a reset
  }
  // Each peer is accepted and then closed exactly once, or, where the reset
  // beat the accept (AcceptEx fails then, accept4 does not), reported as a
  // failed accept; none is lost or closed twice.
  EXPECT_TRUE(eventually([&] { return closes.load() + failedAccepts.load() == 20; }));
  EXPECT_EQ(connects.load(), closes.load());
  EXPECT_TRUE(srv.connections().empty());
  srv.stop();
  EXPECT_EQ(closes.load() + failedAccepts.load(), 20);
}

TEST(TcpServer, StopWithConnectionsOpenReleasesEverything) {
  std::mutex m;
  std::vector<std::weak_ptr<server::Connection>> seen;
  std::atomic<int> closes{0};
  server::TcpServerOptions options;
  options.threads = 3;
  server::TimerQueue timers;
  TcpServer srv(options, {[&](const ConnectionPtr& c) {
                            std::lock_guard lock(m);
                            seen.push_back(c);
                          },
                          nullptr, [&](const ConnectionPtr&) { ++closes; }, nullptr, nullptr}, timers);
  ASSERT_FALSE(srv.start());
  std::vector<net::Socket> clients;
  std::error_code error;
  for (int i = 0; i < 10; ++i) clients.push_back(net::connectTcp("127.0.0.1", srv.port(), 2s, error));
  ASSERT_TRUE(eventually([&] { return srv.connections().size() == 10; }));
  srv.stop();
  EXPECT_EQ(closes.load(), 10);
  for (const auto& w : seen) EXPECT_TRUE(w.expired());  // no operation pins a connection
  // The clients see the server go.
  std::array<std::byte, 16> buffer;
  for (net::Socket& s : clients) {
    std::size_t n = net::receiveSome(s.native(), buffer, 2s, error);
    EXPECT_TRUE(n == 0 && error != std::errc::timed_out) << error.message();
  }
}

TEST(TcpServer, PortInUseFailsToStart) {
  server::TimerQueue timers;
  TcpServer first({}, {}, timers);
  ASSERT_FALSE(first.start());
  server::TcpServerOptions options;
  options.port = first.port();
  TcpServer second(options, {}, timers);
  EXPECT_EQ(second.start(), std::errc::address_in_use);
}

}  // namespace
}  // namespace nettest
