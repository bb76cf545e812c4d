// The socket shim: listening, connecting, blocking send/receive, errors.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstring>

#include "shared/net/socket.h"

using namespace std::chrono_literals;

namespace {

std::span<const std::byte> bytesOf(std::string_view s) { return std::as_bytes(std::span(s.data(), s.size())); }

TEST(Socket, ListenOnPortZeroReportsTheBoundPort) {
  std::error_code error;
  net::Listener l = net::listenTcp("127.0.0.1", 0, error);
  ASSERT_FALSE(error) << error.message();
  EXPECT_TRUE(l.socket.valid());
  EXPECT_NE(l.port, 0);
}

TEST(Socket, PortInUseIsAClearError) {
  std::error_code error;
  net::Listener first = net::listenTcp("127.0.0.1", 0, error);
  ASSERT_FALSE(error);
  net::Listener second = net::listenTcp("127.0.0.1", first.port, error);
  EXPECT_FALSE(second.socket.valid());
  EXPECT_EQ(error, std::errc::address_in_use) << error.message();
  EXPECT_FALSE(net::errorText(error).empty());
}

TEST(Socket, ConnectSendAndReceive) {
  std::error_code error;
  net::Listener l = net::listenTcp("127.0.0.1", 0, error);
  net::Socket client = net::connectTcp("127.0.0.1", l.port, 2s, error);
  ASSERT_TRUE(client.valid()) << error.message();
  net::Socket served = net::acceptConnection(l.socket.native(), error);
  ASSERT_TRUE(served.valid()) << error.message();
  EXPECT_EQ(net::peerAddress(client.native()), "127.0.0.1:" + std::to_string(l.port));

  ASSERT_FALSE(net::sendAll(client.native(), bytesOf("hello")));
  std::array<std::byte, 16> buffer;
  std::string got;
  while (got.size() < 5) {
    std::size_t n = net::receiveSome(served.native(), buffer, 2s, error);
    ASSERT_FALSE(error) << error.message();
    ASSERT_GT(n, 0u);
    got.append(reinterpret_cast<const char*>(buffer.data()), n);
  }
  EXPECT_EQ(got, "hello");

  // The peer's orderly close reads as 0 bytes without an error.
  client.close();
  EXPECT_EQ(net::receiveSome(served.native(), buffer, 2s, error), 0u);
  EXPECT_FALSE(error);
}

TEST(Socket, ConnectToAClosedPortFails) {
  std::error_code error;
  std::uint16_t port;
  {
    net::Listener l = net::listenTcp("127.0.0.1", 0, error);
    port = l.port;
  }
  net::Socket s = net::connectTcp("127.0.0.1", port, 2s, error);
  EXPECT_FALSE(s.valid());
  EXPECT_TRUE(error);
}

TEST(Socket, UnknownHostIsAnError) {
  std::error_code error;
  net::Socket s = net::connectTcp("no-such-host.invalid", 1, 2s, error);
  EXPECT_FALSE(s.valid());
  EXPECT_TRUE(error);
  EXPECT_FALSE(error.message().empty());
}

TEST(Socket, ReceiveTimesOutWhenNothingArrives) {
  std::error_code error;
  net::Listener l = net::listenTcp("127.0.0.1", 0, error);
  net::Socket client = net::connectTcp("127.0.0.1", l.port, 2s, error);
  ASSERT_TRUE(client.valid());
  std::array<std::byte, 16> buffer;
  EXPECT_EQ(net::receiveSome(client.native(), buffer, 50ms, error), 0u);
  EXPECT_EQ(error, std::errc::timed_out);
}

TEST(Socket, ConnectionsAreCountedByIPv4AddressOrIPv6Slash64) {
  EXPECT_EQ(net::addressGroup("127.0.0.1:54321"), "127.0.0.1");
  EXPECT_EQ(net::addressGroup("[::ffff:192.0.2.7]:80"), "192.0.2.7");  // IPv4 mapped into IPv6
  EXPECT_EQ(net::addressGroup("[2001:db8:1:2:3:4:5:6]:9000"), "[2001:db8:1:2::]/64");
  EXPECT_EQ(net::addressGroup("[2001:db8:1:2:ffff::1]:1"), net::addressGroup("[2001:db8:1:2::9]:2"));
  EXPECT_NE(net::addressGroup("[2001:db8:1:2::1]:1"), net::addressGroup("[2001:db8:1:3::1]:1"));
  EXPECT_EQ(net::addressGroup("[::1]:5"), "[::]/64");
}

TEST(Socket, MovedSocketKeepsOwnership) {
  std::error_code error;
  net::Listener l = net::listenTcp("127.0.0.1", 0, error);
  net::Socket a = std::move(l.socket);
  EXPECT_FALSE(l.socket.valid());
  EXPECT_TRUE(a.valid());
  net::NativeSocket raw = a.release();
  EXPECT_FALSE(a.valid());
  net::Socket b(raw);
  EXPECT_EQ(b.native(), raw);
}

}  // namespace
