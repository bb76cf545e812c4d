// The client's TCP connection: SFML's sf::TcpSocket in non-blocking mode, so
// connecting, sending and receiving never stop the window from drawing.
// It moves bytes only; what they mean is the protocol session's business.
//
// Ownership and threading: owned by LiveMode and pumped from the UI thread
// once per frame. One connection at a time; connect() drops the previous one.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <SFML/Network/IpAddress.hpp>
#include <SFML/Network/SocketSelector.hpp>
#include <SFML/Network/TcpSocket.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>

#include "game_client/core/session.h"

namespace client {

class NetworkLink {
 public:
  enum class State { Idle, Connecting, Connected, Closed };

  NetworkLink();

  // Starts connecting; pump() finishes it. A host that does not resolve
  // closes the link at once with the reason in closeReason().
  void connect(const std::string& host, unsigned short port);
  void close();

  // One frame's traffic with `session`, the same for every mode: advances a
  // connect, sends what the socket takes of what the session queued and
  // hands the session what has arrived. `changed`: the state moved or bytes came.
  struct Traffic {
    State state;
    bool changed;
  };
  Traffic pump(Session& session);

  State state() const { return state_; }
  // Why the link closed, in words.
  const std::string& closeReason() const { return reason_; }
  // Whether the socket has something to read, waiting at most `timeout`;
  // the idle loop sleeps here so a packet wakes it at once.
  bool waitReadable(sf::Time timeout);

 private:
  void fail(std::string reason);
  // The byte moving under pump(): sends from `out`, appends to `in`.
  State move(std::span<const std::uint8_t> out, std::size_t& sent, std::vector<std::uint8_t>& in);

  sf::TcpSocket socket_;
  sf::SocketSelector selector_;
  State state_ = State::Idle;
  std::string reason_;
  std::string host_;
  sf::IpAddress address_ = sf::IpAddress::None;  // host_ resolved
  std::string where_;      // "host:port", for messages
  sf::Clock connecting_;   // a connect that takes too long is given up
  std::vector<std::uint8_t> received_;  // reused each frame: empty between pumps
};

}  // namespace client
