// Putting packets on a connection: encode into its send queue.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <span>
#include <string_view>

#include "game_server/net/connection.h"
#include "game_server/net/timer_queue.h"
#include "shared/protocol/packets.h"

namespace server {

// How long a connection we hang up on may take to read its last packets and
// close its end before we drop it.
inline constexpr std::chrono::seconds kHangUpLinger{5};

// One packet's bytes, encoded once for however many connections it goes to
// (a move-accepted reaches two players and up to 256 spectators), on the
// stack: the move path allocates nothing for it.
class Encoded {
 public:
  explicit Encoded(const proto::Packet& packet);
  std::span<const std::byte> bytes() const { return std::as_bytes(std::span(bytes_).first(size_)); }

 private:
  std::array<std::uint8_t, proto::kMaxPacketSize> bytes_;
  std::size_t size_ = 0;
};

// False when the connection is closing or its queue is full (then it closes).
bool sendPacket(Connection& connection, const proto::Packet& packet);
// Ends a connection after what is queued has been sent: a final packet
// reaches the peer instead of being cut off, and a peer that does not close
// its end is dropped after kHangUpLinger.
void hangUp(const ConnectionPtr& connection, TimerQueue& timers);
// An Error packet; hangs up after it when the protocol says this error closes
// the connection (proto::closesConnection), and then returns true.
bool sendError(const ConnectionPtr& connection, proto::ErrorCode code, std::string_view text, TimerQueue& timers);

}  // namespace server
