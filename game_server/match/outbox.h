// Putting packets on a connection: encode into its send queue.
#pragma once

#include <chrono>
#include <string_view>

#include "game_server/net/connection.h"
#include "game_server/net/timer_queue.h"
#include "shared/protocol/packets.h"

namespace server {

// How long a connection we hang up on may take to read its last packets and
// close its end before we drop it.
inline constexpr std::chrono::seconds kHangUpLinger{5};

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
