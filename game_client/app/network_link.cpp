#include "game_client/app/network_link.h"

#include <array>

namespace client {

namespace {
const sf::Time kConnectTimeout = sf::seconds(5);
}

NetworkLink::NetworkLink() { socket_.setBlocking(false); }

void NetworkLink::fail(std::string reason) {
  selector_.clear();
  socket_.disconnect();
  state_ = State::Closed;
  reason_ = std::move(reason);
}

void NetworkLink::close() {
  selector_.clear();
  socket_.disconnect();
  state_ = State::Idle;
}

void NetworkLink::connect(const std::string& host, unsigned short port) {
  close();
  where_ = host + ":" + std::to_string(port);
  // A name lookup blocks, so it is done once (before the window opens, for
  // the first connect) and reconnects reuse its answer.
  if (host != host_ || address_ == sf::IpAddress::None) {
    host_ = host;
    address_ = sf::IpAddress(host);
  }
  if (address_ == sf::IpAddress::None) return fail("cannot resolve the host '" + host + "'");
  reason_.clear();
  state_ = State::Connecting;
  connecting_.restart();
  // Non-blocking: this returns NotReady at once and pump() watches for the end.
  const sf::Socket::Status status = socket_.connect(address_, port);
  if (status == sf::Socket::Error || status == sf::Socket::Disconnected)
    return fail("cannot connect to " + where_ + ": connection refused");
  selector_.add(socket_);
}

bool NetworkLink::waitReadable(sf::Time timeout) {
  if (state_ != State::Connected && state_ != State::Connecting) {
    sf::sleep(timeout);
    return false;
  }
  return selector_.wait(timeout) && selector_.isReady(socket_);
}

NetworkLink::Traffic NetworkLink::pump(Session& session) {
  const State before = state_;
  std::size_t sent = 0;
  const State now = move(session.outgoing(), sent, received_);
  session.sent(sent);
  const bool arrived = !received_.empty();
  if (arrived) {
    session.receive(received_);
    received_.clear();
  }
  return {now, now != before || arrived};
}

NetworkLink::State NetworkLink::move(std::span<const std::uint8_t> out, std::size_t& sent,
                                     std::vector<std::uint8_t>& in) {
  sent = 0;
  if (state_ == State::Connecting) {
    // SFML has no "connect finished" call: a peer address means connected;
    // a socket that turns readable without one means the connect failed.
    if (socket_.getRemoteAddress() != sf::IpAddress::None) {
      state_ = State::Connected;
    } else if (selector_.wait(sf::microseconds(1)) && selector_.isReady(socket_)) {
      fail("cannot connect to " + where_ + ": connection refused");
    } else if (connecting_.getElapsedTime() > kConnectTimeout) {
      fail("cannot connect to " + where_ + ": no answer");
    }
  }
  if (state_ != State::Connected) return state_;

  if (!out.empty()) {
    const sf::Socket::Status status = socket_.send(out.data(), out.size(), sent);
    if (status == sf::Socket::Disconnected || status == sf::Socket::Error) {
      fail("the connection to " + where_ + " was lost while sending");
      return state_;
    }
  }
  std::array<std::uint8_t, 4096> buffer;
  for (;;) {
    std::size_t received = 0;
    const sf::Socket::Status status = socket_.receive(buffer.data(), buffer.size(), received);
    if (status == sf::Socket::Done) {
      in.insert(in.end(), buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(received));
      continue;
    }
    if (status == sf::Socket::NotReady) break;
    fail(status == sf::Socket::Disconnected ? "the server closed the connection"
                                            : "the connection to " + where_ + " failed");
    break;
  }
  return state_;
}

}  // namespace client
